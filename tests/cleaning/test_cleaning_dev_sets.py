"""The cleaner meets its targets on the shared dev pages and on our own pages (both scored by the
shared scorer, ../shared/benchmarks/cleaning-dev/score.py)."""

import pytest

from benchmarks.score_cleaning import SETS, evaluate

pytestmark = pytest.mark.needs_shared


@pytest.mark.parametrize("name", sorted(SETS))
def test_cleaning_dev_set_keep_recall_and_drop_rate(name):
    summary = evaluate(*SETS[name])
    assert summary["keep_recall"] >= 0.98
    assert summary["drop_rate"] >= 0.90
