"""Bad files, a killed run and a locked warehouse lose nothing and stop nothing."""

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time

import duckdb
import pytest

from pipeline.adapters.warehouse import Warehouse, WarehouseLockedError
from pipeline.schema import DOCUMENTS, VALIDATION_RESULTS
from tests.conftest import ROOT, SEEDS, materialize_all

KOREAN = (
    "오픈AI, 카카오와 손잡고 한국형 인공지능 제품 공동 개발\n"
    "서울 - 오픈AI는 카카오와 손잡고 한국 시장을 위한 인공지능 제품을 개발한다고 4일 밝혔다.\n"
    "양사는 카카오톡 등 메시징 서비스에 오픈AI의 최신 모델을 결합해 새로운 서비스를 내놓을 계획이다.\n"
    "샘 올트먼 최고경영자는 이날 서울에서 열린 기자간담회에서 한국 기업들과의 협력을 확대하겠다고 말했다.\n"
    "카카오 주가는 이날 전 거래일보다 0.2% 올랐다.\n"
)


def test_reliability_each_kind_of_bad_file_is_quarantined_with_its_reason(tmp_path, rule_annotator):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    good = (SEEDS / "004_cccac4c44d5e8202.txt").read_text(encoding="utf-8")
    files = {
        "empty.txt": b"",
        "photo.jpg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)) * 4,
        "huge.txt": ("x " * 3_000_000).encode(),
        "chrome only.txt": "Share\nSubscribe\nLog in\nMenu\n© 2024 Example Media\n".encode(),
        "korean euc-kr.txt": KOREAN.encode("euc-kr"),
        "korean cp949.txt": KOREAN.encode("cp949"),
        "windows-1252.txt": good.replace("’", "'").encode("cp1252"),
        "bom crlf.txt": ("\ufeff" + good.replace("\n", "\r\n")).encode("utf-8"),
        "nested/déjà vu – odd name": good.encode("utf-8"),
    }
    for name, data in files.items():
        (seeds / name).parent.mkdir(parents=True, exist_ok=True)
        (seeds / name).write_bytes(data)
    path = tmp_path / "w.duckdb"
    result = materialize_all(seeds, path, rule_annotator)
    assert result.success
    con = duckdb.connect(str(path), read_only=True)
    quarantined = dict(con.sql("select source_path, reason from quarantine").fetchall())
    documents = dict(con.sql("select source_path, encoding from documents").fetchall())
    con.close()
    assert set(quarantined) == {"empty.txt", "photo.jpg", "huge.txt", "chrome only.txt"}
    assert "empty" in quarantined["empty.txt"]
    assert "binary" in quarantined["photo.jpg"]
    assert "limit" in quarantined["huge.txt"]
    assert "No article text" in quarantined["chrome only.txt"]
    assert {"korean euc-kr.txt", "korean cp949.txt", "windows-1252.txt", "bom crlf.txt", "nested/déjà vu – odd name"} <= set(documents)
    assert documents["bom crlf.txt"] == "utf-8-sig"
    coverage = [e for e in result.get_asset_check_evaluations() if e.check_name == "documents_seed_coverage"]
    assert coverage and coverage[0].passed


@pytest.mark.slow  # killed while spaCy annotates: the model's time is what the test needs
def test_reliability_killed_run_leaves_the_previous_warehouse(tmp_path, nlp_resource):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    path = tmp_path / "w.duckdb"
    assert materialize_all(seeds, path, nlp_resource).success
    before = _snapshot(path)
    shutil.copy(SEEDS / "000_970517060b5d84ad.txt", seeds / "new_article.txt")
    script = textwrap.dedent(f"""
        from pathlib import Path
        from pipeline.adapters.annotators import Nlp
        from tests.conftest import materialize_all
        materialize_all(Path({str(seeds)!r}), Path({str(path)!r}), Nlp())
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    staged = path.parent / "staging" / "sentences.parquet"
    mtime = staged.stat().st_mtime
    deadline = time.monotonic() + 120
    while staged.stat().st_mtime == mtime and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, "the run ended before it could be killed midway"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert _snapshot(path) == before


def test_reliability_locked_warehouse_waits_then_names_the_lock(tmp_path):
    path = tmp_path / "w.duckdb"
    duckdb.connect(str(path)).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb, time; c = duckdb.connect({str(path)!r}); print('locked', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        warehouse = Warehouse(path=str(path), lock_timeout_seconds=1.5)
        start = time.monotonic()
        with pytest.raises(WarehouseLockedError, match=r"locked by another process.*read_only"):
            warehouse.publish({}, VALIDATION_RESULTS.empty())
        assert 1.5 <= time.monotonic() - start < 20
    finally:
        holder.kill()
        holder.wait()


def _snapshot(path):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {t: con.sql(f"select * exclude (raw_text) from {t} order by all").fetchall() if t == "documents"
                else con.sql(f"select count(*) from {t}").fetchone() for t in ("documents", "sentences", "mentions", "money", "entities")}
    finally:
        con.close()


def test_reliability_an_open_read_only_shell_does_not_block_publishing(tmp_path):
    path = tmp_path / "w.duckdb"
    warehouse = Warehouse(path=str(path), lock_timeout_seconds=1.0)
    docs = DOCUMENTS.frame([_document("a")])
    warehouse.publish({"documents": docs}, VALIDATION_RESULTS.empty())
    reader = duckdb.connect(str(path), read_only=True)
    try:
        warehouse.publish({"documents": DOCUMENTS.frame([_document("a"), _document("b")])}, VALIDATION_RESULTS.empty())
        assert reader.sql("select count(*) from documents").fetchone()[0] == 1  # the reader's snapshot
    finally:
        reader.close()
    with duckdb.connect(str(path), read_only=True) as con:
        assert con.sql("select count(*) from documents").fetchone()[0] == 2


def test_reliability_a_staged_parquet_file_publishes_like_its_frame(tmp_path):
    docs = DOCUMENTS.frame([_document("a"), _document("b")])
    staged = tmp_path / "documents.parquet"
    docs.write_parquet(staged)
    published = {}
    for name, rows in (("frame", docs), ("file", staged)):
        warehouse = Warehouse(path=str(tmp_path / f"{name}.duckdb"))
        warehouse.publish({"documents": rows}, VALIDATION_RESULTS.empty())
        with warehouse.connect() as con:
            published[name] = con.sql("select * from documents order by doc_id").fetchall()
    assert len(published["file"]) == 2
    assert published["file"] == published["frame"]


def _document(doc_id):
    return {"doc_id": doc_id, "source_path": f"{doc_id}.txt", "content_sha256": "0" * 64, "encoding": "utf-8", "replaced_bytes": 0, "title": "T",
            "story_id": doc_id, "raw_text": "raw", "clean_text": "clean", "n_removed_lines": 0, "flags": []}
