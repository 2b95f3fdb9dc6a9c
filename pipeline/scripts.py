"""Writing systems: whether text is mostly in Latin letters or in another script."""

from __future__ import annotations

import re

# Greek, Cyrillic, Hebrew, Arabic, Indic, Thai, Hangul, kana, CJK and half-width kana.
OTHER_SCRIPT_PATTERN = (
    "[\u0370-\u03ff\u0400-\u04ff\u0590-\u06ff\u0900-\u0dff\u0e00-\u0e7f\u1100-\u11ff"
    "\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f]"
)
_OTHER_SCRIPT = re.compile(OTHER_SCRIPT_PATTERN)
_NOT_LETTERS = re.compile(r"[\W\d_]+")
_NOT_ASCII_LETTERS = bytes(b for b in range(256) if not chr(b).isascii() or not chr(b).isalpha())
_ASCII = bytes(range(128))


def non_ascii(data: bytes) -> str:
    """The non-ASCII characters of UTF-8 text, in order: what is left after deleting every ASCII
    byte, which no multi-byte character holds. Few on most pages, so worth looking at one by one."""
    return data.translate(None, _ASCII).decode("utf-8")


def is_latin(text: str) -> bool:
    """Whether most letters are Latin rather than Hangul, kana, CJK, Cyrillic, Arabic, ...

    Regular expressions only look at the non-ASCII characters, which are few on most pages;
    ASCII letters are counted by a byte translation, at C speed.
    """
    data = text.encode("utf-8")
    rest = non_ascii(data)
    others = len(_OTHER_SCRIPT.findall(rest))
    if not others:
        return True
    return 2 * others < len(data.translate(None, _NOT_ASCII_LETTERS)) + len(_NOT_LETTERS.sub("", rest))
