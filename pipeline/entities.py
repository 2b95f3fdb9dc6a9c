"""Entity mentions cleaned from NER spans, and canonical entities across documents."""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

import polars as pl
from rapidfuzz import fuzz

from pipeline.schema import ENTITIES, MENTIONS

NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "PRODUCT", "LOC", "FAC", "EVENT", "WORK_OF_ART", "LAW"})
_HONORIFIC = re.compile(r"^(?:(?:mr|mrs|ms|miss|dr|prof|sir|dame|president|ceo|chairman|chairwoman|chief)\.?\s+)+", re.I)
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_INNER_POSSESSIVE = re.compile(r"^.+?['’]s\s+(?=\S)")
_ABBREVIATION_END = re.compile(r"(?:\b[A-Za-z]\.[A-Za-z]\.|\b(?:Inc|Co|Corp|Ltd|Jr|Sr|St)\.)$")
_EDGE_PUNCT = "\"'“”‘’()[]{}.,;:!?-–—*•"
_PERSON_CUES = re.compile(r"(?:\b(?:mr|mrs|ms|dr)\.?|\b(?:ceo|chairman|chairwoman|founder|president|minister|said|told))\s*$", re.I)
_ORG_SUFFIX = re.compile(r"\b(?:inc|corp|co|ltd|llc|plc|group|holdings|electronics|telecom|bank|company|corporation|ventures|university)\.?$", re.I)
# Upper-case words spaCy's small model often tags ORG that name a field or a role, not an organisation.
_GENERIC_ACRONYMS = frozenset({"AI", "AGI", "CEO", "CFO", "CTO", "HBM", "GPU", "CPU", "IT", "R&D", "IPO", "ESG", "EV", "EVS", "VR", "AR", "ML", "API"})
_FUZZY_SCORE = 92.0


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    label: str


def clean_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim honorifics, leading articles, possessives, quotes and punctuation, keeping offsets exact."""
    while True:
        piece = text[start:end]
        m = _HONORIFIC.match(piece) or _LEADING_ARTICLE.match(piece) or _INNER_POSSESSIVE.match(piece)
        if m and m.end() < len(piece):
            start += m.end()
            continue
        m = _POSSESSIVE.search(piece)
        if m and m.start() > 0:
            end = start + m.start()
            continue
        if piece and piece[0] in _EDGE_PUNCT + " ":
            start += 1
            continue
        if piece and piece[-1] in _EDGE_PUNCT + " " and not _ABBREVIATION_END.search(piece):
            end -= 1
            continue
        return start, end


def mention_spans(text: str, entities: list[tuple[int, int, str]]) -> list[Span]:
    """Name mentions worth counting: cleaned spans of name labels, none crossing a line break."""
    spans = []
    for start, end, label in entities:
        if label not in NAME_LABELS:
            continue
        start, end = clean_span(text, start, end)
        surface = text[start:end]
        if end - start < 2 or "\n" in surface or not any(ch.isalpha() for ch in surface):
            continue
        if surface.upper() in _GENERIC_ACRONYMS:
            continue
        spans.append(Span(start, end, label))
    return spans


def mention_id(doc_id: str, start: int, end: int) -> str:
    return hashlib.sha1(f"{doc_id}:{start}:{end}".encode()).hexdigest()[:16]


def normalise(name: str) -> str:
    """Case, hyphens, spaces and punctuation folded: "Chung Shin-a" == "Chung Shina" == "CHUNG SHIN A"."""
    return re.sub(r"[\W_]+", "", name.casefold())


def canonicalise(mentions: pl.DataFrame, documents_text: dict[str, str]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Give every mention an entity: (mentions with label and entity_id, entities).

    `mentions` has doc_id, sentence_idx, start_char, end_char, text and ner_label.
    """
    if mentions.is_empty():
        return MENTIONS.empty(), ENTITIES.empty()
    rows = mentions.to_dicts()
    for row in rows:
        before = documents_text[row["doc_id"]][max(0, row["start_char"] - 20): row["start_char"]]
        row["cue"] = "PERSON" if _PERSON_CUES.search(before) else "ORG" if _ORG_SUFFIX.search(row["text"]) else None
    full_form = _full_forms(rows)
    for row in rows:
        row["full"] = full_form[(row["doc_id"], row["text"])]
    groups = _merge_variants(rows)
    labels = _labels(rows, groups)
    names = _names(rows, groups)
    out, entities = [], defaultdict(lambda: {"aliases": set(), "docs": set(), "n": 0})
    for row in rows:
        key = groups[normalise(row["full"])]
        label = labels[key]
        eid = "E" + hashlib.sha1(f"{label}:{key}".encode()).hexdigest()[:12]
        out.append({**{k: row[k] for k in ("doc_id", "sentence_idx", "start_char", "end_char", "text", "ner_label")},
                    "mention_id": mention_id(row["doc_id"], row["start_char"], row["end_char"]),
                    "label": label, "entity_id": eid})
        e = entities[eid]
        e.update(name=names[key], label=label)
        e["aliases"].add(row["text"])
        e["docs"].add(row["doc_id"])
        e["n"] += 1
    entity_rows = [
        {"entity_id": eid, "name": e["name"], "label": e["label"], "aliases": sorted(e["aliases"]),
         "n_mentions": e["n"], "n_documents": len(e["docs"])}
        for eid, e in sorted(entities.items())
    ]
    return MENTIONS.frame(out), ENTITIES.frame(entity_rows)


