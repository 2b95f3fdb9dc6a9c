"""Near-duplicate articles: two outlets rewriting one wire story share a `story_id`.

Each document is a set of content words (stop words dropped); MinHash LSH (datasketch) finds
pairs whose Jaccard similarity is likely above the threshold, each pair's estimate and then its
exact Jaccard are checked, and connected documents form one story named after its first doc_id.
"""

from __future__ import annotations

import re

import polars as pl
from datasketch import MinHash, MinHashLSH
from spacy.lang.en.stop_words import STOP_WORDS

SIMILARITY = 0.3
_PERMUTATIONS = 128
_WORD = re.compile(r"[^\W_]+")


def content_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in STOP_WORDS and not w.isdigit()}


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def story_ids(documents: pl.DataFrame, threshold: float = SIMILARITY) -> dict[str, str]:
    """doc_id -> story_id (the smallest doc_id among the documents it is connected to)."""
    words = {doc_id: content_words(text) for doc_id, text in documents.select("doc_id", "clean_text").rows()}
    lsh = MinHashLSH(threshold=threshold, num_perm=_PERMUTATIONS)
    signatures = {}
    for doc_id in sorted(words):
        m = MinHash(num_perm=_PERMUTATIONS, seed=1)
        m.update_batch([w.encode() for w in sorted(words[doc_id])])
        signatures[doc_id] = m
        lsh.insert(doc_id, m)
    parent = {doc_id: doc_id for doc_id in words}
    for doc_id, m in signatures.items():
        for other in lsh.query(m):
            if other > doc_id and m.jaccard(signatures[other]) >= threshold and jaccard(words[doc_id], words[other]) >= threshold:
                _union(parent, doc_id, other)
    return {doc_id: _root(parent, doc_id) for doc_id in sorted(words)}


def _root(parent: dict[str, str], x: str) -> str:
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def _union(parent: dict[str, str], a: str, b: str) -> None:
    ra, rb = _root(parent, a), _root(parent, b)
    if ra != rb:
        parent[max(ra, rb)] = min(ra, rb)
