import pytest

from pipeline.runtime import parallel


def _squares(chunk: list[int]) -> list[int]:
    return [x * x for x in chunk]


@pytest.mark.parametrize("n", [3, parallel.CHUNK_ITEMS + 1, parallel.PARALLEL_MIN_ITEMS + 5])
def test_parallel_map_chunks_keeps_order_in_and_out_of_process(n, monkeypatch):
    monkeypatch.setattr(parallel, "usable_cores", lambda: 2)
    assert parallel.workers(n) == (1 if n < parallel.PARALLEL_MIN_ITEMS else 2)
    parts = parallel.map_chunks(_squares, list(range(n)))
    assert len(parts) == -(-n // parallel.CHUNK_ITEMS)
    assert [x for part in parts for x in part] == [i * i for i in range(n)]


@pytest.mark.parametrize(("affinity", "expected"), [(lambda _pid: {0, 3}, 2), (None, 6)])
def test_parallel_usable_cores_is_the_affinity_where_the_system_has_one_else_every_core(monkeypatch, affinity, expected):
    if affinity:
        monkeypatch.setattr(parallel.os, "sched_getaffinity", affinity, raising=False)
    else:
        monkeypatch.delattr(parallel.os, "sched_getaffinity", raising=False)  # macOS, Windows
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 6)
    assert parallel.usable_cores() == expected


def test_parallel_one_core_never_spawns(monkeypatch):
    monkeypatch.setattr(parallel, "usable_cores", lambda: 1)
    assert parallel.workers(10**6) == 1


def test_parallel_ingest_and_money_in_worker_processes_equal_the_sequential_result(monkeypatch):
    import datetime as dt

    from pipeline.documents.placement import place_files
    from pipeline.documents.seed_files import read_seeds
    from pipeline.money.table import extract_frame
    from pipeline.nlp.annotate import annotate_documents
    from pipeline.nlp.sentences import Annotation
    from tests.conftest import SEEDS

    seeds, now = read_seeds(SEEDS), dt.datetime(2026, 1, 1)
    sequential = place_files(seeds, now)
    monkeypatch.setattr(parallel, "PARALLEL_MIN_ITEMS", 2)
    monkeypatch.setattr(parallel, "CHUNK_ITEMS", 2)
    monkeypatch.setattr(parallel, "usable_cores", lambda: 2)
    pooled = place_files(seeds, now)
    for table in ("documents", "boilerplate", "captions", "quarantine"):
        assert getattr(pooled, table).equals(getattr(sequential, table)), table
    # One sentence per paragraph is enough to check that each chunk carries its documents' spans.
    sentences, _ = annotate_documents(sequential.documents, lambda texts: (Annotation([(0, len(t))], []) for t in texts))
    pooled_money = extract_frame(pooled.documents, sentences)
    monkeypatch.setattr(parallel, "PARALLEL_MIN_ITEMS", 10**9)
    assert pooled_money.height > 0 and pooled_money["sentence_idx"].null_count() == 0
    assert pooled_money.equals(extract_frame(sequential.documents, sentences))


def test_parallel_map_parts_takes_parts_only_as_workers_need_them():
    made = []

    def parts():
        for i in range(20):
            made.append(i)
            yield [i]

    results = parallel.map_parts(_squares, parts(), processes=2)
    assert next(results) == [0]
    assert len(made) == 5  # two parts per worker in flight, and the one waited on: not all twenty
    assert list(results) == [[i * i] for i in range(1, 20)]
