import os

import dagster as dg

from pipeline.adapters.nlp import DEFAULT_MODEL, Nlp
from pipeline.adapters.seeds import Seeds
from pipeline.adapters.staging import Staging
from pipeline.adapters.warehouse import Warehouse


@dg.definitions
def resources() -> dg.Definitions:
    warehouse = Warehouse(path=os.environ.get("PIPELINE_WAREHOUSE", "warehouse/news.duckdb"))
    return dg.Definitions(
        resources={
            "seeds": Seeds(path=os.environ.get("PIPELINE_SEEDS_DIR", "seeds")),
            "warehouse": warehouse,
            # Beside the warehouse unless set: two warehouses never share (and overwrite) one staging folder.
            "staging": Staging(path=os.environ.get("PIPELINE_STAGING_DIR") or str(warehouse.file.parent / "staging")),
            "nlp": Nlp(
                model=os.environ.get("PIPELINE_SPACY_MODEL", DEFAULT_MODEL),
                n_process=int(os.environ.get("PIPELINE_SPACY_PROCESSES", "0")),
            ),
        }
    )
