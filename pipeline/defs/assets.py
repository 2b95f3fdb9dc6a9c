import datetime as dt

import dagster as dg
import polars as pl

from pipeline.adapters import gx
from pipeline.adapters.annotators import Annotator
from pipeline.adapters.check_results import CheckResults
from pipeline.adapters.seeds import Seeds
from pipeline.adapters.staging import Staging
from pipeline.adapters.ui_metadata import asset_spec, markdown_preview, table_metadata
from pipeline.adapters.warehouse import Warehouse
from pipeline.defs.checks import check_names
from pipeline.defs.jobs import FULL_REFRESH_TAG
from pipeline.documents import placement
from pipeline.money import claims
from pipeline.money import table as money_table
from pipeline.money.subjects import money_subjects
from pipeline.nlp import annotate, canonical
from pipeline.nlp.cooccurrence import cooccurrences
from pipeline.quality import summary
from pipeline.runtime import memory
from pipeline.schema import TABLES


@dg.multi_asset(
    specs=[asset_spec(name, "ingest") for name in ("documents", "boilerplate", "captions", "quarantine")],
    description="Decode every seed file, remove page chrome line by line, lift metadata; quarantine what cannot be read.",
)
def ingest(context: dg.AssetExecutionContext, seeds: Seeds, staging: Staging):
    """Per-document results whose content and code version are unchanged are reused."""
    memory.release()
    previous = placement.Ingested(
        *(staging.previous(name) for name in ("documents", "boilerplate", "captions", "quarantine")),
        keys=staging.cache.read("documents_keys"),
        signatures=staging.cache.read("documents_minhash"),
    )
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    result = placement.place_files(seeds.read(), now=now, max_bytes=seeds.max_bytes, previous=previous, reuse=not full_refresh(context))
    changes = result.changes
    counts = {"added": len(changes.added), "changed": len(changes.changed), "removed": len(changes.removed), "reused": result.reused}
    context.log.info(f"Seed files: {changes.summary()}, {result.reused} reused")
    tables = {"documents": result.documents, "boilerplate": result.boilerplate, "captions": result.captions, "quarantine": result.quarantine}
    yield from _stage(staging, tables, documents={f"documents_{k}": v for k, v in counts.items()})
    # Keys last: a run killed before this point leaves keys that match the staged tables.
    staging.cache.write("documents_minhash", result.signatures)
    staging.cache.write("documents_keys", result.keys)


@dg.multi_asset(
    specs=[
        asset_spec("sentences", "nlp", deps=["documents"]),
        asset_spec("ner_spans", "nlp", deps=["documents"]),
    ],
    description="One batched spaCy pass over every paragraph: sentences and entity spans.",
)
def sentences(context: dg.AssetExecutionContext, nlp: Annotator, staging: Staging):
    memory.release()
    previous = annotate.Annotated(staging.previous("sentences"), staging.previous("ner_spans"), reuse_keys(context, staging, "sentences_keys", ("sentences", "ner_spans")))
    # The texts stay on disk: annotation reads a chunk of documents' texts at a time.
    docs = staging.scan("documents", ["doc_id", "content_sha256", "clean_text"])
    result = annotate.annotate_incrementally(docs, nlp.annotate, nlp.key, previous)
    counts = {"documents_reused": result.reused, "documents_annotated": result.keys.height - result.reused}
    yield from _stage(staging, {"sentences": result.sentences, "ner_spans": result.ner_spans}, sentences=counts)
    staging.cache.write("sentences_keys", result.keys)


@dg.multi_asset(
    specs=[
        asset_spec("mentions", "nlp", deps=["ner_spans", "documents"]),
        asset_spec("entities", "nlp", deps=["ner_spans"]),
        asset_spec("cooccurrences", "nlp", deps=["ner_spans"]),
    ],
    description="Give every name mention one canonical entity across all documents; count entity pairs.",
)
def canonical_entities(seeds: Seeds, staging: Staging):
    memory.release()
    spans = staging.scan("ner_spans").filter(pl.col("ner_label").is_not_null()).drop("raw_label").collect()
    # The texts stay on disk: canonicalisation reads a chunk of documents' texts at a time.
    mentions, ents = canonical.canonicalise(spans, staging.scan("documents", ["doc_id", "clean_text"]), seeds.aliases())
    ents = ents.sort("n_documents", "n_mentions", "entity_id", descending=[True, True, False])
    yield from _stage(staging, {"mentions": mentions, "entities": ents, "cooccurrences": cooccurrences(mentions, ents)})


