"""What one document's own mentions tell about each other: the full name a short form abbreviates,
the organisation an acronym stands for, the lists names sit in.

Each rule reads only the mentions of the same document, as `Mention` objects of a chunk of
documents, and records its basis (the `resolved_by` of `pipeline.schema.MENTIONS`).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

import polars as pl

from pipeline.nlp import names
from pipeline.nlp.mentions import COURTESY_TITLE
from pipeline.nlp.places import gazetteer

_LIST_GAP = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)$")
_APPOSITION = re.compile(r"['’]s?\s")  # "Jason Kwon, OpenAI's chief ...": not a list (matched at the name's end)
_ACRONYM_GAP = re.compile(r"^\s*\($")
_TICKER = re.compile(r"^[A-Z]{2,5}$")
_LIST_MAX = 12  # a longer run of names is a tag cloud or a menu, not a list in a sentence
_GAP_MAX = 32
_AFTER = 3  # the longest apposition marker: "'s "
# A nationality, or a place the gazetteer knows, is never a short form of a person ("Hispanic" is
# not "Hispanic Caucus", "Washington" not "George Washington"); any other label may be the
# model's mistake for a person's name ("Altman" ORG, "Bloomberg" GPE).
_PLACES = frozenset({"GPE", "LOC"})
MENTION_COLUMNS = ("doc_id", "sentence_idx", "start_char", "end_char", "text", "ner_label", "cue")


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
    basis: str | None = None
    """How `full` was found, when it is not the surface as written."""


def mentions(ordered: pl.DataFrame, texts: dict[str, str]) -> list[Mention]:
    """Rows of `ordered` (by doc_id, start_char) as `Mention`s, with `gap`, the text since the
    previous mention of the same document when at most `_GAP_MAX` characters (longer gaps are
    never a list separator or an acronym's bracket), and `after`, the next `_AFTER` characters:
    all that acronyms and lists read of `texts` (doc_id -> clean_text), so no copy of a text is
    kept (joined to the rows in Polars, a text was copied once per mention). Repeated strings
    (document ids, labels, names, separators) share one object."""
    shared: dict[str, str] = {}
    rows = []
    previous: tuple[str | None, int] = (None, 0)  # the last mention's document and end
    for doc_id, sentence_idx, start, end, text, label, cue in ordered.select(MENTION_COLUMNS).iter_rows():
        page = texts.get(doc_id)
        gap_start = previous[1] if previous[0] == doc_id else None
        gap = page[gap_start:start] if page is not None and gap_start is not None and 0 <= start - gap_start <= _GAP_MAX else None
        after = page[end: end + _AFTER] if page is not None else ""
        values = (doc_id, sentence_idx, start, end, text, label, cue, gap, after)
        rows.append(Mention(*(shared.setdefault(v, v) if isinstance(v, str) else v for v in values)))
        previous = (doc_id, end)
    return rows


def bare_name(text: str) -> str:
    """A mention without its courtesy title: "Mr Altman" -> "Altman"."""
    return COURTESY_TITLE.sub("", text)


def assign_full_forms(rows: list[Mention]) -> None:
    """Set each mention's `full` (and `basis`): the person's full name in the same document that it
    abbreviates, else the organisation an acronym or a shorter name of it stands for, else the
    surface without courtesy title.

    A person's short form is a run of the full name's words (a surname, a given name, "Van Der
    Beek", "Abu Hatab") or a given name's beginning ("Geoff" for "Geoffrey Skelley"); full names
    that differ only by middle initials are one. Only one full name may fit, counting only names
    written at least twice when some are (a name the model cut from a headline, "Trump
    Supporters", does not make "Trump" ambiguous), and only names the model and the context give
    a person: two Kims stay two people. An organisation's
    initials are read ("CPD" for "Columbus Police Department"), a name of several words is the one
    longer name of the document that ends or opens with it ("Progressive Caucus", "Homeland
    Security" for "Homeland Security Investigations"; not "Big Machine" beside "Big Machine
    Records" and "Big Machine Label Group"), and one word is the one longer name that opens with
    it when the document wrote that name first, as a second reference does ("Kestrel Pharma has
    agreed ... Kestrel will pay"; not "Kakao" written before "Kakao Ventures").
    """
    people, organisations = _full_names(rows)
    first: dict[tuple[str, str], int] = {}  # where each document first writes each name
    for row in rows:
        first.setdefault((row.doc_id, bare_name(row.text)), row.start_char)
    for row in rows:
        name = bare_name(row.text)
        found = None
        if row.ner_label != "NORP" and not (row.ner_label in _PLACES and name in gazetteer()):
            orgs = organisations.get(row.doc_id, {})
            found = _person(name, people.get(row.doc_id, {})) or _organisation(name, row.ner_label, orgs, first[(row.doc_id, name)])
        row.full, row.basis = found if found else (name, "courtesy_title" if name != row.text else None)


def _full_names(rows: list[Mention]) -> tuple[dict[str, dict[str, tuple[str, int]]], dict[str, dict[str, int]]]:
    """Per document: person key -> (the most written form of that person's full name, mentions);
    and the organisations (by the model's label or a cue) named in more than one word, with where the document first names each.
    A person's full name is one the model tags PERSON, or ORG when its last word alone is a person's in the document."""
    written: dict[str, Counter[str]] = defaultdict(Counter)
    organisations: dict[str, dict[str, int]] = defaultdict(dict)
    surnames = _surnames_of_people(rows)
    for row in rows:
        name = bare_name(row.text)
        words = names.name_words(name)
        full = len(words) > 1 and names.could_be_full_name(name) and row.cue in (None, "PERSON")
        if full and (row.ner_label == "PERSON" or (row.ner_label == "ORG" and words[-1] in surnames.get(row.doc_id, ()))):
            written[row.doc_id][name] += 1
        elif (row.ner_label == "ORG" or row.cue == "ORG") and " " in name:
            organisations[row.doc_id].setdefault(name, row.start_char)
    people: dict[str, dict[str, tuple[str, int]]] = defaultdict(dict)
    for doc_id, counts in written.items():
        groups: dict[str, list[str]] = defaultdict(list)
        for name in counts:
            groups[names.person_key(name)].append(name)
        for key, forms in groups.items():
            best = min(forms, key=lambda f: (-counts[f], -len(f), f))
            people[doc_id][key] = (best, sum(counts[f] for f in forms))
    return people, organisations


def _surnames_of_people(rows: list[Mention]) -> dict[str, set[str]]:
    """Per document, the one-word names the model or the context calls a person's ("Braun, 38,"):
    a two-word name ending with one is a person's even where the model says ORG ("Scooter Braun")."""
    found: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        name = bare_name(row.text)
        if " " not in name and (row.cue == "PERSON" or (row.ner_label == "PERSON" and row.cue is None)):
            found[row.doc_id].add(name)
    return found


def _person(name: str, people: dict[str, tuple[str, int]]) -> tuple[str, str] | None:
    """(full name, basis) of the one person of the document `name` stands for."""
    for test, basis in ((names.is_part_of, "full_name_in_document"), (names.is_given_name_variant, "given_name_in_document")):
        fits = [k for k in people if test(name, k)]
        if len(fits) > 1 and any(people[k][1] > 1 for k in fits):
            fits = [k for k in fits if people[k][1] > 1]
        if fits:
            return (people[fits[0]][0], basis) if len(fits) == 1 else None
    best = people.get(names.person_key(name), (name, 0))[0]
    return (best, "middle_initial") if best != name else None


def _organisation(name: str, label: str, organisations: dict[str, int], first: int) -> tuple[str, str] | None:
    """(longer name, basis) of the one organisation of the document `name` (first written at
    `first`, tagged `label`) abbreviates; `organisations` maps names to where the document first
    writes them. A place's name of several words stays a place ("Lake Wenonah" beside "Lake Wenonah Fire Department")."""
    if names.is_acronym(name):
        fit = names.unique(o for o in organisations if names.acronym_letters(name) in names.initials(o))
        return (fit, "initials_in_document") if fit else None
    if " " in name:
        if label in _PLACES:
            return None
        fit = names.unique(o for o in organisations if o != name and (o.endswith(" " + name) or o.startswith(name + " ")))
    else:
        fit = names.unique(o for o, at in organisations.items() if o.startswith(name + " ") and at < first)
    return (fit, "longer_name_in_document") if fit else None


def acronyms(rows: list[Mention]) -> dict[str, str]:
    """Acronym -> name, where a text introduces it: "Massachusetts Institute of Technology (MIT)";
    and a ticker in brackets right after an organisation, for its full name ("Arvona (ARVB)")."""
    found = {}
    for a, b in zip(rows, rows[1:]):
        short = b.text
        if a.doc_id == b.doc_id and short.isupper() and b.gap is not None and _ACRONYM_GAP.match(b.gap):
            initials = "".join(w[0] for w in a.text.split() if w[0].isupper())
            if initials == short:
                found[short] = a.text
            elif a.ner_label != "PERSON" and _TICKER.match(short) and b.after.startswith(")"):
                found[short] = a.full or a.text
    return found


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
