"""The one conftest: temporary seeds and warehouse, the spaCy model shared by the whole run."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from benchmarks.run import materialize_all  # noqa: F401  (tests import it from here)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp_resource():
    from pipeline.adapters.nlp import Nlp

    return Nlp()


@pytest.fixture
def seeds_dir(tmp_path: Path) -> Path:
    """A copy of the project's seed files that a test may change."""
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    return folder


@pytest.fixture
def warehouse_path(tmp_path: Path) -> Path:
    return tmp_path / "warehouse" / "news.duckdb"


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


@pytest.fixture(scope="session")
def built(tmp_path_factory, nlp_resource):
    """Every asset materialized once from the project's seeds: (run result, warehouse path)."""
    path = tmp_path_factory.mktemp("built") / "news.duckdb"
    result = materialize_all(SEEDS, path, nlp_resource)
    assert result.success
    return result, path


@pytest.fixture
def db(built):
    """A read-only connection to the built warehouse, closed after the test."""
    import duckdb

    con = duckdb.connect(str(built[1]), read_only=True)
    yield con
    con.close()
