"""Line texts and repeat keys, built with shortcuts and page-wide string operations.

A line's text must be its words joined by single spaces; its repeat key must be its words as
the regular expression below defines them, case-folded and joined by spaces."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.cleaning import _fold_lines, split_lines

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
@given(st.lists(st.lists(CHARS | SPACES, max_size=30).map("".join), min_size=1, max_size=5).map("\n".join))
def test_split_lines_collapses_white_space_on_every_line(raw):
    pieces = raw.split("\n")
    lines = split_lines(raw)
    assert [ln.text for ln in lines] == [" ".join(p.split()) for p in pieces if p.split()]
    assert [ln.raw for ln in lines] == [pieces[ln.no - 1] for ln in lines]
