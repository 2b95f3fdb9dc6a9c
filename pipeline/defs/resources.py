"""The run's resources. Each setting is declared once, on its resource's field (`adapters.project.setting`:
its environment variable, default and meaning); here the variables are read, and the README's table
is tested against the fields."""

import os
from collections.abc import Mapping
from typing import TypeVar

import dagster as dg

from pipeline.adapters.annotators import Nlp
from pipeline.adapters.project import environment_variable
from pipeline.adapters.seeds import Seeds
from pipeline.adapters.staging import Staging
from pipeline.adapters.warehouse import Warehouse

R = TypeVar("R", bound=dg.ConfigurableResource)


def from_environment(cls: type[R], environ: Mapping[str, str], **defaults: object) -> R:
    """`cls` with each field that names an environment variable taken from it where it is set and
    not empty; `defaults` replace the fields' own defaults."""
    values = {name: environ[var] for name, field in cls.model_fields.items() if (var := environment_variable(field)) and environ.get(var)}
    return cls(**{**defaults, **values})


@dg.definitions
def resources() -> dg.Definitions:
    warehouse = from_environment(Warehouse, os.environ)
    return dg.Definitions(
        resources={
            "seeds": from_environment(Seeds, os.environ),
            "warehouse": warehouse,
            # Beside the warehouse unless set: two warehouses never share (and overwrite) one staging folder.
            "staging": from_environment(Staging, os.environ, path=str(warehouse.file.parent / "staging")),
            "nlp": from_environment(Nlp, os.environ),
        }
    )
