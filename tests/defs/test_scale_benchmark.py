"""The scale benchmark runs end to end at a tiny size (the real sizes run on demand)."""

import pytest

from benchmarks.scale import measure

pytestmark = pytest.mark.slow


def test_scale_benchmark_smoke():
    result = measure(3)
    assert result["spacy"]["docs"] == 3 and result["spacy"]["words"] > 300
    assert result["pipeline"]["seconds"] > 0 and result["pipeline"]["peak_mb"] > 0
