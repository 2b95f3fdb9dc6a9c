"""Giving freed memory back to the operating system between the steps of one run.

Every step of a run shares one process (the in-process executor). What a step frees, glibc's
allocator keeps in its heap for reuse, so the next step starts from the previous one's peak
rather than from what is alive. `release` hands those free pages back; it is called as each
asset and check starts, and after each chunk of a long per-row loop (annotation). PyArrow is
pointed at this heap, and Polars' and DuckDB's own allocators are told to give pages back at
once, in `pipeline/__init__.py`.
(No forced garbage collection: a full collection of a process holding Dagster, GX and spaCy
costs about 0.3 s, and reference cycles are collected by Python on its own schedule.)
"""

from __future__ import annotations

import ctypes
import ctypes.util
from functools import cache


@cache
def _trim():
    """glibc's `malloc_trim`, or None where the C library has none (musl, macOS)."""
    name = ctypes.util.find_library("c")
    return getattr(ctypes.CDLL(name), "malloc_trim", None) if name else None


def release() -> None:
    trim = _trim()
    if trim is not None:
        trim(0)
