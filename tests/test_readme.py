"""The README's SQL runs against a built warehouse, and its set-up commands are the ones CI uses."""

import re

import pytest

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
SQL_BLOCKS = re.findall(r"```sql\n(.*?)```", README, flags=re.S)


def test_readme_has_queries_and_two_setup_commands():
    assert len(SQL_BLOCKS) >= 3
    bash = re.findall(r"```bash\n(.*?)```", README, flags=re.S)
    assert any("dagster asset materialize" in b for b in bash)
    assert any(".venv/bin/python -m pytest" in b for b in bash)


def test_readme_test_command_is_what_ci_runs():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ".venv/bin/python -m pytest" in ci
    assert "-r requirements.lock" in ci


@pytest.mark.slow
@pytest.mark.parametrize("sql", SQL_BLOCKS, ids=[f"query{i}" for i in range(len(SQL_BLOCKS))])
def test_readme_query_runs_and_returns_rows(db, sql):
    rows = db.sql(sql).fetchall()
    assert rows
