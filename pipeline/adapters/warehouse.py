"""The DuckDB warehouse: DDL and column comments from `pipeline.schema`, every table published at
once by building a new file and renaming it into place, one publish at a time across processes,
and a bounded wait when another process holds the file for writing."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import socket
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb
import filelock
import polars as pl

from pipeline.adapters.project import project_path, setting
from pipeline.schema import TABLES, VIEWS, Table

LOG = logging.getLogger(__name__)


class WarehouseLockedError(RuntimeError):
    pass


class WarehouseFolderError(RuntimeError):
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


def create_table(con: duckdb.DuckDBPyConnection, table: Table) -> None:
    """The table with its column comments, in a new file (every publish builds one)."""
    con.execute(create_sql(table))
    for sql in comment_sql(table):
        con.execute(sql)


class Warehouse(dg.ConfigurableResource):
    """The DuckDB file analysts query."""

    path: str = setting("warehouse/news.duckdb", "PIPELINE_WAREHOUSE",
                        "DuckDB file; its folder is created, and checked writable, before a run does any work")
    lock_timeout_seconds: float = 30.0
    publish_timeout_seconds: float = 600.0
    """How long a publish waits for another run's publish of the same file to finish."""
    results_history_runs: int = 30
    """How many runs' expectation results `validation_results` keeps (this one and the latest
    before it), so that the history does not grow without bound."""
    load_memory_limit: str = "64MB"
    """DuckDB's memory cap while it builds the file. The load streams each table from Parquet a
    row group at a time and writes it out, so this bounds the load's memory at any corpus size."""

    @property
    def file(self) -> Path:
        return project_path(self.path)

    @property
    def lock_file(self) -> Path:
        return self.file.with_name(self.file.name + ".lock")

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        """Before a run's first step rather than at its last: the folder exists and takes files."""
        self.prepare_folder()

    def prepare_folder(self) -> None:
        folder = self.file.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
            tempfile.TemporaryFile(dir=folder).close()
        except OSError as exc:
            raise WarehouseFolderError(
                f"The warehouse folder {folder} cannot be created or written ({exc}). Set PIPELINE_WAREHOUSE "
                "to a file in a folder this user may write, or create that folder."
            ) from exc

    @contextmanager
    def connect(self, read_only: bool = True) -> Iterator[duckdb.DuckDBPyConnection]:
        self.file.parent.mkdir(parents=True, exist_ok=True)
        con = _connect_with_retry(self.file, read_only, self.lock_timeout_seconds)
        try:
            yield con
        finally:
            con.close()

    def publish(
        self, tables: dict[str, pl.DataFrame | Path], validation_results: pl.DataFrame, run_id: str = "", log: logging.Logger = LOG
    ) -> None:
        """Build the new warehouse in a file beside the old one and rename it into place.

        Readers keep the snapshot they opened and new connections see the new file, so an open
        read-only shell never blocks a publish, and a run that dies before the rename leaves the
        old warehouse as it was. Earlier expectation results are carried over; a process that
        holds the old file for writing is waited for, then reported, and so is another run's
        publish (`run_id` names this one to whoever waits for it). A table is a frame or a
        Parquet file, which DuckDB reads a row group at a time (never whole in this process).
        """
        self.prepare_folder()
        with self.publish_lock(run_id, log), self._published() as old:
            _remove_builds(self.file)
            history = latest_runs(_results_history(old), self.results_history_runs - 1)
            results = pl.concat([history, validation_results.select(TABLES["validation_results"].names)])
            new = self.file.with_name(f"{self.file.name}.{uuid.uuid4().hex[:12]}.new")
            try:
                self._build(new, {**tables, "validation_results": results})
                _replace_without_wal(new, self.file)
            finally:
                _remove_with_wal(new)

    @contextmanager
    def publish_lock(self, run_id: str = "", log: logging.Logger = LOG) -> Iterator[None]:
        """Hold the lock file beside the warehouse: one publish at a time across processes.

        The file names its holder for whoever waits. The lock is the OS's (flock, or msvcrt.locking
        on Windows), so it ends with the holder's process: a killed run never keeps it.
        """
        lock = filelock.FileLock(self.lock_file, on_acquired=lambda fd: _write_holder(fd, run_id))
        try:
            lock.acquire(blocking=False)
        except filelock.Timeout:
            log.info(f"Waiting up to {self.publish_timeout_seconds:g} s for {_holder(self.lock_file)} to finish publishing {self.file}")
            try:
                lock.acquire(timeout=self.publish_timeout_seconds)
            except filelock.Timeout as exc:
                raise WarehouseLockedError(
                    f"Another publish of {self.file} still holds {self.lock_file} after {self.publish_timeout_seconds:g} s: "
                    f"{_holder(self.lock_file)}. Let it finish (or stop it: the lock ends with its process), then re-run."
                ) from exc
        try:
            yield
        finally:
            lock.release()

    @contextmanager
    def _published(self) -> Iterator[duckdb.DuckDBPyConnection | None]:
        """A read-only connection to the published file (None if there is none yet), held until the
        new file is in place: waiting for it waits out a process that holds the file for writing,
        and holding it keeps any from starting, so no session writes a WAL while the files change."""
        if not self.file.exists():
            yield None
            return
        with self.connect(read_only=True) as con:
            yield con

    def _build(self, new: Path, frames: dict[str, pl.DataFrame | Path]) -> None:
        with duckdb.connect(str(new), config={"memory_limit": self.load_memory_limit}) as con:
            for name, table in TABLES.items():
                create_table(con, table)
                if name in frames:
                    _insert(con, table, frames[name])
                    # Written out table by table: DuckDB otherwise keeps every inserted table's
                    # row groups in memory until the end (about +130 MB at 10,000 documents).
                    con.execute("CHECKPOINT")
            for view in VIEWS.values():
                con.execute(f"CREATE VIEW {view.name} AS {view.sql}")
                con.execute(f"COMMENT ON VIEW {view.name} IS '{_quote(view.description)}'")
            con.execute("CHECKPOINT")


