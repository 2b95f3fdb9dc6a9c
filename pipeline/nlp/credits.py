"""Where a page's text credits rather than tells, and which of its lines are the article's prose.

Names in a dateline ("NEW YORK (Reuters) -"), a byline, a photo credit ("(Matt Stone/Boston
Herald)", "Photo: ... via Getty Images"), a reporting credit, an agency sign-off ("... the previous
day. REUTERS, BLOOMBERG") or an author's note ("Jane Doe is a reporter for ...") are not entities
of the article. Neither are names that only the page's other lines hold (headlines of other
stories, menus, truncated teasers, tag lists, captions and bylines on a line of their own) when the
article's prose never names them: the prose is what an article tells; the rest repeats it or is
the page around it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TypeVar

T = TypeVar("T")

_NAME = r"[A-Z][\w.'’&-]*"
OUTLET_WORDS = r"(?:News|Times|Post|Herald|Tribune|Journal|Gazette|Chronicle|Courier|Observer|Daily|Press|Wire|Radio|TV|Online)"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_AGO = r"(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\b"
# An author's name opening a note, particles included ("Mark di Stefano is a reporter for ...").
_AUTHOR = r"(?:(?:[A-Z][\w.'’-]*|de|di|da|du|van|von|der|den|le|la|al|el|bin|ibn)\s){1,5}"
_DATE = rf"{_MONTH}\s+\d{{1,2}}\b|\d{{1,2}}\s+{_MONTH}|\d+\s+{_AGO}"
_CREDITS = tuple(re.compile(p) for p in (
    # A dateline: a place in capitals (and a second place or a date), the agency in brackets, a dash.
    r"(?m)^[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][\w.'’ -]{1,30}?)?\s*(?:\([^()\n]{1,40}\)\s*)?(?=(?:-{1,2}|–|—)\s)",
    # An outlet opening the story with a dash: "Kaieteur News – Police ..."
    rf"(?m)^(?:{_NAME}\s+){{0,3}}{OUTLET_WORDS}(?=\s*(?:-{{1,2}}|–|—)\s)",
    # "By Jane Doe:" opening a paragraph.
    r"(?m)^(?:(?:[Ww]ritten|[Rr]eported|[Ww]ords|[Ss]tory|[Tt]ext)\s+)?(?:[Bb]y|BY)\s+[^\n:|–—]{2,80}?(?=\s*(?:[:|–—]\s|\s-\s|$))",
    # Reporting, editing and review credits opening a line.
    r"(?im)^(?:additional\s+|medically\s+)?(?:reporting|editing|writing|reviewed|edited|compiled|produced|fact[- ]checked|"
    r"translated|photography|photos|graphics|illustrations?)(?:\s+and\s+\w+)?\s+by\b[^\n]*",
    r"(?m)^[^\n.]{0,80}\bcontributed (?:to )?(?:this|the) (?:report|story|article)[^\n]*",
    r"(?m)^[^\n.]{0,80}\bcontributed (?:reporting|research)\b[^\n]*",
    # Where the reporters filed from, closing the article: "Jane Doe reported from Denver, and John Roe from Phoenix."
    rf"(?m)^{_AUTHOR}reported from\s[^\n]*",
    # A post's or a comment's header: "Posted by Jane Doe on March 10", "15 October 2019 by Jane Doe",
    # "Jane Doe · March 10, 2017 at 3:50 PM", "janedoe | 2 hours ago" ...
    r"(?im)^(?:posted|published|submitted|uploaded|shared|updated)\s+by\s[^\n]{2,80}",
    r"(?m)^[^\n]{0,50}\b(?:19|20)\d\d\s+by\s[^\n]{2,60}$",
    rf"(?m)^[^\n·•|]{{1,60}}?\s[·•|]\s*(?:{_DATE})",
    # ... and a short line closing with its date: "Mm on August 2, 2019", "janedoe 2 hours ago".
    rf"(?m)^(?:\S+\s){{1,4}}(?:on\s+)?(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d+\s+{_AGO})[^\n]{{0,20}}$",
    # Photo, image and source credits, to the end of their bracket or line.
    r"(?i)\b(?:(?:left|right|top|bottom|main|lead|above|below|inset|file|header|featured)\s+)?"
    r"(?:photo(?:graph)?s?|images?|pictures?|illustrations?|credits?|sources?)\s*(?::|\bby\b|\bvia\b|\bcourtesy of\b)[^\n)]*",
    # Credits of pictures side by side: "L: Random House / R: Simon & Schuster".
    r"(?i)\b(?:L|R|left|right|top|bottom)\s*:\s*[^\n/]{1,50}/\s*(?:L|R|left|right|top|bottom)\s*:[^\n]*",
    # Names joined by slashes in brackets ("(Reed Saxon / Associated Press)"), or closing a line.
    rf"\(\s*{_NAME}[^()\n/]{{0,50}}(?:/\s*{_NAME}[^()\n/]{{0,50}})+\)",
    rf"(?m)(?:^|(?<=[.!?”\"]\s))(?:{_NAME}(?:\s{_NAME}){{0,3}}\s?/\s?)+[\w.'’&-]+(?:\s{_NAME}){{0,3}}\s*$",
    r"(?m)^\([^()\n]{2,60}\)$",  # a credit on a line of its own: "(Walt Disney Co.)"
    rf"(?m)\(\s*{_NAME}(?:\s+{_NAME}){{1,3}}\s*\)$",  # a photographer closing a caption: "Orchid in foam (Lucy Akins)"
    # A source closing a caption after its last sentence: "... September 8, 1974. National Archives"
    rf"(?m)(?<=[.!?”\"’]\s)(?:{_NAME}\s){{0,4}}{_NAME}[ \t]*$",
    # Agencies signing off a paragraph: "... the previous day. REUTERS, BLOOMBERG"
    r"(?m)(?<=[.!?”\"’)]\s)(?:[-–—]\s*)?[A-Z][A-Z&.]{1,15}(?:\s*[,/;]\s*[A-Z][A-Z&.]{1,15})*\s*$",
    # An author's note: "Jane Doe is a senior writer for ...", "... writes about ...", "Follow him on Twitter".
    rf"(?m)^{_AUTHOR}(?:is|was)\s+(?:an?|the)\s+(?:[\w-]+\s+){{0,4}}?(?:reporter|writer|editor|correspondent|"
    r"columnist|contributor|journalist|producer|author|photographer|critic|anchor)s?\b[^\n]*",
    rf"(?m)^{_AUTHOR}(?:writes|covers|reports)\s+(?:about|on|for)\b[^\n]*",
    rf"(?m)^{_AUTHOR}covers\s[^\n]{{0,60}}$",  # a short note: "Jane Doe covers the Southwest from Phoenix."
    rf"(?m)^{_AUTHOR}is on (?:Twitter|X|Instagram|Facebook|Threads|Mastodon|Bluesky)\b[^\n]*",
    # ... or its next sentence: "Jane Doe joined us from The Tribune. She covers politics and ..."
    r"(?m)^[^\n]{0,200}?[.!?]\s+(?:He|She|They)\s+(?:covers|writes\s+(?:about|for)|reports\s+(?:on|for))\s[^\n]*",
    r"(?im)^follow\s+(?:him|her|them|us|me|@\w+|[A-Z]\w*)\s+on\s[^\n]*",
    # Rights, republication and the page's links: "© 2019 X. All rights reserved", "This article
    # originally appeared on ...", "Read more: ...", "Tags: ...".
    r"(?:©|\b[Cc]opyright\s+(?:©\s*)?(?:19|20)\d\d)[^\n]*",
    r"(?im)^[^\n]{0,40}\b(?:article|story|post|piece|interview)\s+(?:was\s+)?(?:originally|first)\s+(?:appeared|published|ran)\b[^\n]*",
    r"(?im)^(?:related|read more|read also|also read|see also|more from|recommended|tags?|topics?|filed under)\s*(?::|»|›|>|\|)[^\n]*",
))
_SENTENCE_END = re.compile(r"[.!?:;][\"'”’)\]]*$")
_SENTENCE_INSIDE = re.compile(r"[.!?][\"'”’)\]]*\s+[A-Z]")
_TRUNCATED = re.compile(r"(?:\.\.\.|…)[\"'”’)\]]*$")
_SMALL_WORDS = frozenset(
    "a an and are as at but by for from in into is it its of on or over the to under up via vs vs. was with".split()
)
# A headline capitalises all its words but small ones; a sentence naming many people still has
# more than one lower-case word.
_TITLE_LOWER_MAX = 1
_TITLE_MIN_WORDS = 3
_UNFINISHED_MIN_WORDS = 8
# A sentence that tells the reader what to do is the page speaking, not the article: "Check out
# more articles on ...!", "Join our ... program", "Talk to experts in ...'s Communities".
_CALL_TO_ACTION = re.compile(
    r"(?:^|(?<=[.!?:]\s))(?:Check|Use|Enter|Track|Click|Tap|Subscribe|Sign up|Join|Follow|Share|Read|Watch|Listen|Download|Get|Find|Learn|"
    r"Discover|Explore|Visit|Make it|Talk to|Connect|Register|Bookmark|Shop|Donate|Contact|Email|Send|Come)\b"
)
# A short line speaking to the reader outside quotation marks is a widget's or a prompt's ("Sorry
# you didn't like this comment."); an article's longer paragraph may ("If you bought ...").
_QUOTED = re.compile(r"“[^”]*”?|\"[^\"]*\"?")
_READER = re.compile(r"\b(?:you|your|yours|yourself)\b", re.I)
_READER_WORDS = 15
# The article is its longest run of prose, through captions, subheadings and an advertisement's
# line or two; a run far shorter than it, set apart by more page lines (a teaser's blurb between
# headlines, a promotion above the story), is the page around it.
_BLOCK_GAP = 2
_BLOCK_SHARE = 0.2


def credit_ranges(text: str) -> list[tuple[int, int]]:
    """(start, end) of the parts of `text` that credit (datelines, bylines, photo and reporting
    credits, agency sign-offs, author notes), overlapping ones merged, in text order."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(m.span() for pattern in _CREDITS for m in pattern.finditer(text) if m.end() > m.start()):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def is_title(line: str, min_words: int = _TITLE_MIN_WORDS, lower_max: int = _TITLE_LOWER_MAX) -> bool:
    """Written in title case or capitals, as headlines, menus and labels are: at least `min_words`
    words besides small ones, at most `lower_max` of them in lower case."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if w.lower() not in _SMALL_WORDS]
    return len(words) >= min_words and sum(not w[0].isupper() for w in words) <= lower_max


def _addresses_reader(line: str) -> bool:
    """Short, and speaking to the reader outside quotation marks (see `_READER_WORDS`)."""
    return len(line.split()) <= _READER_WORDS and _READER.search(_QUOTED.sub("", line)) is not None


def prose_lines(text: str) -> list[bool]:
    """For each line of `text`, whether it is the article's prose: not a title, not cut short with
    an ellipsis (unless between prose: `_with_cut_paragraphs`), neither telling the reader what to do nor speaking to them,
    and ending a sentence, or long and not under a title (an unfinished last sentence in the
    article, unlike a teaser's blurb under its headline)."""
    flags, cut = [], []
    previous_title = True  # the page's first line is its headline's place
    for line in text.split("\n"):
        line = line.strip()
        title = is_title(line)
        ends = _SENTENCE_END.search(line) is not None and not _TRUNCATED.search(line)
        long = len(line.split()) >= _UNFINISHED_MIN_WORDS and not _TRUNCATED.search(line) and not previous_title
        spoken = _CALL_TO_ACTION.search(line) is not None or _addresses_reader(line)
        flags.append(bool(line) and not title and (ends or long) and not spoken)
        cut.append(bool(line) and not title and not spoken and _TRUNCATED.search(line) is not None and _SENTENCE_INSIDE.search(line) is not None)
        if line:
            previous_title = title
    return _with_cut_paragraphs(text.split("\n"), flags, cut)


def _with_cut_paragraphs(lines: list[str], flags: list[bool], cut: list[bool]) -> list[bool]:
    """`flags` with the paragraphs the copy cut short with an ellipsis (`cut`) that sit between two
    lines of prose: the article's own ("According to The Verge's review, ... Google confirmed this
    in a statement…"), unlike a teaser's blurb, which sits under its headline."""
    written = [i for i, line in enumerate(lines) if line.strip()]
    kept = list(flags)
    for before, i, after in zip(written, written[1:], written[2:]):
        if cut[i] and flags[before] and flags[after]:
            kept[i] = True
    return kept


def article_lines(text: str) -> list[bool]:
    """`prose_lines`, without the runs of prose far shorter than the page's longest run (see
    `_BLOCK_GAP` and `_BLOCK_SHARE`)."""
    lines = text.split("\n")
    flags = prose_lines(text)
    blocks: list[list[int]] = []
    gap = _BLOCK_GAP + 1
    for i, (line, flag) in enumerate(zip(lines, flags)):
        if flag:
            if gap > _BLOCK_GAP:
                blocks.append([])
            blocks[-1].append(i)
            gap = 0
        elif line.strip():
            gap += 1
    weights = [sum(len(lines[i]) for i in block) for block in blocks]
    kept = [False] * len(lines)
    for block, weight in zip(blocks, weights):
        if weight >= _BLOCK_SHARE * max(weights):
            for i in block:
                kept[i] = True
    return kept


def _blanked(text: str, ranges: list[tuple[int, int]]) -> str:
    """`text` with `ranges` (in order, apart) written over with spaces, its lines kept."""
    pieces, at = [], 0
    for start, end in ranges:
        pieces += [text[at:start], re.sub(r"[^\n]", " ", text[start:end])]
        at = end
    return "".join(pieces) + text[at:]


def article_spans(text: str, spans: list[T]) -> list[T]:
    """`spans` (with `start` and `end` in `text`) without those inside credits, and without those
    outside the prose whose surface the prose never writes outside its credits (an outlet naming
    itself in its chrome and in its author's note is not named by its article)."""
    credits = credit_ranges(text)
    starts = [s for s, _ in credits]
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    flags = article_lines(text)
    prose = "\n".join(line for line, flag in zip(_blanked(text, credits).split("\n"), flags) if flag)
    kept = []
    for span in spans:
        start, end = span.start, span.end
        i = bisect_right(starts, start) - 1
        if i >= 0 and end <= credits[i][1]:
            continue
        if not flags[bisect_right(line_starts, start) - 1] and not re.search(rf"(?<!\w){re.escape(text[start:end])}(?!\w)", prose):
            continue
        kept.append(span)
    return kept
