import datetime as dt

import polars as pl

from pipeline.cleaning.cleaner import TEMPLATE_REASON, clean_text
from pipeline.documents.placement import place_files
from pipeline.documents.seed_files import SeedFile
from pipeline.documents.templates import MIN_STORIES, stale

NOW = dt.datetime(2025, 1, 1)
BLURB = ("The Riverton Gazette is an independent newsroom that has covered the valley since 1921, and it relies on "
         "readers like you to keep reporting on the stories that matter to this community.")
STORIES = [
    ("Council approves harbor budget",
     "The city council on Tuesday approved a harbor budget of $40 million after a long debate over dredging and new piers.",
     "Commissioner Ray Duarte said the piers would bring ferry service back to the east side within two years."),
    ("School board picks new superintendent",
     "The school board named Angela Ortiz as superintendent on Monday, ending a search that lasted eleven months.",
     "Ortiz, who led a district in Oregon, said her first task would be hiring teachers for the rural schools."),
    ("Drought forces farmers to cut planting",
     "Farmers across the valley will plant a third fewer acres of rice this spring because reservoirs are nearly empty.",
     "The irrigation district warned that deliveries could stop entirely by August if the winter stays dry."),
    ("Museum reopens after flood repairs",
     "The county history museum reopened on Saturday after two years of repairs to the flood damage in its basement.",
     "Curators rebuilt the mining exhibit with donated tools and photographs collected from families in the hills."),
]


def page(title: str, *paragraphs: str) -> bytes:
    return "\n".join(["Riverton Gazette", "Home", "News", title, "By Staff Writer", *paragraphs, BLURB, "Share"]).encode()


def seeds(pages: list[bytes]) -> list[SeedFile]:
    return [SeedFile(f"{i}.txt", data, f"{i}.txt") for i, data in enumerate(pages)]


def test_the_page_cleaner_alone_keeps_the_outlets_blurb():
    # What the folder pass is for: on its own, the blurb reads as a paragraph.
    assert BLURB in clean_text(page(*STORIES[0]).decode())


def test_a_line_that_pages_of_several_stories_carry_is_removed_from_each_as_template():
    result = place_files(seeds([page(*s) for s in STORIES]), now=NOW)
    assert result.documents.height == len(STORIES)
    for text in result.documents["clean_text"]:
        assert BLURB not in text
    assert any(paragraph in text for text in result.documents["clean_text"] for paragraph in STORIES[0][1:])
    removed = result.boilerplate.filter(pl.col("text") == BLURB)
    assert removed["reason"].to_list() == [TEMPLATE_REASON] * len(STORIES)
    assert all(row["clean_text"].count(row["title"]) == 1 for row in result.documents.iter_rows(named=True))


def test_fewer_stories_than_the_threshold_keep_the_line():
    result = place_files(seeds([page(*s) for s in STORIES[: MIN_STORIES - 1]]), now=NOW)
    assert all(BLURB in text for text in result.documents["clean_text"])


def test_versions_of_one_story_count_once():
    # A story filed three times, updated: its paragraphs recur, but it is one story.
    title, first, second = STORIES[0]
    versions = [page(title, first, second), page(title, first, second, "Updated: the vote was 5-2."),
                page(title + " (updated)", first, second, "Updated: the vote was 5-2.", "The mayor is expected to sign it.")]
    result = place_files(seeds(versions), now=NOW)
    assert result.documents["story_id"].n_unique() == 1
    assert all(first in text and BLURB in text for text in result.documents["clean_text"])


def test_a_rerun_reuses_the_template_pass_and_restores_lines_that_stop_being_template():
    files = seeds([page(*s) for s in STORIES])
    first = place_files(files, now=NOW)
    again = place_files(files, now=NOW, previous=first)
    assert again.reused == len(STORIES)
    assert again.documents["clean_text"].to_list() == first.documents["clean_text"].to_list()
    assert stale(again.documents, again.boilerplate) == {}
    fewer = place_files(files[: MIN_STORIES - 1], now=NOW, previous=first)
    assert all(BLURB in text for text in fewer.documents["clean_text"])
    assert fewer.boilerplate.filter(pl.col("reason") == TEMPLATE_REASON).is_empty()
