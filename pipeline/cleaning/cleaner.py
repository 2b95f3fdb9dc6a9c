"""Boilerplate removal for plain-text copies of news pages.

Each raw line is judged by what it looks like, in three passes:
1. shape and vocabulary: UI controls, prompts, credits, symbol-only lines, foreign UI words (`chrome.toml`),
   glued link texts (`line_signals`), bylines and dates (lifted into metadata), repeats of earlier lines;
2. density: the remaining lines are prose ("good"), short, or in between, from their length,
   stop-word share and end punctuation, as in jusText (Pomikálek, 2011);
3. context (`regions`): boxes, runs of short or headline-like lines, neighbours, the article block.

`clean_document` returns the body, one `Removal` per dropped line, the metadata, photo captions
and a map from clean offsets back to raw offsets. `clean_text` returns only the body.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, deque
from dataclasses import dataclass, field
from itertools import count
from typing import NamedTuple

from rapidfuzz import fuzz, process
from spacy.lang.en.stop_words import STOP_WORDS

from pipeline.cleaning import line_signals, metadata, regions
from pipeline.cleaning.chrome_vocabulary import chrome_vocabulary
from pipeline.cleaning.metadata import Metadata
from pipeline.cleaning.regions import TRANSPARENT, Line, ends_sentence

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# A word of a repeat key: letters and digits, several joined by single joiners ("U.S.", "don't", "Hyun-woo").
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
_RUN = re.compile(r"\S+(?: \S+)*")
# A credit that names a picture; a bare agency or source line ("Reuters") may sign off the article.
_PICTURE = re.compile(r"(?i)photo|image|picture|illustration|graphic|credit|getty|shutterstock|/")
# A caption that carries its own credit after its last sentence ("... on Monday. Photo: Jane Doe/AP").
_INLINE_CREDIT = re.compile(
    r"(?i)(?:[.!?][\"'”’]?\s*|\()(?:photo(?:graph)?|picture|image|foto|credit)s?(?: by)?\s*:?\s+[^!?]{2,60}\)?$"
    r"|[.!?][\"'”’]?\s*\([^()/]{3,40}/[^()/]{2,40}\)$"  # "(Jane Doe/The Gazette)"
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_BYLINE_JOINS = re.compile(r"\s*(?:,|&|\band\b|\bet\b|\bund\b|\by\b)\s*")  # between a byline's names
_CAPTION_WORDS = 30  # a longer line over a picture's credit is the paragraph above a picture without a caption
_NEAR_DUPLICATE_WINDOW = 12
_NEAR_DUPLICATE_SCORE = 90.0
_TITLE_GAP = 3
_PROSE_WORDS = 20
_ENGLISH_STOP_SHARE = 0.15
_HEAD = 20000  # characters a page's script and language are judged on
_LABEL_REPEATS = 3
_LABEL_WORDS = 4
TEMPLATE_REASON = "outlet_template"


class Removal(NamedTuple):
    line_no: int
    text: str
    reason: str


@dataclass
class CleanResult:
    clean_text: str
    removed: list[Removal]
    metadata: Metadata
    captions: list[tuple[int, str]]
    segments: list[tuple[int, int, int]] = field(repr=False)
    """(clean_start, raw_start, length) of each piece of clean_text copied from the raw text."""

    def raw_offset(self, clean_offset: int) -> int:
        """Offset in the raw text of the character at `clean_offset` in clean_text."""
        i = max(bisect.bisect_right(self.segments, clean_offset, key=lambda s: s[0]) - 1, 0)
        clean_start, raw_start, length = self.segments[i]
        return raw_start + min(clean_offset - clean_start, length)


def clean_text(raw: str) -> str:
    """The article body of a raw page copy, with page chrome removed."""
    return clean_document(raw).clean_text


def clean_document(raw: str, template: frozenset[str] = frozenset()) -> CleanResult:
    """Clean a raw page copy and explain every removed line.

    `template` holds the repeat keys (`split_lines`) of lines the folder's other stories carry too
    (`pipeline.documents.templates`): they are the outlet's template, removed whatever they say.
    The passes below see only the page's non-blank lines: blank ones neither count nor part runs.
    """
    lines = split_lines(raw)
    latin_page = line_signals.is_latin(raw[:_HEAD])
    english = latin_page and _is_english(lines)
    for line in lines:
        if reason := TEMPLATE_REASON if line.key in template else shape_reason(line.text, line.words, latin_page):  # pass 1
            line.kind, line.reason = "bad", reason
    _mark_repeats(lines)
    captions = _mark_captions(lines)
    for line in lines:
        if line.kind == "good":
            line.kind = _density_class(line, english)
    regions.mark_boxes(lines)
    regions.mark_appeals(lines)
    regions.mark_runs(lines)
    regions.mark_related_blocks(lines)
    regions.resolve_context(lines)
    regions.mark_outlying_blocks(lines)
    meta = metadata.extract([(ln.text, ln.reason, ln.kind == "good") for ln in lines])
    _keep_title(lines, meta.title, meta.byline)
    authors = tuple(name + " " for name in _BYLINE_JOINS.split(meta.byline or "") if " " in name.strip())
    for line in (ln for ln in lines if authors and ln.kind == "good" and ln.text.startswith(authors) and ln.text != meta.title):
        line.kind, line.reason = "bad", "author_bio"  # an author's box ("Jane Doe covers city hall"), not the article
    body = [ln for ln in lines if ln.kind == "good"]
    removed = [Removal(ln.no, ln.raw, ln.reason or _position_reason(ln, body)) for ln in lines if ln.kind != "good"]
    text, segments = _assemble(body)
    return CleanResult(text, removed, meta, [(ln.no, ln.text) for ln in captions], segments)


def split_lines(raw: str) -> list[Line]:
    """The page's non-blank lines: 1-based numbers, raw offsets, white-space-normalised text and the
    key repeats are found by (the words, case-folded and without punctuation)."""
    starts = [0] + [m.end() for m in _LINE_BREAK.finditer(raw)]
    lines = []
    for no, start, piece in zip(count(1), starts, _LINE_BREAK.split(raw)):
        if text := " ".join(piece.split()):
            key = " ".join(_WORD.findall(text.casefold()))
            lines.append(Line(no, start, piece, text, text.count(" ") + 1, key=key))
    return lines


def shape_reason(text: str, words: int, latin_page: bool = True) -> str | None:
    """The chrome reason a single line shows on its own, or None."""
    if not line_signals.LETTER.search(text):
        return "symbols_only"
    if metadata.is_byline(text):
        return "byline"
    if metadata.is_dateline_stamp(text):
        return "publication_date"
    if words <= 8 and "@" in text and _EMAIL.search(text):
        return "author_signoff"
    if reason := chrome_vocabulary().reason(text, words):
        return reason
    if line_signals.is_glued_links(text, words):
        return "glued_links"
    if line_signals.is_run_on_menu(text, words) or line_signals.is_link_list(text):
        return "menu_line"
    if line_signals.is_photographer_credit(text):
        return "photo_credit"
    if line_signals.is_consent_notice(text, words):
        return "cookie_notice"
    if latin_page and words <= 8 and not line_signals.is_latin(text):
        return "non_english_ui"
    if len(text) <= 2:
        return "ui_control"
    return None


def _mark_repeats(lines: list[Line]) -> None:
    """Later copies of a line already seen (exactly, or nearly and close by) are duplicates, and
    short lines that occur three times or more are section labels ("Company Town" over every teaser)."""
    counts = Counter(ln.key for ln in lines)
    seen: set[str] = set()
    recent: deque[str] = deque(maxlen=_NEAR_DUPLICATE_WINDOW)
    for line in lines:
        key = line.key
        if counts[key] >= _LABEL_REPEATS and line.words <= _LABEL_WORDS:
            line.kind, line.reason = "bad", line.reason or "repeated_label"
        elif key in seen and (line.words > 3 or line.kind == "bad"):
            line.kind, line.reason = "bad", line.reason or "duplicate_line"
        elif line.words >= 6 and process.extractOne(key, recent, scorer=fuzz.ratio, score_cutoff=_NEAR_DUPLICATE_SCORE):
            line.kind, line.reason = "bad", "duplicate_line"
        seen.add(key)
        recent.append(key)


def _mark_captions(lines: list[Line]) -> list[Line]:
    """Photo captions: a line ending in its own credit over a paragraph, a line repeated right after
    itself, or one followed by a credit that names a picture.

    The first copy is lifted out as the caption; its repeats become `duplicate_caption`.
    """
    captions = [ln for ln, below in zip(lines, lines[1:]) if ln.kind == "good" and ln.words <= 2 * _CAPTION_WORDS
                and _INLINE_CREDIT.search(ln.text) and below.words >= 8 and ends_sentence(below.text)]
    for line in captions:
        line.kind, line.reason = "bad", "photo_caption"
    for i, (prev, line) in enumerate(zip(lines, lines[1:])):
        if prev.kind == "bad" or prev.words < 4:
            continue
        repeated = line.reason == "duplicate_line" and _similar(prev, line)
        credited = line.reason == "photo_credit" and _PICTURE.search(line.text) is not None and prev.words <= _CAPTION_WORDS
        if repeated or credited:
            prev.kind, prev.reason = "bad", "photo_caption"
            captions.append(prev)
            for later in lines[i + 1:]:
                if later.reason == "duplicate_line" and _similar(prev, later) and not (credited and later is line):
                    # A credited caption that comes back further down is the standfirst or the
                    # lede shown under the picture: the later copy is article text.
                    later.kind, later.reason = ("good", None) if credited else ("bad", "duplicate_caption")
    return captions


def _similar(a: Line, b: Line) -> bool:
    """Near-identical folded text."""
    return fuzz.ratio(a.key, b.key, score_cutoff=_NEAR_DUPLICATE_SCORE) > 0


def _density_class(line: Line, english: bool) -> str:
    """Pass 2: good (prose), neargood or short, from length, stop words and punctuation.

    English stop words only say something about English pages (in Latin letters): on others a
    long line, or one of 8 words or more that ends a sentence, is prose whatever its stop words.
    """
    words = line.words
    if words < 5:
        return "short"
    ends = ends_sentence(line.text)
    if words < 20 and not (words >= 8 and ends):
        return "neargood"  # whatever its stop words
    # Prose: at least 8 words ending a sentence with a fifth of them stop words, or at least 20
    # words with three tenths of them (of the two, the lower share applies when both could).
    return "good" if not english or _stop_share_reaches(line.key, 0.2 if ends else 0.3) else "neargood"


def _is_english(lines: list[Line]) -> bool:
    """Whether a page in Latin letters is in English: at least `_ENGLISH_STOP_SHARE` of the words
    of the lines in its head are English stop words."""
    return _stop_share_reaches(" ".join(ln.key for ln in lines if ln.raw_start < _HEAD), _ENGLISH_STOP_SHARE)


def _stop_share_reaches(key: str, share: float) -> bool:
    """Whether at least `share` of the words of folded text (a line key) are English stop words."""
    tokens = key.split()
    return len([t for t in tokens if t in STOP_WORDS]) / max(len(tokens), 1) >= share


def _keep_title(lines: list[Line], title: str | None, byline: str | None) -> None:
    """The headline's line stays atop the body when it sits just above the article: no more than a few
    chrome lines (widgets, bylines and captions aside) between them. What the page keeps above it (a
    tagline, a programme guide, a ticker's item) is then its header, unless a paragraph of
    `_PROSE_WORDS` or more there says the article starts higher and the headline found is not the page's.
    Of the title's copies (a page writes it atop the page too), the first that sits so is the headline.
    The byline's lines count as widgets do (the header is made of them)."""
    at = next((i for i, ln in enumerate(lines) if title and ln.text == title and _over_article(lines[i + 1:], byline)), None)
    if at is None:
        return
    lines[at].kind = "good"
    kept = [ln for ln in lines[:at] if ln.kind == "good"]
    if all(ln.words < _PROSE_WORDS for ln in kept):
        for line in kept:
            line.kind, line.reason = "bad", "page_header"


def _over_article(below: list[Line], byline: str | None) -> bool:
    """Whether the article (the next kept line) follows within `_TITLE_GAP` chrome lines."""
    end = next((k for k, ln in enumerate(below) if ln.kind == "good"), None)
    if end is None:
        return False
    return sum(ln.reason not in TRANSPARENT and not (byline and byline in ln.text) for ln in below[:end]) <= _TITLE_GAP


def _position_reason(line: Line, body: list[Line]) -> str:
    """Reason for a line dropped by context: where it sits relative to the article."""
    if not body or line.no < body[0].no:
        return "page_header"
    return "page_footer" if line.no > body[-1].no else "low_content"


def _assemble(body: list[Line]) -> tuple[str, list[tuple[int, int, int]]]:
    """Join kept lines into paragraphs; white space collapses, characters inside words never change.

    A line that ends mid-sentence followed by one that starts in lower case is one paragraph
    broken by a stray line break, so the two are joined with a space.
    """
    text, segments = "", []
    for prev, line in zip([None, *body], body):
        if prev is not None:
            text += " " if not ends_sentence(prev.text) and line.text[:1].islower() else "\n\n"
        for k, m in enumerate(_RUN.finditer(line.raw)):
            text += " " if k else ""
            segments.append((len(text), line.raw_start + m.start(), len(m.group())))
            text += m.group()
    return text, segments
