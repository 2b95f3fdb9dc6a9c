"""Near-duplicate articles: two outlets rewriting one wire story share a `story_id`.

Each document is a set of content words (stop words dropped) with a MinHash signature
(datasketch). Locality-sensitive hashing finds the candidate pairs: the signature is cut into
bands (datasketch's banding for the threshold), and documents whose band values agree on some
band are joined as a table in Polars, so the index costs a few integers per document rather
than Python objects. Each candidate pair's estimate (vectorised) and then its exact Jaccard are checked, and
connected documents form one story named after its first doc_id.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache

import numpy as np
import polars as pl
from datasketch import MinHash, MinHashLSH
from spacy.lang.en.stop_words import STOP_WORDS

SIMILARITY = 0.3
_PERMUTATIONS = 128
_SCHEME = "affine32"
_WORD = re.compile(r"[^\W_]+")
# Rows per block of the band join: fewer as the corpus grows, so one block's candidate pairs
# (at most the block's rows times the corpus's) stay about the same size.
_BLOCK_BUDGET = 2_000_000
_ESTIMATE_PAIRS = 4096  # pairs compared at once: two slices of 4096 x 128 values, 8 MB
# Odd multipliers that mix a band's values into one 64-bit key (collisions only add candidates,
# which the estimate and the exact Jaccard then reject).
_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5], dtype=np.uint64)


def content_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in STOP_WORDS and not w.isdigit()}


SIGNATURES_SCHEMA = {"doc_id": pl.String(), "content_sha256": pl.String(), "hashvalues": pl.List(pl.UInt64())}


def story_ids(documents: pl.DataFrame, threshold: float = SIMILARITY, cached: pl.DataFrame | None = None) -> tuple[dict[str, str], pl.DataFrame]:
    """(doc_id -> story_id, the documents' MinHash signatures).

    The story is the smallest doc_id among the documents a document is connected to.
    Signatures in `cached` whose content hash still matches are reused rather than recomputed.
    """
    docs = documents.select("doc_id", "content_sha256", "clean_text").sort("doc_id")
    ids = docs["doc_id"].to_list()
    signatures = _signatures(docs, cached)
    words = cache(lambda i: _word_hashes(docs["clean_text"][i]))
    parent = list(range(len(ids)))

    def story_of(rows: np.ndarray) -> np.ndarray:
        return np.array([_root(parent, r) for r in rows.tolist()], dtype=np.int64)

    for first, second in candidate_pairs(signatures, threshold, story_of):
        for a, b in zip(first.tolist(), second.tolist()):
            # A pair already in one story cannot change the stories: skip its exact Jaccard.
            if _root(parent, a) != _root(parent, b) and _jaccard_sorted(words(a), words(b)) >= threshold:
                _union(parent, a, b)
    frame = pl.DataFrame(
        {"doc_id": ids, "content_sha256": docs["content_sha256"], "hashvalues": pl.Series(list(signatures), dtype=pl.List(pl.UInt64()))},
        schema=SIGNATURES_SCHEMA,
    )
    return {doc_id: ids[_root(parent, i)] for i, doc_id in enumerate(ids)}, frame


def _signatures(docs: pl.DataFrame, cached: pl.DataFrame | None) -> np.ndarray:
    """One row of MinHash values per document of `docs`, reused from `cached` where the content
    hash matches."""
    out = np.zeros((docs.height, _PERMUTATIONS), dtype=np.uint64)
    if docs.height == 0:
        return out
    known = docs.select("doc_id", "content_sha256").with_row_index("_i")
    if cached is not None and cached.height:
        known = known.join(cached.select("doc_id", "content_sha256", "hashvalues"), on=["doc_id", "content_sha256"], how="left")
    else:
        known = known.with_columns(hashvalues=pl.lit(None, dtype=pl.List(pl.UInt64())))
    hit = known.filter(pl.col("hashvalues").list.len() == _PERMUTATIONS)
    if hit.height:
        out[hit["_i"].to_numpy()] = hit["hashvalues"].list.to_array(_PERMUTATIONS).to_numpy()
    reused = set(hit["_i"].to_list())
    for i, text in enumerate(docs["clean_text"]):
        if i not in reused:
            out[i] = _signature(content_words(text)).hashvalues
    return out


def candidate_pairs(
    signatures: np.ndarray, threshold: float = SIMILARITY, story_of: Callable[[np.ndarray], np.ndarray] | None = None
) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Row pairs (i < j) whose signatures agree on every value of at least one band and whose
    estimated Jaccard reaches `threshold`, as arrays (first rows, second rows), a block at a time.

    A corpus of similar pages (one template, one beat) makes many candidates; joining a block of
    rows at a time and estimating in vectorised slices keeps memory to one block's pairs. With
    `story_of` (the current story of each of some rows), pairs already in one story are dropped
    before estimating: they cannot change the stories.
    """
    if len(signatures) < 2:
        return
    lsh = MinHashLSH(threshold=threshold, num_perm=_PERMUTATIONS)  # only for its banding (b bands of r values)
    bands = []
    with np.errstate(over="ignore"):
        for b in range(lsh.b):
            key = np.bitwise_xor.reduce(signatures[:, b * lsh.r: (b + 1) * lsh.r] * _MIX[: lsh.r], axis=1)
            bands.append(pl.DataFrame({"i": np.arange(len(signatures), dtype=np.int64), "band": b, "key": key}))
    table = pl.concat(bands)
    rows = max(1, _BLOCK_BUDGET // len(signatures))
    for start in range(0, len(signatures), rows):
        block = table.filter(pl.col("i").is_between(start, start + rows - 1))
        pairs = block.join(table, on=["band", "key"], suffix="_j").filter(pl.col("i") < pl.col("i_j")).select("i", "i_j").unique()
        first, second = pairs["i"].to_numpy(), pairs["i_j"].to_numpy()
        if story_of is not None and len(first):
            members, at = np.unique(np.concatenate([first, second]), return_inverse=True)
            story = story_of(members)[at]
            apart = story[: len(first)] != story[len(first):]
            first, second = first[apart], second[apart]
        for k in range(0, len(first), _ESTIMATE_PAIRS):
            i, j = first[k: k + _ESTIMATE_PAIRS], second[k: k + _ESTIMATE_PAIRS]
            close = (signatures[i] == signatures[j]).mean(axis=1) >= threshold
            yield i[close], j[close]


def _word_hashes(text: str) -> np.ndarray:
    """The document's content words as sorted unique 64-bit hashes (exact Jaccard without keeping
    a set of strings per document)."""
    return np.unique(np.fromiter((hash(w) for w in content_words(text)), dtype=np.int64))


def _jaccard_sorted(a: np.ndarray, b: np.ndarray) -> float:
    if not len(a) and not len(b):
        return 0.0
    common = len(np.intersect1d(a, b, assume_unique=True))
    return common / (len(a) + len(b) - common)


def _signature(words: set[str]) -> MinHash:
    m = MinHash(num_perm=_PERMUTATIONS, seed=1, scheme=_SCHEME)
    m.update_batch([w.encode() for w in sorted(words)])
    return m


def _root(parent: list[int], x: int) -> int:
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def _union(parent: list[int], a: int, b: int) -> None:
    ra, rb = _root(parent, a), _root(parent, b)
    if ra != rb:
        parent[max(ra, rb)] = min(ra, rb)
