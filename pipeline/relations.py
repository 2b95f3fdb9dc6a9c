"""How entities connect: co-occurrence counts, and the entity each monetary figure is about."""

from __future__ import annotations

import polars as pl

from pipeline.schema import COOCCURRENCES

# Labels that name what money is spent, raised or earned by; people and places come second.
_SUBJECT_LABELS = ("ORG", "PRODUCT", "EVENT", "FAC", "WORK_OF_ART", "LAW")


def cooccurrences(mentions: pl.DataFrame, entities: pl.DataFrame) -> pl.DataFrame:
    """Entity pairs (entity_a < entity_b) that share a sentence or a document, with counts."""
    names = entities.select("entity_id", "name")
    frames = [
        _pairs(mentions.select("doc_id", "sentence_idx", "entity_id").unique(), ["doc_id", "sentence_idx"], "sentence"),
        _pairs(mentions.select("doc_id", "entity_id").unique(), ["doc_id"], "document"),
    ]
    pairs = pl.concat(frames)
    if pairs.is_empty():
        return COOCCURRENCES.empty()
    return (
        pairs.join(names.rename({"entity_id": "entity_a", "name": "name_a"}), on="entity_a")
        .join(names.rename({"entity_id": "entity_b", "name": "name_b"}), on="entity_b")
        .select(COOCCURRENCES.names)
        .cast(COOCCURRENCES.polars_schema)
        .sort("scope", "n", "entity_a", "entity_b", descending=[False, True, False, False])
    )


def _pairs(units: pl.DataFrame, keys: list[str], scope: str) -> pl.DataFrame:
    joined = units.join(units, on=keys, suffix="_b").filter(pl.col("entity_id") < pl.col("entity_id_b"))
    return joined.group_by(pl.col("entity_id").alias("entity_a"), pl.col("entity_id_b").alias("entity_b")).agg(
        n=pl.len(), n_documents=pl.col("doc_id").n_unique()
    ).with_columns(scope=pl.lit(scope))


def money_subjects(money: pl.DataFrame, mentions: pl.DataFrame) -> pl.DataFrame:
    """`money` with `subject_entity_id`: in the figure's sentence, the nearest organisation-like
    mention before it, else the nearest after it; null when the sentence names none."""
    candidates = mentions.filter(pl.col("label").is_in(_SUBJECT_LABELS)).select("doc_id", "sentence_idx", "start_char", "end_char", "entity_id")
    by_sentence: dict[tuple[str, int], list[tuple[int, int, str]]] = {}
    for doc_id, sent, start, end, eid in candidates.rows():
        by_sentence.setdefault((doc_id, sent), []).append((start, end, eid))
    subjects = [
        _nearest(by_sentence.get((doc_id, sent), []), start, end)
        for doc_id, sent, start, end in money.select("doc_id", "sentence_idx", "start_char", "end_char").rows()
    ]
    return money.with_columns(subject_entity_id=pl.Series(subjects, dtype=pl.String))


def _nearest(spans: list[tuple[int, int, str]], start: int, end: int) -> str | None:
    before = [s for s in spans if s[1] <= start]
    if before:
        return max(before)[2]
    after = [s for s in spans if s[0] >= end]
    return min(after)[2] if after else None
