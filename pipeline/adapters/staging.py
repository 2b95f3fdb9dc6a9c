"""The staging area: each step's tables as Parquet files, written atomically, read back by the
next step. Nothing reaches the warehouse until the load step publishes every table at once, so a
failed or killed run leaves the warehouse as it was."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import dagster as dg
import polars as pl

from pipeline.schema import TABLES, Table

PROJECT_ROOT = Path(__file__).resolve().parents[2]
# Row groups of about this many bytes: readers that stream a file (DuckDB's load) then hold one
# group at a time, however many documents the file has.
ROW_GROUP_BYTES = 8 * 2**20


class Staging(dg.ConfigurableResource):
    """Parquet files under `path` (PIPELINE_STAGING_DIR); relative paths start at the project root."""

    path: str = "warehouse/staging"

    @property
    def folder(self) -> Path:
        p = Path(self.path)
        return p if p.is_absolute() else PROJECT_ROOT / p

    def file(self, name: str) -> Path:
        return self.folder / f"{name}.parquet"

    def write(self, name: str, frame: pl.DataFrame) -> None:
        """Write through a temporary file and rename, so readers never see half a file."""
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = self.file(name).with_suffix(".parquet.tmp")
        frame.write_parquet(tmp, row_group_size=row_group_rows(frame))
        os.replace(tmp, self.file(name))

    def read(self, name: str, columns: Sequence[str] | None = None) -> pl.DataFrame:
        """A staged table with its schema's columns and types (empty if never written); only
        `columns` when given, read from the file alone (Parquet keeps columns apart)."""
        return self.scan(name, columns).collect().rechunk()  # a chunk per row group: joins want one

    def scan(self, name: str, columns: Sequence[str] | None = None) -> pl.LazyFrame:
        """Like `read`, but lazy: a filter on it reaches the Parquet reader, which then keeps only
        the matching rows of each row group instead of the whole table. A file written by an older
        version, without some of the table's columns, reads as never written: every step rewrites
        its tables before the next step reads them, so only the previous run's results are lost,
        and `PIPELINE_VERSION` keys say they must be recomputed."""
        table = TABLES.get(name.split("__")[0])
        path = self.file(name)
        wanted = list(columns) if columns else (table.names if table else None)
        if not path.exists() or (table and not _has_columns(path, table)):
            empty = table.empty() if table else pl.DataFrame()
            return (empty.select(wanted) if table and wanted else empty).lazy()
        frame = pl.scan_parquet(path)
        if wanted:
            frame = frame.select(wanted)
        return frame.cast({c: table.polars_schema[c] for c in wanted}) if table else frame

    def rows(self, name: str) -> int:
        """A staged table's row count, from the Parquet footer (0 if never written)."""
        path = self.file(name)
        return pl.scan_parquet(path).select(pl.len()).collect().item() if path.exists() else 0

    def names(self, prefix: str) -> list[str]:
        return sorted(p.stem for p in self.folder.glob(f"{prefix}*.parquet"))


def _has_columns(path: Path, table: Table) -> bool:
    return set(table.names) <= set(pl.read_parquet_schema(path))


def row_group_rows(frame: pl.DataFrame) -> int:
    """Rows per row group for groups of about `ROW_GROUP_BYTES` (documents: about a thousand)."""
    per_row = frame.estimated_size() / max(frame.height, 1)
    return max(int(ROW_GROUP_BYTES / max(per_row, 1)), 100)
