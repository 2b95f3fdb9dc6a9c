"""Runs after seed changes recompute only what changed, and every table follows the folder."""

import shutil

import duckdb
import polars as pl
import pytest

from pipeline.defs.jobs import FULL_REFRESH_TAG
from pipeline.runtime import reuse
from tests.conftest import SEEDS, materialize_all

# Per-document columns; entity ids, labels, money subjects, conversions and claims are
# cross-document results, recomputed on every run, and so is which spans are mentions (a name
# written once in the whole corpus, with nothing backing it, is dropped): spans are per document.
COLUMNS = {
    "documents": "* exclude (story_id)",
    "boilerplate": "*",
    "sentences": "*",
    "ner_spans": "*",
    "money": "* exclude (subject_entity_id, amount_usd, fx_date, fx_basis, claim_id, claim_basis)",
}
TABLES = tuple(COLUMNS)
EDITED = "002_79b1a7c8b752f4f6"


def metadata(result, asset: str) -> dict:
    event = next(e for e in result.get_asset_materialization_events() if e.asset_key.to_user_string() == asset)
    return {k: v.value for k, v in event.materialization.metadata.items()}


def rows_by_doc(path) -> dict[str, dict[str, list]]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {t: {d: con.sql(f"select {COLUMNS[t]} from {t} where doc_id = ? order by all", params=[d]).fetchall()
                    for (d,) in con.sql(f"select distinct doc_id from {t}").fetchall()} for t in TABLES}
    finally:
        con.close()


@pytest.fixture
def workspace(tmp_path, rule_annotator):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    path = tmp_path / "w" / "news.duckdb"
    first = materialize_all(seeds, path, rule_annotator)
    assert first.success and metadata(first, "documents")["documents_added"] == 5
    return seeds, path, rows_by_doc(path)


def test_incremental_unchanged_folder_reuses_everything(workspace, rule_annotator):
    seeds, path, before = workspace
    result = materialize_all(seeds, path, rule_annotator)
    assert metadata(result, "documents")["documents_reused"] == 5
    assert metadata(result, "sentences")["documents_annotated"] == 0
    assert rows_by_doc(path) == before


def test_incremental_added_file_is_processed_alone(workspace, rule_annotator):
    seeds, path, before = workspace
    shutil.copy(seeds / "004_cccac4c44d5e8202.txt", seeds / "added.txt")
    result = materialize_all(seeds, path, rule_annotator)
    assert metadata(result, "documents")["documents_added"] == 1
    assert metadata(result, "sentences")["documents_annotated"] == 1
    after = rows_by_doc(path)
    for table in TABLES:
        assert {d: r for d, r in after[table].items() if d != "added"} == before[table]
    assert after["sentences"]["added"] and after["documents"]["added"]


def test_incremental_edited_file_is_updated_and_others_untouched(workspace, rule_annotator):
    seeds, path, before = workspace
    edited = seeds / f"{EDITED}.txt"
    edited.write_text(edited.read_text(encoding="utf-8").replace("$500 billion", "$600 billion"), encoding="utf-8")
    result = materialize_all(seeds, path, rule_annotator)
    assert metadata(result, "documents")["documents_changed"] == 1
    assert metadata(result, "sentences")["documents_annotated"] == 1
    after = rows_by_doc(path)
    assert [r[5] for r in after["money"][EDITED]] == ["$600 billion"]
    for table in TABLES:
        assert {d: r for d, r in after[table].items() if d != EDITED} == {d: r for d, r in before[table].items() if d != EDITED}


def test_incremental_removed_file_leaves_every_table(workspace, rule_annotator):
    seeds, path, before = workspace
    (seeds / f"{EDITED}.txt").unlink()
    result = materialize_all(seeds, path, rule_annotator)
    assert metadata(result, "documents")["documents_removed"] == 1
    after = rows_by_doc(path)
    for table in TABLES:
        assert EDITED not in after[table]
        assert after[table] == {d: r for d, r in before[table].items() if d != EDITED}
    con = duckdb.connect(str(path), read_only=True)
    assert con.sql("select count(*) from entities where n_documents > (select count(*) from documents)").fetchone()[0] == 0
    con.close()


@pytest.mark.parametrize("how", ["version_bump", "full_refresh_tag"])
def test_incremental_forced_reprocessing_redoes_every_document(workspace, rule_annotator, monkeypatch, how):
    seeds, path, before = workspace
    tags = None
    if how == "version_bump":
        monkeypatch.setattr(reuse, "PIPELINE_VERSION", "bumped-for-test")
    else:
        tags = {FULL_REFRESH_TAG: "true"}
    result = materialize_all(seeds, path, rule_annotator, tags=tags)
    assert metadata(result, "documents")["documents_reused"] == 0
    # A new code version changes every document's key; a full refresh changes nothing but redoes all.
    assert metadata(result, "documents")["documents_changed"] == (5 if how == "version_bump" else 0)
    assert metadata(result, "sentences")["documents_annotated"] == 5
    assert rows_by_doc(path) == before


def test_incremental_rerun_leaves_every_table_identical(tmp_path, rule_annotator):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    path = tmp_path / "w.duckdb"
    tables = ["documents", "boilerplate", "sentences", "mentions", "entities", "money", "quarantine"]

    def snapshot():
        con = duckdb.connect(str(path), read_only=True)
        try:
            return {t: con.sql(f"select * {'exclude (detected_at)' if t == 'quarantine' else ''} from {t} order by all").fetchall() for t in tables}
        finally:
            con.close()

    assert materialize_all(seeds, path, rule_annotator).success
    first = snapshot()
    assert materialize_all(seeds, path, rule_annotator).success
    assert snapshot() == first


def test_incremental_a_previous_table_of_an_older_schema_is_not_reused(workspace, rule_annotator):
    """Keys that match rows no longer readable (a column added since) would drop those rows."""
    seeds, path, before = workspace
    staged = path.parent / "staging" / "sentences.parquet"
    pl.read_parquet(staged).drop("text").write_parquet(staged)
    result = materialize_all(seeds, path, rule_annotator)
    assert metadata(result, "sentences")["documents_annotated"] == 5
    assert rows_by_doc(path) == before
