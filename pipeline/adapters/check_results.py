"""The hand-over from the checks to publishing. Each suite's check records its outcome here; the
warehouse step publishes the expectation rows of its own run, and keeps that run's GX results
apart for the report, whose Data Docs must show the published run even after a later run failed."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from pathlib import Path

import polars as pl

from pipeline.adapters.gx import StoredResult, Validation
from pipeline.adapters.staging import Staging, write_atomically
from pipeline.schema import VALIDATION_RESULTS

PUBLISHED = "published"


def check_name(table: str, suite: str) -> str:
    """The asset check of `suite` on `table`, `<table>_<suite>`: its name in Dagster and here."""
    return f"{table}_{suite}"


class CheckResults:
    """Per check (`<table>_<suite>`), the expectation rows and GX result of its latest run, as
    `expectations__<check>.parquet` and `gx__<check>.parquet`; and `published.parquet`, the GX
    results of the run last published."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @classmethod
    def of(cls, staging: Staging) -> CheckResults:
        """Those of the run staged in `staging`, in its `checks/` folder."""
        return cls(staging.folder / "checks")

    def record(self, table: str, suite: str, run_id: str, validation: Validation, checked_at: dt.datetime) -> None:
        """One check's outcome, replacing that check's previous one."""
        check = check_name(table, suite)
        stored = StoredResult(table, suite, run_id, checked_at, validation.document)
        write_atomically(self._file(f"gx__{check}"), pl.DataFrame([stored.row()]))
        write_atomically(self._file(f"expectations__{check}"), VALIDATION_RESULTS.frame([
            {"run_id": run_id, "checked_at": checked_at, "table_name": table, "expectation": o.expectation,
             "success": o.success, "severity": o.severity, "unexpected_count": o.unexpected_count, "details": json.dumps(o.details)}
            for o in validation.outcomes
        ]))

    def expectation_rows(self, run_id: str) -> pl.DataFrame:
        """The `validation_results` rows the checks of run `run_id` recorded."""
        frames = [pl.read_parquet(path) for path in sorted(self.folder.glob("expectations__*.parquet"))]
        rows = pl.concat(frames) if frames else VALIDATION_RESULTS.empty()
        return rows.filter(pl.col("run_id") == run_id)

    def keep_published(self, run_id: str, checks: Iterable[str]) -> None:
        """Keep run `run_id`'s GX results of `checks` (the suites there are now; a removed
        suite's last result is left out) as the published run's."""
        stored = [self._stored(f"gx__{check}") for check in checks]
        kept = [result.row() for results in stored for result in results if result.run_id == run_id]
        if kept:
            write_atomically(self._file(PUBLISHED), pl.DataFrame(kept))

    def published(self, run_id: str | None) -> list[StoredResult]:
        """The GX results `keep_published` kept, if they are those of run `run_id`."""
        return [result for result in self._stored(PUBLISHED) if run_id is not None and result.run_id == run_id]

    def _stored(self, name: str) -> list[StoredResult]:
        path = self._file(name)
        return [StoredResult.from_row(row) for row in pl.read_parquet(path).iter_rows(named=True)] if path.exists() else []

    def _file(self, name: str) -> Path:
        return self.folder / f"{name}.parquet"
