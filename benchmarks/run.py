"""Materialize every asset and check of the project against given folders (for tests and benchmarks)."""

from __future__ import annotations

from pathlib import Path

import dagster as dg

from pipeline.adapters.annotators import Annotator, Nlp
from pipeline.adapters.seeds import Seeds
from pipeline.adapters.staging import Staging
from pipeline.adapters.warehouse import Warehouse
from pipeline.definitions import defs


def materialize_all(
    seeds: Path, warehouse: Path, nlp: Annotator | None = None, instance: dg.DagsterInstance | None = None, tags: dict[str, str] | None = None,
    staging: Path | None = None,
):
    """One run of the whole project; staging sits beside the warehouse file unless given."""
    definitions = defs()
    return dg.materialize(
        list(definitions.assets) + list(definitions.asset_checks),
        instance=instance,
        tags=tags,
        resources={
            "seeds": Seeds(path=str(seeds)),
            "warehouse": Warehouse(path=str(warehouse)),
            "staging": Staging(path=str(staging or warehouse.parent / "staging")),
            "nlp": nlp or Nlp(),
        },
    )
