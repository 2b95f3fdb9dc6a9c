"""Arbitrary and adversarial text never breaks cleaning or entity extraction, and offsets hold."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.cleaning.cleaner import clean_document
from pipeline.nlp.mentions import clean_span, mention_spans, titled_people

PAGE_PIECES = st.sampled_from([
    "Share", "Facebook share button", "• +1", "By Jane Doe", "Posted : February 4, 2025", "닫기", "シェア", "\r\n", "\n", "\n\n",
    "\u00a0", "\t", "  ", "Read also:", "- A related headline about markets", "The minister said the plan would cost $5 billion.",
    "Photo: AFP", "Image 1 of 9", "©", "Mr Altman", "CEO Sam Altman's", "“quoted”", "—", "x", "", "\ufeff", "\u2028",
])


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_properties_cleaning_never_raises_on_arbitrary_text(raw):
    result = clean_document(raw)
    assert isinstance(result.clean_text, str)
    _assert_offsets_map_back(raw, result)


@settings(max_examples=300, deadline=None)
@given(st.lists(PAGE_PIECES, max_size=40).map(lambda parts: " ".join(parts)))
def test_properties_cleaning_offsets_map_back_to_raw_on_page_like_text(raw):
    result = clean_document(raw)
    _assert_offsets_map_back(raw, result)
    lines = re.split(r"\r\n|\r|\n", raw)
    for removal in result.removed:
        assert lines[removal.line_no - 1] == removal.text


def _assert_offsets_map_back(raw, result):
    """Every non-space character of the clean text is the raw character its offset maps to."""
    for i, ch in enumerate(result.clean_text):
        if not ch.isspace():
            assert raw[result.raw_offset(i)] == ch


@settings(max_examples=300, deadline=None)
@given(st.text(), st.data())
def test_properties_entity_spans_stay_inside_the_text(text, data):
    n = len(text)
    spans = data.draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, n), st.sampled_from(["PERSON", "ORG", "GPE", "DATE"])), max_size=8))
    entities = [(min(a, b), max(a, b), label) for a, b, label in spans]
    for span in mention_spans(text, entities):
        assert 0 <= span.start < span.end <= n
        assert "\n" not in text[span.start: span.end]
    for start, end, _ in entities:
        s, e = clean_span(text, start, end)
        assert start <= s <= e <= end  # trimmed inside the span, never past its other end
    for start, end, label in titled_people(text, []):
        assert label == "PERSON" and 0 <= start < end <= n
