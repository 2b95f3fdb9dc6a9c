"""The staging area: each step's tables as Parquet files, written atomically, read back by the
next step. Nothing reaches the warehouse until the load step publishes every table at once, so a
failed or killed run leaves the warehouse as it was.

Two kinds of file live apart beside the staged tables, each with its own owner: `cache/` holds the
incremental reuse keys (`ReuseCache`), `checks/` the checks' results (`adapters.check_results`)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import dagster as dg
import polars as pl

from pipeline.adapters.project import project_path, setting
from pipeline.schema import TABLES, Table

# Row groups of about this many bytes: readers that stream a file (DuckDB's load) then hold one
# group at a time, however many documents the file has.
ROW_GROUP_BYTES = 8 * 2**20


class MissingStagedTableError(FileNotFoundError):
    """A step read a table that is not staged, or was staged before its schema gained a column."""


class Staging(dg.ConfigurableResource):
    """Parquet files under `path`; relative paths start at the project folder."""

    path: str = setting("warehouse/staging", "PIPELINE_STAGING_DIR", "where steps stage their tables before publishing",
                        shown_default="`staging/` beside the warehouse file")

    @property
    def folder(self) -> Path:
        return project_path(self.path)

    @property
    def cache(self) -> ReuseCache:
        return ReuseCache(self.folder / "cache")

    def file(self, name: str) -> Path:
        return self.folder / f"{name}.parquet"

    def write(self, name: str, frame: pl.DataFrame) -> None:
        write_atomically(self.file(name), frame)

    def read(self, name: str, columns: Sequence[str] | None = None) -> pl.DataFrame:
        """A staged table with its schema's columns and types; only `columns` when given, read
        from the file alone (Parquet keeps columns apart). Raises MissingStagedTableError if the
        table was never staged, or staged by a version whose schema lacked some of its columns."""
        return self.scan(name, columns).collect().rechunk()  # a chunk per row group: joins want one

    def scan(self, name: str, columns: Sequence[str] | None = None) -> pl.LazyFrame:
        """Like `read`, but lazy: a filter on it reaches the Parquet reader, which then keeps only
        the matching rows of each row group instead of the whole table."""
        return _scan(self.current_files([name])[name], TABLES[name], columns)

    def current_files(self, names: Sequence[str]) -> dict[str, Path]:
        """The file of each table, all current, or MissingStagedTableError naming those that are not."""
        missing = [name for name in names if not self.is_current(name)]
        if missing:
            raise MissingStagedTableError(
                f"Not staged in {self.folder} with every column of its schema: {', '.join(missing)}; materialize their assets first."
            )
        return {name: self.file(name) for name in names}

    def previous(self, name: str, columns: Sequence[str] | None = None) -> pl.DataFrame:
        """The table a previous run staged, for reuse: empty if there is none, or if an older
        version wrote it (its reuse keys then say every document must be processed again)."""
        table = TABLES[name]
        if not self.is_current(name):
            return table.empty().select(list(columns) if columns else table.names)
        return _scan(self.file(name), table, columns).collect().rechunk()

    def is_current(self, name: str) -> bool:
        """Staged, with every column the table's schema now has."""
        path = self.file(name)
        return path.exists() and set(TABLES[name].names) <= set(pl.read_parquet_schema(path))

    def rows(self, name: str) -> int:
        """A staged table's row count, from the Parquet footer (0 if never written)."""
        path = self.file(name)
        return pl.scan_parquet(path).select(pl.len()).collect().item() if path.exists() else 0


class ReuseCache:
    """The keys of each step's per-document results (`<step>_keys`) and the documents' MinHash
    signatures: what lets a run reuse the previous run's results. Written after the step's staged
    tables, so a killed run leaves keys that match them; a missing file reads as empty (reuse nothing)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def read(self, name: str) -> pl.DataFrame:
        path = self.folder / f"{name}.parquet"
        return pl.read_parquet(path) if path.exists() else pl.DataFrame()

    def write(self, name: str, frame: pl.DataFrame) -> None:
        write_atomically(self.folder / f"{name}.parquet", frame)


def write_atomically(path: Path, frame: pl.DataFrame) -> None:
    """Write through a temporary file and rename, so readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".parquet.tmp")
    frame.write_parquet(tmp, row_group_size=row_group_rows(frame))
    os.replace(tmp, path)


def _scan(path: Path, table: Table, columns: Sequence[str] | None) -> pl.LazyFrame:
    wanted = list(columns) if columns else table.names
    return pl.scan_parquet(path).select(wanted).cast({c: table.polars_schema[c] for c in wanted})


def row_group_rows(frame: pl.DataFrame) -> int:
    """Rows per row group for groups of about `ROW_GROUP_BYTES` (documents: about a thousand)."""
    per_row = frame.estimated_size() / max(frame.height, 1)
    return max(int(ROW_GROUP_BYTES / max(per_row, 1)), 100)
