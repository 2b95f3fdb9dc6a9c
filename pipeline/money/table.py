"""The `money` table: figures of every document with sentence, USD value and restatement links."""

from __future__ import annotations

import hashlib

import polars as pl

from pipeline.money import fx
from pipeline.money.dollars import RESTATEMENT_TOLERANCE
from pipeline.money.extract import extract_money
from pipeline.nlp.sentences import sentence_index
from pipeline.runtime.parallel import document_chunks, map_parts, workers
from pipeline.runtime.reuse import keys_frame, merge, partition
from pipeline.schema import MONEY

# An undated page is converted at the latest rate; a year's drift of a major currency against the
# dollar is often 5-10%, so only a larger gap suggests a wrong currency.
UNDATED_RESTATEMENT_TOLERANCE = 0.10


def money_id(doc_id: str, start: int, end: int) -> str:
    return hashlib.sha1(f"money:{doc_id}:{start}:{end}".encode()).hexdigest()[:16]


def extract_frame(documents: pl.DataFrame | pl.LazyFrame, sentences: pl.DataFrame) -> pl.DataFrame:
    """The figures of each document, before conversion (the per-document part of the work).

    Documents are read a chunk at a time (from a staged table's scan, only that chunk's texts are
    in memory), each with its sentence spans as list columns, so a chunk is all a worker needs and
    nothing is held as Python rows for the whole corpus."""
    spans = sentences.sort("doc_id", "sentence_idx").group_by("doc_id", maintain_order=True).agg("start_char", "end_char")
    work = (
        chunk.join(spans, on="doc_id", how="left", maintain_order="left")
        for chunk in document_chunks(documents, ["clean_text", "published_date", "dateline", "outlet"])
    )
    n_documents = documents.lazy().select(pl.len()).collect().item()
    return MONEY.concat(list(map_parts(_money_chunk, work, workers(n_documents))))


def _money_chunk(work: pl.DataFrame) -> pl.DataFrame:
    return MONEY.frame([
        row for doc in work.iter_rows(named=True) for row in document_money(doc, list(zip(doc["start_char"] or [], doc["end_char"] or [])))
    ])


def money_incrementally(
    documents: pl.DataFrame | pl.LazyFrame, sentences: pl.DataFrame, previous: pl.DataFrame, previous_keys: pl.DataFrame
) -> tuple[pl.DataFrame, pl.DataFrame, int]:
    """(money, keys, number of documents reused): figures of unchanged documents are kept from
    `previous`, new and changed documents are parsed; conversion and review are redone for all,
    since a story's date can come from another document."""
    keys, reused, todo = partition(documents, previous_keys)
    figures = merge(previous, reused, extract_frame(todo, sentences))
    return reviewed(with_fx(figures, documents)), keys_frame(keys), len(reused)


def with_fx(money: pl.DataFrame, documents: pl.DataFrame | pl.LazyFrame) -> pl.DataFrame:
    """`amount_usd`, `fx_date` and `fx_basis` for every figure (see `rate_days`).

    Rates are looked up once per distinct currency and day, then joined to the figures."""
    days = rate_days(documents)
    figures = money.select("doc_id", "amount", "currency").join(days, on="doc_id", how="left", maintain_order="left")
    pairs = figures.select("currency", "day").unique()
    rates = pl.DataFrame(
        [(currency, day, *(fx.rate(currency, "USD", day) or (None, None))) for currency, day in pairs.rows()],
        schema={"currency": pl.String, "day": pl.Date, "rate": pl.Float64, "fx_date": pl.Date},
        orient="row",
    )
    found = figures.join(rates, on=["currency", "day"], how="left", maintain_order="left", nulls_equal=True)
    return money.with_columns(
        amount_usd=found["amount"] * found["rate"],
        fx_date=found["fx_date"],
        fx_basis=found.select(pl.when(pl.col("rate").is_not_null()).then("basis"))["basis"],
    )


