"""Faults of publishing, storage and the report (issue 19): a crashed session's WAL, two runs
publishing at once, a warehouse folder that does not exist, run history outside DAGSTER_HOME,
hostile values in Data Docs, and a report of a run that never published."""

import datetime as dt
import html
import json
import logging
import shutil
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import dagster as dg
import duckdb
import polars as pl
import pytest

from pipeline.adapters import gx
from pipeline.adapters.annotators import RuleAnnotator
from pipeline.adapters.check_results import CheckResults
from pipeline.adapters.staging import Staging
from pipeline.adapters.warehouse import (
    Warehouse,
    WarehouseFolderError,
    WarehouseLockedError,
)
from pipeline.defs.assets import publish, report
from pipeline.schema import DOCUMENTS, TABLES, VALIDATION_RESULTS
from tests.conftest import ROOT, materialize_all

HOSTILE = "<img src=x onerror=alert(1)>.txt"


def _document(doc_id: str, title: str = "T") -> dict:
    return {"doc_id": doc_id, "source_path": f"{doc_id}.txt", "content_sha256": "0" * 64, "encoding": "utf-8", "replaced_bytes": 0, "title": title,
            "story_id": doc_id, "raw_text": "raw", "clean_text": "clean", "n_removed_lines": 0, "flags": []}


def _python(code: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT, text=True, **kwargs)


def _documents(path: Path) -> list[tuple]:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.sql("SELECT doc_id, title FROM documents ORDER BY doc_id").fetchall()


@pytest.mark.parametrize("edit", [
    "UPDATE documents SET title = 'edited by a crashed session'",
    "DELETE FROM documents WHERE doc_id = 'a'",
    "INSERT INTO documents SELECT * REPLACE ('z' AS doc_id) FROM documents WHERE doc_id = 'a'",
])
def test_publish_drops_the_wal_a_crashed_session_left_beside_the_old_file(tmp_path, edit):
    path = tmp_path / "news.duckdb"
    warehouse = Warehouse(path=str(path))
    docs = DOCUMENTS.frame([_document("a"), _document("b")])
    warehouse.publish({"documents": docs}, VALIDATION_RESULTS.empty())
    # A read-write session commits a change and dies before any checkpoint: the change is only in the WAL.
    session = _python(f"import duckdb, os; con = duckdb.connect({str(path)!r}); con.execute({edit!r}); os._exit(0)")
    assert session.wait() == 0
    assert path.with_name("news.duckdb.wal").exists()
    warehouse.publish({"documents": docs}, VALIDATION_RESULTS.empty())
    assert not path.with_name("news.duckdb.wal").exists()
    assert _documents(path) == [("a", "T"), ("b", "T")]
    duckdb.connect(str(path)).close()  # a read-write open would replay a WAL into the file for good
    assert _documents(path) == [("a", "T"), ("b", "T")]


@pytest.mark.parametrize("leftover", ["news.duckdb.new", "news.duckdb.3f2a9c0d.new"])
def test_publish_removes_the_build_files_of_a_killed_publish(tmp_path, leftover):
    """A publish killed mid-build leaves its file and WAL; the next one (holding the lock) removes them."""
    path = tmp_path / "news.duckdb"
    build = tmp_path / leftover
    session = _python(f"""
        import duckdb, os
        con = duckdb.connect({str(build)!r})
        con.execute("CREATE TABLE documents (doc_id VARCHAR)")
        con.execute("INSERT INTO documents VALUES ('stale')")
        os._exit(0)
    """)
    assert session.wait() == 0
    assert build.with_name(leftover + ".wal").exists()
    Warehouse(path=str(path)).publish({"documents": DOCUMENTS.frame([_document("a")])}, VALIDATION_RESULTS.empty())
    assert _documents(path) == [("a", "T")]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["news.duckdb", "news.duckdb.lock"]


