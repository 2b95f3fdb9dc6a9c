import polars as pl

from pipeline.adapters.staging import Staging
from pipeline.schema import DOCUMENTS


def test_staging_reads_only_the_columns_asked_for_with_their_schema_types(tmp_path):
    staging = Staging(path=str(tmp_path))
    row = {"doc_id": "a", "source_path": "a.txt", "content_sha256": "0" * 64, "encoding": "utf-8", "title": "T",
           "story_id": "a", "raw_text": "raw", "clean_text": "clean", "n_removed_lines": 3}
    staging.write("documents", DOCUMENTS.frame([row]).with_columns(pl.col("n_removed_lines").cast(pl.Int16)))
    frame = staging.read("documents", ["doc_id", "n_removed_lines"])
    assert frame.columns == ["doc_id", "n_removed_lines"]
    assert frame.schema["n_removed_lines"] == DOCUMENTS.polars_schema["n_removed_lines"]
    assert frame.rows() == [("a", 3)]
    assert staging.read("documents").columns == DOCUMENTS.names
    assert staging.rows("documents") == 1
    never_written = staging.read("captions", ["doc_id"])
    assert never_written.columns == ["doc_id"] and never_written.is_empty() and staging.rows("captions") == 0
