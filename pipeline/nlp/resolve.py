"""Names that join another entity of the corpus once every entity has its label.

- a person's surname (or family name of several words) alone joins the one person of the corpus
  whose full name ends with it ("Trump" -> "Donald Trump"), counting only full names written
  twice when some are; with two such people it stays apart;
- a person's full name with a shortened given name joins the one person it shortens ("Pat
  Simmons" -> "Patrick Simmons"), and one written with and without a middle initial is one;
- an organisation's name of several words joins the one organisation of the corpus whose longer
  name opens or ends with it ("Homeland Security" -> "Homeland Security Investigations");
- a country's forms are one place, named as babel names it ("US", "U.S.", "United States");
  then a place's last word alone joins the one place of the corpus it ends ("Korea" -> "South
  Korea", unless the corpus also names "North Korea").

Each rule works on entity keys and their names (one row per entity), never on mentions.
"""

from __future__ import annotations

from collections import defaultdict

import polars as pl

from pipeline.nlp import names
from pipeline.nlp.mentions import normalise
from pipeline.nlp.places import gazetteer

ESTABLISHED_MENTIONS = 2


def across_corpus(frame: pl.DataFrame, labels: dict[str, str]) -> tuple[pl.DataFrame, dict[str, str]]:
    """`frame` (mentions with `_key`, `_full`, `_basis`, doc_id) with keys remapped by the rules
    above, and the labels of the keys that remain."""
    summary = _summary(frame, labels)
    moves = _people(summary) | _places(summary) | _organisations(summary)
    if not moves:
        return frame, labels
    target = {key: _follow(key, moves) for key in moves}
    renamed = {key: moves[key][2] for key in moves if moves[key][2] is not None}
    frame = frame.with_columns(
        _basis=pl.when(pl.col("_key").is_in(list(target))).then(pl.col("_key").replace_strict(
            {k: moves[k][1] for k in moves}, return_dtype=pl.String)).otherwise(pl.col("_basis")),
        _full=pl.when(pl.col("_key").is_in(list(renamed))).then(pl.col("_key").replace_strict(
            renamed, return_dtype=pl.String, default=None)).otherwise(pl.col("_full")),
        _key=pl.col("_key").replace(target),
    )
    moved = {target[k]: labels[k] for k in target if target[k] not in labels}
    return frame, {key: labels[key] if key in labels else moved[key] for key in frame["_key"].unique()}


def _follow(key: str, moves: dict[str, tuple[str, str, str | None]]) -> str:
    seen = {key}
    while key in moves and moves[key][0] not in seen:
        key = moves[key][0]
        seen.add(key)
    return key


def _summary(frame: pl.DataFrame, labels: dict[str, str]) -> pl.DataFrame:
    """One row per entity key: label, name (the most written full form), mentions."""
    forms = frame.group_by("_key", "_full").agg(n=pl.len())
    best = forms.sort("_key", "n", "_full", descending=[False, True, False]).group_by("_key", maintain_order=True).first()
    totals = forms.group_by("_key").agg(mentions=pl.sum("n"))
    return best.select("_key", name="_full").join(totals, on="_key").with_columns(
        label=pl.col("_key").replace_strict(labels, return_dtype=pl.String)
    )


def _people(summary: pl.DataFrame) -> dict[str, tuple[str, str, str | None]]:
    """key -> (key it joins, basis, new full form or None) for middle initials, surnames and
    shortened given names. Full names are looked up by their last word, so the work grows with the
    names, not with their pairs."""
    people = summary.filter(pl.col("label") == "PERSON").select("_key", "name", "mentions").rows()
    by_surname: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
    for key, name, mentions in people:
        words = names.name_words(name)
        if len(words) > 1 and names.could_be_full_name(name):
            by_surname[words[-1]].append((key, name, mentions))
    moves = {}
    for key, name, mentions in people:
        words = names.name_words(name)
        if not words:
            continue
        fulls = [f for f in by_surname.get(words[-1], []) if f[0] != key]
        same = [(m, k) for k, n, m in fulls if names.person_key(n) == names.person_key(name) and (m, k) > (mentions, key)]
        if same:  # one full name written with and without a middle initial
            moves[key] = (max(same)[1], "middle_initial", None)
            continue
        for test, basis in ((lambda a, b: names.is_part_of(a, b, at_end=True), "surname_in_corpus"),
                            (names.is_given_name_variant, "given_name_in_corpus")):
            fits = [(k, m) for k, n, m in fulls if test(name, n)]
            if len(fits) > 1 and any(m >= ESTABLISHED_MENTIONS for _, m in fits):
                fits = [(k, m) for k, m in fits if m >= ESTABLISHED_MENTIONS]
            if len(fits) == 1:
                moves[key] = (fits[0][0], basis, None)
                break
    return moves


def _organisations(summary: pl.DataFrame) -> dict[str, tuple[str, str, str | None]]:
    """key -> (key it joins, basis, None) for an organisation's name of several words that opens or
    ends the one longer organisation's name of the corpus ("Homeland Security" -> "Homeland
    Security Investigations"). Names are looked up by their first and last words."""
    organisations = summary.filter(pl.col("label") == "ORG").select("_key", "name").rows()
    by_edge: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key, name in organisations:
        words = name.split()
        if len(words) > 2:
            by_edge[words[0]].append((key, name))
            by_edge[words[-1]].append((key, name))
    moves = {}
    for key, name in organisations:
        words = name.split()
        if len(words) < 2:
            continue
        fits = {k for k, n in by_edge.get(words[0], []) + by_edge.get(words[-1], [])
                if k != key and (n.startswith(name + " ") or n.endswith(" " + name))}
        if len(fits) == 1:
            moves[key] = (fits.pop(), "longer_name_in_corpus", None)
    return moves


def _places(summary: pl.DataFrame) -> dict[str, tuple[str, str, str | None]]:
    """key -> (key it joins, basis, new full form) for a country's forms and a place's last word."""
    places = summary.filter(pl.col("label") == "GPE").select("_key", "name").rows()
    countries = names.country_names()
    moves = {}
    for key, name in places:
        country = countries.get(name)
        if country and normalise(country) != key:
            moves[key] = (normalise(country), "country", country)
    named = {moves[k][2] if k in moves else n: moves[k][0] if k in moves else k for k, n in places}
    by_last_word: dict[str, list[str]] = defaultdict(list)
    for place in named:
        if " " in place:
            by_last_word[place.rsplit(" ", 1)[1]].append(place)
    known = gazetteer()
    for key, name in places:
        if key not in moves and " " not in name and name not in known:
            fit = names.unique(by_last_word.get(name, []))
            if fit:
                moves[key] = (named[fit], "place_in_corpus", fit)
    return moves
