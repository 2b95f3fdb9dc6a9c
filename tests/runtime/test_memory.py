import os
import subprocess
import sys

import pytest

from pipeline.runtime import memory


def _resident_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096 / 2**20


@pytest.mark.skipif(memory._trim() is None, reason="the C library has no malloc_trim (not glibc)")
def test_memory_release_returns_free_heap_pages():
    """Blocks freed below a block still in use stay in glibc's heap (it only shrinks from the
    top) until `release` trims it."""
    blocks = [bytes(1000) + bytes([i % 256]) for i in range(200_000)]  # ~200 MB of heap, not pymalloc's
    last = blocks[-1]
    del blocks
    before = _resident_mb()
    memory.release()
    assert _resident_mb() < before - 100
    assert len(last) == 1001


@pytest.mark.parametrize(("load", "configured"), [
    ("import pipeline.cleaning", False),
    ("import pipeline.money", False),
    ("import pipeline.adapters.staging", True),
    ("import pipeline.defs.assets", True),
    ("from pipeline.definitions import defs; defs()", True),
])
def test_memory_allocators_are_configured_by_the_shell_not_by_the_core(load, configured):
    """An outside caller of clean_text or extract_money keeps its process's allocators as they were (Polars puts
    its own defaults before a value it finds; jemalloc takes the last)."""
    code = f"import os; {load}; print(all(os.environ.get(k, '').endswith(v) for k, v in {memory.ALLOCATOR_SETTINGS!r}.items()))"
    env = {k: v for k, v in os.environ.items() if k not in memory.ALLOCATOR_SETTINGS}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == str(configured)
