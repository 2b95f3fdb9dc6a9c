"""A page whose text is one line longer than spaCy's max_length publishes, with every offset kept."""

import duckdb
import pytest

from tests.conftest import SEEDS, materialize_all

pytestmark = pytest.mark.slow

SPACY_MAX_LENGTH = 1_000_000


@pytest.mark.parametrize("characters", [1_050_000])
def test_long_text_one_line_over_spacys_max_length_publishes_with_offsets_kept(seeds_dir, warehouse_path, nlp_resource, characters):
    body = " ".join((SEEDS / "004_cccac4c44d5e8202.txt").read_text(encoding="utf-8").split())
    line = (body + " ") * (characters // len(body) + 1)
    (seeds_dir / "one line.txt").write_text(f"One report on a single line\n\n{line}\n", encoding="utf-8")
    result = materialize_all(seeds_dir, warehouse_path, nlp_resource)
    assert result.success
    checks = {e.check_name: e.passed for e in result.get_asset_check_evaluations()}
    assert checks["sentences_offsets"] and checks["mentions_offsets"]
    con = duckdb.connect(str(warehouse_path), read_only=True)
    longest = con.sql("select max(length(clean_text)) from documents where source_path = 'one line.txt'").fetchone()[0]
    for table in ("sentences", "mentions"):
        rows, bad = con.sql(
            f"select count(*), count(*) filter (where substr(d.clean_text, x.start_char + 1, x.end_char - x.start_char) <> x.text) "
            f"from {table} x join documents d using (doc_id) where d.source_path = 'one line.txt'"
        ).fetchone()
        assert rows > 0 and bad == 0
    con.close()
    assert longest > SPACY_MAX_LENGTH
