from pathlib import Path

import polars as pl
import pyarrow.parquet as pq
import pytest

from pipeline.adapters.staging import PROJECT_ROOT, ROW_GROUP_BYTES, Staging
from pipeline.defs.resources import resources
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
    never_written = staging.read("captions", ["doc_id"])
    assert never_written.columns == ["doc_id"] and never_written.is_empty() and staging.rows("captions") == 0


def test_staging_writes_row_groups_of_bounded_size_so_the_load_streams_them(tmp_path):
    staging = Staging(path=str(tmp_path))
    texts = pl.DataFrame({"doc_id": [str(i) for i in range(3000)], "clean_text": ["x" * 8000] * 3000})
    staging.write("texts", texts)
    groups = pq.ParquetFile(staging.file("texts")).metadata
    assert groups.num_row_groups > 1  # 24 MB of text: more than one group
    assert max(groups.row_group(i).total_byte_size for i in range(groups.num_row_groups)) <= 1.5 * ROW_GROUP_BYTES
    assert staging.read("texts").equals(texts)


@pytest.mark.parametrize(("warehouse", "staging", "expected"), [
    ("{tmp}/a/news.duckdb", None, "{tmp}/a/staging"),
    ("{tmp}/b/news.duckdb", "", "{tmp}/b/staging"),
    ("{tmp}/a/news.duckdb", "{tmp}/elsewhere", "{tmp}/elsewhere"),
    (None, None, "{root}/warehouse/staging"),
])
def test_staging_defaults_to_a_folder_beside_the_warehouse(tmp_path, monkeypatch, warehouse, staging, expected):
    for name, value in (("PIPELINE_WAREHOUSE", warehouse), ("PIPELINE_STAGING_DIR", staging)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value.format(tmp=tmp_path))
    folder = resources().resources["staging"].folder
    assert folder == Path(expected.format(tmp=tmp_path, root=PROJECT_ROOT))


def test_staging_a_table_written_without_a_column_the_schema_now_has_reads_as_never_written(tmp_path):
    staging = Staging(path=str(tmp_path))
    old = DOCUMENTS.frame([{"doc_id": "a", "source_path": "a.txt", "content_sha256": "0" * 64, "encoding": "utf-8",
                            "title": "T", "story_id": "a", "raw_text": "raw", "clean_text": "clean", "n_removed_lines": 3, "flags": []}])
    staging.write("documents", old.drop(DOCUMENTS.names[-1]))
    assert staging.read("documents").is_empty() and staging.read("documents").columns == DOCUMENTS.names
    assert staging.read("documents", ["doc_id"]).columns == ["doc_id"]
