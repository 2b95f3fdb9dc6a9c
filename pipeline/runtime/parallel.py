"""Per-document work in chunks, spread over the machine's cores when there is enough of it.

The per-document steps (cleaning, annotation's bookkeeping, money parsing) are pure functions of
one document. Their results go into a frame per chunk of documents, so that no step holds a
Python object per row for the whole corpus (Arrow memory is compact; a dict per row is not). A
large corpus's chunks are mapped over a process pool; a small one runs in this process, where
starting workers (each imports the pipeline) would cost more than it saves. Workers are spawned,
not forked: the parent may hold threads (Dagster, Polars) that a fork would copy mid-lock.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TypeVar

import polars as pl

T = TypeVar("T")
R = TypeVar("R")

PARALLEL_MIN_ITEMS = 2000
CHUNK_ITEMS = 500


def usable_cores() -> int:
    """The cores this process may run on: its CPU affinity where the system has one (Linux),
    else every core (macOS and Windows have no `os.sched_getaffinity`)."""
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity else os.cpu_count() or 1


def workers(n_items: int) -> int:
    """How many processes `map_chunks` uses for `n_items` items."""
    cores = usable_cores()
    return cores if cores > 1 and n_items >= PARALLEL_MIN_ITEMS else 1


def chunks(items: Sequence[T], per_chunk: int | None = None) -> list[Sequence[T]]:
    """Slices of `items` (a sequence, or a Polars frame or series: its slices share its memory) of
    `per_chunk` items (default `CHUNK_ITEMS`)."""
    size = per_chunk or CHUNK_ITEMS
    return [items[i: i + size] for i in range(0, len(items), size)]


def document_slices(frame: pl.DataFrame, per_chunk: int = CHUNK_ITEMS, column: str = "doc_id") -> list[pl.DataFrame]:
    """Slices of `frame` (sorted by `column`, a document key) of `per_chunk` whole documents
    each, so that nothing computed within a document spans two slices; slices share the frame's
    memory."""
    starts = (pl.col(column) != pl.col(column).shift(1)).fill_null(True)
    firsts = frame.select(first=starts.arg_true())["first"].to_list()[::per_chunk] + [frame.height]
    return [frame.slice(a, b - a) for a, b in zip(firsts, firsts[1:])]


def document_texts(documents: pl.DataFrame | pl.LazyFrame, doc_ids: pl.Series, columns: Sequence[str] = ("clean_text",)) -> pl.DataFrame:
    """(doc_id, *columns) of the documents `doc_ids` names. Given a LazyFrame (a staged table's
    scan) the filter reaches the Parquet reader, so only these documents' texts are read: steps
    that go through the corpus a chunk of documents at a time never hold every text."""
    wanted = pl.col("doc_id").is_in(doc_ids.implode())
    return documents.lazy().filter(wanted).select("doc_id", *columns).collect()


def document_chunks(
    documents: pl.DataFrame | pl.LazyFrame, columns: Sequence[str] = ("clean_text",), per_chunk: int | None = None
) -> Iterator[pl.DataFrame]:
    """(doc_id, *columns) of every document, `per_chunk` documents at a time, in order; from a
    staged table's scan only one chunk's texts are in memory at a time (see `document_texts`)."""
    for doc_ids in chunks(documents.lazy().select("doc_id").collect()["doc_id"], per_chunk):
        yield document_texts(documents, doc_ids, columns)


def map_chunks(fn: Callable[[Sequence[T]], R], items: Sequence[T]) -> list[R]:
    """[fn(chunk) for chunk in chunks(items)], in order; `fn` must be a module-level function
    (or a partial of one) when the items are many enough to go to worker processes."""
    return list(map_parts(fn, chunks(items), workers(len(items))))


def map_parts(fn: Callable[[T], R], parts: Iterable[T], processes: int) -> Iterator[R]:
    """fn(part) for each part, in order, in `processes` worker processes (in this one if 1). At
    most two parts per worker are in flight, so parts made as they are needed (a chunk of
    documents read from staging) are never all in memory at once."""
    if processes == 1:
        yield from map(fn, parts)
        return
    with ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("spawn")) as pool:
        pending: deque[Future[R]] = deque()
        for part in parts:
            pending.append(pool.submit(fn, part))
            if len(pending) > 2 * processes:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
