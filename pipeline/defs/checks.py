"""One asset check per suite in `expectations/`: GX runs the suite on the staged table (or on the
frame the suite names), every result is recorded for `validation_results` and the report
(`adapters.check_results`), and the check fails with the failing expectations and examples listed."""

import datetime as dt

import dagster as dg

import expectations
from pipeline.adapters import gx
from pipeline.adapters.check_results import CheckResults, check_name
from pipeline.adapters.seeds import Seeds
from pipeline.adapters.staging import Staging
from pipeline.quality import validation
from pipeline.runtime import memory


def build_check(table: str, suite: dict) -> dg.AssetChecksDefinition:
    """Blocking: a failed ERROR expectation stops downstream assets; a failed WARN one only warns."""

    @dg.asset_check(
        asset=table,
        name=check_name(table, suite["name"]),
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
        CheckResults.of(staging).record(table, suite["name"], context.run.run_id, result, now)
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


def suites() -> list[tuple[str, dict]]:
    """(table, suite) for each `expectations/<table>[.<suite>].json`."""
    return [(path.name.split(".")[0], gx.load_suite(path)) for path in expectations.suite_files()]


def check_names() -> list[str]:
    return [check_name(table, suite["name"]) for table, suite in suites()]


@dg.definitions
def checks() -> dg.Definitions:
    return dg.Definitions(asset_checks=[build_check(table, suite) for table, suite in suites()])
