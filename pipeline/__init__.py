"""News pages to an analytic dataset: a pure core (cleaning, extraction, money, FX) and a thin
Dagster shell (`pipeline.defs`)."""

import os

# Polars allocates through its own jemalloc, which by default keeps freed pages for about ten
# seconds before giving them back. Between the steps of one in-process run that keeps each
# step's peak resident for the next, so a large corpus's memory piles up; returning them at once
# keeps memory near what the current step holds. Read when Polars first allocates, so it has to
# be set before Polars is imported (a value the user set wins).
os.environ.setdefault("_RJEM_MALLOC_CONF", "dirty_decay_ms:0,muzzy_decay_ms:0")
# DuckDB bundles a jemalloc of its own, configured the same way through its own variable: the
# load's buffers go back to the system when it has written them.
os.environ.setdefault("DUCKDB_JE_MALLOC_CONF", "dirty_decay_ms:0,muzzy_decay_ms:0")
# PyArrow (GX's pandas frames, DuckDB's Arrow results) allocates through mimalloc by default,
# which also keeps freed memory: a check's frame stayed resident into the next step (+45 to +90
# MB at 10,000 documents). The system allocator's free pages go back with `memory.release`.
os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")
