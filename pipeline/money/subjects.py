"""The entity each monetary figure is about, by the structure of its sentence."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import polars as pl

# Labels of names that can hold money: the sentence's structure, not the label, says which one does
# (nationalities and other groups, NORP, never do: "Korean demand").
_SUBJECT_LABELS = ("ORG", "PERSON", "GPE", "PRODUCT", "EVENT", "FAC", "WORK_OF_ART", "LAW")


def money_subjects(money: pl.DataFrame, mentions: pl.DataFrame, sentences: pl.DataFrame) -> pl.DataFrame:
    """`money` with `subject_entity_id`: the entity that holds each figure by the structure of its
    sentence (`sentence_subject`); a restatement ("($684 billion)") takes the subject of the figure
    it restates; null where no rule finds one.

    Each figure is joined with its own sentence's text and names only, so the work follows the
    figures, not the corpus's mentions."""
    names = (
        mentions.filter(pl.col("label").is_in(_SUBJECT_LABELS))
        .sort("doc_id", "sentence_idx", "start_char")
        .group_by("doc_id", "sentence_idx", maintain_order=True)
        .agg(name_starts="start_char", name_ends="end_char", name_ids="entity_id")
    )
    figures = (
        money.select("doc_id", "sentence_idx", "start_char", "end_char")
        .join(sentences.select("doc_id", "sentence_idx", sentence_start="start_char", sentence="text"),
              on=["doc_id", "sentence_idx"], how="left", maintain_order="left")
        .join(names, on=["doc_id", "sentence_idx"], how="left", maintain_order="left")
    )
    own = [_figure_subject(row) for row in figures.iter_rows(named=True)]
    by_id = dict(zip(money["money_id"].to_list(), own))
    subjects = [by_id.get(restated) if restated else subject for restated, subject in zip(money["restates"].to_list(), own)]
    return money.with_columns(subject_entity_id=pl.Series(subjects, dtype=pl.String))


def _figure_subject(row: dict) -> str | None:
    if row["sentence"] is None:
        return None
    offset = row["sentence_start"]
    names = [(s - offset, e - offset, entity) for s, e, entity in zip(row["name_starts"] or [], row["name_ends"] or [], row["name_ids"] or [])]
    return sentence_subject(row["sentence"], (row["start_char"] - offset, row["end_char"] - offset), names)


@dataclass(frozen=True)
class MoneyWords:
    """The lexicon of `money_verbs.toml` (its comments say what each list does)."""

    holder_verbs: frozenset[str]
    deal_verbs: frozenset[str]
    by_participles: frozenset[str]
    source_nouns: frozenset[str]
    possessed_nouns: frozenset[str]
    reporting_verbs: frozenset[str]


@lru_cache(maxsize=1)
def money_words() -> MoneyWords:
    data = tomllib.loads(resources.files("pipeline.money").joinpath("money_verbs.toml").read_text("utf-8"))
    return MoneyWords(**{name: frozenset(words) for name, words in data.items()})


