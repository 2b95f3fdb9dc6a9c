"""Near-duplicate articles: two outlets rewriting one wire story share a `story_id`.

Each document is a set of content words (stop words dropped); MinHash LSH (datasketch) finds
pairs whose Jaccard similarity is likely above the threshold, each pair's estimate and then its
exact Jaccard are checked, and connected documents form one story named after its first doc_id.
"""

from __future__ import annotations

import re
from functools import cache

import polars as pl
from datasketch import MinHash, MinHashLSH
from spacy.lang.en.stop_words import STOP_WORDS

SIMILARITY = 0.3
_PERMUTATIONS = 128
_SCHEME = "affine32"
_WORD = re.compile(r"[^\W_]+")


def content_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in STOP_WORDS and not w.isdigit()}


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


SIGNATURES_SCHEMA = {"doc_id": pl.String(), "content_sha256": pl.String(), "hashvalues": pl.List(pl.UInt64())}


def story_ids(documents: pl.DataFrame, threshold: float = SIMILARITY, cached: pl.DataFrame | None = None) -> tuple[dict[str, str], pl.DataFrame]:
    """(doc_id -> story_id, the documents' MinHash signatures).

    The story is the smallest doc_id among the documents a document is connected to.
    Signatures in `cached` whose content hash still matches are reused rather than recomputed.
    """
    reuse = {}
    if cached is not None and cached.height:
        reuse = {(d, h): v for d, h, v in cached.select("doc_id", "content_sha256", "hashvalues").rows()}
    texts = dict(documents.select("doc_id", "clean_text").rows())
    hashes = dict(documents.select("doc_id", "content_sha256").rows())
    signatures = {}
    for doc_id, sha in sorted(hashes.items()):
        known = reuse.get((doc_id, sha))
        signatures[doc_id] = _signature(content_words(texts[doc_id])) if known is None else MinHash(
            num_perm=_PERMUTATIONS, seed=1, hashvalues=known, scheme=_SCHEME
        )
    lsh = MinHashLSH(threshold=threshold, num_perm=_PERMUTATIONS)
    for doc_id, m in signatures.items():
        lsh.insert(doc_id, m)
    parent = {doc_id: doc_id for doc_id in signatures}
    # Word sets only for documents in a candidate pair: most have no near-duplicate.
    words = cache(lambda doc_id: content_words(texts[doc_id]))
    for doc_id, m in signatures.items():
        for other in lsh.query(m):
            if other > doc_id and m.jaccard(signatures[other]) >= threshold and jaccard(words(doc_id), words(other)) >= threshold:
                _union(parent, doc_id, other)
    frame = pl.DataFrame(
        {"doc_id": list(signatures), "content_sha256": [hashes[d] for d in signatures], "hashvalues": [m.hashvalues.tolist() for m in signatures.values()]},
        schema=SIGNATURES_SCHEMA,
    )
    return {doc_id: _root(parent, doc_id) for doc_id in sorted(signatures)}, frame


def _signature(words: set[str]) -> MinHash:
    m = MinHash(num_perm=_PERMUTATIONS, seed=1, scheme=_SCHEME)
    m.update_batch([w.encode() for w in sorted(words)])
    return m


def _root(parent: dict[str, str], x: str) -> str:
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def _union(parent: dict[str, str], a: str, b: str) -> None:
    ra, rb = _root(parent, a), _root(parent, b)
    if ra != rb:
        parent[max(ra, rb)] = min(ra, rb)
