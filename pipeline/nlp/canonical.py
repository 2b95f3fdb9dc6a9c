"""Canonical entities across documents: one row per real-world thing, every mention pointing at it.

Steps, each a small function:
1. full forms, in each document (`pipeline.nlp.document_names`): a short form of a person's name
   points to the one full name it abbreviates ("Altman" -> "Sam Altman", "Chung" -> "Chung
   Shin-a"), an acronym to the one organisation whose initials it is ("CPD" -> "Columbus Police
   Department");
2. aliases: acronyms a text introduces ("... Technology (MIT)"), organisations' legal forms
   ("Apple Inc."), web addresses ("Snopes.com") and "Group" suffixes, and the user's alias file,
   which overrides them ("Jay Y. Lee" -> "Lee Jae-yong");
3. variants: names equal after folding case, hyphens and spaces, or nearly equal (rapidfuzz,
   conservative threshold, same majority NER label), are one entity;
4. label: one per entity, voted by spaCy's labels and by context cues (titles before a name,
   roles and "shares" after an organisation, organisation suffixes, the labels of the other
   members of a list the mention sits in), and by the gazetteer for a place's name;
5. the corpus (`pipeline.nlp.resolve`): a surname alone joins the one person it can name, a
   country's forms are one country; a 'person' named once, by one word, with nothing to back it,
   is dropped.
Every mention records how its surface was tied to its entity (`resolved_by`).
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Callable
from functools import lru_cache

import polars as pl
from cleanco import basename
from rapidfuzz import fuzz, process
from spacy.lang.en.stop_words import STOP_WORDS

from pipeline.nlp import document_names, names, resolve
from pipeline.nlp.document_names import bare_name
from pipeline.nlp.mentions import mention_id, normalise
from pipeline.nlp.places import gazetteer
from pipeline.runtime.parallel import CHUNK_ITEMS, document_slices, document_texts
from pipeline.schema import ENTITIES, MENTIONS

_FUZZY_SCORE = 92.0
_FUZZY_MIN_LENGTH = 5  # shorter names differ by one letter and are still different names
_CUE_WEIGHT = 2
_PLACE_WEIGHT = 1.5  # a gazetteer's place outvotes one mention's label, not a cue
_GROUP_SUFFIX = re.compile(r"\s+group$", re.I)
_LIST_WEIGHT = 0.75
_WEAK_PERSON = 0.5
_TITLE_CASE_WORD = r"^[A-Z][a-z][\w'’-]*$"
# What tells that a word the corpus writes once is no organisation's: an indefinite article, a
# conjunction or a naming verb before it ("a Suboxone strip", "and Daegu", "called Monokle"), or
# a "the" after a title's capitalised word ("Lady Sings the Blues"); unless a possessive follows
# it ("Disney’s").
_COMMON_BEFORE = re.compile(r"\b(?:a|an|and|or|where|called|dubbed|named|nicknamed)\s+$|[A-Z][\w'’-]*\s+the\s+$")
_POSSESSIVE_AFTER = re.compile(r"^[’']s?\b")
# How a mention found a person's name in its document (`pipeline.nlp.document_names`).
_PERSON_BASES = frozenset({"full_name_in_document", "given_name_in_document", "middle_initial", "courtesy_title"})


def canonicalise(
    mentions: pl.DataFrame, documents: pl.DataFrame | pl.LazyFrame, aliases: dict[str, str] | None = None, per_chunk: int = CHUNK_ITEMS
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(mentions with label, entity_id and resolved_by, entities) from cleaned name mentions.

    `mentions` has doc_id, sentence_idx, start_char, end_char, text, ner_label and cue (see
    `pipeline.nlp.cues`); `documents` has doc_id and clean_text (lazy, it is read a chunk of
    documents at a time); `aliases` maps normalised variants to a canonical name.

    What reads a document's own mentions (full forms, acronyms, lists) runs on `per_chunk`
    documents at a time as Python objects; what spans the corpus (aliases, variants, votes,
    entities) runs on columns and on distinct names, so memory follows the names, not the mentions.
    """
    if mentions.is_empty():
        return MENTIONS.empty(), ENTITIES.empty()
    frame, expansions = _per_document(mentions.sort("doc_id", "start_char"), documents, per_chunk)
    frame = _named(_corpus_names_stand(frame), expansions, aliases or {})
    frame = frame.with_columns(_norm=_distinct_map(frame, ("_full",), normalise))
    frame = frame.with_columns(_key=pl.col("_norm").replace_strict(merge_variants(frame), return_dtype=pl.String))
    labels = vote_labels(frame)
    frame = frame.with_columns(_basis=pl.when(pl.col("_key") != pl.col("_norm")).then(pl.lit("spelling_variant")).otherwise(pl.col("_basis")))
    frame, labels = resolve.across_corpus(frame, labels)
    frame = _without_lone_words(frame, labels, documents)
    return _frames(frame, labels) if not frame.is_empty() else (MENTIONS.empty(), ENTITIES.empty())


