import os

import dagster as dg

from pipeline.adapters.nlp import DEFAULT_MODEL, Nlp
from pipeline.adapters.seeds import Seeds
from pipeline.adapters.staging import Staging
from pipeline.adapters.warehouse import Warehouse


@dg.definitions
def resources() -> dg.Definitions:
    return dg.Definitions(
        resources={
            "seeds": Seeds(path=os.environ.get("PIPELINE_SEEDS_DIR", "seeds")),
            "warehouse": Warehouse(path=os.environ.get("PIPELINE_WAREHOUSE", "warehouse/news.duckdb")),
            "staging": Staging(path=os.environ.get("PIPELINE_STAGING_DIR", "warehouse/staging")),
            "nlp": Nlp(
                model=os.environ.get("PIPELINE_SPACY_MODEL", DEFAULT_MODEL),
                n_process=int(os.environ.get("PIPELINE_SPACY_PROCESSES", "0")),
            ),
        }
    )
