"""The Great Expectations suites, `<table>[.<suite>].json`: packaged with the code, so an installed
pipeline finds them wherever it runs."""

from pathlib import Path

FOLDER = Path(__file__).parent


def suite_files() -> list[Path]:
    return sorted(FOLDER.glob("*.json"))
