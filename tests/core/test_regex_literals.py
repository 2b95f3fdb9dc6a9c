import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.regex_literals import required_literals


@pytest.mark.parametrize(
    ("pattern", "literals"),
    [
        (r"\bsign ?up (?:now|today)\b", {"sign"}),
        (r"(?:facebook|twitter){2,}", {"facebook", "twitter"}),
        (r"^(?:read|see) (?:also|more|next)\b", {"also", "more", "next"}),
        (r"^(?:written |reported )?by", None),
        (r"^a\s*[+-]$", None),
        ("닫기|공유", {"닫기", "공유"}),
        (r"©", None),
        # " the " is longer than "read" but on every line of prose: the rarer set is kept.
        (r"\b(?:read|view) the (?:full|whole)\b", {"read", "view"}),
    ],
)
def test_regex_literals_required(pattern, literals):
    found = required_literals(pattern)
    assert (set(found) if found else None) == literals


PATTERNS = [r"\bsign ?up (?:now|today)\b", r"^(?:read|see) (?:also|more|next)\b", r"(?:photo|image)s? by\b", r"\blog ?(?:in|out)\b"]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(PATTERNS), st.text(alphabet="abcdeghiklmnoprstuwy ?!", max_size=40))
def test_regex_literals_every_match_contains_one(pattern, text):
    literals = required_literals(pattern)
    if re.search(pattern, text, re.I):
        assert any(lit in text.lower() for lit in literals)
