import datetime as dt

import polars as pl
import pytest

from pipeline.adapters import gx
from pipeline.adapters.check_results import CheckResults
from pipeline.adapters.staging import Staging

SUITE = {"name": "s", "expectations": [{"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "a"}}]}


def _validation(value: str | None) -> gx.Validation:
    return gx.validate(pl.DataFrame({"a": [value]}, schema={"a": pl.String}), SUITE)


@pytest.fixture
def results(tmp_path) -> CheckResults:
    return CheckResults.of(Staging(path=str(tmp_path)))


def test_check_results_expectation_rows_are_those_of_the_run_asked_for(results):
    now = dt.datetime(2026, 1, 1)
    results.record("documents", "structure", "run-1", _validation("x"), now)
    results.record("money", "structure", "run-1", _validation(None), now)
    results.record("documents", "review", "run-2", _validation("x"), now)
    rows = results.expectation_rows("run-1")
    assert sorted(rows.select("table_name", "success").rows()) == [("documents", True), ("money", False)]
    assert results.expectation_rows("run-3").is_empty()


def test_check_results_a_later_record_replaces_a_checks_previous_one(results):
    results.record("documents", "structure", "run-1", _validation("x"), dt.datetime(2026, 1, 1))
    results.record("documents", "structure", "run-2", _validation(None), dt.datetime(2026, 1, 2))
    assert results.expectation_rows("run-1").is_empty()
    assert results.expectation_rows("run-2")["success"].to_list() == [False]


def test_check_results_published_are_the_published_runs_of_current_checks_only(results):
    """A failed later run and a suite removed since leave the published run's results as they were."""
    results.record("documents", "structure", "run-1", _validation("x"), dt.datetime(2026, 1, 1))
    results.record("documents", "removed", "run-1", _validation("x"), dt.datetime(2026, 1, 1))
    results.keep_published("run-1", ["documents_structure"])
    results.record("documents", "structure", "run-2", _validation(None), dt.datetime(2026, 1, 2))
    results.keep_published("run-2", [])
    published = results.published("run-1")
    assert [(r.table, r.suite, r.run_id, r.document["success"]) for r in published] == [("documents", "structure", "run-1", True)]
    assert results.published("run-2") == [] and results.published(None) == []
