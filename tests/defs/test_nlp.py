from pipeline.adapters.nlp import PARALLEL_MIN_TEXTS, processes
from pipeline.runtime.parallel import usable_cores


def test_nlp_processes_one_for_small_or_unsized_corpora_every_core_for_large_ones():
    assert processes(["a"] * 10) == 1
    assert processes(iter(["a"] * PARALLEL_MIN_TEXTS)) == 1  # cannot be sized without consuming it
    assert processes(["a"] * PARALLEL_MIN_TEXTS) == usable_cores()


def test_nlp_processes_a_requested_count_wins():
    assert processes(["a"], requested=3) == 3
