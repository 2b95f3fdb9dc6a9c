"""Line texts and repeat keys, built with shortcuts and page-wide string operations.

A line's text must be its words joined by single spaces; its repeat key must be its words as
the regular expression below defines them, case-folded and joined by spaces."""

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from pipeline.cleaning import _ENGLISH_STOP_SHARE, _fold_lines, _is_english, _stop_share_reaches, split_lines

WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")


def reference_key(line: str) -> str:
    return " ".join(WORD.findall(line.casefold()))


# Letters of several scripts and cases, digits, joiners, punctuation, symbols, spaces of several
# kinds, and characters whose case folding changes their length or adds a combining mark.
CHARS = st.sampled_from(list("aZé9_'’.-,;:!?\"“”()[]/&@#%€£$©«»—–…•·  \u2009 ßİıſΣς공유関記0١٢³½") + ["ﬁ", "x̧"])


@settings(max_examples=600, deadline=None)
@given(st.lists(st.lists(CHARS, max_size=30).map("".join), min_size=1, max_size=5))
def test_fold_lines_equals_the_word_pattern_on_every_line(lines):
    lines = [" ".join(line.split()) for line in lines]
    assert _fold_lines(lines) == [reference_key(line) for line in lines]


def test_fold_lines_keeps_joined_words_and_drops_lone_joiners():
    lines = ["U.S. officials' “Don’t” -- co-op...", "ÉCOLE  Straße_Nord", "'quoted' a..b a-'b"]
    assert _fold_lines(lines) == ["u.s officials don’t co-op", "école strasse nord", "quoted a b a b"]


SPACES = st.sampled_from(["\t", "\x0b", "\x1c", "\x85", "\u2028"])  # more white space to str.split, not line breaks


@settings(max_examples=600, deadline=None)
@given(st.lists(st.lists(CHARS | SPACES, max_size=30).map("".join), min_size=1, max_size=5), st.sampled_from(["\n", "\r\n"]))
@example(["a ", "b"], "\n").via("a line that ends in a space on an otherwise single-spaced page")
@example(["a", " b"], "\r\n").via("a line that starts with a space")
def test_split_lines_collapses_white_space_on_every_line(lines, line_break):
    raw = line_break.join(lines)
    pieces = raw.split(line_break)
    lines = split_lines(raw)
    assert [ln.text for ln in lines] == [" ".join(p.split()) for p in pieces if p.split()]
    assert [ln.raw for ln in lines] == [pieces[ln.no - 1] for ln in lines]


STOP_RICH = st.integers(0, 400).map(lambda n: ["the", "of", "Seoul"] * (n // 3))
STOP_POOR = st.integers(0, 1500).map(lambda n: ["Kakao", "shares", "rose", "won"] * (n // 4))


@settings(max_examples=300, deadline=None)
@given(STOP_RICH, STOP_POOR)
def test_is_english_stops_counting_only_once_the_whole_pages_share_is_reached(head, tail):
    words = head + tail  # a page whose stop words thin out: counting must not stop on the head's share
    lines = split_lines("\n".join(" ".join(words[i: i + 7]) for i in range(0, len(words), 7)))
    share = sum(word in ("the", "of", "and") for word in words) / max(len(words), 1)
    assert _is_english(lines, 0) == (share >= _ENGLISH_STOP_SHARE)


@given(STOP_RICH, STOP_POOR, st.booleans(), st.sampled_from([0.2, 0.3]))
def test_stop_share_reaches_counts_the_second_half_when_the_first_does_not_settle_it(head, tail, stops_last, share):
    words = tail + head if stops_last else head + tail
    expected = sum(word in ("the", "of") for word in words) / max(len(words), 1) >= share
    assert _stop_share_reaches(" ".join(words).lower(), share) == expected
