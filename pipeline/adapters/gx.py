"""Great Expectations 1.x: a suite kept as JSON, validated against a frame in an ephemeral context."""

from __future__ import annotations

import datetime as dt
import html
import json
import logging
import os
import shutil
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

import polars as pl

from pipeline.quality.validation import expectation_columns, named_columns


@dataclass(frozen=True)
class ExpectationOutcome:
    expectation: str
    severity: str
    success: bool
    unexpected_count: int | None
    details: dict


@dataclass(frozen=True)
class Validation:
    outcomes: list[ExpectationOutcome]
    document: dict
    """GX's own result (`ExpectationSuiteValidationResult` as JSON), kept for Data Docs."""


def load_suite(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _gx():
    """Great Expectations, loaded with its usage reports off (it reads the setting when it loads)."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations

    return great_expectations


@lru_cache(maxsize=1)
def _context():
    gx = _gx()
    from great_expectations.data_context.types.base import ProgressBarsConfig

    logging.getLogger("great_expectations").setLevel(logging.ERROR)
    _skip_batch_fingerprint()
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    return context


def _skip_batch_fingerprint() -> None:
    """GX labels every in-memory batch under 1 GB with a fingerprint that hashes each of its cells
    (`pandas.util.hash_pandas_object`), which turns text columns into Python objects: about
    +190 MB for the texts of 10,000 documents, more than the validation itself. Results here are
    labelled by table, suite and run instead, and GX has no setting for it, so its threshold
    (a module constant of the pinned version) is set to 0."""
    from great_expectations.execution_engine import pandas_execution_engine

    pandas_execution_engine.HASH_THRESHOLD = 0


def validate(frame: pl.DataFrame, suite: dict, parameters: dict | None = None) -> Validation:
    """Run each expectation of `suite` ({"name", "expectations": [{"type", "kwargs"}]}); kwargs may
    refer to `parameters` as {"$PARAMETER": name}."""
    gx = _gx()

    context = _context()
    name = suite["name"]
    source = context.data_sources.add_or_update_pandas(name)
    asset = source.add_dataframe_asset(f"{name}_frame") if f"{name}_frame" not in source.get_asset_names() else source.get_asset(f"{name}_frame")
    batch_def = asset.add_batch_definition_whole_dataframe(f"{name}_{id(frame)}")
    # GX validates pandas; converting only the columns the suite reads keeps a check's memory
    # to a few columns' worth (text columns as pandas objects would cost several times the table).
    batch = batch_def.get_batch(batch_parameters={"dataframe": frame.select(suite_columns(suite, frame.columns)).to_pandas(use_pyarrow_extension_array=True)})
    gx_suite = gx.ExpectationSuite(name=name, expectations=[{"type": e["type"], "kwargs": e["kwargs"]} for e in suite["expectations"]])
    result = batch.validate(gx_suite, expectation_parameters=parameters or {}, result_format="SUMMARY")
    severities = {expectation_label(e["type"], e["kwargs"]): e.get("meta", {}).get("severity", suite.get("severity", "ERROR")) for e in suite["expectations"]}
    return Validation([_outcome(r, severities) for r in result.results], result.to_json_dict())


def suite_columns(suite: dict, available: list[str]) -> list[str]:
    """The columns of `available` that the suite's expectations name (all for a table-level one)."""
    named = named_columns(suite)
    return [c for c in available if named is None or c in named]


def expectation_label(kind: str, kwargs: dict) -> str:
    column = ",".join(expectation_columns(kwargs))
    return f"{kind}({column})" if column else kind


def _outcome(r, severities: dict[str, str]) -> ExpectationOutcome:
    cfg = r.expectation_config
    label = expectation_label(cfg.type, cfg.kwargs)
    details = {k: v for k, v in (r.result or {}).items() if k in ("unexpected_count", "unexpected_percent", "partial_unexpected_list", "observed_value", "element_count")}
    if r.exception_info and r.exception_info.get("raised_exception"):
        details["exception"] = r.exception_info.get("exception_message")
    return ExpectationOutcome(
        expectation=label,
        severity=severities.get(label, "ERROR"),
        success=bool(r.success),
        unexpected_count=(r.result or {}).get("unexpected_count"),
        details=json.loads(json.dumps(details, default=str)),
    )


@dataclass(frozen=True)
class StoredResult:
    """One suite's result as a check staged it: which table, suite and Dagster run it belongs to."""

    table: str
    suite: str
    run_id: str
    checked_at: dt.datetime
    document: dict

    def row(self) -> dict:
        """As a staged row, the document as GX's JSON."""
        return {**asdict(self), "document": json.dumps(self.document, default=str)}

    @classmethod
    def from_row(cls, row: dict) -> StoredResult:
        return cls(**{**row, "document": json.loads(row["document"])})


def build_data_docs(results: list[StoredResult], folder: Path) -> Path:
    """Render GX Data Docs (index plus one page per suite result) into `folder`; returns the index.

    The results come from the checks' staged JSON, so the suites are not validated a second time.
    """
    gx = _gx()
    from great_expectations.core.expectation_validation_result import (
        ExpectationSuiteValidationResultSchema,
    )
    from great_expectations.core.run_identifier import RunIdentifier
    from great_expectations.data_context.types.resource_identifiers import (
        ExpectationSuiteIdentifier,
        ValidationResultIdentifier,
    )

    shutil.rmtree(folder, ignore_errors=True)
    context = gx.get_context(mode="ephemeral")  # a fresh in-memory store: only these results
    site = "pipeline_report"
    context.add_data_docs_site(site, {
        "class_name": "SiteBuilder",
        "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(folder)},
        "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
    })
    schema = ExpectationSuiteValidationResultSchema()
    for r in results:
        key = ValidationResultIdentifier(
            expectation_suite_identifier=ExpectationSuiteIdentifier(name=f"{r.table}.{r.suite}"),
            run_id=RunIdentifier(run_name=r.run_id, run_time=r.checked_at),
            batch_identifier=r.table,
        )
        context.validation_results_store.set(key, schema.load(_escape_results(r.document)))
    context.build_data_docs(site_names=[site])
    return folder / "index.html"


def _escape_results(document: dict) -> dict:
    """`document` with every value in its results HTML-escaped. GX's templates escape an
    expectation's parameters but put the values a result lists (unexpected, observed) into the page
    as they are, so a failing value such as a file named `<img src=x onerror=...>` would run as
    script in Data Docs."""
    return {**document, "results": [{**r, "result": _escaped(r.get("result") or {})} for r in document.get("results", [])]}


def _escaped(value: object) -> object:
    if isinstance(value, str):
        return html.escape(value)
    if isinstance(value, list):
        return [_escaped(v) for v in value]
    if isinstance(value, dict):
        return {k: _escaped(v) for k, v in value.items()}
    return value