def _hold_publish_lock(path: Path, run_id: str) -> subprocess.Popen:
    """A process that holds the warehouse's publish lock as `run_id` until its stdin closes."""
    holder = _python(f"""
        import sys
        from pipeline.adapters.warehouse import Warehouse
        with Warehouse(path={str(path)!r}).publish_lock({run_id!r}):
            print("held", flush=True)
            sys.stdin.read()
    """, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert holder.stdout.readline().strip() == "held"
    return holder


def test_publish_waits_a_bounded_time_for_another_runs_publish_and_names_it(tmp_path, caplog):
    path = tmp_path / "news.duckdb"
    holder = _hold_publish_lock(path, "run-holding-the-lock")
    try:
        warehouse = Warehouse(path=str(path), publish_timeout_seconds=1.0)
        with caplog.at_level(logging.INFO), pytest.raises(WarehouseLockedError, match=rf"run-holding-the-lock \(pid {holder.pid}\b"):
            warehouse.publish({"documents": DOCUMENTS.frame([_document("a")])}, VALIDATION_RESULTS.empty(), run_id="waiting-run")
        assert f"run-holding-the-lock (pid {holder.pid}" in caplog.text
        assert not path.exists()  # nothing was published meanwhile
    finally:
        holder.stdin.close()
        holder.wait()


def test_publish_goes_ahead_once_the_other_run_releases_the_lock(tmp_path, caplog):
    path = tmp_path / "news.duckdb"
    holder = _hold_publish_lock(path, "run-a")
    results = VALIDATION_RESULTS.frame([{"run_id": "run-b", "checked_at": dt.datetime(2026, 1, 1), "table_name": "documents",
                                         "expectation": "x", "success": True, "severity": "ERROR", "unexpected_count": 0, "details": "{}"}])
    waiting = threading.Thread(target=Warehouse(path=str(path)).publish,
                               args=({"documents": DOCUMENTS.frame([_document("b")])}, results), kwargs={"run_id": "run-b"})
    with caplog.at_level(logging.INFO):
        waiting.start()
        while "run-a" not in caplog.text and waiting.is_alive():
            time.sleep(0.05)
        assert "Waiting" in caplog.text and not path.exists()
        holder.stdin.close()
        holder.wait()
        waiting.join()
    assert _documents(path) == [("b", "T")]
    with duckdb.connect(str(path), read_only=True) as con:
        assert con.sql("SELECT DISTINCT run_id FROM validation_results").fetchall() == [("run-b",)]


@pytest.mark.parametrize("where", ["missing", "missing/and/nested"])
def test_warehouse_setup_creates_the_folder(tmp_path, where):
    warehouse = Warehouse(path=str(tmp_path / where / "news.duckdb"))
    warehouse.setup_for_execution(dg.build_init_resource_context())
    assert (tmp_path / where).is_dir()


def test_warehouse_in_a_folder_that_cannot_exist_fails_the_run_before_any_step(tmp_path):
    (tmp_path / "a file").write_text("not a folder")
    warehouse = tmp_path / "a file" / "news.duckdb"
    with pytest.raises(dg.DagsterResourceFunctionError) as failure:
        materialize_all(ROOT / "seeds", warehouse, RuleAnnotator(), staging=tmp_path / "staging")
    assert isinstance(failure.value.__cause__, WarehouseFolderError)
    assert "PIPELINE_WAREHOUSE" in str(failure.value.__cause__) and str(warehouse.parent) in str(failure.value.__cause__)
    assert not (tmp_path / "staging").exists()  # ingest never ran


def test_instance_storage_is_under_dagster_home_whatever_the_working_folder(tmp_path, monkeypatch):
    home, elsewhere = tmp_path / "home", tmp_path / "elsewhere"
    home.mkdir()
    elsewhere.mkdir()
    shutil.copy(ROOT / "dagster.yaml", home / "dagster.yaml")
    monkeypatch.chdir(elsewhere)

    @dg.asset
    def one() -> int:
        return 1

    with dg.DagsterInstance.from_config(str(home)) as instance:
        assert dg.materialize([one], instance=instance).success
    assert list(elsewhere.iterdir()) == []
    assert (home / "history" / "runs.db").exists()


def _validation(value: str, success: bool) -> gx.Validation:
    """A GX result of a one-expectation suite over `value`: passes when it is in the value set."""
    suite = {"name": "structure", "expectations": [
        {"type": "expect_column_values_to_be_in_set", "kwargs": {"column": "source_path", "value_set": [value] if success else ["ok.txt"]}}
    ]}
    return gx.validate(pl.DataFrame({"source_path": [value]}), suite)


@pytest.mark.parametrize("value", [HOSTILE, "<script>alert(1)</script>", "\"><svg onload=alert(1)>"])
def test_data_docs_escape_every_failing_value(tmp_path, value):
    document = json.loads(json.dumps(_validation(value, success=False).document, default=str))
    gx.build_data_docs([gx.StoredResult("documents", "structure", "run-1", dt.datetime(2026, 1, 1), document)], tmp_path)
    pages = [p.read_text(encoding="utf-8") for p in tmp_path.rglob("*.html")]
    assert len(pages) == 2  # the index and the suite's page
    assert not any(value in page for page in pages)
    assert any(html.escape(value) in page for page in pages)


@dg.asset(name="documents")
def _stand_in_ingest(context: dg.AssetExecutionContext, staging: Staging) -> None:
    """The documents of a run titled by the run's tag (every other table empty), with the result
    its structure check recorded."""
    passed = context.run.tags["checks"] == "pass"
    for name, table in TABLES.items():
        staging.write(name, table.empty())
    staging.write("documents", DOCUMENTS.frame([_document("a", title=context.run.tags["checks"])]))
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    CheckResults.of(staging).record("documents", "structure", context.run.run_id, _validation("a.txt", success=passed), now)


def test_report_shows_the_published_runs_results_not_a_later_failed_runs(tmp_path):
    """A run publishes; a later run's check fails, so it never publishes; the report, rebuilt on its
    own, shows the published run's results in both the page and Data Docs."""
    path = tmp_path / "news.duckdb"
    resources = {"staging": Staging(path=str(tmp_path / "staging")), "warehouse": Warehouse(path=str(path))}
    published = dg.materialize([_stand_in_ingest, publish, report], resources=resources, tags={"checks": "pass"})
    failed = dg.materialize([_stand_in_ingest], resources=resources, tags={"checks": "fail"})
    dg.materialize([report], resources=resources)
    assert _documents(path) == [("a", "pass")]
    folder = tmp_path / "report"
    rendered = [p.relative_to(folder / "data_docs").as_posix() for p in (folder / "data_docs" / "validations").rglob("*.html")]
    assert len(rendered) == 1 and published.run_id in rendered[0]
    docs = "".join(p.read_text(encoding="utf-8") for p in (folder / "data_docs").rglob("*.html"))
    assert failed.run_id not in docs
    assert "All 1 expectations of the last validation passed" in (folder / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("keep", [1, 2, 3])
def test_publish_keeps_a_bounded_history_of_validation_results(tmp_path, keep):
    warehouse = Warehouse(path=str(tmp_path / "w.duckdb"), results_history_runs=keep)
    for i in range(4):
        results = VALIDATION_RESULTS.frame([{"run_id": f"run{i}", "checked_at": dt.datetime(2026, 1, 1, i), "table_name": "documents",
                                             "expectation": "x", "success": True, "severity": "ERROR", "unexpected_count": 0, "details": "{}"}])
        warehouse.publish({"documents": DOCUMENTS.frame([_document("a")])}, results)
    with duckdb.connect(str(warehouse.file), read_only=True) as con:
        runs = [r for (r,) in con.sql("SELECT DISTINCT run_id FROM validation_results ORDER BY run_id").fetchall()]
    assert runs == [f"run{i}" for i in range(4 - keep, 4)]


def test_publish_a_table_never_staged_fails_the_run_naming_it(tmp_path):
    """A missing upstream is a bug in the run, not an empty table published."""
    resources = {"staging": Staging(path=str(tmp_path / "staging")), "warehouse": Warehouse(path=str(tmp_path / "news.duckdb"))}
    result = dg.materialize([publish], resources=resources, raise_on_error=False)
    error = next(e for e in result.all_events if e.is_step_failure).step_failure_data.error.cause
    assert not result.success and error.cls_name == "MissingStagedTableError" and "documents" in error.message
    assert not (tmp_path / "news.duckdb").exists()
