import polars as pl
import pyarrow.parquet as pq
import pytest

from pipeline.adapters.staging import ROW_GROUP_BYTES, MissingStagedTableError, Staging
from pipeline.schema import DOCUMENTS


def test_staging_reads_only_the_columns_asked_for_with_their_schema_types(tmp_path):
    staging = Staging(path=str(tmp_path))
    row = {"doc_id": "a", "source_path": "a.txt", "content_sha256": "0" * 64, "encoding": "utf-8", "title": "T",
           "story_id": "a", "raw_text": "raw", "clean_text": "clean", "n_removed_lines": 3, "flags": []}
    staging.write("documents", DOCUMENTS.frame([row]).with_columns(pl.col("n_removed_lines").cast(pl.Int16)))
    frame = staging.read("documents", ["doc_id", "n_removed_lines"])
    assert frame.columns == ["doc_id", "n_removed_lines"]
    assert frame.schema["n_removed_lines"] == DOCUMENTS.polars_schema["n_removed_lines"]
    assert frame.rows() == [("a", 3)]
    assert staging.read("documents").columns == DOCUMENTS.names
    assert staging.rows("documents") == 1


def test_staging_a_table_never_staged_raises_but_reads_as_empty_for_reuse(tmp_path):
    """A missing upstream is an error, not "no rows"; only a step's own previous results may be absent."""
    staging = Staging(path=str(tmp_path))
    with pytest.raises(MissingStagedTableError, match="captions"):
        staging.read("captions", ["doc_id"])
    with pytest.raises(MissingStagedTableError):
        staging.scan("captions")
    previous = staging.previous("captions", ["doc_id"])
    assert previous.columns == ["doc_id"] and previous.is_empty() and staging.rows("captions") == 0


def test_staging_cache_reads_a_missing_file_as_empty_and_lives_apart(tmp_path):
    staging = Staging(path=str(tmp_path))
    assert staging.cache.read("documents_keys").is_empty()
    keys = pl.DataFrame({"doc_id": ["a"], "key": ["k"]})
    staging.cache.write("documents_keys", keys)
    assert staging.cache.read("documents_keys").equals(keys)
    assert not staging.file("documents_keys").exists() and not staging.is_current("documents")


def test_staging_writes_row_groups_of_bounded_size_so_the_load_streams_them(tmp_path):
    staging = Staging(path=str(tmp_path))
    texts = pl.DataFrame({"doc_id": [str(i) for i in range(3000)], "clean_text": ["x" * 8000] * 3000})
    staging.cache.write("texts", texts)
    groups = pq.ParquetFile(tmp_path / "cache" / "texts.parquet").metadata
    assert groups.num_row_groups > 1  # 24 MB of text: more than one group
    assert max(groups.row_group(i).total_byte_size for i in range(groups.num_row_groups)) <= 1.5 * ROW_GROUP_BYTES
    assert staging.cache.read("texts").equals(texts)


def test_staging_a_table_written_without_a_column_the_schema_now_has_is_not_current(tmp_path):
    staging = Staging(path=str(tmp_path))
    old = DOCUMENTS.frame([{"doc_id": "a", "source_path": "a.txt", "content_sha256": "0" * 64, "encoding": "utf-8",
                            "title": "T", "story_id": "a", "raw_text": "raw", "clean_text": "clean", "n_removed_lines": 3, "flags": []}])
    staging.write("documents", old.drop(DOCUMENTS.names[-1]))
    with pytest.raises(MissingStagedTableError, match="documents"):
        staging.read("documents")
    assert staging.previous("documents").is_empty() and staging.previous("documents").columns == DOCUMENTS.names
    assert staging.previous("documents", ["doc_id"]).columns == ["doc_id"]
