"""Per-document work spread over the machine's cores when there is enough of it.

The per-document steps (cleaning, money parsing) are pure functions of one document, so a large
corpus is cut into chunks mapped over a process pool; a small one runs in this process, where
starting workers (each imports the pipeline) would cost more than it saves. Workers are spawned,
not forked: the parent may hold threads (Dagster, Polars) that a fork would copy mid-lock.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

PARALLEL_MIN_ITEMS = 2000
_CHUNKS_PER_WORKER = 8


def workers(n_items: int) -> int:
    """How many processes `map_items` uses for `n_items` items."""
    cores = len(os.sched_getaffinity(0))
    return cores if cores > 1 and n_items >= PARALLEL_MIN_ITEMS else 1


def map_items(fn: Callable[[T], R], items: Sequence[T]) -> list[R]:
    """[fn(item) for item in items], in order; `fn` must be a module-level function."""
    n = workers(len(items))
    if n == 1:
        return [fn(item) for item in items]
    size = max(1, -(-len(items) // (n * _CHUNKS_PER_WORKER)))
    chunks = [items[i: i + size] for i in range(0, len(items), size)]
    with ProcessPoolExecutor(n, mp_context=multiprocessing.get_context("spawn")) as pool:
        return [r for chunk in pool.map(_apply, [fn] * len(chunks), chunks) for r in chunk]


def _apply(fn: Callable[[T], R], chunk: Sequence[T]) -> list[R]:
    return [fn(item) for item in chunk]
