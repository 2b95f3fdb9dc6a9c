"""The folder's templates: lines that the pages of three or more different stories carry.

One story does not write the same line into other stories; an outlet's page does: its newsletter
blurb, its about box, a teaser in its "more stories" box, a slogan under its logo. Such a line,
compared as the cleaner compares repeats (its words, case-folded: `split_lines`), is page chrome
on every page that carries it, whatever it says, once pages of `MIN_STORIES` different stories
carry it (versions and rewrites of one story, one `story_id`, count once) and the per-page
cleaner kept it somewhere. Removing it is a second, cheap pass over the pages that carry one.
"""

from __future__ import annotations

from collections import defaultdict

import polars as pl

from pipeline.cleaning.cleaner import TEMPLATE_REASON, split_lines

MIN_STORIES = 3


def _page_lines(documents: pl.DataFrame, boilerplate: pl.DataFrame) -> dict[str, dict[str, str | None]]:
    """doc_id -> {repeat key of each raw line: the reason it was removed, None if kept}."""
    reasons: dict[str, dict[int, str]] = defaultdict(dict)
    for doc_id, line_no, reason in boilerplate.select("doc_id", "line_no", "reason").iter_rows():
        reasons[doc_id][line_no] = reason
    pages: dict[str, dict[str, str | None]] = {}
    for doc_id, raw in documents.select("doc_id", "raw_text").iter_rows():
        removed = reasons.get(doc_id, {})
        keys: dict[str, str | None] = {}
        for line in split_lines(raw):
            if line.key and keys.get(line.key, "") is not None:  # kept once on the page: kept
                keys[line.key] = removed.get(line.no)
        pages[doc_id] = keys
    return pages


def stale(documents: pl.DataFrame, boilerplate: pl.DataFrame) -> dict[str, frozenset[str]]:
    """doc_id -> its template lines' keys, for the documents whose lines removed as template are not
    those the folder now makes template: they are to be cleaned again with these keys.

    `documents` has doc_id, story_id and raw_text; `boilerplate` doc_id, line_no and reason."""
    pages = _page_lines(documents, boilerplate)
    stories: dict[str, set[str]] = defaultdict(set)
    wanted: set[str] = set()  # kept by the per-page cleaner somewhere, or already a template
    for doc_id, story_id in documents.select("doc_id", "story_id").iter_rows():
        for key, reason in pages[doc_id].items():
            stories[key].add(story_id)
            if reason is None or reason == TEMPLATE_REASON:
                wanted.add(key)
    template = {key for key in wanted if len(stories[key]) >= MIN_STORIES}
    found = {doc_id: frozenset(template.intersection(keys)) for doc_id, keys in pages.items()}
    return {doc_id: keys for doc_id, keys in found.items()
            if keys != {k for k, reason in pages[doc_id].items() if reason == TEMPLATE_REASON}}