def _full_forms(rows: list[dict]) -> dict[tuple[str, str], str]:
    """(doc, surface) -> the person's full name in the same document that this surface abbreviates.

    "Altman" -> "Sam Altman" and "Son" -> "Masayoshi Son" (family name last), "Chung" ->
    "Chung Shin-a" (family name first); only when exactly one full name fits. Organisations are
    not expanded: "Kakao" is not "Kakao Ventures".
    """
    by_doc: dict[str, set[str]] = defaultdict(set)
    people: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        by_doc[row["doc_id"]].add(row["text"])
        if row["ner_label"] == "PERSON" and len(row["text"].split()) > 1:
            people[row["doc_id"]].add(row["text"])
    result = {}
    for doc_id, surfaces in by_doc.items():
        multi = people[doc_id]
        for surface in surfaces:
            result[(doc_id, surface)] = surface
            if len(surface.split()) != 1:
                continue
            fits = {m for m in multi if surface in (m.split()[0], m.split()[-1])}
            if len(fits) == 1:
                result[(doc_id, surface)] = fits.pop()
    return result


def _merge_variants(rows: list[dict]) -> dict[str, str]:
    """Normalised full form -> group key; near-identical spellings of one name with the same
    majority NER label share a key ("SK Hynix" / "SK hynix"; not "Korean" / "South Korea")."""
    counts = Counter(normalise(r["full"]) for r in rows)
    ner: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        ner[normalise(r["full"])][r["ner_label"]] += 1
    label = {key: c.most_common(1)[0][0] for key, c in ner.items()}
    keys: list[str] = []
    group: dict[str, str] = {}
    for key, _ in counts.most_common():
        match = next((k for k in keys if len(k) > 5 and label[k] == label[key] and fuzz.ratio(key, k) >= _FUZZY_SCORE), None)
        group[key] = match or key
        if match is None:
            keys.append(key)
    return group


def _labels(rows: list[dict], groups: dict[str, str]) -> dict[str, str]:
    """One label per entity: cue words count double, then the majority of spaCy's labels."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for row in rows:
        key = groups[normalise(row["full"])]
        votes[key][row["ner_label"]] += 1
        if row["cue"]:
            votes[key][row["cue"]] += 2
        if row["full"] != row["text"]:
            votes[key]["PERSON"] += 1
    return {key: v.most_common(1)[0][0] for key, v in votes.items()}


def _names(rows: list[dict], groups: dict[str, str]) -> dict[str, str]:
    """The canonical name: the most frequent full surface form, the longer on a tie."""
    forms: dict[str, Counter] = defaultdict(Counter)
    for row in rows:
        forms[groups[normalise(row["full"])]][row["full"]] += 1
    return {key: max(c.items(), key=lambda kv: (kv[1], len(kv[0])))[0] for key, c in forms.items()}
