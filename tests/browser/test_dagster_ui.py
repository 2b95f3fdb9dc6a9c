"""The user's path through the Dagster UI in a real browser: `dagster dev` (webserver and daemon)
as the README starts it, on a free loopback port, against a temporary copy of the seeds and
warehouse; Debian's Chromium driven by Playwright opens the asset graph, materializes everything,
waits for the run, and reads the checks and a row count. The screenshot of the materialized graph
is saved under `tests/artifacts/` (PIPELINE_TEST_ARTIFACTS); docs/asset-graph.png is a copy."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.adapters import gx
from pipeline.schema import TABLES
from tests.conftest import ROOT, SEEDS
from tests.readme import command_with

CHROMIUM = Path(os.environ.get("PIPELINE_CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS = Path(os.environ.get("PIPELINE_TEST_ARTIFACTS", ROOT / "tests" / "artifacts"))
# Flags for a root user on a machine with no outside network: no sandbox, no background calls home.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
RUN_TIMEOUT_S = 600

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"Chromium not installed at {CHROMIUM} (.ci/run installs Debian's chromium)"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_until_serving(url: str, process: subprocess.Popen, log: Path, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"dagster dev exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/server_info", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(1)
    pytest.fail(f"dagster dev did not serve {url} within {timeout} s:\n{log.read_text()[-3000:]}")


def _readme_dev_command(port: int) -> list[str]:
    """The README's `dagster dev` line (its DAGSTER_HOME=$PWD is the fixture's cwd), on a free port
    bound to loopback."""
    prefix, _, rest = command_with("dagster dev").partition(" ")
    assert prefix == "DAGSTER_HOME=$PWD"
    args = shlex.split(rest.replace(".venv/bin/", f"{Path(sys.executable).parent}/"))
    at = args.index("-p")
    return [*args[:at], "-h", "127.0.0.1", "-p", str(port), *args[at + 2:]]


@pytest.fixture
def dagster_ui(tmp_path: Path) -> Iterator[str]:
    """The README's `dagster dev` command, with DAGSTER_HOME, seeds and warehouse in tmp_path."""
    shutil.copytree(SEEDS, tmp_path / "seeds")
    shutil.copy(ROOT / "dagster.yaml", tmp_path / "dagster.yaml")
    port = _free_port()
    env = {
        **os.environ,
        "DAGSTER_HOME": str(tmp_path),
        "PIPELINE_SEEDS_DIR": str(tmp_path / "seeds"),
        "PIPELINE_WAREHOUSE": str(tmp_path / "warehouse" / "news.duckdb"),
        "PIPELINE_STAGING_DIR": str(tmp_path / "warehouse" / "staging"),
    }
    log = tmp_path / "dagster-dev.log"
    with log.open("w") as out:
        process = subprocess.Popen(_readme_dev_command(port), cwd=tmp_path, env=env, stdout=out,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_serving(url, process, log)
        yield url
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@pytest.fixture
def page():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1600, "height": 1000})
        # Dagster greets a new instance with a newsletter dialog; dismiss it whenever it shows.
        page.add_locator_handler(page.get_by_role("button", name="Skip"), lambda button: button.click())
        yield page
        browser.close()


def _wait_for_run(page, timeout_s: float = RUN_TIMEOUT_S) -> str:
    """The run page's status once the run has ended."""
    status = page.get_by_text(re.compile(r"^(Success|Failure|Canceled)$")).first
    status.wait_for(timeout=timeout_s * 1000)
    return status.inner_text()


def _show_whole_graph(page, url: str) -> None:
    """Every group expanded, top to bottom; the graph fits itself to the window when it loads."""
    page.goto(url)
    graph_settings = page.get_by_role("button", name="settings", exact=True).last  # the first is the navigation's
    for option in ("Change graph to vertical orientation", "Expand all groups"):
        graph_settings.click()
        page.get_by_role("menuitem", name=re.compile(option)).click()
        page.keyboard.press("Escape")  # the menu stays open after a choice
        page.get_by_role("menu").wait_for(state="detached")
    page.reload()


def test_ui_materializes_every_asset_and_shows_checks_and_row_counts(dagster_ui, page, tmp_path):
    import duckdb
    from playwright.sync_api import expect

    page.goto(f"{dagster_ui}/asset-groups")
    for group in ("ingest", "nlp", "money", "quality"):
        expect(page.get_by_text(group, exact=True).first).to_be_visible()
    page.get_by_role("button", name="Materialize all").click()
    launched = page.get_by_text(re.compile(r"Launched run \w+"))
    expect(launched).to_be_visible(timeout=60_000)
    page.get_by_role("link", name="View", exact=True).click()
    expect(page).to_have_url(re.compile(r"/runs/[0-9a-f-]+"))
    assert _wait_for_run(page) == "Success"

    with duckdb.connect(str(tmp_path / "warehouse" / "news.duckdb"), read_only=True) as con:
        failed = set(con.sql("SELECT table_name, expectation, severity FROM validation_results WHERE NOT success").fetchall())
    assert {severity for *_, severity in failed} <= {"WARN"}
    # A suite fails when one of its expectations did: the review suites do on the seeds (undated pages).
    suites = [(path.name.split(".")[0], gx.load_suite(path)) for path in (ROOT / "expectations").glob("*.json")]
    checks = Counter(table for table, _ in suites)
    failing = Counter(table for table, suite in suites if any(
        (table, gx.expectation_label(e["type"], e["kwargs"]), "WARN") in failed for e in suite["expectations"]))
    for asset, n_checks in checks.items():
        page.goto(f"{dagster_ui}/assets/{asset}?view=checks")
        expect(page.get_by_text("Succeeded", exact=True)).to_have_count(n_checks - failing[asset], timeout=30_000)

    page.goto(f"{dagster_ui}/assets/documents")
    row_count = page.get_by_text("Row count").locator("xpath=following::*[normalize-space()][1]")
    expect(row_count).to_have_text(str(len(list(SEEDS.glob("*.txt")))), timeout=30_000)

    _show_whole_graph(page, f"{dagster_ui}/asset-groups")
    n_assets = len(TABLES) - 1 + 2  # every table but validation_results, plus warehouse and report
    # Each node is drawn green once the UI has loaded its latest materialization.
    page.wait_for_function(
        """n => { const boxes = [...document.querySelectorAll('[class*=minimalAssetNodeBox]')];
                  return boxes.length === n && boxes.every(b => b.style.getPropertyValue('--minimal-border').includes('green')); }""",
        arg=n_assets, timeout=30_000,
    )
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / "asset-graph.png"
    page.screenshot(path=shot)
    assert shot.stat().st_size > 10_000
