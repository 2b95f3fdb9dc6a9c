"""Paragraphs and sentences of a clean text, as character offsets."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

PARAGRAPH_PATTERN = r"[^\n]+(?:\n[^\n]+)*"  # also read by Polars (Rust regex): same matches
_PARAGRAPH = re.compile(PARAGRAPH_PATTERN)
# The longest text the model sees at once. Far below spaCy's `max_length` (1,000,000), and it bounds
# what a batch of texts costs (see pipeline/adapters/annotators.py); longer than 98% of real paragraphs.
MAX_PIECE_CHARS = 2_000
# Where a long paragraph may be cut: after a sentence's end (a stop after two letters or digits
# that are not capitals, so not "Mr." or "U.S.", before anything but a lower-case word), else
# after white space.
_SENTENCE_END = re.compile(r"(?<=[^\W_A-Z]{2})[.!?…]+[\"'”’»)\]]*\s++(?![a-z])|[。！？]+")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Annotation:
    """What the NLP model found in one paragraph, with offsets relative to the paragraph."""

    sentences: list[tuple[int, int]]
    entities: list[tuple[int, int, str]]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: runs of non-empty lines, so no span crosses a blank line."""
    return [m.span() for m in _PARAGRAPH.finditer(text)]


def pieces(text: str, limit: int = MAX_PIECE_CHARS) -> list[tuple[int, int]]:
    """(start, end) of each text the model sees: a paragraph, or a window of one longer than `limit`."""
    return [window for start, end in paragraphs(text) for window in windows(text, start, end, limit)]


def windows(text: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    """Consecutive spans covering text[start:end], each at most `limit` characters: a window ends
    after the last sentence end in its second half, else after the last white space there, else at
    the limit (a run of `limit` characters with neither)."""
    spans = []
    while end - start > limit:
        low, high = start + limit // 2, start + limit
        cut = _last_end(_SENTENCE_END, text, low, high) or _last_end(_SPACE, text, low, high) or high
        spans.append((start, cut))
        start = cut
    return spans + [(start, end)]


def sentence_spans(text: str, spans: list[tuple[int, int]], annotations: list[Annotation]) -> list[tuple[int, int]]:
    """Document-level sentence spans, trimmed of surrounding white space, in order, from the
    annotations of the texts at `spans` (paragraphs or `pieces`)."""
    sentences = []
    for (p_start, _), ann in zip(spans, annotations):
        for s, e in ann.sentences:
            start, end = _trim(text, p_start + s, p_start + e)
            if end > start:
                sentences.append((start, end))
    return sentences


def sentence_rows(doc_id: str, text: str, spans: list[tuple[int, int]]) -> list[dict]:
    return [
        {"doc_id": doc_id, "sentence_idx": i, "start_char": s, "end_char": e, "text": text[s:e]}
        for i, (s, e) in enumerate(spans)
    ]


def sentence_index(spans: list[tuple[int, int]], offset: int) -> int | None:
    """Index of the sentence containing `offset` (spans in order, not overlapping), or None."""
    i = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return i if i >= 0 and spans[i][0] <= offset < spans[i][1] else None


def _last_end(pattern: re.Pattern, text: str, low: int, high: int) -> int | None:
    """End of the last match of `pattern` that ends in (low, high], or None."""
    ends = [m.end() for m in pattern.finditer(text, low, high)]
    return ends[-1] if ends else None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
