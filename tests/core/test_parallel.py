import pytest

from pipeline import parallel


def _square(x: int) -> int:
    return x * x


@pytest.mark.parametrize("n", [3, parallel.PARALLEL_MIN_ITEMS + 5])
def test_parallel_map_items_keeps_order_in_and_out_of_process(n, monkeypatch):
    monkeypatch.setattr(parallel.os, "sched_getaffinity", lambda _pid: {0, 1})
    assert parallel.workers(n) == (1 if n < parallel.PARALLEL_MIN_ITEMS else 2)
    assert parallel.map_items(_square, list(range(n))) == [i * i for i in range(n)]


def test_parallel_one_core_never_spawns(monkeypatch):
    monkeypatch.setattr(parallel.os, "sched_getaffinity", lambda _pid: {0})
    assert parallel.workers(10**6) == 1
