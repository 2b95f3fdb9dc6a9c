"""Every command and query of the README is executed by a test: here, in the browser test
(`dagster dev`), or by CI itself (the test command is the last line of .ci/run). Benchmarks run
with the README's sizes scaled down to a few articles; their full sizes run on demand."""

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.adapters.project import environment_variable
from pipeline.defs.resources import resources
from tests.conftest import ROOT, SEEDS
from tests.readme import README, SQL_BLOCKS, command_with, commands, layout_paths

VENV_BIN = Path(sys.executable).parent
CI = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
# Benchmarks whose README sizes (thousands of articles) take minutes to hours: run at these sizes.
BENCHMARK_SIZES = {"benchmarks.incremental": "6", "benchmarks.scale": "2"}
# Benchmarks that cannot run without ../shared (its scorer or its pages); the others leave out a missing set.
NEEDS_SHARED = {"benchmarks.score_cleaning", "benchmarks.real_pages", "benchmarks.score_metadata"}


def _shell(command: str, cwd: Path, **env: str) -> subprocess.CompletedProcess:
    """Run a README command with `.venv/bin/` meaning this interpreter's environment."""
    command = command.replace(".venv/bin/", f"{VENV_BIN}/")
    return subprocess.run(command, shell=True, cwd=cwd, env={**os.environ, **env}, capture_output=True, text=True,
                          timeout=900, executable="/bin/bash")


def test_readme_every_command_is_one_the_suite_runs():
    handled = ("dagster asset materialize", "python -m pytest", "dagster dev", "duckdb -readonly", "-m benchmarks.")
    for command in commands():
        assert any(h in command for h in handled), f"README command no test runs: {command}"
    assert len(SQL_BLOCKS) >= 3


def test_readme_test_command_is_what_ci_runs():
    test_command = command_with("python -m pytest")
    assert CI.strip().splitlines()[-1] == test_command


def test_readme_build_command_installs_as_ci_does():
    """The set-up half of the build command is what .ci/run does before the tests (so CI runs it)."""
    *setup, _materialize = command_with("dagster asset materialize").split(" && ")
    venv, lock, editable = setup
    assert venv.startswith("python3.11 -m venv .venv") and '-m venv .venv' in CI
    for step in (lock, editable):
        assert step.removeprefix(".venv/bin/pip install ") in CI


@pytest.mark.slow
def test_readme_build_command_builds_the_warehouse(tmp_path):
    """The materialize half, run as written with DAGSTER_HOME=$PWD in a copy of the project's
    dagster.yaml, and seeds and warehouse in tmp_path."""
    materialize = command_with("dagster asset materialize").split(" && ")[-1]
    shutil.copy(ROOT / "dagster.yaml", tmp_path / "dagster.yaml")
    warehouse = tmp_path / "warehouse" / "news.duckdb"
    out = _shell(materialize, tmp_path, PIPELINE_SEEDS_DIR=str(SEEDS), PIPELINE_WAREHOUSE=str(warehouse),
                 PIPELINE_STAGING_DIR=str(tmp_path / "warehouse" / "staging"))
    assert out.returncode == 0, out.stderr[-3000:]
    assert "RUN_SUCCESS" in out.stderr
    assert warehouse.exists() and (tmp_path / "warehouse" / "report" / "index.html").exists()
    assert (tmp_path / "history" / "runs.db").exists()  # run history under DAGSTER_HOME


@pytest.mark.slow
def test_readme_duckdb_shell_opens_the_warehouse_read_only(built):
    shell = command_with("duckdb -readonly").replace("warehouse/news.duckdb", shlex.quote(str(built[1])))
    shell = shell.replace(".venv/bin/", f"{VENV_BIN}/")
    out = subprocess.run(shell, shell=True, input="SELECT count(*) AS n FROM documents;\n", capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert re.search(r"\b5\b", out.stdout), out.stdout


def _benchmark(command: str) -> str:
    return re.search(r"-m (benchmarks\.\w+)", command).group(1)


@pytest.mark.slow
@pytest.mark.parametrize("command", [
    pytest.param(c, marks=pytest.mark.needs_shared) if _benchmark(c) in NEEDS_SHARED else c for c in commands() if "-m benchmarks." in c
])
def test_readme_benchmark_command_runs(command, built):
    module = _benchmark(command)
    if module in BENCHMARK_SIZES:
        command = re.sub(r"(-m benchmarks\.\w+)( \d+)+", rf"\1 {BENCHMARK_SIZES[module]}", command)
    if module == "benchmarks.score_entities":
        command += f" {shlex.quote(str(built[1]))}"
    out = _shell(command, ROOT)
    assert out.returncode == 0, out.stderr[-3000:]
    expected = {"benchmarks.score_money": r"all\s+\d+ cases\s+precision", "benchmarks.score_entities": r"precision \d\.\d+\s+recall",
                "benchmarks.score_cleaning": r"keep-recall \d\.\d+\s+drop-rate", "benchmarks.cleaning_speed": r"[\d.]+ MB/s",
                "benchmarks.incremental": r"ratio \d\.\d+", "benchmarks.scale": r"ratio",
                "benchmarks.real_pages": r"offsets\s+sentences\s+rows \d+, broken \d+",
                "benchmarks.score_metadata": r"CHECK\s+docs\s+\d+\s+title \d\.\d+\s+byline recall"}
    assert re.search(expected[module], out.stdout), out.stdout


@pytest.mark.slow
@pytest.mark.parametrize("sql", SQL_BLOCKS, ids=[f"query{i}" for i in range(len(SQL_BLOCKS))])
def test_readme_query_runs_and_returns_rows(db, sql):
    rows = db.sql(sql).fetchall()
    assert rows


def test_readme_layout_is_the_tree():
    named = layout_paths()
    tree = {p.relative_to(ROOT).as_posix() for p in (ROOT / "pipeline").rglob("*.py") if p.name != "__init__.py"}
    tree |= {p.parent.relative_to(ROOT).as_posix() + "/" for p in (ROOT / "pipeline").rglob("__init__.py")}
    assert sorted(tree - named) == [], "modules the README's Layout does not name"
    assert sorted(p for p in named if not (ROOT / p).exists()) == [], "paths the README's Layout names that do not exist"


def test_readme_configuration_table_is_the_resources_settings():
    """Every environment variable a resource reads, with its default and meaning, and no other."""
    section = re.search(r"## Configuration\n(.*?)\n## ", README, flags=re.S).group(1)
    rows = re.findall(r"^\| `(\w+)` \| (.*?) \| (.*?) \|$", section, flags=re.M)
    fields = [field for resource in resources().resources.values() for field in type(resource).model_fields.values()]
    declared = [(var, field.json_schema_extra["shown_default"], field.description) for field in fields if (var := environment_variable(field))]
    assert sorted(rows) == sorted(declared)
