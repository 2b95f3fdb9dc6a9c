import datetime as dt

import polars as pl

from pipeline.adapters.staging import Staging
from pipeline.defs.checks import result_file, staged_results, suites


def test_checks_staged_results_leave_out_suites_no_longer_in_expectations(tmp_path):
    staging = Staging(path=str(tmp_path))
    table, suite = suites()[0]
    row = {"table": [table], "suite": [suite["name"]], "run_id": ["r1"], "checked_at": [dt.datetime(2026, 1, 1)],
           "document": ['{"success": true}']}
    staging.write(result_file(table, suite), pl.DataFrame(row))
    staging.write(result_file(table, {"name": "removed_suite"}), pl.DataFrame({**row, "suite": ["removed_suite"]}))
    results = staged_results(staging)
    assert [(r.table, r.suite, r.document) for r in results] == [(table, suite["name"], {"success": True})]
