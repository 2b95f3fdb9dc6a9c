"""The warehouse keeps the contract in ../shared/CONTRACT.md: schema.py names every contract column,
the built warehouse has them with comments, and the shared checker agrees. The contract is read
by the tests that need it, never at collection, so that a clone without ../shared collects."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.schema import TABLES
from tests.conftest import ROOT, SHARED

CONTRACT = SHARED / "CONTRACT.md"


@pytest.fixture(scope="module")
def contract() -> dict[str, list[str]]:
    """Table -> its columns, as the contract lists them."""
    tables, current = {}, None
    for line in CONTRACT.read_text(encoding="utf-8").splitlines():
        if m := re.match(r"^## (\w+)$", line):
            current = tables.setdefault(m.group(1), [])
        elif current is not None and (m := re.match(r"^\| ([a-z_0-9]+) \|", line)) and m.group(1) != "column":
            current.append(m.group(1))
    return {t: c for t, c in tables.items() if c}


@pytest.mark.needs_shared
def test_contract_names_only_tables_of_the_schema(contract):
    assert contract and set(contract) <= set(TABLES)


@pytest.mark.needs_shared
@pytest.mark.parametrize("table", sorted(TABLES))
def test_contract_schema_names_every_contract_column(contract, table):
    assert set(contract.get(table, [])) <= set(TABLES[table].names)


@pytest.mark.slow
@pytest.mark.needs_shared
def test_contract_built_warehouse_passes_the_shared_checker(built):
    out = subprocess.run([sys.executable, str(SHARED / "tools" / "check_contract.py"), str(built[1])], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "contract kept" in out.stdout


@pytest.mark.slow
def test_contract_every_column_has_a_comment(db):
    missing = db.sql(
        "select table_name, column_name from duckdb_columns() where not internal and schema_name = 'main' "
        "and table_name in (select unnest(?)) and (comment is null or comment = '')",
        params=[sorted(TABLES)],
    ).fetchall()
    assert missing == []


@pytest.mark.slow
@pytest.mark.parametrize(("ci", "exit_code"), [("", 0), ("true", 1)])
def test_contract_a_clone_without_shared_collects_and_skips_naming_it(tmp_path, ci, exit_code):
    """A user's clone, with nothing beside it: this file's contract tests skip, saying ../shared is
    absent, and the run passes; under CI=true those skips fail it."""
    clone = _copy_of_the_repository(tmp_path / "clone")
    env = {k: v for k, v in os.environ.items() if k != "PYTEST_ADDOPTS"} | {"PYTHONPATH": str(clone), "CI": ci}
    out = subprocess.run([sys.executable, "-m", "pytest", "tests/test_contract.py", "-m", "not slow", "-p", "no:cacheprovider"],
                         cwd=clone, env=env, capture_output=True, text=True, timeout=600)
    assert out.returncode == exit_code, out.stdout[-3000:] + out.stderr[-3000:]
    assert re.search(r"SKIPPED \[\d+\] .*needs \.\./shared beside the repository", out.stdout), out.stdout[-3000:]


def _copy_of_the_repository(folder: Path) -> Path:
    """The files a clone of this working tree holds (tracked, and new ones git does not ignore)."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout
    for name in filter(None, listed.split("\0")):
        if (ROOT / name).is_file():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, folder / name)
    return folder
