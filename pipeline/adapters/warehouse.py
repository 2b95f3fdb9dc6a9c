"""The DuckDB warehouse: DDL and column comments from `pipeline.schema`, every table published at
once by building a new file and renaming it into place, and a bounded wait when another process
holds the file for writing."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb
import polars as pl

from pipeline.schema import TABLES, VIEWS, Table

PROJECT_ROOT = Path(__file__).resolve().parents[2]


class WarehouseLockedError(RuntimeError):
    pass


def create_sql(table: Table) -> str:
    cols = [f"{c.name} {c.sql}{'' if c.nullable else ' NOT NULL'}" for c in table.columns]
    if table.primary_key:
        cols.append(f"PRIMARY KEY ({table.primary_key})")
    return f"CREATE TABLE {table.name} ({', '.join(cols)})"


def comment_sql(table: Table) -> list[str]:
    return [f"COMMENT ON TABLE {table.name} IS '{_quote(table.description)}'"] + [
        f"COMMENT ON COLUMN {table.name}.{c.name} IS '{_quote(c.comment)}'" for c in table.columns
    ]


def _quote(text: str) -> str:
    return text.replace("'", "''")


def ensure_table(con: duckdb.DuckDBPyConnection, table: Table) -> None:
    """Create the table, or re-create it when its columns no longer match the schema."""
    have = [r[0] for r in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position", [table.name]
    ).fetchall()]
    if have == table.names:
        return
    if have:
        con.execute(f"DROP TABLE {table.name}")
    con.execute(create_sql(table))
    for sql in comment_sql(table):
        con.execute(sql)


class Warehouse(dg.ConfigurableResource):
    """The DuckDB file analysts query. Relative paths are resolved from the project root."""

    path: str = "warehouse/news.duckdb"
    lock_timeout_seconds: float = 30.0
    load_memory_limit: str = "64MB"
    """DuckDB's memory cap while it builds the file. The load streams each table from Parquet a
    row group at a time and writes it out, so this bounds the load's memory at any corpus size."""

    @property
    def file(self) -> Path:
        p = Path(self.path)
        return p if p.is_absolute() else PROJECT_ROOT / p

    @contextmanager
    def connect(self, read_only: bool = True) -> Iterator[duckdb.DuckDBPyConnection]:
        self.file.parent.mkdir(parents=True, exist_ok=True)
        con = _connect_with_retry(self.file, read_only, self.lock_timeout_seconds)
        try:
            yield con
        finally:
            con.close()

    def publish(self, tables: dict[str, pl.DataFrame | Path], validation_results: pl.DataFrame) -> None:
        """Build the new warehouse in a file beside the old one and rename it into place.

        Readers keep the snapshot they opened and new connections see the new file, so an open
        read-only shell never blocks a publish, and a run that dies before the rename leaves the
        old warehouse as it was. Earlier expectation results are carried over; a process that
        holds the old file for writing is waited for, then reported. A table is a frame or a
        Parquet file, which DuckDB reads a row group at a time (never whole in this process).
        """
        results = pl.concat([self._results_history(), validation_results.select(TABLES["validation_results"].names)])
        new = self.file.with_name(self.file.name + ".new")
        new.unlink(missing_ok=True)
        with duckdb.connect(str(new), config={"memory_limit": self.load_memory_limit}) as con:
            frames = {**tables, "validation_results": results}
            for name, table in TABLES.items():
                ensure_table(con, table)
                if name in frames:
                    _insert(con, table, frames[name])
                    # Written out table by table: DuckDB otherwise keeps every inserted table's
                    # row groups in memory until the end (about +130 MB at 10,000 documents).
                    con.execute("CHECKPOINT")
            for view in VIEWS.values():
                con.execute(f"CREATE VIEW {view.name} AS {view.sql}")
                con.execute(f"COMMENT ON VIEW {view.name} IS '{_quote(view.description)}'")
            con.execute("CHECKPOINT")
        os.replace(new, self.file)

    def _results_history(self) -> pl.DataFrame:
        table = TABLES["validation_results"]
        if not self.file.exists():
            return table.empty()
        with self.connect(read_only=True) as con:
            have = {r[0] for r in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table.name]
            ).fetchall()}
            if not have:
                return table.empty()
            # Columns added since that file was written come back empty rather than failing the publish.
            columns = [name if name in have else f"NULL AS {name}" for name in table.names]
            return con.execute(f"SELECT {', '.join(columns)} FROM {table.name}").pl().cast(table.polars_schema)


def _insert(con: duckdb.DuckDBPyConnection, table: Table, rows: pl.DataFrame | Path) -> None:
    columns = ", ".join(table.names)
    if isinstance(rows, Path):
        con.execute(f"INSERT INTO {table.name} SELECT {columns} FROM read_parquet(?)", [str(rows)])
        return
    if rows.is_empty():
        return
    con.register("_frame", rows.select(table.names).to_arrow())
    con.execute(f"INSERT INTO {table.name} SELECT {columns} FROM _frame")
    con.unregister("_frame")


def _connect_with_retry(path: Path, read_only: bool, timeout: float) -> duckdb.DuckDBPyConnection:
    deadline = time.monotonic() + timeout
    delay = 0.2
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower():
                raise
            if time.monotonic() >= deadline:
                raise WarehouseLockedError(
                    f"The warehouse {path} is locked by another process ({exc}). Close that process "
                    "(for example a DuckDB shell or notebook opened without read-only), or reopen it with "
                    "read_only=True / `duckdb -readonly`, which never blocks the pipeline, then re-run."
                ) from exc
            time.sleep(delay)
            delay = min(delay * 2, 2.0)
