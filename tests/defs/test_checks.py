import polars as pl

from pipeline.adapters import gx


def test_checks_convert_only_the_columns_a_suite_names():
    from pipeline.adapters.gx import suite_columns

    columns = ["doc_id", "clean_text", "start_char", "end_char", "text"]
    suite = {"expectations": [
        {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "doc_id"}},
        {"type": "expect_compound_columns_to_be_unique", "kwargs": {"column_list": ["doc_id", "start_char"]}},
        {"type": "expect_column_pair_values_a_to_be_greater_than_b", "kwargs": {"column_A": "end_char", "column_B": "start_char"}},
    ]}
    assert suite_columns(suite, columns) == ["doc_id", "start_char", "end_char"]
    whole_table = {"expectations": suite["expectations"] + [{"type": "expect_table_row_count_to_be_between", "kwargs": {"min_value": 1}}]}
    assert suite_columns(whole_table, columns) == columns


def test_gx_does_not_hash_every_cell_of_a_batch():
    """GX's batch fingerprint hashes every cell (text columns become Python objects); it is off,
    and a GX upgrade that moves the switch makes this fail rather than quietly cost memory."""
    suite = {"name": "t", "expectations": [{"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "a"}}]}
    result = gx.validate(pl.DataFrame({"a": ["x" * 100, "y"]}), suite)
    assert result.outcomes[0].success
    assert "pandas_data_fingerprint" not in result.document["meta"]["batch_markers"]
