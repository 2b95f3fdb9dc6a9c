"""Pass 3 of the cleaner: lines judged by where they sit, signals that hold on any outlet.

- Boxes: the text between two prompts of a sign-up, consent or embed box is the box's.
- Runs: several short lines are a menu, several unpunctuated headline-like lines a link list,
  unless a page line introduces them as a list ("What helps:") or they are records of one
  template (a tour's dates); under a "Related"-style heading, headlines and their teasers'
  standfirsts are related links.
- Neighbours: short and in-between lines take the class of their prose neighbours, except a
  label between two paragraphs and a line that is no sentence at the article's end.
- Blocks: the article is the block of prose with the most text; prose cut off from it by a
  band of chrome is teasers (after it) or a header's blurb (before it).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from itertools import groupby

_BULLET = re.compile(r"^(?:[•·▪◦‣●○■□*–—-]|\d{1,2}[.)])\s+")
# Separators of a record's fields; a hyphen inside a word ("co-op") joins, it does not separate.
_SEPARATOR = re.compile(r"[,:;()\[\]@|/–—]|(?<!\w)-|-(?!\w)")
_INNER_STOP = re.compile(r"[.!?;:][\"'”’)]*\s")
_READER = re.compile(r"(?i)\byou(?:r|rs|'re|'ve|’re|’ve)?\b")
_QUOTED = re.compile(r'"[^"]*"|“[^”]*”|‘[^’]*’')
_CLOSERS = "\"'”’)]"
_MENU_RUN = 4
_HEADLINE_RUN = 3
_EDGE_WORDS = 12
# Controls that pages put inside the article area (share bars, font-size and close buttons)
# as often as around it: they say nothing about whether their neighbours are article text.
_WIDGETS = frozenset({"share_widget", "font_size_widget", "symbols_only", "ui_control", "follow_prompt", "non_english_ui", "glued_links"})
_BLOCK_GAP = 4
_BOXES = frozenset({"related_links", "advertisement", "headline_list", "prompt_box", "embed_notice", "inline_label"})
_TEASER_MAX_GOOD = 3
_LONE_WORDS = 25
_TEASER_CHROME_SHARE = 0.3
# Prompts that open and close a box of their own text (a newsletter sign-up, a consent notice,
# an embedded post): what sits between two of them, a few short lines, is the box's text.
_BOX_PROMPTS = frozenset({"newsletter_prompt", "cookie_notice", "embed_notice", "paywall_prompt", "comments_widget"})
_BOX_LINES = 3
_HEADLINE_WORDS = 5
# Under a teaser, not in an article: its stamp, label, byline, or a link ("8 comments", "Read more").
_TEASER_TAGS = frozenset({"publication_date", "repeated_label", "byline", "related_links"})
_BOX_WORDS = 40
# Removed lines that sit inside articles as often as around them; context ignores them.
_INLINE = frozenset(
    {"byline", "publication_date", "author_signoff", "photo_caption", "photo_credit", "duplicate_caption", "duplicate_line"}
)
# Removed lines that say nothing about their neighbours, and those that also do not split an
# article into blocks (boxes pages set inside articles).
TRANSPARENT = _INLINE | _WIDGETS
_UNBLOCKING = TRANSPARENT | _BOXES


@dataclass(eq=False, slots=True)
class Line:
    no: int
    raw_start: int
    raw: str
    text: str
    words: int
    kind: str = "good"  # good | short | neargood | bad
    reason: str | None = None
    key: str = ""  # case- and punctuation-folded text, for finding repeats


def mark_boxes(lines: list[Line]) -> None:
    """Up to `_BOX_LINES` lines between two box prompts are the box's text (`prompt_box`)."""
    prompts = [i for i, ln in enumerate(lines) if ln.reason in _BOX_PROMPTS]
    for opened, closed in zip(prompts, prompts[1:]):
        inside = lines[opened + 1: closed]
        if len(inside) <= _BOX_LINES and all(ln.words <= _BOX_WORDS for ln in inside):
            for ln in inside:
                if ln.kind != "bad":
                    ln.kind, ln.reason = "bad", "prompt_box"


def mark_appeals(lines: list[Line]) -> None:
    """A paragraph beside a box prompt that speaks to the reader outside quotes ("readers like you") is the box's."""
    for i, line in enumerate(lines):
        near = lines[max(i - 1, 0): i] + lines[i + 1: i + 2]
        if line.kind != "bad" and any(ln.reason in _BOX_PROMPTS for ln in near) and _READER.search(_QUOTED.sub("", line.text)):
            line.kind, line.reason = "bad", "prompt_box"


def mark_runs(lines: list[Line]) -> None:
    """Runs of several short lines (menus, tag lists) are navigation, and runs of headline-like lines
    (5 to 20 words, no closing punctuation, no bullet) lists of links to other stories. A list inside
    an article has bullets or sentences, or a line that introduces it. A line that starts in lower
    case, or is followed by one, is part of a sentence that a line break cut, not a headline."""
    _mark_runs(lines, [ln.kind in ("short", "bad") for ln in lines], "short", _MENU_RUN, "menu_list")
    cut = [ln.text[:1].islower() for ln in lines] + [False]
    headline = [ln.kind == "neargood" and 5 <= ln.words <= 20 and not ends_sentence(ln.text) and not _BULLET.match(ln.text)
                and not cut[i] and not cut[i + 1] for i, ln in enumerate(lines)]
    _mark_runs(lines, headline, "neargood", _HEADLINE_RUN, "headline_list")