Name = tuple[int, int, str]
"""A name mention in a sentence: (start, end, entity_id), offsets in the sentence."""

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_POSSESSIVE = re.compile(r"['’]s?(?=\s)")
# A name right after one of these is its object ("for OpenAI", "of The Times"), not a subject.
_PREPOSITIONS = frozenset(
    "of to for from with in on at into onto by against between than over about via per among including like under "
    "behind toward towards upon through across around near within without beyond despite".split()
)
_PREPOSITION = re.compile(rf"\b(?:{'|'.join(sorted(_PREPOSITIONS))})\s+(?:the\s+)?$", re.IGNORECASE)
# What opens another clause: punctuation and the words that start a subordinate clause.
_PUNCTUATION_BREAK = re.compile(r"[,;:()\[\]\"“”—–]|\s-\s")
_WORD_BREAK = re.compile(
    r"\b(?:which|that|who|whom|whose|while|whereas|although|though|because|after|before|when|whenever|where|if|unless|"
    r"since|but|until|as)\b",
    re.IGNORECASE,
)
_IDIOMS = re.compile(r"\bas\s+(?:much|many|little|few|high|low|well)\s+as\b|\bsuch\s+as\b|\bas\s+(?:part\s+)?of\b", re.IGNORECASE)
# Asides a clause runs through: "OpenAI, backed by Microsoft, raised", "Home Depot (ticker: HD) reported".
# A pair of commas around a coordinated clause (", and its shares fell,") is no aside.
_ASIDES = (re.compile(r"\([^()]*\)"), re.compile(r"\s[—–]\s[^—–]*\s[—–]\s"), re.compile(r",(?!\s*(?:and|or|but)\b)[^,;:]*,", re.IGNORECASE))
_CONJUNCTION = re.compile(r"\b(?:and|or|nor)\b", re.IGNORECASE)
_CONJOINED = re.compile(r"\s*(?:,\s*|(?:,\s*)?(?:and|or|&)\s+)", re.IGNORECASE)
_RELATIVE = re.compile(r"^\s*,?\s*(?:which|who|that)\b", re.IGNORECASE)
_DEAL_OBJECT = re.compile(r"\s+(?:a|an|its|their|his|her|the)\s+(?:[\w'’-]+\s+)?", re.IGNORECASE)
_COPULA = re.compile(
    r"(?:\s+[\w'’-]+){0,2}?\s+(?:is|was|are|were|remains|remained|became|becomes|(?:has|have|had)\s+(?:become|been)|"
    r"(?:will|would)\s+be)\s+(?:now\s+|already\s+|still\s+)?(?:a|an)\s+(?:[\w'’-]+\s+)?",
    re.IGNORECASE,
)
_APPOSITION = re.compile(r"(?:\s+[\w'’-]+){0,2}?\s*,\s+(?:a|an|the)\s+", re.IGNORECASE)
_AGENT_AFTER = re.compile(r"([\w'’-]+)\s+(by|from)\s+(?:the\s+)?$", re.IGNORECASE)
_RELATIVE_AFTER = re.compile(r"(?:\s+[\w'’-]+){0,2}?\s+(?:(?:that|which)\s+)?(?:the\s+)?", re.IGNORECASE)
_PRONOUN_SUBJECT = r"(?:it|they|he|she|we)"
# How far before a figure its verb is looked for: a clause of news prose, not a whole run-on page.
_VERB_WINDOW_WORDS = 25


def sentence_subject(text: str, figure: tuple[int, int], names: list[Name]) -> str | None:
    """The entity that holds the figure at `figure` in the sentence `text`: the one that invests,
    pays, raises, is valued, spends or earns it, read from the sentence's structure; None when
    no rule finds one (the nearest name is not enough).

    Args:
        text: the sentence.
        figure: (start, end) of the figure in `text`.
        names: the sentence's name mentions, sorted by start.
    RETURNS: the entity_id of the first rule that finds one, of: a possessive right before the
        figure ("SoftBank's planned $500 billion"); an agent after it ("$5 billion invested by
        SoftBank", "an investment from SoftBank"); a relative clause after it ("the $6.6 billion
        OpenAI raised"); the subject of the money verb whose clause reaches it ("SoftBank will
        invest", "Microsoft, which has invested", "Kakao said it would pay"); a possessive further
        back ("Soon-Shiong's purchase of The Times for"); a copula or an apposition ("Stargate is
        a $500 billion project", "the Stargate initiative, a project set to invest").
    """
    start, end = figure
    before = [n for n in names if n[1] <= start]
    after = [n for n in names if n[0] >= end]
    near = _possessor(text, start, before, near=True) or _agent_after(text, end, after) or _relative_after(text, end, after)
    return near or _verb_subject(text, start, before) or _possessor(text, start, before, near=False) or _copula(text, start, before)


def _possessor(text: str, start: int, before: list[Name], near: bool) -> str | None:
    """X of "X's <up to three words> figure" (no name between), or, further back, of "X's
    <possessed noun> ... figure" within one clause. X may be a preposition's object: "a stake in
    Kakao's $5 billion unit" is still Kakao's."""
    for i in reversed(range(len(before))):
        mark = _POSSESSIVE.match(text, before[i][1])
        if not mark:
            continue
        link = text[mark.end():start]
        words = [w.lower() for w in _WORD.findall(link)]
        if not _clause_free(link):
            return None
        if near:
            return before[i][2] if len(words) <= 3 and i == len(before) - 1 else None
        if len(words) <= 12 and any(w in money_words().possessed_nouns for w in words[:3]):
            return before[i][2]
    return None


def _agent_after(text: str, end: int, after: list[Name]) -> str | None:
    """X of "figure ... invested by X" or "figure ... investment from X", the name right after."""
    if not after:
        return None
    link = text[end:after[0][0]]
    found = _AGENT_AFTER.search(link)
    if not found or not _clause_free(link[:found.start()]) or len(_WORD.findall(link)) > 6:
        return None
    word, preposition = found.group(1).lower(), found.group(2).lower()
    words = money_words()
    return after[0][2] if (preposition == "by" and word in words.by_participles) or word in words.source_nouns else None


