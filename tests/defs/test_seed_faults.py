"""Awkward seeds folders: a missing folder, links, pipes and sockets, undecodable and hostile names,
ids that clash, damaged and BOM-less encodings, a line longer than spaCy takes. Every entry is
placed once, every offset holds and the run still publishes."""

import hashlib
import os
import shutil
import socket

import dagster as dg
import duckdb
import pytest

from pipeline.adapters.seeds import Seeds
from pipeline.adapters.staging import Staging
from pipeline.adapters.warehouse import Warehouse
from pipeline.defs.checks import build_check, suites
from pipeline.documents.seed_files import SeedsFolderError
from pipeline.schema import DOCUMENTS, VALIDATION_RESULTS
from tests.conftest import SEEDS, materialize_all

GOOD = "004_cccac4c44d5e8202.txt"
QUOTED = "003_230fd4a29234ebe9.txt"  # has curly apostrophes
HOSTILE = "<img src=x onerror=alert(1)>.txt"
SPACY_MAX_LENGTH = 1_000_000


def _awkward_folder(tmp_path):
    """The real seeds plus every seed-file fault at once; returns the folder and its socket (to close)."""
    seeds, secret = tmp_path / "seeds", tmp_path / "secret.txt"
    shutil.copytree(SEEDS, seeds)
    shutil.copy(SEEDS / GOOD, secret)
    good, quoted = (SEEDS / GOOD).read_bytes(), (SEEDS / QUOTED).read_bytes()
    middle = quoted.index(b"\n", len(quoted) // 2)
    files = {
        os.fsdecode(b"caf\xe9.txt"): good,
        "x.txt": good,
        "x.md": quoted,
        "one bad byte.txt": quoted[:middle] + b"\x9d" + quoted[middle:],
        "utf-16 no bom.txt": quoted.decode("utf-8").encode("utf-16-le"),
        "sub/page.txt": good,
        HOSTILE: good,
        # One line longer than spaCy's max_length: it reaches the model in pieces, offsets kept.
        "one line.txt": b"One report on a single line\n\n" + b" ".join(good.split()) * (SPACY_MAX_LENGTH // len(good) + 2),
    }
    for name, data in files.items():
        (seeds / name).parent.mkdir(exist_ok=True)
        (seeds / name).write_bytes(data)
    os.mkfifo(seeds / "pipe.txt")
    (seeds / "passwd.txt").symlink_to(secret)
    (seeds / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (seeds / "same page.txt").symlink_to("sub/page.txt")
    (seeds / "linked sub").symlink_to("sub")
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(seeds / "sock"))
    return seeds, listener


def test_seed_faults_awkward_folder_publishes_every_entry_once(tmp_path, rule_annotator):
    seeds, listener = _awkward_folder(tmp_path)
    quoted = (SEEDS / QUOTED).read_bytes()
    path = tmp_path / "w.duckdb"
    try:
        result = materialize_all(seeds, path, rule_annotator)
    finally:
        listener.close()
    assert result.success
    with duckdb.connect(str(path), read_only=True) as con:
        documents = {row[0]: row for row in con.sql("select source_path, doc_id, encoding, replaced_bytes, raw_text from documents").fetchall()}
        quarantined = dict(con.sql("select source_path, reason from quarantine").fetchall())
        placed = con.sql("select source_path from documents union all select source_path from quarantine").fetchall()
    expected_quarantine = {
        "pipe.txt": "FIFO", "sock": "socket", "passwd.txt": "outside the seeds folder",
        "dangling.txt": "does not exist", "linked sub": "link to a folder",
    }
    entries = {p.name for p in SEEDS.iterdir() if p.name != "aliases.toml"} | {
        "caf\\xe9.txt", "x.txt", "x.md", "one bad byte.txt", "utf-16 no bom.txt", "sub/page.txt", "same page.txt", HOSTILE, "one line.txt"}
    assert sorted(p for (p,) in placed) == sorted(entries | set(expected_quarantine))
    assert all(reason in quarantined[p] for p, reason in expected_quarantine.items())
    assert set(documents) == entries
    assert {p.stem for p in SEEDS.glob("*.txt")} <= {row[1] for row in documents.values()}
    assert documents["x.txt"][1] == "x" and documents["x.md"][1] == "x.md"
    assert documents["caf\\xe9.txt"][1] == "caf\\xe9"
    _, _, encoding, replaced, raw = documents["one bad byte.txt"]
    assert (encoding, replaced) == ("utf-8", 1) and "\ufffd" in raw and "’" in raw and "‚Äô" not in raw
    assert documents["utf-16 no bom.txt"][2:4] == ("utf-16-le", 0)
    assert documents["utf-16 no bom.txt"][4] == quoted.decode("utf-8")
    assert all(row[3] == 0 for p, row in documents.items() if p != "one bad byte.txt")
    assert len(documents["one line.txt"][4]) > SPACY_MAX_LENGTH
    checks = {e.check_name: e for e in result.get_asset_check_evaluations()}
    assert all(checks[name].passed for name in ("documents_seed_coverage", "sentences_offsets", "mentions_offsets", "money_figures"))
    report = (path.parent / "report" / "index.html").read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=alert(1)&gt;" in report and "<img" not in report


@pytest.mark.parametrize(("make", "wrong"), [(lambda p: None, "does not exist"), (lambda p: p.write_text("seeds"), "not a folder")])
def test_seed_faults_missing_or_file_seeds_fail_before_any_work(tmp_path, make, wrong, rule_annotator):
    warehouse = tmp_path / "w.duckdb"
    Warehouse(path=str(warehouse)).publish({"documents": DOCUMENTS.frame([_document("kept")])}, VALIDATION_RESULTS.empty())
    before = hashlib.sha256(warehouse.read_bytes()).hexdigest()
    seeds = tmp_path / "seeds"
    make(seeds)
    with pytest.raises(SeedsFolderError, match=f"{seeds}.*{wrong}"):
        materialize_all(seeds, warehouse, rule_annotator)
    assert hashlib.sha256(warehouse.read_bytes()).hexdigest() == before
    assert not (tmp_path / "staging").exists()


def test_seed_faults_duplicate_doc_ids_name_their_files(tmp_path):
    staging = Staging(path=str(tmp_path))
    rows = [_document("x", "x.txt"), _document("x", "x.md"), _document("y", "y.txt")]

    @dg.asset(name="documents")
    def stub(staging: Staging) -> None:
        staging.write("documents", DOCUMENTS.frame(rows))

    (suite,) = [suite for table, suite in suites() if (table, suite["name"]) == ("documents", "structure")]
    check = build_check("documents", suite)
    result = dg.materialize([stub, check], resources={"staging": staging, "seeds": Seeds(path=str(tmp_path))}, raise_on_error=False)
    (evaluation,) = result.get_asset_check_evaluations()
    assert not evaluation.passed
    examples = evaluation.metadata["duplicate_doc_ids"].value
    assert sorted((e["doc_id"], e["source_path"]) for e in examples) == [("x", "x.md"), ("x", "x.txt")]


def _document(doc_id, source_path=None):
    return {"doc_id": doc_id, "source_path": source_path or f"{doc_id}.txt", "content_sha256": "0" * 64, "encoding": "utf-8",
            "replaced_bytes": 0, "title": "T", "story_id": doc_id, "raw_text": "raw", "clean_text": "clean " * 10, "n_removed_lines": 0, "flags": []}
