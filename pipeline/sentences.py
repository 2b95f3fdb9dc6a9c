"""Paragraphs and sentences of a clean text, as character offsets."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

PARAGRAPH_PATTERN = r"[^\n]+(?:\n[^\n]+)*"  # also read by Polars (Rust regex): same matches
_PARAGRAPH = re.compile(PARAGRAPH_PATTERN)


@dataclass(frozen=True)
class Annotation:
    """What the NLP model found in one paragraph, with offsets relative to the paragraph."""

    sentences: list[tuple[int, int]]
    entities: list[tuple[int, int, str]]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: runs of non-empty lines, so no span crosses a blank line."""
    return [m.span() for m in _PARAGRAPH.finditer(text)]


def sentence_spans(text: str, paras: list[tuple[int, int]], annotations: list[Annotation]) -> list[tuple[int, int]]:
    """Document-level sentence spans, trimmed of surrounding white space, in order."""
    spans = []
    for (p_start, _), ann in zip(paras, annotations):
        for s, e in ann.sentences:
            start, end = _trim(text, p_start + s, p_start + e)
            if end > start:
                spans.append((start, end))
    return spans


def sentence_rows(doc_id: str, text: str, spans: list[tuple[int, int]]) -> list[dict]:
    return [
        {"doc_id": doc_id, "sentence_idx": i, "start_char": s, "end_char": e, "text": text[s:e]}
        for i, (s, e) in enumerate(spans)
    ]


def sentence_index(spans: list[tuple[int, int]], offset: int) -> int | None:
    """Index of the sentence containing `offset` (spans in order, not overlapping), or None."""
    i = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return i if i >= 0 and spans[i][0] <= offset < spans[i][1] else None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
