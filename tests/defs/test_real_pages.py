"""The real-pages proof: every text page of ../shared's cleaning-dev and pages-dev sets (89 pages,
6 languages) as one seeds folder, materialized: the run publishes, every file is placed once and
every offset holds. The folder and the measures are benchmarks.real_pages's own."""

import pytest

from benchmarks import real_pages

pytestmark = [pytest.mark.slow, pytest.mark.needs_shared]


@pytest.fixture(scope="module")
def real_run(tmp_path_factory, nlp_resource):
    """(run summary, files, where the tables were read from, tables) of one run on the 89 pages."""
    folder = tmp_path_factory.mktemp("real_pages")
    files = real_pages.build_seeds(folder / "seeds")
    warehouse = folder / "warehouse" / "news.duckdb"
    summary = real_pages.run(folder / "seeds", warehouse, nlp_resource)
    source, tables = real_pages.read_tables(warehouse)
    return summary, files, source, tables


def test_real_pages_folder_holds_both_sets_apart(real_run):
    _, files, _, _ = real_run
    assert len(files) == 89
    assert {f.split("/")[0] for f in files} == set(real_pages.SETS)


def test_real_pages_run_publishes(real_run):
    summary, _, source, _ = real_run
    assert summary["published"], (summary["error"], summary["failed_checks"])
    assert source == "warehouse"


def test_real_pages_every_file_placed_once(real_run):
    _, files, _, tables = real_run
    placed = real_pages.placement(files, tables)
    assert (placed["not_placed"], placed["placed_twice"], placed["unknown_files"]) == ([], [], [])
    assert placed["documents"] + placed["quarantined"] == len(files)


@pytest.mark.parametrize("table", ["sentences", "mentions", "money"])
def test_real_pages_every_offset_holds(real_run, table):
    _, _, _, tables = real_run
    checked = real_pages.offsets(tables)[table]
    assert checked["rows"] > 0
    assert checked["broken"] == 0