def _mark_runs(lines: list[Line], in_run: list[bool], kind: str, least: int, reason: str) -> None:
    """The `kind` lines of each run of `in_run` lines, when there are `least` or more, are chrome, or
    the article's list when the page line before them announces one (three words or more ending in a
    colon) or they are records of one template (a tour's dates: "June 9 – Tampa, FL @ Arena")."""
    for inside, run in groupby(range(len(lines)), key=in_run.__getitem__):
        items = [i for i in run if lines[i].kind == kind]
        if not inside or len(items) < least:
            continue
        intro = lines[items[0] - 1] if items[0] else None
        listed = intro is not None and intro.kind != "bad" and intro.words >= 3 and intro.text.endswith(":")
        listed = listed or _templated([lines[i] for i in items])
        for i in items:
            lines[i].kind, lines[i].reason = ("good", None) if listed else ("bad", reason)


def _templated(items: list[Line]) -> bool:
    """Whether two thirds of a run's items share one skeleton of three or more separators."""
    skeletons = Counter("".join(_SEPARATOR.findall(ln.text)) for ln in items)
    skeleton, n = skeletons.most_common(1)[0]
    return len(skeleton) >= 3 and 3 * n >= 2 * len(items)


def mark_related_blocks(lines: list[Line]) -> None:
    """Under a related-links heading, bullet items and headline-like lines are related links, and
    so is a teaser's standfirst: a prose line between its headline and its stamp or label."""
    in_block = False
    for i, line in enumerate(lines):
        if line.reason == "related_links":
            in_block = True
        elif in_block and (_BULLET.match(line.text) or line.kind in ("short", "neargood", "bad") or _standfirst(lines, i)):
            if line.kind != "bad":
                line.kind, line.reason = "bad", "related_links"
        else:
            in_block = False


def _standfirst(lines: list[Line], i: int) -> bool:
    """Whether a prose line sits under a related headline (or its stamp) and over a teaser's tag."""
    above, below = lines[i - 1], lines[i + 1] if i + 1 < len(lines) else None
    return (above.kind == "bad" and above.words >= _HEADLINE_WORDS and lines[i].words <= _BOX_WORDS
            and below is not None and below.reason in _TEASER_TAGS)


def resolve_context(lines: list[Line]) -> None:
    """Pass 3: short and neargood lines take the class of their nearest decided neighbours.

    A neargood line stays beside prose, except at the article's end: a short line that is no
    sentence ("Explore more on these topics"), after the last paragraph and over a band of
    chrome, is the chrome's heading (before the article such a line is often its standfirst).
    A short line stays between two paragraphs only as a sentence: a label there is a widget's or
    a teaser's (`inline_label`), and it parts no blocks. Decided lines keep their class here, so the undecided ones
    can be resolved in place.
    """
    decided = [i for i, ln in enumerate(lines) if ln.kind == "good" or (ln.kind == "bad" and ln.reason not in TRANSPARENT)]
    for i, line in enumerate(lines):
        if line.kind not in ("short", "neargood"):
            continue
        j = bisect.bisect_left(decided, i)
        before = lines[decided[j - 1]].kind if j > 0 else "bad"
        after = lines[decided[j]].kind if j < len(decided) else "bad"
        if line.kind == "neargood":
            edge = all(lines[k].kind == "bad" for k in decided[j: j + _BLOCK_GAP])
            keep = after == "good" or (before == "good" and (not edge or line.words > _EDGE_WORDS or _sentence_like(line.text)))
        else:
            keep = before == after == "good"
            if keep and not _sentence_like(line.text):
                line.kind, line.reason = "bad", "inline_label"
                continue
        line.kind = "good" if keep else "bad"


def mark_outlying_blocks(lines: list[Line]) -> None:
    """Prose cut off from the article by a band of chrome: teasers and footers after it, a
    header's blurb (a tagline, a programme guide) before it.

    Good lines form blocks wherever fewer than `_BLOCK_GAP` chrome lines part them (widgets,
    bylines, captions and the boxes pages set inside articles, related links, headline lists and
    advertisements, do not part them); the block with the most prose is the article. A later
    block is dropped when it looks like a list of teasers: few prose lines, or prose interleaved
    with chrome. An earlier block is dropped only when it is a scrap of at most `_LONE_WORDS`
    words: a longer one may be the article's opening, cut off by a gallery.
    """
    blocks: list[list[Line]] = []
    gap = _BLOCK_GAP
    for line in (ln for ln in lines if ln.reason not in _UNBLOCKING):
        if line.kind == "good" and gap >= _BLOCK_GAP:
            blocks.append([])
        gap = 0 if line.kind == "good" else gap + 1
        if blocks and gap < _BLOCK_GAP:
            blocks[-1].append(line)
    main = max(range(len(blocks)), key=lambda i: sum(len(ln.text) for ln in blocks[i] if ln.kind == "good"), default=0)
    for k, block in enumerate(blocks):
        good = [ln for ln in block if ln.kind == "good"]
        teasers = k > main and (len(good) <= _TEASER_MAX_GOOD or 1 - len(good) / len(block) >= _TEASER_CHROME_SHARE)
        if teasers or (k < main and sum(ln.words for ln in good) <= _LONE_WORDS):
            for ln in good:
                ln.kind, ln.reason = "bad", "trailing_teasers" if teasers else "page_header"


def _sentence_like(text: str) -> bool:
    """Ends a sentence, holds one (a stop inside it), ends in a cited source ("[Reuters]"), or
    goes on from the line above (starts in lower case)."""
    return ends_sentence(text) or text[-1:] in ")]" or _INNER_STOP.search(text) is not None or text[:1].islower()


def ends_sentence(text: str) -> bool:
    """Ends in . ! ? or … (then closing quotes or brackets), or in : or ;."""
    return text.rstrip(_CLOSERS)[-1:] in (".", "!", "?", "…") or text[-1:] in (":", ";")