def latest_runs(results: pl.DataFrame, runs: int) -> pl.DataFrame:
    """The expectation results of the `runs` runs checked last."""
    last = results.group_by("run_id").agg(pl.max("checked_at")).sort("checked_at", "run_id", descending=True).head(max(runs, 0))
    return results.filter(pl.col("run_id").is_in(last["run_id"].implode()))


def _results_history(con: duckdb.DuckDBPyConnection | None) -> pl.DataFrame:
    table = TABLES["validation_results"]
    if con is None:
        return table.empty()
    have = {r[0] for r in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table.name]
    ).fetchall()}
    if not have:
        return table.empty()
    # Columns added since that file was written come back empty rather than failing the publish.
    columns = [name if name in have else f"NULL AS {name}" for name in table.names]
    return con.execute(f"SELECT {', '.join(columns)} FROM {table.name}").pl().cast(table.polars_schema)


def _wal(path: Path) -> Path:
    return path.with_name(path.name + ".wal")


def _replace_without_wal(new: Path, file: Path) -> None:
    """Rename `new` (checkpointed: it has no WAL) over `file`, dropping the WAL beside `file` first.

    DuckDB replays a WAL into whatever file carries its name, so one a crashed read-write session
    left would bring its edits and deletions back into the new warehouse. Dropped before the
    rename, it never sits beside the new file; its changes were to the warehouse being replaced.
    """
    _wal(file).unlink(missing_ok=True)
    os.replace(new, file)


def _remove_with_wal(path: Path) -> None:
    path.unlink(missing_ok=True)
    _wal(path).unlink(missing_ok=True)


def _remove_builds(file: Path) -> None:
    """Delete the build files (and their WALs) that a killed publish left; called with the lock
    held, so no other publish is building one."""
    for path in file.parent.iterdir():
        if path.name.startswith(file.name + ".") and path.name.endswith((".new", ".new.wal")):
            path.unlink(missing_ok=True)


def _write_holder(fd: int, run_id: str) -> None:
    holder = {"run_id": run_id, "pid": os.getpid(), "host": socket.gethostname(), "since": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}
    os.ftruncate(fd, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, json.dumps(holder).encode())


def _holder(lock_file: Path) -> str:
    """Who holds the publish lock, as its lock file says."""
    try:
        holder = json.loads(lock_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "another process (its lock file does not say which)"
    run = f"run {holder['run_id']} " if holder.get("run_id") else ""
    return f"{run}(pid {holder.get('pid')} on {holder.get('host')}, since {holder.get('since')})"


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
