"""Co-occurrence: entity pairs that share a sentence or a document, with counts."""

from __future__ import annotations

import polars as pl

from pipeline.runtime.parallel import CHUNK_ITEMS, document_slices
from pipeline.schema import COOCCURRENCES

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
