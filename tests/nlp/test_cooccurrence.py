
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


_VIEW_ROWS = [("E1", "Sam Altman", "PERSON"), ("E2", "OpenAI", "ORG"), ("E3", "Korean", "NORP"), ("E4", "Seoul", "GPE")]


def test_cooccurrence_analyst_views_lead_with_people_and_organisations():
    """The report's top entities and the co-occurrence view are people and organisations, most named first."""
    import duckdb

    from pipeline.quality.summary import QUERIES
    from pipeline.schema import VIEWS

    con = duckdb.connect()
    con.execute("CREATE TABLE entities (entity_id VARCHAR, name VARCHAR, label VARCHAR, n_documents INT, n_mentions INT)")
    con.executemany("INSERT INTO entities VALUES (?, ?, ?, ?, ?)", [(i, n, lbl, 9 - k, 20 - k) for k, (i, n, lbl) in
                                                                       enumerate(reversed(_VIEW_ROWS))])
    con.execute("CREATE TABLE cooccurrences (entity_a VARCHAR, name_a VARCHAR, entity_b VARCHAR, name_b VARCHAR, scope VARCHAR, n INT, n_documents INT)")
    con.executemany("INSERT INTO cooccurrences VALUES (?, ?, ?, ?, 'sentence', ?, 1)",
                    [("E3", "Korean", "E4", "Seoul", 9), ("E1", "Sam Altman", "E2", "OpenAI", 3), ("E2", "OpenAI", "E3", "Korean", 5)])
    con.execute(f"CREATE VIEW entity_comentions AS {VIEWS['entity_comentions'].sql}")
    assert [r[0] for r in con.execute(QUERIES["top_entities"]).fetchall()] == ["OpenAI", "Sam Altman"]
    assert con.execute("SELECT name_a, name_b, label_a, label_b FROM entity_comentions").fetchall() == [("Sam Altman", "OpenAI", "PERSON", "ORG")]
