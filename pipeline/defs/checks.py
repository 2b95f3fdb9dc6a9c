"""One asset check per suite in `expectations/`: GX runs the suite on the staged table (or on the
frame the suite names), every result is staged for `validation_results`, and the check fails
with the failing expectations and examples listed."""

import datetime as dt
import json
from pathlib import Path

import dagster as dg
import polars as pl

from pipeline.adapters import gx
from pipeline.adapters.seeds import Seeds
from pipeline.adapters.staging import Staging
from pipeline.quality import validation
from pipeline.runtime import memory
from pipeline.schema import VALIDATION_RESULTS

EXPECTATIONS = Path(__file__).resolve().parents[2] / "expectations"


def build_check(table: str, suite: dict) -> dg.AssetChecksDefinition:
    """Blocking: a failed ERROR expectation stops downstream assets; a failed WARN one only warns."""

    @dg.asset_check(
        asset=table,
        name=f"{table}_{suite['name']}",
        description=suite.get("description"),
        blocking=True,
        additional_deps=suite.get("reads", []),
    )
    def _check(context: dg.AssetCheckExecutionContext, staging: Staging, seeds: Seeds) -> dg.AssetCheckResult:
        memory.release()
        frame = validation.frame_for(table, suite, lambda name, columns: seeds.files().lazy() if name == "seed_files" else staging.scan(name, columns))
        result = gx.validate(frame, suite, validation.parameters())
        outcomes = result.outcomes
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        staging.write(result_file(table, suite), pl.DataFrame({
            "table": [table], "suite": [suite["name"]], "run_id": [context.run.run_id], "checked_at": [now],
            "document": [json.dumps(result.document, default=str)],
        }))
        staging.write(f"validation_results__{table}_{suite['name']}", VALIDATION_RESULTS.frame([
            {"run_id": context.run.run_id, "checked_at": now, "table_name": table, "expectation": o.expectation,
             "success": o.success, "severity": o.severity, "unexpected_count": o.unexpected_count, "details": json.dumps(o.details)}
            for o in outcomes
        ]))
        failed = [o for o in outcomes if not o.success]
        errors = any(o.severity == "ERROR" for o in failed)
        return dg.AssetCheckResult(
            passed=not failed,
            severity=dg.AssetCheckSeverity.ERROR if errors else dg.AssetCheckSeverity.WARN,
            metadata={
                "rows": frame.height,
                "expectations": len(outcomes),
                "failed": dg.MetadataValue.json([{"expectation": o.expectation, "severity": o.severity, **o.details} for o in failed]),
                "evaluated": dg.MetadataValue.md("\n".join(f"- {'✅' if o.success else '❌'} `{o.expectation}`" for o in outcomes)),
                **({suite["report_as"]: dg.MetadataValue.json(validation.rows_where_false(frame, suite.get("report_rows_where_false")))}
                   if "report_as" in suite else {}),
            },
        )

    return _check


def result_file(table: str, suite: dict) -> str:
    """Staging name of the GX result a suite's check writes (kept for the report's Data Docs)."""
    return f"gx_results__{table}_{suite['name']}"


def staged_results(staging: Staging) -> list[gx.StoredResult]:
    """The latest staged GX result of each suite in expectations/; a removed suite's is left out."""
    names = [result_file(table, suite) for table, suite in suites()]
    return [
        gx.StoredResult(**{**row, "document": json.loads(row["document"])})
        for name in names if staging.file(name).exists() for row in staging.read(name).iter_rows(named=True)
    ]


def suites() -> list[tuple[str, dict]]:
    """(table, suite) for each `expectations/<table>[.<suite>].json`."""
    return [(path.name.split(".")[0], gx.load_suite(path)) for path in sorted(EXPECTATIONS.glob("*.json"))]


@dg.definitions
def checks() -> dg.Definitions:
    return dg.Definitions(asset_checks=[build_check(table, suite) for table, suite in suites()])