@dg.multi_asset(
    specs=[
        asset_spec("money", "money", deps=["documents", "sentences", "mentions"]),
        asset_spec("money_claims", "money", deps=["documents", "mentions"]),
    ],
    description="Monetary figures with ISO 4217 currency, qualifier, ranges, restatement links, USD at the publication date "
    "and the entity that holds each; the claims they report, one per figure as reported across documents.",
)
def money(context: dg.AssetExecutionContext, staging: Staging):
    memory.release()
    # The texts stay on disk: money reads a chunk of documents' texts at a time.
    docs = staging.scan("documents", ["doc_id", "content_sha256", "clean_text", "published_date", "dateline", "outlet", "story_id"])
    sentences = staging.read("sentences")
    frame, keys, reused = money_table.money_incrementally(docs, sentences, staging.previous("money"), reuse_keys(context, staging, "money_keys", ("money",)))
    mentions = staging.read("mentions", ["doc_id", "sentence_idx", "start_char", "end_char", "label", "entity_id"])
    frame, claim_table = claims.money_claims(money_subjects(frame, mentions, sentences), docs, mentions)
    by_currency = dict(frame.group_by("currency").len().sort("len", descending=True).rows())
    counts = {"currencies": by_currency, "documents_reused": reused, "documents_parsed": keys.height - reused}
    yield from _stage(staging, {"money": frame, "money_claims": claim_table}, money=counts)
    # Keys last: a run killed before this point leaves keys that match the staged tables.
    staging.cache.write("money_keys", keys)


@dg.asset(
    name="warehouse",
    group_name="quality",
    deps=[t for t in TABLES if t != "validation_results"],
    kinds={"duckdb"},
    description="Publish every staged table and this run's expectation results to warehouse/news.duckdb in one "
    "transaction. Blocking checks upstream keep a failing table out.",
)
def publish(context: dg.AssetExecutionContext, staging: Staging, warehouse: Warehouse) -> dg.MaterializeResult:
    memory.release()
    run_id = context.run.run_id
    files = staging.current_files([name for name in TABLES if name != "validation_results"])
    checks = CheckResults.of(staging)
    results = checks.expectation_rows(run_id)
    warehouse.publish(files, results, run_id=run_id, log=context.log)
    checks.keep_published(run_id, check_names())
    failed = results.filter(~pl.col("success"))
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(warehouse.file)),
            "tables": {name: staging.rows(name) for name in files},
            "expectations_evaluated": results.height,
            "expectations_failed": failed.height,
            "failed": dg.MetadataValue.md(markdown_preview(failed, rows=20)),
        }
    )


def full_refresh(context: dg.AssetExecutionContext) -> bool:
    return context.run.tags.get(FULL_REFRESH_TAG) == "true"


def reuse_keys(context: dg.AssetExecutionContext, staging: Staging, name: str, tables: tuple[str, ...]) -> pl.DataFrame:
    """The keys of the previous run's per-document results; none on a full refresh, or where a
    table they key is not current (a schema change since), so that every document is processed again."""
    current = all(staging.is_current(table) for table in tables)
    return staging.cache.read(name) if current and not full_refresh(context) else pl.DataFrame()


def _stage(staging: Staging, tables: dict[str, pl.DataFrame], **extra: dict):
    """Write each table to staging and report it; `extra` adds metadata to a table's report."""
    for name, frame in tables.items():
        staging.write(name, frame)
        yield dg.MaterializeResult(asset_key=name, metadata=table_metadata(frame, **extra.get(name, {})))


@dg.asset(
    name="report",
    group_name="quality",
    deps=["warehouse"],
    kinds={"html"},
    description="An HTML summary of the published warehouse (money by currency, top entities, removed chrome, "
    "validation) and Great Expectations Data Docs, in a `report/` folder beside the DuckDB file.",
)
def report(context: dg.AssetExecutionContext, staging: Staging, warehouse: Warehouse) -> dg.MaterializeResult:
    """Both pages show the run whose tables are published, even when a later run failed its checks."""
    folder = warehouse.file.parent / "report"
    with warehouse.connect() as con:
        results = {name: con.sql(sql).pl() for name, sql in summary.QUERIES.items()}
        published = con.sql(summary.PUBLISHED_RUN).fetchone()
    stored = CheckResults.of(staging).published(published[0] if published else None)
    docs = gx.build_data_docs(stored, folder / "data_docs")
    page = folder / "index.html"
    page.write_text(summary.render(results, docs.relative_to(folder).as_posix(), dt.datetime.now(dt.UTC)), encoding="utf-8")
    return dg.MaterializeResult(
        metadata={
            "report": dg.MetadataValue.url(page.as_uri()),
            "data_docs": dg.MetadataValue.url(docs.as_uri()),
            "path": dg.MetadataValue.path(str(page)),
            "suites_rendered": len(stored),
        }
    )