def _corpus_names_stand(frame: pl.DataFrame) -> pl.DataFrame:
    """A one-word name that a document took for the longer organisation it wrote first ("Kestrel"
    for "Kestrel Pharma") stays itself when another document names it on its own: "Samsung" after
    "Samsung Electronics" is the Samsung the rest of the corpus writes."""
    one_word = (pl.col("_basis") == "longer_name_in_document") & ~pl.col("text").str.contains(" ")
    alone = frame.filter(pl.col("_basis").is_null())["text"].unique()
    stands = one_word & pl.col("text").is_in(alone.implode())
    return frame.with_columns(_full=pl.when(stands).then(pl.col("text")).otherwise(pl.col("_full")),
                              _basis=pl.when(stands).then(None).otherwise(pl.col("_basis")))


def _without_lone_words(frame: pl.DataFrame, labels: dict[str, str], documents: pl.DataFrame | pl.LazyFrame) -> pl.DataFrame:
    """`frame` without the names written once in the whole corpus, as one word, as written, with no
    cue: such a 'person' (no full name, surname or title backs it: the small model calls many a
    word a person, "Bitcoin", "Steelers"), and such an 'organisation' that is a capitalised word
    the corpus also writes in lower case ("Clown", "Schedule": a heading's or a title's word), or
    that nothing else backs (`_unbacked`)."""
    once = (
        frame.group_by("_key")
        .agg(pl.first("text"), pl.first("doc_id"), pl.first("start_char"), pl.first("end_char"), pl.first("_chain"), n=pl.len(),
             as_written=pl.col("_basis").is_null().all(), cued=(pl.col("cue").is_not_null() & (pl.col("cue") != "")).any())
        .filter((pl.col("n") == 1) & ~pl.col("text").str.contains(" ") & pl.col("as_written") & ~pl.col("cued"))
        .with_columns(label=pl.col("_key").replace_strict(labels, return_dtype=pl.String))
    )
    organisations = once.filter(pl.col("label") == "ORG")
    words = organisations.filter(pl.col("text").str.contains(r"^[A-Z][a-z]+$"))["text"].str.to_lowercase()
    lower = _lower_case_words(documents, words)
    unbacked = _unbacked(organisations.filter(pl.col("text").str.contains(_TITLE_CASE_WORD) & pl.col("_chain").is_null()), documents)
    lone = once.filter((pl.col("label") == "PERSON") | pl.col("text").str.to_lowercase().is_in(lower.implode()) | pl.col("_key").is_in(unbacked))
    return frame.filter(~pl.col("_key").is_in(lone["_key"].implode()))


def _unbacked(candidates: pl.DataFrame, documents: pl.DataFrame | pl.LazyFrame) -> list[str]:
    """The keys of `candidates` (an 'organisation' named once in the corpus, by one word in title
    case, with no cue and in no list) whose words around say it is none (`_COMMON_BEFORE`): a
    title's word, a drug, a variant, a place the model took for a company."""
    if candidates.is_empty():
        return []
    texts = dict(document_texts(documents, candidates["doc_id"].unique()).rows())
    found = []
    for key, doc_id, start, end in candidates.select("_key", "doc_id", "start_char", "end_char").rows():
        before, after = texts[doc_id][max(0, start - 30): start], texts[doc_id][end: end + 20]
        if _COMMON_BEFORE.search(before) and not _POSSESSIVE_AFTER.match(after):
            found.append(key)
    return found


