"""Incremental runs: per-document results are keyed by the document's content hash and by the
version of the code (and model) that produced them, so a run recomputes only what changed.

Bump `PIPELINE_VERSION` when a change to the code should reprocess every document.
"""

from __future__ import annotations

import polars as pl

from pipeline.runtime.changes import Changes, diff

PIPELINE_VERSION = "7"
KEYS_SCHEMA = {"doc_id": pl.String(), "key": pl.String()}


def result_keys(doc_hashes: dict[str, str], *extra: str) -> dict[str, str]:
    """doc_id -> key of the result a step computes from that document's content."""
    suffix = ":".join((PIPELINE_VERSION, *extra))
    return {doc_id: f"{sha}:{suffix}" for doc_id, sha in doc_hashes.items()}


def keys_frame(keys: dict[str, str]) -> pl.DataFrame:
    return pl.DataFrame({"doc_id": list(keys), "key": list(keys.values())}, schema=KEYS_SCHEMA)


def keys_of(frame: pl.DataFrame) -> dict[str, str]:
    return dict(frame.select("doc_id", "key").rows()) if frame.height else {}


def plan(current: dict[str, str], previous: dict[str, str]) -> tuple[set[str], Changes]:
    """(doc_ids whose previous result can be reused, what was added, changed and removed)."""
    reused = {doc_id for doc_id, key in current.items() if previous.get(doc_id) == key}
    return reused, diff(previous, current)


def partition(
    documents: pl.DataFrame | pl.LazyFrame, previous_keys: pl.DataFrame, *extra: str
) -> tuple[dict[str, str], set[str], pl.DataFrame | pl.LazyFrame]:
    """(keys of `documents`, doc_ids whose previous result is reusable, the documents to process:
    lazy when `documents` is)."""
    keys = result_keys(dict(documents.lazy().select("doc_id", "content_sha256").collect().rows()), *extra)
    reused, _ = plan(keys, keys_of(previous_keys))
    return keys, reused, documents.filter(~pl.col("doc_id").is_in(sorted(reused)))


def merge(previous: pl.DataFrame, reused: set[str], new: pl.DataFrame) -> pl.DataFrame:
    """The reused documents' previous rows followed by the new rows, in doc_id order."""
    kept = previous.filter(pl.col("doc_id").is_in(sorted(reused)))
    merged = pl.concat([kept, new.select(previous.columns)])
    # Sorting copies every column (raw and clean texts included): skip it when already in order.
    return merged if merged["doc_id"].is_sorted() else merged.sort("doc_id", maintain_order=True)
