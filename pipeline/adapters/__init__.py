"""Outside systems: DuckDB, staging, spaCy, the seeds folder, Great Expectations, the UI."""

from pipeline.runtime import memory

# The Dagster shell reaches Polars, DuckDB and PyArrow through the adapters, and those libraries read
# their allocators' settings once, when loaded; the core's callers (clean_text's) are left alone.
memory.configure_allocators()