def _lower_case_words(documents: pl.DataFrame | pl.LazyFrame, words: pl.Series) -> pl.Series:
    """Those of `words` that some document writes in lower case, not after a capitalised word other
    than a function word (in "SK hynix" it is a name's); read streaming, never whole."""
    found = documents.lazy().select(word=pl.col("clean_text").str.extract_all(r"\w[\w'’-]*")).explode("word")
    previous = pl.col("word").shift(1)
    after_name = previous.str.contains(r"^[A-Z]") & ~previous.str.to_lowercase().is_in(list(STOP_WORDS))  # not "The clown"
    found = found.with_columns(after_name=after_name.fill_null(False))
    return found.filter(pl.col("word").is_in(words.implode()) & ~pl.col("after_name")).select("word").unique().collect(engine="streaming")["word"]


def _per_document(
    ordered: pl.DataFrame, documents: pl.DataFrame | pl.LazyFrame, per_chunk: int
) -> tuple[pl.DataFrame, dict[str, str]]:
    """`ordered` with `_full` (each mention's full form in its document), `_basis` (how it was
    found) and `_chain` (the list it sits in, if any, numbered across the corpus), and the
    acronyms the texts introduce."""
    expansions: dict[str, str] = {}
    fulls, bases, chains = [], [], []
    seen = 0
    for chunk in document_slices(ordered, per_chunk):
        rows = document_names.mentions(chunk, dict(document_texts(documents, chunk["doc_id"].unique()).rows()))
        document_names.assign_full_forms(rows)
        expansions.update(document_names.acronyms(rows))
        fulls.append(pl.Series([r.full for r in rows], dtype=pl.String))
        bases.append(pl.Series([r.basis for r in rows], dtype=pl.String))
        chains.append(pl.Series([None if c is None else seen + c for c in document_names.list_chains(rows)], dtype=pl.Int64))
        seen += len(rows)
    return ordered.with_columns(_full=pl.concat(fulls), _basis=pl.concat(bases), _chain=pl.concat(chains)), expansions


def _named(frame: pl.DataFrame, expansions: dict[str, str], aliases: dict[str, str]) -> pl.DataFrame:
    """`_full` through the acronyms the corpus introduces, the alias file, legal forms, web
    addresses and "Group" suffixes, each change recorded in `_basis`."""
    named = _distinct_map(frame, ("_full", "ner_label"), lambda full, label: corpus_name(full, label, expansions, aliases), pl.List(pl.String))
    frame = frame.with_columns(_full=named.list.get(0), _basis=pl.coalesce(named.list.get(1), pl.col("_basis")))
    alone = {normalise(f) for f in frame.filter(pl.col("ner_label") == "ORG")["_full"].unique()}
    stripped = _distinct_map(frame, ("_full",), lambda f: strip_group_suffix(f, alone))
    return frame.with_columns(
        _basis=pl.when(stripped != pl.col("_full")).then(pl.lit("group_suffix")).otherwise(pl.col("_basis")), _full=stripped
    )


def _distinct_map(frame: pl.DataFrame, columns: tuple[str, ...], fn: Callable, dtype: pl.DataType = pl.String) -> pl.Series:
    """`fn` applied to each row's values of `columns`, computed once per distinct combination."""
    distinct = frame.select(columns).unique()
    mapped = distinct.with_columns(_out=pl.Series([fn(*values) for values in distinct.rows()], dtype=dtype))
    return frame.select(columns).join(mapped, on=list(columns), how="left", maintain_order="left", nulls_equal=True)["_out"]


def corpus_name(full: str, label: str, expansions: dict[str, str], aliases: dict[str, str]) -> list[str | None]:
    """[name, basis or None]: the user's alias for a name if any, else the name an acronym the
    corpus introduces stands for, without its legal form and web domain."""
    if (alias := aliases.get(normalise(full))) is not None:
        return [alias, "alias_file" if alias != full else None]
    name = expansions.get(full, full)
    basis = "acronym" if name != full else None
    base = organisation_base(name, label)
    if base != name:
        name, basis = base, "legal_form"
    web = names.without_web_domain(name)
    return [web, "web_domain"] if web != name else [name, basis]


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


