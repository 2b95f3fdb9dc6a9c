
import polars as pl
import pytest

from pipeline.nlp import cooccurrence
from pipeline.nlp.cooccurrence import cooccurrences


def _mentions(rows):
    return pl.DataFrame(rows, schema=["doc_id", "sentence_idx", "start_char", "end_char", "entity_id", "label"], orient="row")


@pytest.mark.parametrize("chunk", [500, 1])  # one chunk of documents, or one per document
def test_cooccurrence_count_sentences_and_documents(chunk, monkeypatch):
    monkeypatch.setattr(cooccurrence, "CHUNK_ITEMS", chunk)
    mentions = _mentions([
        ("d1", 0, 0, 5, "A", "ORG"), ("d1", 0, 10, 15, "B", "ORG"), ("d1", 0, 20, 25, "A", "ORG"),
        ("d1", 1, 0, 5, "A", "ORG"), ("d1", 1, 10, 15, "C", "PERSON"),
        ("d2", 0, 0, 5, "B", "ORG"), ("d2", 3, 0, 5, "A", "ORG"),
    ])
    entities = pl.DataFrame({"entity_id": ["A", "B", "C"], "name": ["Alpha", "Beta", "Gamma"]})
    pairs = {(r["entity_a"], r["entity_b"], r["scope"]): (r["n"], r["n_documents"]) for r in cooccurrences(mentions, entities).iter_rows(named=True)}
    assert pairs[("A", "B", "sentence")] == (1, 1)
    assert pairs[("A", "B", "document")] == (2, 2)
    assert pairs[("A", "C", "sentence")] == (1, 1)
    assert ("B", "C", "sentence") not in pairs
