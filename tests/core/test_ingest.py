import datetime as dt

import pytest

from pipeline.documents import ingest
from pipeline.ingest import IngestError, SeedFile, decode, doc_id_for, list_seed_paths

KOREAN = "서울 - 오픈AI는 카카오와 손잡고 한국 시장을 위한 인공지능 제품을 개발한다고 밝혔다. " * 3


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
    decoded, used = decode(data)
    assert decoded == text
    if encoding:
        assert used == encoding


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"a" * 101, "limit"),
    ],
)
def test_ingest_decode_refuses_bad_files_with_a_reason(data, reason):
    with pytest.raises(IngestError, match=reason):
        decode(data, max_bytes=100)


@pytest.mark.parametrize(
    ("path", "doc_id"),
    [("000_abc.txt", "000_abc"), ("2025/feb/story.txt", "2025/feb/story"), ("noext", "noext"), ("a.b.txt", "a.b")],
)
def test_ingest_doc_id_is_path_without_extension(path, doc_id):
    assert doc_id_for(path) == doc_id


def test_ingest_lists_visible_files_recursively(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ("b.txt", "sub/a.txt", ".hidden", "sub/.DS_Store"):
        (tmp_path / name).write_text("x")
    assert list_seed_paths(tmp_path) == ["b.txt", "sub/a.txt"]


def test_ingest_puts_every_file_in_documents_or_quarantine(seed_texts):
    good = next(iter(seed_texts.values())).encode()
    seeds = [
        SeedFile("good.txt", good),
        SeedFile("empty.txt", b""),
        SeedFile("binary.bin", b"\x00\x01\x02"),
        SeedFile("chrome.txt", b"Share\nSubscribe\nLog in\n"),
    ]
    result = ingest(seeds, now=dt.datetime(2025, 1, 1))
    assert result.documents["source_path"].to_list() == ["good.txt"]
    reasons = dict(result.quarantine.select("source_path", "reason").rows())
    assert set(reasons) == {"empty.txt", "binary.bin", "chrome.txt"}
    assert "empty" in reasons["empty.txt"] and "binary" in reasons["binary.bin"]
    assert "No article text" in reasons["chrome.txt"]
    assert result.boilerplate["doc_id"].unique().to_list() == ["good"]
