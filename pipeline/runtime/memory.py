"""Giving freed memory back to the operating system between the steps of one run.

Every step of a run shares one process (the in-process executor). What a step frees, glibc's
allocator keeps in its heap for reuse, so the next step starts from the previous one's peak
rather than from what is alive. `release` hands those free pages back; it is called as each
asset and check starts, and after each chunk of a long per-row loop (annotation). PyArrow is
pointed at this heap, and Polars' and DuckDB's own allocators are told to give pages back at
once (`configure_allocators`, called by `pipeline.adapters` before any adapter loads them).
(No forced garbage collection: a full collection of a process holding Dagster, GX and spaCy
costs about 0.3 s, and reference cycles are collected by Python on its own schedule.)
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
from functools import cache

# Read once, when each library first allocates; a value the user set wins.
ALLOCATOR_SETTINGS = {
    # Polars' jemalloc keeps freed pages about ten seconds by default: between the steps of one
    # in-process run each step's peak would stay resident for the next.
    "_RJEM_MALLOC_CONF": "dirty_decay_ms:0,muzzy_decay_ms:0",
    # DuckDB bundles a jemalloc of its own: the load's buffers go back when it has written them.
    "DUCKDB_JE_MALLOC_CONF": "dirty_decay_ms:0,muzzy_decay_ms:0",
    # PyArrow's default mimalloc kept a check's frame resident into the next step (+45 to +90 MB
    # at 10,000 documents); the system allocator's free pages go back with `release`.
    "ARROW_DEFAULT_MEMORY_POOL": "system",
}


def configure_allocators() -> None:
    """Before Polars, DuckDB and PyArrow are imported: they read these settings only then."""
    for name, value in ALLOCATOR_SETTINGS.items():
        os.environ.setdefault(name, value)


@cache
def _trim():
    """glibc's `malloc_trim`, or None where the C library has none (musl, macOS)."""
    name = ctypes.util.find_library("c")
    return getattr(ctypes.CDLL(name), "malloc_trim", None) if name else None


def release() -> None:
    trim = _trim()
    if trim is not None:
        trim(0)
