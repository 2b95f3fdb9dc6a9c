"""The `money` table: figures of every document with sentence, USD value and restatement links."""

from __future__ import annotations

import datetime as dt
import hashlib

import polars as pl

from pipeline import fx
from pipeline.money import extract_money
from pipeline.schema import MONEY
from pipeline.sentences import sentence_index


def money_id(doc_id: str, start: int, end: int) -> str:
    return hashlib.sha1(f"money:{doc_id}:{start}:{end}".encode()).hexdigest()[:16]


def money_frame(documents: pl.DataFrame, sentences: pl.DataFrame) -> pl.DataFrame:
    """One row per figure in each document's clean_text."""
    spans_by_doc: dict[str, list[tuple[int, int]]] = {}
    for doc_id, start, end in sentences.sort("doc_id", "sentence_idx").select("doc_id", "start_char", "end_char").rows():
        spans_by_doc.setdefault(doc_id, []).append((start, end))
    story_dates = dict(
        documents.filter(pl.col("published_date").is_not_null()).group_by("story_id").agg(pl.col("published_date").min()).rows()
    )
    rows = []
    for doc in documents.select("doc_id", "clean_text", "published_date", "dateline", "story_id").iter_rows(named=True):
        rows += document_money(doc, spans_by_doc.get(doc["doc_id"], []), story_dates.get(doc["story_id"]))
    return MONEY.frame(rows)


def rate_date(published: dt.date | None, story_date: dt.date | None) -> tuple[dt.date, str]:
    """The date to convert at, and why: the page's own date, else the date of a dated article
    of the same story, else the latest date of the shipped ECB table."""
    if published:
        return published, "published_date"
    if story_date:
        return story_date, "story_date"
    return fx.latest_rate_date(), "latest_available"


def document_money(doc: dict, sentence_spans: list[tuple[int, int]], story_date: dt.date | None = None) -> list[dict]:
    """Money rows of one document, amounts in USD at `rate_date` (recorded in fx_basis)."""
    published = doc["published_date"]
    on, basis = rate_date(published, story_date)
    figures = extract_money(doc["clean_text"], published_date=published, dateline=doc["dateline"])
    ids = [money_id(doc["doc_id"], f["start"], f["end"]) for f in figures]
    rows = []
    for f, mid in zip(figures, ids):
        usd = fx.to_usd(f["amount"], f["currency"], on)
        rows.append({
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
            "amount_usd": usd[0] if usd else None,
            "fx_date": usd[1] if usd else None,
            "fx_basis": basis if usd else None,
            "equivalent_of": ids[f["equivalent_of"]] if f["equivalent_of"] is not None else None,
        })
    return rows
