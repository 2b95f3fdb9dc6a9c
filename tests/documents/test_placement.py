import datetime as dt
import errno
import os
import socket
import stat
from pathlib import Path

import pytest

from pipeline.documents.placement import place_files
from pipeline.documents.seed_files import (
    IngestError,
    SeedFile,
    SeedsFolderError,
    decode,
    doc_id_for,
    doc_ids,
    entry_problem,
    list_seed_paths,
    read_seeds,
    source_name,
)

KOREAN = "서울 - 오픈AI는 카카오와 손잡고 한국 시장을 위한 인공지능 제품을 개발한다고 밝혔다. " * 3
ENGLISH = "Japan’s exports rose – the “best” month in years, officials said on Monday.\n" * 3


def seed_files(files: dict[str, bytes]) -> list[SeedFile]:
    """Seed files as the folder would give them, each with its folder-wide doc_id."""
    ids = doc_ids(files)
    return [SeedFile(path, data, ids[path]) for path, data in files.items()]


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        ("Plain ASCII text".encode(), "Plain ASCII text", "utf-8"),
        ("\ufeffWith a BOM – dash".encode("utf-8"), "With a BOM – dash", "utf-8-sig"),
        ("UTF-16 text".encode("utf-16"), "UTF-16 text", "utf-16"),
        (KOREAN.encode("cp949"), KOREAN, None),
        (KOREAN.encode("euc-kr"), KOREAN, None),
        (("Café prices rose – the “best” in years. " * 5).encode("cp1252"), "Café prices rose – the “best” in years. " * 5, None),
    ],
)
def test_ingest_decode_detects_encodings(data, text, encoding):
    decoded = decode(data)
    assert decoded.text == text and decoded.replaced_bytes == 0
    if encoding:
        assert decoded.encoding == encoding


@pytest.mark.parametrize(
    ("data", "text", "replaced"),
    [
        # One stray byte in a page full of curly quotes and dashes: UTF-8 with that byte replaced.
        (ENGLISH[:38].encode() + b"\xe9" + ENGLISH[38:].encode(), ENGLISH[:38] + "\ufffd" + ENGLISH[38:], 1),
        # A damaged character: its first two bytes, then a byte that cannot follow them.
        (ENGLISH.encode().replace("”".encode(), b"\xe2\x80\xe9", 1), ENGLISH.replace("”", "\ufffd\ufffd", 1), 3),
        (KOREAN.encode() + b"\xff\xfe\xfd", KOREAN + "\ufffd" * 3, 3),
        # A file cut in the middle of a character.
        (ENGLISH.encode() + "’".encode()[:2], ENGLISH + "\ufffd", 2),
    ],
)
def test_ingest_decode_keeps_mostly_valid_utf8_as_utf8(data, text, replaced):
    decoded = decode(data)
    assert decoded[:2] == (text, "utf-8")
    assert decoded.replaced_bytes == replaced


@pytest.mark.parametrize("text", [ENGLISH, KOREAN, "Mixed: 서울 and Zürich – “quoted”.\r\n" * 4])
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_ingest_decode_recognises_utf16_without_a_bom(text, encoding):
    assert decode(text.encode(encoding))[:2] == (text, encoding)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(80)), "binary"),
        # NUL at every other byte, but control characters rather than text in either byte order.
        (bytes([1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0]), "binary"),
        (b"a" * 101, "limit"),
    ],
)
def test_ingest_decode_refuses_bad_files_with_a_reason(data, reason):
    with pytest.raises(IngestError, match=reason):
        decode(data, max_bytes=100)


@pytest.mark.parametrize(
    ("path", "doc_id"),
    [("000_abc.txt", "000_abc"), ("2025/feb/story.txt", "2025/feb/story"), ("noext", "noext"), ("a.b.txt", "a.b"),
     ("x.md", "x.md"), ("X.TXT", "X"), ("dir.txt/page", "dir.txt/page")],
)
def test_ingest_doc_id_is_path_without_txt(path, doc_id):
    assert doc_id_for(path) == doc_id


@pytest.mark.parametrize(
    ("paths", "expected"),
    [
        (["000_abc.txt", "001_def.txt"], {"000_abc.txt": "000_abc", "001_def.txt": "001_def"}),
        (["x.txt", "x.md"], {"x.txt": "x", "x.md": "x.md"}),
        # The bare `x` keeps its own path; the .txt file falls back to its whole path ...
        (["x.txt", "x"], {"x.txt": "x.txt", "x": "x"}),
        # ... which a third file claimed, so that one falls back too: repeated until no two share an id.
        (["x.txt", "x", "x.txt.txt"], {"x.txt": "x.txt", "x": "x", "x.txt.txt": "x.txt.txt"}),
        (["a/b.txt", "a/b", "a/b.TXT", "a/c.txt"], {"a/b.txt": "a/b.txt", "a/b": "a/b", "a/b.TXT": "a/b.TXT", "a/c.txt": "a/c"}),
    ],
)
def test_ingest_doc_ids_are_unique_across_the_folder(paths, expected):
    assert doc_ids(paths) == expected
    assert doc_ids(reversed(paths)) == expected


@pytest.mark.parametrize(
    ("raw", "name"),
    [("café.txt", "café.txt"), (os.fsdecode(b"caf\xe9.txt"), "caf\\xe9.txt"), (os.fsdecode(b"a/\xff\xfe b"), "a/\\xff\\xfe b")],
)
def test_ingest_source_name_escapes_bytes_that_are_not_utf8(raw, name):
    assert source_name(raw) == name
    name.encode("utf-8")  # what Parquet needs