def vote_labels(frame: pl.DataFrame) -> dict[str, str]:
    """One label per entity key (`_key`), in two rounds. First: spaCy's labels (half a vote for a
    lone word tagged PERSON that names no person of its document, and for a short form of a
    person's name tagged otherwise), cues counting double, a
    PERSON vote for each short form of a person's name (in its document, or a surname of the
    corpus's `established_surnames`), and a GPE vote and a half for a mention
    the gazetteer knows as a place (unless it is a short form of a person's name), as much
    a NORP vote for a nationality's word ("Antiguan"). Then each member of a list (`_chain`) adds
    most of a vote for the first-round label of every other member ("between OpenAI and Oracle"),
    a member the gazetteer knows as much as a place's vote for a one-word name ("in Seoul, Daejeon
    and Cheongju")."""
    surnames = established_surnames(frame)
    cued = pl.col("cue").is_not_null() & (pl.col("cue") != "")
    frame = frame.with_columns(_other_cue=(cued & (pl.col("cue") != "PERSON")).any().over("doc_id", "_key"))
    weights = _distinct_map(frame, ("text", "_full", "ner_label", "_basis", "_other_cue"), lambda *row: _weights(*row, surnames), pl.List(pl.Float64))
    frame = frame.with_columns(_w=weights.list.get(0), _person=weights.list.get(1), _place=weights.list.get(2), _nationality=weights.list.get(3))
    votes = pl.concat([
        frame.select(key="_key", label="ner_label", w="_w"),
        frame.filter(cued).select(key="_key", label="cue", w=pl.lit(float(_CUE_WEIGHT))),
        frame.filter(pl.col("_person") > 0).select(key="_key", label=pl.lit("PERSON"), w="_person"),
        frame.filter(pl.col("_place") > 0).select(key="_key", label=pl.lit("GPE"), w="_place"),
        frame.filter(pl.col("_nationality") > 0).select(key="_key", label=pl.lit("NORP"), w="_nationality"),
    ])
    first = _winners(votes)
    members = frame.with_row_index("_row").filter(pl.col("_chain").is_not_null()).select(
        "_chain", "_row", "_key", "_place", one_word=~pl.col("text").str.contains(" ")
    )
    pairs = members.join(members, on="_chain", suffix="_j").filter(pl.col("_row") != pl.col("_row_j"))
    beside_place = (pl.col("_place_j") > 0) & pl.col("one_word")
    listed = pairs.join(first, left_on="_key_j", right_on="key").select(
        key="_key", label="label", w=pl.when(beside_place).then(pl.lit(_PLACE_WEIGHT)).otherwise(pl.lit(_LIST_WEIGHT))
    )
    return dict(_winners(pl.concat([votes, listed])).rows())


def established_surnames(frame: pl.DataFrame) -> set[str]:
    """The surnames of exactly one person the corpus names in full at least twice (and with no
    function word in the name): a lone "Trump" the model tags ORG is still Donald Trump's."""
    people = frame.filter(pl.col("ner_label") == "PERSON").group_by("_full").len().filter(pl.col("len") >= resolve.ESTABLISHED_MENTIONS)
    by_surname: dict[str, set[str]] = defaultdict(set)
    for full in people["_full"]:
        words = names.name_words(full)
        if len(words) > 1 and names.could_be_full_name(full):
            by_surname[words[-1]].add(names.person_key(full))
    return {surname for surname, keys in by_surname.items() if len(keys) == 1}


def _weights(text: str, full: str, ner_label: str, basis: str | None, other_cue: bool, surnames: set[str]) -> list[float]:
    """(weight of the NER label's vote, PERSON votes as a short form of a person's name, GPE votes
    as a place's name, NORP votes as a nationality's word). A short form's own label counts half when it is not PERSON: the model
    often calls a person's surname an organisation ("Braun"). A corpus's surname is none in a
    document where the context calls the name something else (`other_cue`: "Lowe’s (LOW)" is a
    company there, whatever Rob Lowe elsewhere)."""
    surname = full == text and text in surnames and not other_cue
    short = (basis in _PERSON_BASES and len(bare_name(text).split()) == 1) or surname
    weak = (ner_label == "PERSON" and full == text and len(text.split()) == 1 and not surname) or (short and ner_label != "PERSON")
    place = full == text and text in gazetteer() and text not in names.demonyms()
    nationality = full == text and not short and text in names.demonyms()
    return [_WEAK_PERSON if weak else 1.0, 1.0 if short else 0.0, _PLACE_WEIGHT if place else 0.0, _PLACE_WEIGHT if nationality else 0.0]


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
        resolved_by=pl.col("_basis").fill_null("as_written"),
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
