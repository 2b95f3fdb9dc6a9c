"""The benchmark corpus generator is deterministic and produces pages the pipeline can use."""

from benchmarks.corpus import write_corpus
from pipeline.cleaning.cleaner import clean_document
from pipeline.money.extract import extract_money


def test_corpus_is_deterministic_and_realistic(tmp_path):
    first = [p.read_text(encoding="utf-8") for p in write_corpus(tmp_path / "a", 5, seed=7)]
    again = [p.read_text(encoding="utf-8") for p in write_corpus(tmp_path / "b", 5, seed=7)]
    other = [p.read_text(encoding="utf-8") for p in write_corpus(tmp_path / "c", 5, seed=8)]
    assert first == again and first != other
    results = [clean_document(page) for page in first]
    for result in results:
        assert result.removed, "every page carries some chrome"
        assert len(result.clean_text.split()) > 150
    figures = [extract_money(result.clean_text) for result in results]
    assert any(figures), "the corpus has money to parse"
    assert all(found for found, result in zip(figures, results) if "$" in result.clean_text)
