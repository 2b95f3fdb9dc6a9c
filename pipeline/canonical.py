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
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import polars as pl
from cleanco import basename
from rapidfuzz import fuzz, process

from pipeline.entities import COURTESY_TITLE, mention_id, normalise
from pipeline.parallel import CHUNK_ITEMS, document_slices, document_texts
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
_MENTION_COLUMNS = ("doc_id", "sentence_idx", "start_char", "end_char", "text", "ner_label", "cue")


@dataclass(slots=True)
class Mention:
    """One name mention of a chunk of documents while its per-document rules run (slotted: a
    tenth of a dict's memory)."""

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


def canonicalise(
    mentions: pl.DataFrame, documents: pl.DataFrame | pl.LazyFrame, aliases: dict[str, str] | None = None, per_chunk: int = CHUNK_ITEMS
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(mentions with label and entity_id, entities) from cleaned name mentions.

    `mentions` has doc_id, sentence_idx, start_char, end_char, text, ner_label and cue (see
    `pipeline.cues`); `documents` has doc_id and clean_text (lazy, it is read a chunk of
    documents at a time); `aliases` maps normalised variants to a canonical name.

    What reads a document's own mentions (full forms, acronyms, lists) runs on `per_chunk`
    documents at a time as Python objects; what spans the corpus (aliases, variants, votes,
    entities) runs on columns and on distinct names, so memory follows the names, not the mentions.
    """
    if mentions.is_empty():
        return MENTIONS.empty(), ENTITIES.empty()
    frame, expansions = _per_document(mentions.sort("doc_id", "start_char"), documents, per_chunk)
    aliases = aliases or {}
    aliased = _distinct_map(frame, ("_full", "ner_label"), lambda full, label: _aliased(expansions.get(full, full), label, aliases))
    frame = frame.with_columns(_full=aliased)
    alone = {normalise(f) for f in frame.filter(pl.col("ner_label") == "ORG")["_full"].unique()}
    frame = frame.with_columns(_full=_distinct_map(frame, ("_full",), lambda f: strip_group_suffix(f, alone)))
    frame = frame.with_columns(_norm=_distinct_map(frame, ("_full",), normalise))
    frame = frame.with_columns(_key=pl.col("_norm").replace_strict(merge_variants(frame), return_dtype=pl.String))
    return _frames(frame, vote_labels(frame))


def _per_document(
    ordered: pl.DataFrame, documents: pl.DataFrame | pl.LazyFrame, per_chunk: int
) -> tuple[pl.DataFrame, dict[str, str]]:
    """`ordered` with `_full` (each mention's full form in its document) and `_chain` (the list it
    sits in, if any, numbered across the corpus), and the acronyms the texts introduce."""
    expansions: dict[str, str] = {}
    fulls, chains = [], []
    seen = 0
    for chunk in document_slices(ordered, per_chunk):
        rows = _mentions(chunk, dict(document_texts(documents, chunk["doc_id"].unique()).rows()))
        assign_full_forms(rows)
        expansions.update(acronyms(rows))
        fulls.append(pl.Series([r.full for r in rows], dtype=pl.String))
        chains.append(pl.Series([None if c is None else seen + c for c in list_chains(rows)], dtype=pl.Int64))
        seen += len(rows)
    return ordered.with_columns(_full=pl.concat(fulls), _chain=pl.concat(chains)), expansions


def _distinct_map(frame: pl.DataFrame, columns: tuple[str, ...], fn: Callable, dtype: pl.DataType = pl.String) -> pl.Series:
    """`fn` applied to each row's values of `columns`, computed once per distinct combination."""
    distinct = frame.select(columns).unique()
    mapped = distinct.with_columns(_out=pl.Series([fn(*values) for values in distinct.rows()], dtype=dtype))
    return frame.select(columns).join(mapped, on=list(columns), how="left", maintain_order="left", nulls_equal=True)["_out"]


def _aliased(name: str, label: str, aliases: dict[str, str]) -> str:
    """The user's alias for a name if any, else its organisation base."""
    return aliases.get(normalise(name), organisation_base(name, label))


def _mentions(ordered: pl.DataFrame, texts: dict[str, str]) -> list[Mention]:
    """Rows of `ordered` (by doc_id, start_char) as `Mention`s, with `gap`, the text since the
    previous mention of the same document when at most `_GAP_MAX` characters (longer gaps are
    never a list separator or an acronym's bracket), and `after`, the next `_AFTER` characters:
    all that acronyms and lists read of `texts` (doc_id -> clean_text), so no copy of a text is
    kept (joined to the rows in Polars, a text was copied once per mention). Repeated strings
    (document ids, labels, names, separators) share one object."""
    shared: dict[str, str] = {}
    rows = []
    previous: tuple[str | None, int] = (None, 0)  # the last mention's document and end
    for doc_id, sentence_idx, start, end, text, label, cue in ordered.select(_MENTION_COLUMNS).iter_rows():
        page = texts.get(doc_id)
        gap_start = previous[1] if previous[0] == doc_id else None
        gap = page[gap_start:start] if page is not None and gap_start is not None and 0 <= start - gap_start <= _GAP_MAX else None
        after = page[end: end + _AFTER] if page is not None else ""
        values = (doc_id, sentence_idx, start, end, text, label, cue, gap, after)
        rows.append(Mention(*(shared.setdefault(v, v) if isinstance(v, str) else v for v in values)))
        previous = (doc_id, end)
    return rows


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


def strip_group_suffix(name: str, alone: set[str]) -> str:
    """"SoftBank Group" is "SoftBank" when the corpus also names "SoftBank" on its own (`alone`:
    the normalised names of organisations)."""
    base = _GROUP_SUFFIX.sub("", name)
    return base if base != name and normalise(base) in alone else name


def merge_variants(frame: pl.DataFrame) -> dict[str, str]:
    """Normalised full form (`_norm`) -> group key; near-identical spellings with the same majority
    NER label share a key ("SK Hynix" / "SK hynix"; not "Korean" / "South Korea"). A tie between
    labels goes to the one seen first."""
    by_label = frame.with_row_index("_row").group_by("_norm", "ner_label").agg(n=pl.len(), first=pl.col("_row").min())
    counts = by_label.group_by("_norm").agg(pl.sum("n")).sort(pl.col("n"), "_norm", descending=[True, False])
    label = dict(by_label.sort("n", "first", descending=[True, False]).group_by("_norm", maintain_order=True).first().select("_norm", "ner_label").rows())
    heads: dict[str, list[str]] = defaultdict(list)  # label -> group keys long enough to fuzz, most frequent first
    group: dict[str, str] = {}
    for key in counts["_norm"]:
        candidates = heads[label[key]]
        match = process.extractOne(key, candidates, scorer=fuzz.ratio, score_cutoff=_FUZZY_SCORE) if candidates else None
        group[key] = match[0] if match else key
        if match is None and len(key) > _FUZZY_MIN_LENGTH:
            heads[label[key]].append(key)
    return group


def list_chains(rows: list[Mention]) -> list[int | None]:
    """For each mention, the index of the first member of the list it sits in ("Kakao, SK Telecom,
    LG Electronics, Krafton, and Yanolja"), else None: mentions of one sentence separated only by
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
    first: list[int | None] = [None] * len(rows)
    for chain in chains:
        if 1 < len(chain) <= _LIST_MAX:
            for i in chain:
                first[i] = chain[0]
    return first


def vote_labels(frame: pl.DataFrame) -> dict[str, str]:
    """One label per entity key (`_key`), in two rounds. First: spaCy's labels (half a vote for a
    lone word tagged PERSON that names no person of its document), cues counting double, and a
    PERSON vote for each short form of a person's name. Then each member of a list (`_chain`) adds
    most of a vote for the first-round label of every other member ("between OpenAI and Oracle")."""
    weights = _distinct_map(frame, ("text", "_full", "ner_label"), _weights, pl.List(pl.Float64))
    frame = frame.with_columns(_w=weights.list.get(0), _person=weights.list.get(1))
    votes = pl.concat([
        frame.select(key="_key", label="ner_label", w="_w"),
        frame.filter(pl.col("cue").is_not_null() & (pl.col("cue") != "")).select(key="_key", label="cue", w=pl.lit(float(_CUE_WEIGHT))),
        frame.filter(pl.col("_person") > 0).select(key="_key", label=pl.lit("PERSON"), w="_person"),
    ])
    first = _winners(votes)
    members = frame.with_row_index("_row").filter(pl.col("_chain").is_not_null()).select("_chain", "_row", "_key")
    pairs = members.join(members, on="_chain", suffix="_j").filter(pl.col("_row") != pl.col("_row_j"))
    listed = pairs.join(first, left_on="_key_j", right_on="key").select(key="_key", label="label", w=pl.lit(_LIST_WEIGHT))
    return dict(_winners(pl.concat([votes, listed])).rows())


def _weights(text: str, full: str, ner_label: str) -> list[float]:
    """(weight of the NER label's vote, PERSON votes as a short form of a person's name)."""
    lone = ner_label == "PERSON" and full == text and len(text.split()) == 1
    short = full != text and len(bare_name(text).split()) == 1
    return [_WEAK_PERSON if lone else 1.0, 1.0 if short else 0.0]


def _winners(votes: pl.DataFrame) -> pl.DataFrame:
    """(key, label): each key's label with the most votes; a tie goes to the first label in
    alphabetical order."""
    # Streaming: the in-memory group-by hashes every vote row at once (+40 MB at 10,000 pages).
    totals = votes.lazy().group_by("key", "label").agg(pl.sum("w")).collect(engine="streaming")
    return totals.sort("key", "w", "label", descending=[False, True, False]).group_by("key", maintain_order=True).first().select("key", "label")


def entity_id(label: str, key: str) -> str:
    return "E" + hashlib.sha1(f"{label}:{key}".encode()).hexdigest()[:12]


def _frames(frame: pl.DataFrame, labels: dict[str, str]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The mentions frame (input row order, with label, entity and mention ids) and one row per
    entity, named by its most frequent full form (then the longest, then the alphabetically last)."""
    ids = {key: entity_id(label, key) for key, label in labels.items()}
    mentions = frame.with_columns(
        mention_id=pl.concat([
            pl.Series([mention_id(*row) for row in part.iter_rows()], dtype=pl.String)
            for part in frame.select("doc_id", "start_char", "end_char").iter_slices(50_000)
        ]),
        label=pl.col("_key").replace_strict(labels, return_dtype=pl.String),
        entity_id=pl.col("_key").replace_strict(ids, return_dtype=pl.String),
    )
    forms = frame.group_by("_key", "_full").agg(n=pl.len()).with_columns(_len=pl.col("_full").str.len_chars())
    names = forms.sort("_key", "n", "_len", "_full", descending=[False, True, True, True]).group_by("_key", maintain_order=True).first()
    entities = (
        mentions.group_by("_key")
        .agg(pl.first("entity_id"), pl.first("label"), texts=pl.col("text").unique(), n_mentions=pl.len(), n_documents=pl.col("doc_id").n_unique())
        .join(names.select("_key", name="_full"), on="_key")
        .with_columns(aliases=pl.concat_list("texts", pl.col("name")).list.unique().list.sort())
        .sort("_key")
    )
    return mentions.select(MENTIONS.names).cast(MENTIONS.polars_schema), entities.select(ENTITIES.names).cast(ENTITIES.polars_schema)