def _relative_after(text: str, end: int, after: list[Name]) -> str | None:
    """X of "the figure (that) X raised": the name right after the figure, then its money verb."""
    if not after or not _RELATIVE_AFTER.fullmatch(text[end:after[0][0]]):
        return None
    if any(w.lower() in _PREPOSITIONS for w in _WORD.findall(text[end:after[0][0]])):
        return None
    verbs = money_words().holder_verbs
    for word in list(_WORD.finditer(text, after[0][1]))[:4]:
        if not _clause_free(text[after[0][1]:word.start()]):
            return None
        if word.group().lower() in verbs:
            return after[0][2]
    return None


def _verb_subject(text: str, start: int, before: list[Name]) -> str | None:
    """The subject of the nearest money verb whose clause reaches the figure: a holder verb with
    nothing that opens another clause between it and the figure (asides aside, so the search goes
    on past a comma that may close one), or a deal verb whose object the figure opens ("announced
    a $10 billion investment")."""
    words = money_words()
    for verb in reversed(list(_WORD.finditer(text, 0, start))[-_VERB_WINDOW_WORDS:]):
        link = text[verb.end():start]
        word = verb.group().lower()
        if word in words.deal_verbs and _DEAL_OBJECT.fullmatch(link) or word in words.holder_verbs and _clause_free(link):
            return _agent_before(text, verb.start(), before, adjunct=word.endswith("ing"))
    return None


def _agent_before(text: str, position: int, before: list[Name], adjunct: bool) -> str | None:
    """The subject of the verb at `position`: the nearest name before it that is no preposition's
    object and that nothing opening another clause separates from the verb; of names joined by
    "and", the first. `adjunct`: the verb opens a participle clause (", spending $3 billion"),
    whose subject is that of the clause before its comma."""
    for i in reversed(range(len(before))):
        if before[i][1] > position:
            continue
        first = _first_conjunct(text, before, i)
        if _subject_eligible(text, before, first) and _subject_link(text[before[i][1]:position], adjunct):
            return before[first][2]
    return None


def _copula(text: str, start: int, before: list[Name]) -> str | None:
    """X of "X (project) is a figure ..." or "X (initiative), a project set to invest figure"."""
    if not before or not _subject_eligible(text, before, _first_conjunct(text, before, len(before) - 1)):
        return None
    link = text[before[-1][1]:start]
    if _COPULA.fullmatch(link):
        return before[-1][2]
    apposition = _APPOSITION.match(link)
    return before[-1][2] if apposition and _clause_free(link[apposition.end():]) else None


def _first_conjunct(text: str, names: list[Name], i: int) -> int:
    while i > 0 and _CONJOINED.fullmatch(text[names[i - 1][1]:names[i][0]]):
        i -= 1
    return i


def _subject_eligible(text: str, names: list[Name], i: int) -> bool:
    """Whether the name can be a subject: the first of its conjuncts is no preposition's object."""
    return not _PREPOSITION.search(text[:names[_first_conjunct(text, names, i)][0]])


def _clause_free(segment: str) -> bool:
    """Whether nothing in `segment` opens another clause, asides aside."""
    flat = _IDIOMS.sub(" ", _flatten(segment))
    return not (_PUNCTUATION_BREAK.search(flat) or _WORD_BREAK.search(flat))


def _subject_link(segment: str, adjunct: bool) -> bool:
    """Whether `segment` can stand between a subject and its verb: an aside, a relative pronoun
    right after the subject, speech reported with a pronoun ("said on Tuesday that it would"), but
    not another clause, a conjunction or speech that names another subject."""
    flat = _RELATIVE.sub(" ", _flatten(_reported_speech().sub(" ", segment)), count=1)
    if adjunct:
        flat = flat.rstrip().removesuffix(",")
    flat = _IDIOMS.sub(" ", flat)
    reporting = money_words().reporting_verbs
    return not (
        _PUNCTUATION_BREAK.search(flat) or _WORD_BREAK.search(flat) or _CONJUNCTION.search(flat)
        or any(w.lower() in reporting for w in _WORD.findall(flat))
    )


@lru_cache(maxsize=1)
def _reported_speech() -> re.Pattern:
    verbs = "|".join(sorted(money_words().reporting_verbs))
    return re.compile(rf"\b(?:{verbs})\b[^,;:.]{{0,40}}?(?:\bthat\s+)?\b{_PRONOUN_SUBJECT}\b", re.IGNORECASE)


def _flatten(segment: str) -> str:
    for aside in _ASIDES:
        segment = aside.sub(" ", segment)
    return segment
