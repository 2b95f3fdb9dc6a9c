"""How entities connect: co-occurrence counts, and the entity each monetary figure is about."""

from __future__ import annotations

import polars as pl

from pipeline.parallel import CHUNK_ITEMS, document_slices
from pipeline.schema import COOCCURRENCES

# Labels that name what money is spent, raised or earned by; people and places come second.
_SUBJECT_LABELS = ("ORG", "PRODUCT", "EVENT", "FAC", "WORK_OF_ART", "LAW")
# Pair counts of one chunk of documents (entities as integer codes), summed over chunks.
_COUNTS = pl.DataFrame(schema={"a": pl.UInt32, "b": pl.UInt32, "scope": pl.String, "n": pl.UInt32, "n_documents": pl.UInt32})


def cooccurrences(mentions: pl.DataFrame, entities: pl.DataFrame) -> pl.DataFrame:
    """Entity pairs (entity_a < entity_b) that share a sentence or a document, with counts.

    A document of k entities has k²/2 pairs, so pairs are counted per chunk of documents and the
    chunks' counts summed: memory stays one chunk's pairs, whatever the corpus size. Documents
    and entities are joined as integer codes (entities numbered in entity_id order, so that the
    codes compare as the ids do), which keeps a chunk's pairs to a few integers each.
    """
    codes = entities.select("entity_id", "name").sort("entity_id").with_row_index("code")
    units = (
        mentions.select(pl.col("doc_id").rank("dense").cast(pl.UInt32).alias("doc"), "sentence_idx", "entity_id")
        .unique()
        .join(codes.select("entity_id", "code"), on="entity_id")
        .drop("entity_id")
        .sort("doc")
    )
    pairs = _COUNTS
    for chunk in document_slices(units, CHUNK_ITEMS, column="doc"):
        found = [_pairs(chunk, ["doc", "sentence_idx"], "sentence"), _pairs(chunk.drop("sentence_idx").unique(), ["doc"], "document")]
        pairs = pl.concat([pairs, *found]).group_by("a", "b", "scope").agg(pl.sum("n"), pl.sum("n_documents"))
    if pairs.is_empty():
        return COOCCURRENCES.empty()
    named = codes.select("code", entity="entity_id", name="name")
    return (
        pairs.join(named.select(a="code", entity_a="entity", name_a="name"), on="a")
        .join(named.select(b="code", entity_b="entity", name_b="name"), on="b")
        .select(COOCCURRENCES.names)
        .cast(COOCCURRENCES.polars_schema)
        .sort("scope", "n", "entity_a", "entity_b", descending=[False, True, False, False])
    )


def _pairs(units: pl.DataFrame, keys: list[str], scope: str) -> pl.DataFrame:
    """Pair counts within `units`; `n_documents` sums over chunks because chunks hold whole documents."""
    joined = units.join(units, on=keys, suffix="_b").filter(pl.col("code") < pl.col("code_b"))
    return joined.group_by(a="code", b="code_b").agg(n=pl.len(), n_documents=pl.col("doc").n_unique()).with_columns(
        scope=pl.lit(scope)
    ).select(_COUNTS.columns).cast(_COUNTS.schema)


def money_subjects(money: pl.DataFrame, mentions: pl.DataFrame) -> pl.DataFrame:
    """`money` with `subject_entity_id`: in the figure's sentence, the nearest organisation-like
    mention before it, else the nearest after it; null when the sentence names none.

    A join on (doc_id, sentence_idx) pairs each figure with the candidates of its own sentence
    only, so the work follows the figures, not the corpus's mentions."""
    candidates = mentions.filter(pl.col("label").is_in(_SUBJECT_LABELS)).select(
        "doc_id", "sentence_idx", s="start_char", e="end_char", subject="entity_id"
    )
    figures = money.select("doc_id", "sentence_idx", "start_char", "end_char").with_row_index("_row")
    near = figures.join(candidates, on=["doc_id", "sentence_idx"], nulls_equal=True)
    nearest = ["_row", "s", "e", "subject"]
    before = near.filter(pl.col("e") <= pl.col("start_char")).sort(nearest, descending=[False, True, True, True])
    after = near.filter(pl.col("s") >= pl.col("end_char")).sort(nearest)
    subject = (
        figures.select("_row")
        .join(before.group_by("_row", maintain_order=True).agg(before=pl.first("subject")), on="_row", how="left", maintain_order="left")
        .join(after.group_by("_row", maintain_order=True).agg(after=pl.first("subject")), on="_row", how="left", maintain_order="left")
        .select(pl.coalesce("before", "after").alias("subject_entity_id"))
    )
    return money.with_columns(subject["subject_entity_id"].cast(pl.String))
