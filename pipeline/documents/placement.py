"""The per-file map: seed bytes -> a document with its removed lines and captions, or a quarantine row."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial

import polars as pl

from pipeline.cleaning.cleaner import clean_document
from pipeline.documents import templates
from pipeline.documents.seed_files import (
    DEFAULT_MAX_BYTES,
    IngestError,
    SeedFile,
    decode,
)
from pipeline.documents.stories import story_ids
from pipeline.runtime.changes import Changes, diff
from pipeline.runtime.parallel import map_chunks
from pipeline.runtime.reuse import keys_frame, keys_of, merge, plan, result_keys
from pipeline.schema import BOILERPLATE, CAPTIONS, DOCUMENTS, QUARANTINE

_MIN_BODY_CHARS = 40


@dataclass(frozen=True)
class Ingested:
    documents: pl.DataFrame
    boilerplate: pl.DataFrame
    captions: pl.DataFrame
    quarantine: pl.DataFrame
    keys: pl.DataFrame = field(default_factory=lambda: keys_frame({}))
    """doc_id -> key of the content and code version each document was cleaned from."""
    changes: Changes = field(default_factory=lambda: diff({}, {}))
    reused: int = 0
    signatures: pl.DataFrame | None = None
    """MinHash signatures of the documents, reused by the next run's story detection."""


def process_file(
    seed: SeedFile, max_bytes: int = DEFAULT_MAX_BYTES, template: frozenset[str] = frozenset()
) -> tuple[dict, list[dict], list[dict]]:
    """(document row, boilerplate rows, caption rows) for one file, without the folder's `template`
    lines (`pipeline.documents.templates`); IngestError if it must be quarantined."""
    if seed.problem:
        raise IngestError(seed.problem)
    raw, encoding, replaced_bytes = decode(seed.data, max_bytes)
    result = clean_document(raw, template)
    if len(result.clean_text.strip()) < _MIN_BODY_CHARS:
        raise IngestError(
            f"No article text is left after removing boilerplate ({len(result.removed)} lines removed as page chrome)."
        )
    meta = result.metadata
    document = {
        "doc_id": seed.doc_id,
        "source_path": seed.source_path,
        "content_sha256": seed.sha256,
        "encoding": encoding,
        "replaced_bytes": replaced_bytes,
        "title": meta.title or result.clean_text.split("\n", 1)[0][:200],
        "byline": meta.byline,
        "outlet": meta.outlet,
        "dateline": meta.dateline,
        "published_date": meta.published_date,
        "metadata_basis": json.dumps(meta.basis, sort_keys=True),
        "story_id": seed.doc_id,
        "raw_text": raw,
        "clean_text": result.clean_text,
        "n_removed_lines": len(result.removed),
        "flags": [flag for flag, raised in (
            ("no_published_date", meta.published_date is None),
            ("title_guessed", meta.title is None),
            ("replaced_bytes", replaced_bytes > 0),
        ) if raised],
    }
    removed = [{"doc_id": seed.doc_id, "line_no": r.line_no, "text": r.text, "reason": r.reason} for r in result.removed]
    captions = [{"doc_id": seed.doc_id, "line_no": no, "text": text} for no, text in result.captions]
    return document, removed, captions


def _clean_chunk(
    seeds: Sequence[SeedFile], max_bytes: int, now: dt.datetime, templates: dict[str, frozenset[str]] | None = None
) -> tuple[pl.DataFrame, ...]:
    """(documents, boilerplate, captions, quarantine) frames of some seed files."""
    documents, removed, captions, quarantined = [], [], [], []
    for seed in seeds:
        try:
            document, lines, caps = process_file(seed, max_bytes, (templates or {}).get(seed.doc_id, frozenset()))
        except IngestError as exc:
            quarantined.append({"source_path": seed.source_path, "content_sha256": seed.sha256, "reason": str(exc), "detected_at": now})
            continue
        documents.append(document)
        removed += lines
        captions += caps
    return DOCUMENTS.frame(documents), BOILERPLATE.frame(removed), CAPTIONS.frame(captions), QUARANTINE.frame(quarantined)


def _clean(
    seeds: Sequence[SeedFile], max_bytes: int, now: dt.datetime, templates: dict[str, frozenset[str]] | None = None
) -> tuple[pl.DataFrame, ...]:
    """`_clean_chunk` over the seeds, in parallel chunks, each table concatenated."""
    parts = map_chunks(partial(_clean_chunk, max_bytes=max_bytes, now=now, templates=templates), seeds)
    return tuple(table.concat([p[i] for p in parts]) for i, table in enumerate((DOCUMENTS, BOILERPLATE, CAPTIONS, QUARANTINE)))


def place_files(
    seeds: list[SeedFile], now: dt.datetime, max_bytes: int = DEFAULT_MAX_BYTES, previous: Ingested | None = None, reuse: bool = True
) -> Ingested:
    """Every seed file ends up in exactly one of `documents` and `quarantine`; documents that
    rewrite one story share a story_id; the lines of the folder's template are removed from every
    page that carries one. Unless `reuse` is off, documents whose content and code version match
    `previous` (and whose template lines are still those) keep their previous rows instead of being
    cleaned again; `changes` always compares with `previous`."""
    keys = result_keys({seed.doc_id: seed.sha256 for seed in seeds if seed.sha256})
    previous = previous or Ingested(DOCUMENTS.empty(), BOILERPLATE.empty(), CAPTIONS.empty(), QUARANTINE.empty())
    reused, changes = plan(keys, keys_of(previous.keys))
    reused &= set(previous.documents["doc_id"].to_list()) if reuse else set()
    todo = [seed for seed in seeds if seed.doc_id not in reused]
    documents, removed, captions, quarantined = _clean(todo, max_bytes, now)
    frame = merge(previous.documents, reused, documents)
    removed, captions = merge(previous.boilerplate, reused, removed), merge(previous.captions, reused, captions)
    stories, signatures = story_ids(frame, cached=previous.signatures)
    if frame.height:
        frame = frame.with_columns(story_id=pl.col("doc_id").replace_strict(stories))
    if redo := templates.stale(frame, removed):
        again = _clean([seed for seed in seeds if seed.doc_id in redo], max_bytes, now, redo)
        unchanged = set(frame["doc_id"].to_list()) - set(redo)
        frame, removed, captions = (merge(old, unchanged, new) for old, new in zip((frame, removed, captions), again))
        frame = frame.with_columns(story_id=pl.col("doc_id").replace_strict(stories))
        quarantined = QUARANTINE.concat([quarantined, again[3]])
    kept = set(frame["doc_id"].to_list())
    return Ingested(
        frame,
        removed,
        captions,
        quarantined,
        keys_frame({doc_id: key for doc_id, key in keys.items() if doc_id in kept}),
        changes,
        len(reused),
        signatures,
    )