def rate_days(documents: pl.DataFrame | pl.LazyFrame) -> pl.DataFrame:
    """(doc_id, day, basis): the date each document's figures convert at, and why: the page's own
    date, else the earliest date of a dated article of the same story, else the latest date of
    the shipped ECB table."""
    published = pl.col("published_date")
    documents = documents.lazy().select("doc_id", "published_date", "story_id").collect()
    stories = documents.filter(published.is_not_null()).group_by("story_id").agg(story_date=published.min())
    dated = documents.join(stories, on="story_id", how="left", nulls_equal=True)
    return dated.select(
        "doc_id",
        day=pl.coalesce(published, "story_date", pl.lit(fx.latest_rate_date())),
        basis=pl.when(published.is_not_null()).then(pl.lit("published_date"))
        .when(pl.col("story_date").is_not_null()).then(pl.lit("story_date"))
        .otherwise(pl.lit("latest_available")),
    )


def document_money(doc: dict, sentence_spans: list[tuple[int, int]]) -> list[dict]:
    """Money rows of one document, without conversion."""
    figures = extract_money(
        doc["clean_text"], published_date=doc["published_date"], dateline=doc["dateline"], outlet=doc["outlet"]
    )
    ids = [money_id(doc["doc_id"], f["start"], f["end"]) for f in figures]
    return [
        {
            "money_id": mid,
            "doc_id": doc["doc_id"],
            "sentence_idx": sentence_index(sentence_spans, f["start"]),
            "start_char": f["start"],
            "end_char": f["end"],
            "text": f["text"],
            "amount": f["amount"],
            "amount_high": f["amount_high"],
            "currency": f["currency"],
            "currency_basis": f["currency_basis"],
            "qualifier": f["qualifier"],
            "restates": ids[f["equivalent_of"]] if f["equivalent_of"] is not None else None,
        }
        for f, mid in zip(figures, ids)
    ]


def usd_agrees(own: float | None, other: float | None, fx_basis: str | None) -> bool | None:
    """Whether a figure of `own` US dollars restates one of `other`: within the tolerance of rates
    of the page's (or story's) date, or of a year's drift for an undated page (`fx_basis`
    latest_available); None where a side has no USD value."""
    if own is None or not other:
        return None
    tolerance = UNDATED_RESTATEMENT_TOLERANCE if fx_basis == "latest_available" else RESTATEMENT_TOLERANCE
    return abs(own - other) / other <= tolerance


def restatement_agrees(money: pl.DataFrame, link: str) -> pl.Series:
    """Whether each figure agrees in USD (`usd_agrees`) with the figure `link` names; null where
    the row links to nothing or a side has no USD value."""
    usd = dict(money.select("money_id", "amount_usd").rows())
    rows = money.select(link, "amount_usd", "fx_basis").rows()
    return pl.Series([usd_agrees(own, usd.get(ref) if ref else None, basis) for ref, own, basis in rows], dtype=pl.Boolean)


def reviewed(money: pl.DataFrame) -> pl.DataFrame:
    """`equivalent_of` (the restatement links whose amounts agree in USD) and `flags`: a link that
    disagrees is dropped and both its figures flagged `restatement_disagrees`; `undated` where no
    publication date gave the rate; `no_usd_rate` where the ECB table has none. These are facts
    about the data: the rows are published and a warning check counts the flags."""
    agrees = restatement_agrees(money, "restates")
    rejected = money.filter(agrees.not_().fill_null(False))
    disputed = sorted(set(rejected["money_id"].to_list()) | set(rejected["restates"].to_list()))
    flags = {
        "restatement_disagrees": pl.col("money_id").is_in(disputed),
        "undated": pl.col("fx_basis") == "latest_available",
        "no_usd_rate": pl.col("amount_usd").is_null(),
    }
    none = pl.lit([], pl.List(pl.String))
    return money.with_columns(
        equivalent_of=pl.when(agrees.fill_null(True)).then(pl.col("restates")),
        flags=pl.concat_list([pl.when(test.fill_null(False)).then(pl.lit([name])).otherwise(none) for name, test in flags.items()]),
    )
