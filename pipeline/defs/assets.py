import datetime as dt

import dagster as dg
import polars as pl

from pipeline import annotate, canonical, documents, money_table, relations
from pipeline.adapters.metadata import asset_spec, table_metadata
from pipeline.adapters.nlp import Nlp
from pipeline.adapters.seeds import Seeds
from pipeline.adapters.warehouse import Warehouse
from pipeline.schema import TABLES


@dg.multi_asset(
    specs=[asset_spec(name, "ingest") for name in ("documents", "boilerplate", "captions", "quarantine")],
    description="Decode every seed file, remove page chrome line by line, lift metadata; quarantine what cannot be read.",
)
def ingest(seeds: Seeds, warehouse: Warehouse):
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    result = documents.ingest(seeds.read(), now=now, max_bytes=seeds.max_bytes)
    tables = {"documents": result.documents, "boilerplate": result.boilerplate, "captions": result.captions, "quarantine": result.quarantine}
    warehouse.replace(tables)
    for name, frame in tables.items():
        yield dg.MaterializeResult(asset_key=name, metadata=table_metadata(frame))


@dg.multi_asset(
    specs=[
        asset_spec("sentences", "nlp", deps=["documents"]),
        asset_spec("ner_spans", "nlp", deps=["documents"]),
    ],
    description="One batched spaCy pass over every paragraph: sentences and entity spans.",
)
def sentences(nlp: Nlp, warehouse: Warehouse):
    sents, spans = annotate.annotate_documents(warehouse.read("documents"), nlp.annotate)
    warehouse.replace({"sentences": sents, "ner_spans": spans})
    yield dg.MaterializeResult(asset_key="sentences", metadata=table_metadata(sents))
    yield dg.MaterializeResult(asset_key="ner_spans", metadata=table_metadata(spans))


@dg.multi_asset(
    specs=[
        asset_spec("mentions", "nlp", deps=["ner_spans", "documents"]),
        asset_spec("entities", "nlp", deps=["ner_spans"]),
        asset_spec("cooccurrences", "nlp", deps=["ner_spans"]),
    ],
    description="Give every name mention one canonical entity across all documents; count entity pairs.",
)
def canonical_entities(seeds: Seeds, warehouse: Warehouse):
    spans = warehouse.read("ner_spans").filter(pl.col("ner_label").is_not_null())
    texts = dict(warehouse.read("documents").select("doc_id", "clean_text").rows())
    mentions, ents = canonical.canonicalise(spans.drop("raw_label"), texts, seeds.aliases())
    pairs = relations.cooccurrences(mentions, ents)
    warehouse.replace({"mentions": mentions, "entities": ents, "cooccurrences": pairs})
    yield dg.MaterializeResult(asset_key="mentions", metadata=table_metadata(mentions))
    yield dg.MaterializeResult(asset_key="entities", metadata=table_metadata(ents.sort("n_documents", "n_mentions", descending=True)))
    yield dg.MaterializeResult(asset_key="cooccurrences", metadata=table_metadata(pairs))


@dg.multi_asset(
    specs=[asset_spec("money", "money", deps=["documents", "sentences", "mentions"])],
    description="Monetary figures with ISO 4217 currency, qualifier, ranges, restatement links and USD at the publication date.",
)
def money(warehouse: Warehouse):
    frame = money_table.money_frame(warehouse.read("documents"), warehouse.read("sentences"))
    frame = relations.money_subjects(frame, warehouse.read("mentions"))
    warehouse.replace({"money": frame})
    by_currency = frame.group_by("currency").len().sort("len", descending=True).rows()
    yield dg.MaterializeResult(asset_key="money", metadata=table_metadata(frame, currencies=dict(by_currency)))


@dg.multi_asset(
    specs=[asset_spec("validation_results", "quality", deps=[t for t in TABLES if t not in ("validation_results", "captions", "ner_spans", "cooccurrences")])],
    description="Summary of this run's expectation results; the rows are written by the asset checks of each table.",
)
def validation_results(context: dg.AssetExecutionContext, warehouse: Warehouse):
    rows = warehouse.read("validation_results").filter(pl.col("run_id") == context.run_id)
    failed = rows.filter(~pl.col("success"))
    yield dg.MaterializeResult(
        asset_key="validation_results",
        metadata=table_metadata(failed if failed.height else rows, evaluated=rows.height, failed=failed.height),
    )
