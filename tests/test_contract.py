"""The warehouse keeps the contract in ../shared/CONTRACT.md: schema.py names every contract column,
the built warehouse has them with comments, and the shared checker agrees."""

import re
import subprocess
import sys

import pytest

from pipeline.schema import TABLES
from tests.conftest import SHARED

CONTRACT = SHARED / "CONTRACT.md"


def contract_columns() -> dict[str, list[str]]:
    tables, current = {}, None
    for line in CONTRACT.read_text(encoding="utf-8").splitlines():
        if m := re.match(r"^## (\w+)$", line):
            current = tables.setdefault(m.group(1), [])
        elif current is not None and (m := re.match(r"^\| ([a-z_0-9]+) \|", line)) and m.group(1) != "column":
            current.append(m.group(1))
    return {t: c for t, c in tables.items() if c}


@pytest.mark.parametrize("table", sorted(contract_columns()))
def test_contract_schema_names_every_contract_column(table):
    assert table in TABLES
    assert set(contract_columns()[table]) <= set(TABLES[table].names)


@pytest.mark.slow
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
