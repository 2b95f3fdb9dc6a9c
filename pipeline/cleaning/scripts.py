"""Writing systems: whether text is mostly in Latin letters or in another script."""

from __future__ import annotations

import re

# Greek, Cyrillic, Hebrew, Arabic, Indic, Thai, Hangul, kana, CJK and half-width kana.
_OTHER_SCRIPT = re.compile(
    "[\u0370-\u03ff\u0400-\u04ff\u0590-\u06ff\u0900-\u0dff\u0e00-\u0e7f\u1100-\u11ff"
    "\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f]"
)
_LETTER = re.compile(r"[^\W\d_]")


def is_latin(text: str) -> bool:
    """Whether most letters are Latin rather than Hangul, kana, CJK, Cyrillic, Arabic, ..."""
    others = len(_OTHER_SCRIPT.findall(text))
    return not others or 2 * others < len(_LETTER.findall(text))
