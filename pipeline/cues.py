"""Context cues: the label the words around a name point to, whatever the model said."""

from __future__ import annotations

import re

_PERSON_TITLES = (
    r"mr|mrs|ms|dr|prof|sir|ceo|chairman|chairwoman|founder|co-founder|president|minister|secretary|director|"
    r"officer|executive|chief|spokes(?:man|woman|person)|analyst|professor|senator|governor|judge|coach"
)
# (label, pattern) on the 30 characters before, after, and the name itself; the first hit wins.
_CUES_BEFORE = (
    ("PERSON", re.compile(rf"\b(?:{_PERSON_TITLES})\.?\s*$", re.I)),
    ("ORG", re.compile(r"\b(?:startup|start-up|company|firm|maker|developer|operator|rival|giant|conglomerate|carrier|"
                       r"retailer|automaker|chipmaker|insurer|lender|broadcaster|newspaper|agency|publisher|brand)\s*$", re.I)),
    ("PRODUCT", re.compile(r"\b(?:app|agent|chatbot|model|game|platform|device|smartphone|assistant|software),?\s*$", re.I)),
)
_KINDS_OF_PRODUCT = r"(?:app|game|model|chatbot|platform|device|smartphone|software)"
_KINDS_OF_ORG = r"(?:company|startup|start-up|firm|maker|developer|operator|conglomerate|group|agency|bank|carrier)"
_CUES_AFTER = (
    ("ORG", re.compile(r"^(?:['’]s?)?\s+(?:ceo|chief|chairman|chairwoman|vice|co-founder|founder|president|executives?|"
                       r"shares|stock|spokes(?:man|woman|person)|board|unit|subsidiary|affiliate)\b", re.I)),
    ("PRODUCT", re.compile(rf"^(?:\s+|,\s+(?:an?|the|its)\s+(?:[\w-]+\s+){{0,3}}){_KINDS_OF_PRODUCT}\b", re.I)),
    ("ORG", re.compile(rf"^,\s+(?:an?|the|its)\s+(?:[\w-]+\s+){{0,3}}{_KINDS_OF_ORG}\b", re.I)),
    ("EVENT", re.compile(r"^\s+(?:workshop|conference|summit|forum|festival|expo|fair|meeting|games)\b", re.I)),
    ("GPE", re.compile(r"^\s+(?:facilities|facility|plant|factory|campus|site|province|county|district)\b", re.I)),
)
_CUES_NAME = (
    ("ORG", re.compile(r"\b(?:inc|corp|co|ltd|llc|plc|group|holdings|electronics|telecom|bank|company|corporation|"
                       r"ventures|university|institute|networks|motors|partners|capital|technologies|systems)\.?$", re.I)),
    ("FAC", re.compile(r"\b(?:hotel|tower|airport|stadium|bridge|station|hall|hospital|museum|palace|plaza|port)$", re.I)),
)


def context_cue(text: str, start: int, end: int, surface: str) -> str | None:
    """The label the words around a mention point to: a title before a person ("CEO Sam
    Altman"), a kind of company before a name ("AI startup DeepSeek"), a role or "shares" after
    an organisation ("Kakao CEO"), "app" after a product, a suffix ("SK Group", "Plaza Hotel");
    None when the context says nothing."""
    before, after = text[max(0, start - 30): start], text[end: end + 30]
    for cues, piece in ((_CUES_BEFORE, before), (_CUES_AFTER, after), (_CUES_NAME, surface)):
        for label, pattern in cues:
            if pattern.search(piece):
                return label
    return None
