import pytest

from pipeline import parallel


def _squares(chunk: list[int]) -> list[int]:
    return [x * x for x in chunk]


@pytest.mark.parametrize("n", [3, parallel.CHUNK_ITEMS + 1, parallel.PARALLEL_MIN_ITEMS + 5])
def test_parallel_map_chunks_keeps_order_in_and_out_of_process(n, monkeypatch):
    monkeypatch.setattr(parallel.os, "sched_getaffinity", lambda _pid: {0, 1})
    assert parallel.workers(n) == (1 if n < parallel.PARALLEL_MIN_ITEMS else 2)
    parts = parallel.map_chunks(_squares, list(range(n)))
    assert len(parts) == -(-n // parallel.CHUNK_ITEMS)
    assert [x for part in parts for x in part] == [i * i for i in range(n)]


def test_parallel_one_core_never_spawns(monkeypatch):
    monkeypatch.setattr(parallel.os, "sched_getaffinity", lambda _pid: {0})
    assert parallel.workers(10**6) == 1