@pytest.mark.parametrize(
    ("mode", "target", "inside", "reason"),
    [
        (stat.S_IFREG, None, True, None),
        (stat.S_IFLNK, stat.S_IFREG, True, None),
        (stat.S_IFIFO, None, True, "FIFO"),
        (stat.S_IFSOCK, None, True, "socket"),
        (stat.S_IFCHR, None, True, "character device"),
        (stat.S_IFBLK, None, True, "block device"),
        (stat.S_IFLNK, None, True, "does not exist"),
        (stat.S_IFLNK, stat.S_IFREG, False, "outside the seeds folder"),
        (stat.S_IFLNK, stat.S_IFDIR, False, "outside the seeds folder"),
        (stat.S_IFLNK, stat.S_IFDIR, True, "link to a folder"),
        (stat.S_IFLNK, stat.S_IFIFO, True, "link to a FIFO"),
    ],
)
def test_ingest_entry_problem_reads_only_regular_files_inside_the_folder(mode, target, inside, reason):
    assert _says(entry_problem(mode, target, inside), reason)


def _says(problem: str | None, reason: str | None) -> bool:
    """Whether an entry's problem is none when `reason` is, else a sentence holding `reason`."""
    return problem is None if reason is None else reason in (problem or "")


def test_ingest_lists_visible_files_recursively(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ("b.txt", "sub/a.txt", ".hidden", "sub/.DS_Store"):
        (tmp_path / name).write_text("x")
    assert list_seed_paths(tmp_path) == ["b.txt", "sub/a.txt"]


def test_ingest_reads_every_entry_of_the_folder_or_says_why_not(tmp_path):
    seeds, outside = tmp_path / "seeds", tmp_path / "outside.txt"
    (seeds / "sub").mkdir(parents=True)
    outside.write_text("secret")
    (seeds / "sub" / "a.txt").write_text("inside")
    os.mkfifo(seeds / "pipe.txt")
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(seeds / "sock"))
    (seeds / "outside").symlink_to(outside)
    (seeds / "outside folder").symlink_to(tmp_path)
    (seeds / "dangling").symlink_to(tmp_path / "gone")
    (seeds / "loop").symlink_to(seeds / "loop")
    (seeds / "inside").symlink_to("sub/a.txt")
    (seeds / "linked sub").symlink_to("sub")
    (seeds / os.fsdecode(b"caf\xe9.txt")).write_text("named in Latin-1")
    try:
        found = {s.source_path: s for s in read_seeds(seeds)}
    finally:
        listener.close()
    expected = {
        "sub/a.txt": None, "inside": None, "caf\\xe9.txt": None, "pipe.txt": "FIFO", "sock": "socket",
        "outside": "outside the seeds folder", "outside folder": "outside the seeds folder",
        "dangling": "does not exist", "loop": "does not exist", "linked sub": "link to a folder",
    }
    assert set(found) == set(expected)
    assert all(_says(found[path].problem, reason) for path, reason in expected.items())
    assert found["inside"].data == b"inside" and found["caf\\xe9.txt"].data == b"named in Latin-1"
    assert all(s.data == b"" and s.sha256 is None for s in found.values() if s.problem)
    assert list_seed_paths(seeds) == sorted(found)


def test_ingest_quarantines_a_file_it_cannot_read(tmp_path, monkeypatch):
    (tmp_path / "locked.txt").write_text("x")

    def refuse(path):
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    (seed,) = read_seeds(tmp_path)
    assert seed.problem == "The file could not be read: Permission denied." and seed.sha256 is None


@pytest.mark.parametrize(("make", "wrong"), [(lambda p: None, "does not exist"), (lambda p: p.write_text("x"), "not a folder")])
def test_ingest_refuses_a_seeds_folder_that_is_missing_or_a_file(tmp_path, make, wrong):
    path = tmp_path / "seeds"
    make(path)
    for read in (read_seeds, list_seed_paths):
        with pytest.raises(SeedsFolderError, match=f"{path}.*{wrong}"):
            read(path)


def test_ingest_puts_every_file_in_documents_or_quarantine(seed_texts):
    good = next(iter(seed_texts.values())).encode()
    seeds = seed_files({
        "good.txt": good,
        "good.md": good[:300] + b"\xe9" + good[300:],
        "empty.txt": b"",
        "binary.bin": b"\x00\x01\x02",
        "chrome.txt": b"Share\nSubscribe\nLog in\n",
    }) + [SeedFile("pipe", b"", "pipe", problem="The entry is a FIFO (named pipe), not a regular file; it was not opened.")]
    result = place_files(seeds, now=dt.datetime(2025, 1, 1))
    documents = {row["source_path"]: row for row in result.documents.iter_rows(named=True)}
    assert set(documents) == {"good.txt", "good.md"}
    assert documents["good.txt"]["replaced_bytes"] == 0 and documents["good.md"]["replaced_bytes"] == 1
    assert documents["good.md"]["doc_id"] == "good.md"
    quarantined = {row["source_path"]: row for row in result.quarantine.iter_rows(named=True)}
    assert set(quarantined) == {"empty.txt", "binary.bin", "chrome.txt", "pipe"}
    assert "empty" in quarantined["empty.txt"]["reason"] and "binary" in quarantined["binary.bin"]["reason"]
    assert "No article text" in quarantined["chrome.txt"]["reason"]
    assert "FIFO" in quarantined["pipe"]["reason"] and quarantined["pipe"]["content_sha256"] is None
    assert sorted(result.boilerplate["doc_id"].unique().to_list()) == ["good", "good.md"]
