"""The one conftest: temporary seeds and warehouse, the spaCy model shared by the whole run (and a rule
annotator for the shell's tests); tests
marked `needs_shared` skip where ../shared is absent; with --no-skips or CI=true a skip fails the run."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from benchmarks.run import materialize_all  # noqa: F401  (tests import it from here)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--no-skips", action="store_true", help="fail the run if any test skipped (on when CI=true)")


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("--no-skips") or os.environ.get("CI", "").lower() in ("true", "1"):
        config.pluginmanager.register(NoSkips(), "no_skips")


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    # Checked here, not at collection: a clone with nothing beside it collects every test.
    if item.get_closest_marker("needs_shared") and not SHARED.is_dir():
        pytest.skip(f"needs ../shared beside the repository ({SHARED} is absent)")


class NoSkips:
    """Where everything a test needs is present (CI: ../shared beside the repo, Chromium
    installed), a skip hides a test that did not run: the session fails, naming each one."""

    def __init__(self) -> None:
        self.skipped: list[str] = []

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.skipped:
            self.skipped.append(report.nodeid)

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.skipped and not hasattr(report, "wasxfail"):
            self.skipped.append(report.nodeid)

    def pytest_terminal_summary(self, terminalreporter) -> None:
        if self.skipped:
            terminalreporter.write_sep("=", f"{len(self.skipped)} skipped, and skips fail this run (--no-skips or CI=true)", red=True)
            for nodeid in self.skipped:
                terminalreporter.write_line(f"SKIPPED {nodeid}")

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        if self.skipped and session.exitstatus == pytest.ExitCode.OK:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(scope="session")
def nlp_resource():
    """spaCy, loaded once per test run: for tests of what the model finds (mark them slow)."""
    from pipeline.adapters.annotators import Nlp

    return Nlp()


@pytest.fixture(scope="session")
def rule_annotator():
    """The annotator without a model: for tests of the Dagster shell, which run in seconds."""
    from pipeline.adapters.annotators import RuleAnnotator

    return RuleAnnotator()


@pytest.fixture
def seeds_dir(tmp_path: Path) -> Path:
    """A copy of the project's seed files that a test may change."""
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    return folder


@pytest.fixture
def warehouse_path(tmp_path: Path) -> Path:
    return tmp_path / "warehouse" / "news.duckdb"


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


@pytest.fixture(scope="session")
def built(tmp_path_factory, nlp_resource):
    """Every asset materialized once from the project's seeds: (run result, warehouse path)."""
    path = tmp_path_factory.mktemp("built") / "news.duckdb"
    result = materialize_all(SEEDS, path, nlp_resource)
    assert result.success
    return result, path


@pytest.fixture
def db(built):
    """A read-only connection to the built warehouse, closed after the test."""
    import duckdb

    con = duckdb.connect(str(built[1]), read_only=True)
    yield con
    con.close()
