
import polars as pl
import pytest

from pipeline.money.table import restatement_agrees, reviewed
from pipeline.quality.validation import DERIVED, FRAMES, with_offset_check
from pipeline.schema import TABLES


def test_validation_offset_check_flags_mismatches():
    docs = pl.DataFrame({"doc_id": ["d", "k"], "clean_text": ["Hello world", "Séoul, 서울 won"]})
    frame = pl.DataFrame({
        "doc_id": ["d", "d", "x", "d", "k", "k"],
        "start_char": [0, 6, 0, 6, 7, 6],
        "end_char": [5, 11, 1, 40, 9, 9],
        "text": ["Hello", "World", "H", "world", "서울", "서울"],
    })
    # Offsets count characters, not bytes; a span past the end of the text or in an unknown document fails.
    expected = [True, False, False, False, True, False]
    assert with_offset_check(frame, docs)["offset_matches"].to_list() == expected
    # A document at a time, with the texts read lazily (as from staging), gives the same flags in the frame's order.
    assert with_offset_check(frame, docs.lazy(), rows=1)["offset_matches"].to_list() == expected
    assert with_offset_check(frame.with_columns(doc_id=pl.lit(None, pl.String)), docs)["offset_matches"].to_list() == [False] * 6
    assert with_offset_check(frame.head(0), docs)["offset_matches"].to_list() == []


def _money(**columns) -> pl.DataFrame:
    """Four figures: a restated by b, c restated by d (USD values and rate bases given per test)."""
    return pl.DataFrame({"money_id": ["a", "b", "c", "d"], "restates": [None, "a", None, "c"], **columns})


@pytest.mark.parametrize(
    ("usd", "basis", "agrees"),
    [
        ([100.0, 103.0, 100.0, 150.0], ["published_date"] * 4, [None, True, None, False]),
        # Undated pages convert at the latest rates: drift within 10% agrees, a wrong dollar does not.
        ([100.0, 107.0, 100.0, 135.0], ["latest_available"] * 4, [None, True, None, False]),
        ([100.0, 107.0, 100.0, 104.0], ["story_date", "story_date", "published_date", "published_date"], [None, False, None, True]),
        ([100.0, None, None, 100.0], ["published_date", None, None, "published_date"], [None, None, None, None]),
    ],
)
def test_validation_restatement_agreement_uses_the_tolerance_of_the_rate_date(usd, basis, agrees):
    frame = _money(amount_usd=usd, fx_basis=basis)
    assert restatement_agrees(frame, "restates").to_list() == agrees


def test_validation_money_checks_hold_on_reviewed_figures_that_disagree():
    frame = reviewed(_money(amount_usd=[100.0, 103.0, 100.0, 150.0], fx_basis=["published_date"] * 4))
    for name in ("restatement_agrees", "usd_or_flagged"):
        frame = DERIVED[name].add(frame, None)
    out = frame
    # The disagreeing link is dropped (so every published link agrees) and both of its figures are flagged.
    assert out["equivalent_of"].to_list() == [None, "a", None, None]
    assert out["restatement_agrees"].to_list() == [None, True, None, None]
    assert out["usd_or_flagged"].all()


def test_validation_seed_coverage_flags_missing_and_doubled_files():
    from pipeline.quality.validation import seed_coverage

    files = pl.DataFrame({"source_path": ["a.txt", "b.txt", "c.txt"]})
    documents = pl.DataFrame({"source_path": ["a.txt", "c.txt"]})
    quarantine = pl.DataFrame({"source_path": ["c.txt"]})
    out = seed_coverage(files, documents, quarantine)
    assert out.select("source_path", "n_places", "placed_once").rows() == [("a.txt", 1, True), ("b.txt", 0, False), ("c.txt", 2, False)]


def test_validation_spacy_coverage_leaves_out_percentages_spacy_calls_money():
    from pipeline.quality.validation import money_span_coverage

    spans = pl.DataFrame({"doc_id": ["d"] * 4, "raw_label": ["MONEY", "MONEY", "MONEY", "ORG"],
                          "text": ["97 per cent", "$5 billion", "12 Percent", "Acme"],
                          "start_char": [0, 20, 40, 60], "end_char": [11, 30, 50, 64]})
    money = pl.DataFrame({"doc_id": ["d"], "start_char": [21], "end_char": [30]})
    out = money_span_coverage(spans, money)
    assert out["text"].to_list() == ["$5 billion"] and out["covered_by_money"].to_list() == [True]


def test_validation_checks_read_only_the_columns_their_suites_need():
    from pipeline.defs.checks import suites
    from pipeline.quality.validation import columns_for

    by_name = {f"{table}.{suite['name']}": (table, suite) for table, suite in suites()}
    documents = columns_for(*by_name["documents.structure"])
    assert {"doc_id", "source_path", "clean_text"} <= set(documents) and "raw_text" not in documents
    assert set(columns_for(*by_name["sentences.offsets"])) == {"doc_id", "sentence_idx", "start_char", "end_char", "text"}
    money = columns_for(*by_name["money.figures"])
    assert {"money_id", "equivalent_of", "amount_usd", "fx_basis", "flags", "text"} <= set(money)
    table_level = {"expectations": [{"type": "expect_table_row_count_to_be_between", "kwargs": {"min_value": 1}}]}
    assert "raw_text" in columns_for("documents", table_level)


def test_validation_every_column_a_suite_names_is_its_tables_or_a_derived_one_it_declares():
    """The suites are declarative: nothing is added to a table's frame because of its name."""
    from pipeline.defs.checks import suites
    from pipeline.quality.validation import named_columns

    for table, suite in suites():
        if "frame" in suite:
            assert suite["frame"] in FRAMES
            continue
        derived = set(suite.get("derived", []))
        assert derived <= set(DERIVED), suite["name"]
        known = set(TABLES[table].names) | derived
        reported = {suite["report_rows_where_false"]} if "report_rows_where_false" in suite else set()
        assert (named_columns(suite) or set()) | reported <= known, f"{table}.{suite['name']}"
