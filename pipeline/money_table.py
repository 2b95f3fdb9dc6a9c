"""The `money` table: figures of every document with sentence, USD value and restatement links."""

from __future__ import annotations

import hashlib

import polars as pl

from pipeline import fx
from pipeline.money import extract_money
from pipeline.parallel import document_chunks, map_parts, workers
from pipeline.reuse import keys_frame, merge, partition
from pipeline.schema import MONEY
from pipeline.sentences import sentence_index


def money_id(doc_id: str, start: int, end: int) -> str:
    return hashlib.sha1(f"money:{doc_id}:{start}:{end}".encode()).hexdigest()[:16]


def money_frame(documents: pl.DataFrame | pl.LazyFrame, sentences: pl.DataFrame) -> pl.DataFrame:
    """One row per figure in each document's clean_text, with its USD value."""
    return with_fx(extract_frame(documents, sentences), documents)


def extract_frame(documents: pl.DataFrame | pl.LazyFrame, sentences: pl.DataFrame) -> pl.DataFrame:
    """The figures of each document, before conversion (the per-document part of the work).

    Documents are read a chunk at a time (from a staged table's scan, only that chunk's texts are
    in memory), each with its sentence spans as list columns, so a chunk is all a worker needs and
    nothing is held as Python rows for the whole corpus."""
    spans = sentences.sort("doc_id", "sentence_idx").group_by("doc_id", maintain_order=True).agg("start_char", "end_char")
    work = (
        chunk.join(spans, on="doc_id", how="left", maintain_order="left")
        for chunk in document_chunks(documents, ["clean_text", "published_date", "dateline"])
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
    `previous`, new and changed documents are parsed; conversion is redone for all, since a
    story's date can come from another document."""
    keys, reused, todo = partition(documents, previous_keys)
    figures = merge(previous, reused, extract_frame(todo, sentences))
    return with_fx(figures, documents), keys_frame(keys), len(reused)


def with_fx(money: pl.DataFrame, documents: pl.DataFrame | pl.LazyFrame) -> pl.DataFrame:
    """`amount_usd`, `fx_date` and `fx_basis` for every figure (see `_rate_days`).

    Rates are looked up once per distinct currency and day, then joined to the figures."""
    days = _rate_days(documents)
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


def _rate_days(documents: pl.DataFrame | pl.LazyFrame) -> pl.DataFrame:
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
    figures = extract_money(doc["clean_text"], published_date=doc["published_date"], dateline=doc["dateline"])
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
            "equivalent_of": ids[f["equivalent_of"]] if f["equivalent_of"] is not None else None,
        }
        for f, mid in zip(figures, ids)
    ]
