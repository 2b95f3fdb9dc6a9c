"""The thin Dagster shell, autoloaded by `pipeline.definitions`."""

# Before any module here loads Polars: the adapters set the allocators' settings, read only then.
import pipeline.adapters  # noqa: F401
