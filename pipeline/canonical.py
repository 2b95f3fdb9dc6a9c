"""Canonical entities across documents: one row per real-world thing, every mention pointing at it.

Steps, each a small function:
1. full forms: a surname or given name alone points to the one full name it abbreviates in the
   same document ("Altman" -> "Sam Altman", "Chung" -> "Chung Shin-a");
2. aliases: acronyms a text introduces ("... Technology (MIT)"), organisations' legal forms
   ("Apple Inc.") and "Group" suffixes, and the user's alias file, which overrides them
   ("Jay Y. Lee" -> "Lee Jae-yong");
3. variants: names equal after folding case, hyphens and spaces, or nearly equal (rapidfuzz,
   conservative threshold, same majority NER label), are one entity;
4. label: one per entity, voted by spaCy's labels and by context cues (titles before a name,
   roles and "shares" after an organisation, organisation suffixes, the labels of the other
   members of a list the mention sits in).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

import polars as pl
from cleanco import basename
from rapidfuzz import fuzz, process

from pipeline.entities import COURTESY_TITLE, mention_id, normalise
from pipeline.schema import ENTITIES, MENTIONS

_FUZZY_SCORE = 92.0
_FUZZY_MIN_LENGTH = 5  # shorter names differ by one letter and are still different names
_CUE_WEIGHT = 2
_LIST_GAP = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)$")
_APPOSITION = re.compile(r"['’]s?\s")  # "Jason Kwon, OpenAI's chief ...": not a list (matched at the name's end)
_ACRONYM_GAP = re.compile(r"^\s*\($")
_GROUP_SUFFIX = re.compile(r"\s+group$", re.I)
_LIST_WEIGHT = 0.75
_LIST_MAX = 12  # a longer run of names is a tag cloud or a menu, not a list in a sentence
_WEAK_PERSON = 0.5
_GAP_MAX = 32
_AFTER = 3  # the longest apposition marker: "'s "


@dataclass(slots=True)
class Mention:
    """One name mention while canonicalising: a slotted object (a tenth of a dict's memory, which
    matters with a whole corpus's mentions in hand)."""

    doc_id: str
    sentence_idx: int
    start_char: int
    end_char: int
    text: str
    ner_label: str
    cue: str | None
    gap: str | None
    """The text between the previous mention of the document and this one, when short."""
    after: str
    """The few characters after the mention."""
    full: str = ""
    key: str = ""


def canonicalise(
    mentions: pl.DataFrame, documents: pl.DataFrame, aliases: dict[str, str] | None = None
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(mentions with label and entity_id, entities) from cleaned name mentions.

    `mentions` has doc_id, sentence_idx, start_char, end_char, text, ner_label and cue (see
    `pipeline.cues`); `documents` has doc_id and clean_text; `aliases` maps normalised variants
    to a canonical name.
    """
    if mentions.is_empty():
        return MENTIONS.empty(), ENTITIES.empty()
    ordered = mentions.sort("doc_id", "start_char")
    rows = _mentions(with_context(ordered, documents))
    assign_full_forms(rows)
    expansions = acronyms(rows)
    aliases = aliases or {}
    for row in rows:
        name = expansions.get(row.full, row.full)
        row.full = aliases.get(normalise(name), organisation_base(name, row.ner_label))
    strip_group_suffix(rows)
    groups = merge_variants(rows)
    for row in rows:
        row.key = groups[normalise(row.full)]
    labels = vote_labels(rows, list_neighbours(rows))
    return _frames(ordered, rows, labels)


def with_context(ordered: pl.DataFrame, documents: pl.DataFrame) -> pl.DataFrame:
    """`ordered` (by doc_id, start_char) with `gap`, the text since the previous mention of the
    same document when at most `_GAP_MAX` characters (longer gaps are never a list separator or
    an acronym's bracket), and `after`, the next `_AFTER` characters: all that acronyms and lists
    read of the text, so no copy of the documents' texts is kept."""
    text = pl.col("_clean_text")
    gap_start = pl.col("end_char").shift(1).over("doc_id")
    gap_length = pl.col("start_char") - gap_start
    return (
        ordered.join(documents.select("doc_id", pl.col("clean_text").alias("_clean_text")), on="doc_id", how="left", maintain_order="left")
        .with_columns(
            gap=pl.when(gap_length.is_between(0, _GAP_MAX)).then(text.str.slice(gap_start, gap_length)),
            after=text.str.slice(pl.col("end_char"), _AFTER).fill_null(""),
        )
        .drop("_clean_text")
    )


def _mentions(frame: pl.DataFrame) -> list[Mention]:
    """Rows as `Mention`s; repeated strings (document ids, labels, names) share one object."""
    shared: dict[str, str] = {}
    columns = ("doc_id", "sentence_idx", "start_char", "end_char", "text", "ner_label", "cue", "gap", "after")
    return [
        Mention(*(shared.setdefault(v, v) if isinstance(v, str) else v for v in row))
        for row in frame.select(columns).iter_rows()
    ]


def assign_full_forms(rows: list[Mention]) -> None:
    """Set each mention's `full`: the person's full name in the same document that its surface
    abbreviates, else the surface without courtesy title.

    Family name last ("Altman" -> "Sam Altman") or first ("Chung" -> "Chung Shin-a"); only when
    exactly one full name fits, so two Kims stay two people. Organisations are not expanded:
    "Kakao" is not "Kakao Ventures".
    """
    by_part: dict[tuple[str, str], set[str]] = defaultdict(set)  # (doc, first or last word) -> full names
    for row in rows:
        words = bare_name(row.text).split()
        if row.ner_label == "PERSON" and len(words) > 1:
            full = " ".join(words)
            by_part[(row.doc_id, words[0])].add(full)
            by_part[(row.doc_id, words[-1])].add(full)
    for row in rows:
        name = bare_name(row.text)
        fits = by_part.get((row.doc_id, name), set()) if " " not in name else set()
        row.full = next(iter(fits)) if len(fits) == 1 else name


def bare_name(text: str) -> str:
    """A mention without its courtesy title: "Mr Altman" -> "Altman"."""
    return COURTESY_TITLE.sub("", text)


def acronyms(rows: list[Mention]) -> dict[str, str]:
    """Acronym -> name, where a text introduces it: "Massachusetts Institute of Technology (MIT)"."""
    found = {}
    for a, b in zip(rows, rows[1:]):
        short = b.text
        if a.doc_id == b.doc_id and short.isupper() and b.gap is not None and _ACRONYM_GAP.match(b.gap):
            initials = "".join(w[0] for w in a.text.split() if w[0].isupper())
            if initials == short:
                found[short] = a.text
    return found


def organisation_base(name: str, label: str) -> str:
    """An organisation's name without its legal form ("Apple Inc." -> "Apple"), via cleanco."""
    return _legal_base(name) if label == "ORG" else name


@lru_cache(maxsize=65536)
def _legal_base(name: str) -> str:
    return basename(name) or name


def strip_group_suffix(rows: list[Mention]) -> None:
    """"SoftBank Group" is "SoftBank" when the corpus also names "SoftBank" on its own."""
    alone = {normalise(r.full) for r in rows if r.ner_label == "ORG"}
    for row in rows:
        base = _GROUP_SUFFIX.sub("", row.full)
        if base != row.full and normalise(base) in alone:
            row.full = base


def merge_variants(rows: list[Mention]) -> dict[str, str]:
    """Normalised full form -> group key; near-identical spellings with the same majority NER
    label share a key ("SK Hynix" / "SK hynix"; not "Korean" / "South Korea")."""
    counts = Counter(normalise(r.full) for r in rows)
    ner: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        ner[normalise(r.full)][r.ner_label] += 1
    label = {key: c.most_common(1)[0][0] for key, c in ner.items()}
    heads: dict[str, list[str]] = defaultdict(list)  # label -> group keys long enough to fuzz, most frequent first
    group: dict[str, str] = {}
    for key, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        candidates = heads[label[key]]
        match = process.extractOne(key, candidates, scorer=fuzz.ratio, score_cutoff=_FUZZY_SCORE) if candidates else None
        group[key] = match[0] if match else key
        if match is None and len(key) > _FUZZY_MIN_LENGTH:
            heads[label[key]].append(key)
    return group


def list_neighbours(rows: list[Mention]) -> dict[int, list[int]]:
    """Index of a mention -> indexes of the other members of the list it sits in ("Kakao, SK
    Telecom, LG Electronics, Krafton, and Yanolja"): mentions of one sentence separated only by
    commas, "and", "or", "&"; an apposition ("Jason Kwon, OpenAI's chief") is not a list."""
    chains: list[list[int]] = []
    for i in range(len(rows)):
        a = rows[i - 1] if i else None
        b = rows[i]
        listed = (
            a is not None and a.doc_id == b.doc_id and a.sentence_idx == b.sentence_idx
            and b.gap is not None and _LIST_GAP.match(b.gap) and not _APPOSITION.match(b.after)
        )
        if listed:
            chains[-1].append(i)
        else:
            chains.append([i])
    return {i: [j for j in chain if j != i] for chain in chains if 1 < len(chain) <= _LIST_MAX for i in chain}


def vote_labels(rows: list[Mention], neighbours: dict[int, list[int]]) -> dict[str, str]:
    """One label per entity key, in two rounds. First: spaCy's labels (half a vote for a lone
    word tagged PERSON that names no person of its document), cues counting double, and a PERSON
    vote for each short form of a person's name. Then each member of a list adds most of a vote
    for the first-round label of every other member ("between OpenAI and Oracle")."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for row in rows:
        v = votes[row.key]
        lone = row.ner_label == "PERSON" and row.full == row.text and len(row.text.split()) == 1
        v[row.ner_label] += _WEAK_PERSON if lone else 1
        if row.cue:
            v[row.cue] += _CUE_WEIGHT
        if row.full != row.text and len(bare_name(row.text).split()) == 1:
            v["PERSON"] += 1
    first = {key: _winner(v) for key, v in votes.items()}
    for i, row in enumerate(rows):
        for j in neighbours.get(i, []):
            votes[row.key][first[rows[j].key]] += _LIST_WEIGHT
    return {key: _winner(v) for key, v in votes.items()}


def _winner(votes: Counter) -> str:
    return max(sorted(votes), key=lambda label: votes[label])


def entity_id(label: str, key: str) -> str:
    return "E" + hashlib.sha1(f"{label}:{key}".encode()).hexdigest()[:12]


def _frames(ordered: pl.DataFrame, rows: list[Mention], labels: dict[str, str]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The mentions frame (`ordered`, the input in row order, with label, entity and mention ids)
    and one row per entity."""
    forms: dict[str, Counter] = defaultdict(Counter)
    members: dict[str, list[Mention]] = defaultdict(list)
    for row in rows:
        forms[row.key][row.full] += 1
        members[row.key].append(row)
    names = {key: max(c.items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0] for key, c in forms.items()}
    ids = {key: entity_id(label, key) for key, label in labels.items()}
    mentions = ordered.with_columns(
        mention_id=pl.Series([mention_id(r.doc_id, r.start_char, r.end_char) for r in rows], dtype=pl.String),
        label=pl.Series([labels[r.key] for r in rows], dtype=pl.String),
        entity_id=pl.Series([ids[r.key] for r in rows], dtype=pl.String),
    )
    entities = [
        {"entity_id": ids[key], "name": names[key], "label": labels[key],
         "aliases": sorted({r.text for r in group} | {names[key]}), "n_mentions": len(group),
         "n_documents": len({r.doc_id for r in group})}
        for key, group in sorted(members.items())
    ]
    return mentions.select(MENTIONS.names).cast(MENTIONS.polars_schema), ENTITIES.frame(entities)
