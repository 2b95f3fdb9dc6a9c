"""What the expectation suites need beyond a table's own columns: derived per-row facts and
parameters, computed here so the suites in `expectations/` stay declarative. A suite names the
derived columns it reads (`"derived"`, from `DERIVED`) or the frame it validates instead of its
table (`"frame"`, from `FRAMES`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import polars as pl

from pipeline.money.currencies import vocabulary
from pipeline.money.table import restatement_agrees
from pipeline.runtime.parallel import chunks, document_texts
from pipeline.schema import TABLES

_PERCENTAGE = r"(?i)%|\bper\s?cent\b|\bpercent"
# Columns the examples of flagged rows are shown with.
_EXAMPLE_COLUMNS = ("doc_id", "source_path", "sentence_idx", "start_char", "text", "n_places", "flags")

Scanner = Callable[[str, list[str] | None], pl.LazyFrame]
"""`scan(name, columns)` scans a staged table (all columns when None)."""


@dataclass(frozen=True)
class Derived:
    """A column a suite may name: the table's columns it is computed from, and how."""

    inputs: tuple[str, ...]
    add: Callable[[pl.DataFrame, Scanner], pl.DataFrame]


def parameters() -> dict:
    return {"iso_4217_codes": sorted(vocabulary().codes)}


def frame_for(table: str, suite: dict, scan: Scanner) -> pl.DataFrame:
    """The frame a suite validates: the frame it names in "frame", or else the table's columns
    the suite needs with the derived columns it names in "derived"."""
    if "frame" in suite:
        return FRAMES[suite["frame"]](lambda name, columns: scan(name, columns).collect())
    frame = scan(table, columns_for(table, suite)).collect()
    for name in suite.get("derived", []):
        frame = DERIVED[name].add(frame, scan)
    return frame


def columns_for(table: str, suite: dict) -> list[str]:
    """The columns of `table` a suite reads: those its expectations name, the inputs of its
    derived columns, the columns of flagged-row examples; all of them when an expectation is
    about the whole table."""
    wanted = named_columns(suite)
    if wanted is None:
        return TABLES[table].names
    wanted |= {c for name in suite.get("derived", []) for c in DERIVED[name].inputs}
    wanted |= set(_EXAMPLE_COLUMNS) if suite.get("report_rows_where_false") else set()
    return [c for c in TABLES[table].names if c in wanted]


def named_columns(suite: dict) -> set[str] | None:
    """The columns a suite's expectations name; None when one is about the whole table (a row
    count, the column list), which needs every column."""
    named = [expectation_columns(e["kwargs"]) for e in suite["expectations"]]
    return {c for cols in named for c in cols} if all(named) else None


def expectation_columns(kwargs: dict) -> list[str]:
    """The columns an expectation's kwargs name (none for a table-level expectation)."""
    return [kwargs["column"]] if "column" in kwargs else list(kwargs.get("column_list") or []) + [
        kwargs[k] for k in ("column_A", "column_B") if k in kwargs
    ]


def rows_where_false(frame: pl.DataFrame, column: str | None, limit: int = 50) -> list[dict]:
    """Examples of the rows a boolean column flags, for the check's metadata."""
    if not column or column not in frame.columns:
        return []
    cols = [c for c in _EXAMPLE_COLUMNS if c in frame.columns]
    return frame.filter(pl.col(column).not_()).select(cols).head(limit).to_dicts()


def money_span_coverage(spans: pl.DataFrame, money: pl.DataFrame) -> pl.DataFrame:
    """spaCy's MONEY spans, percentages aside, with `covered_by_money`: whether a row of `money`
    overlaps the span."""
    ranges: dict[str, list[tuple[int, int]]] = {}
    for doc_id, start, end in money.select("doc_id", "start_char", "end_char").rows():
        ranges.setdefault(doc_id, []).append((start, end))
    # spaCy's small model tags some percentages ("97 per cent") MONEY: they are not money.
    spans = spans.filter((pl.col("raw_label") == "MONEY") & ~pl.col("text").str.contains(_PERCENTAGE))
    covered = [
        any(s < e2 and s2 < e for s2, e2 in ranges.get(doc_id, []))
        for doc_id, s, e in spans.select("doc_id", "start_char", "end_char").rows()
    ]
    return spans.with_columns(covered_by_money=pl.Series(covered, dtype=pl.Boolean))


def with_offset_check(frame: pl.DataFrame, documents: pl.DataFrame | pl.LazyFrame, rows: int = 2_000) -> pl.DataFrame:
    """`offset_matches`: the row's text is exactly clean_text[start_char:end_char].

    Computed in Polars `rows` rows at a time, with only those rows' documents' texts in memory
    (`document_texts`: from a staged table's scan, read a chunk at a time). Joined to the rows, a
    text is copied once per row that points into it, so the chunks are small: the check's memory
    does not grow with the table or the corpus."""
    start, end, text = pl.col("start_char"), pl.col("end_char"), pl.col("clean_text")
    inside = (start >= 0) & (start <= end) & (end <= text.str.len_chars())
    matches = (inside & (text.str.slice(start, end - start) == pl.col("text"))).fill_null(False).alias("offset_matches")
    inputs = frame.select("doc_id", "start_char", "end_char", "text")
    # Rechunked: joined from one chunk, rows share their text's buffer; from several (a cast scan
    # gives two), Polars copies the text per row: 2,000 rows into a 1 MB text took 2 GB.
    flags = [
        part.join(document_texts(documents, part["doc_id"].unique()).rechunk(), on="doc_id", how="left", maintain_order="left").select(matches)
        for part in chunks(inputs, rows)
    ]
    return frame.with_columns(pl.concat(flags)["offset_matches"] if flags else pl.Series("offset_matches", [], dtype=pl.Boolean))


def seed_coverage(seed_files: pl.DataFrame, documents: pl.DataFrame, quarantine: pl.DataFrame) -> pl.DataFrame:
    """Each seed file (`source_path`) with `n_places`, how many rows of documents and quarantine
    hold it, and `placed_once`, the invariant."""
    placed = pl.concat([documents.select("source_path"), quarantine.select("source_path")]).group_by("source_path").len("n_places")
    everything = pl.concat([seed_files.select("source_path"), placed.select("source_path")]).unique()
    frame = everything.join(placed, on="source_path", how="left").with_columns(pl.col("n_places").fill_null(0))
    return frame.with_columns(placed_once=pl.col("n_places") == 1).sort("source_path")


def claim_links(money: pl.DataFrame, claims: pl.DataFrame) -> pl.DataFrame:
    """Every money row and every claim, joined on claim_id, with `linked`: the row's claim exists,
    the claim has figures, and its lead is one of them."""
    leads = money.select(lead_money_id="money_id", lead_claim="claim_id")
    claim_side = claims.join(leads, on="lead_money_id", how="left").select(
        "claim_id", "lead_money_id", lead_in_claim=(pl.col("lead_claim") == pl.col("claim_id")).fill_null(False)
    )
    joined = money.join(claim_side, on="claim_id", how="full", coalesce=True)
    return joined.with_columns(linked=pl.col("money_id").is_not_null() & pl.col("lead_in_claim").fill_null(False))


DERIVED: dict[str, Derived] = {
    "offset_matches": Derived(("doc_id", "start_char", "end_char", "text"),
                              lambda frame, scan: with_offset_check(frame, scan("documents", ["doc_id", "clean_text"]))),
    # A figure has its USD value or says why not.
    "usd_or_flagged": Derived(("amount_usd", "flags"), lambda frame, _: frame.with_columns(
        usd_or_flagged=pl.col("amount_usd").is_not_null() | pl.col("flags").list.contains("no_usd_rate"))),
    # Every published restatement link agrees in USD (null where the row restates nothing).
    "restatement_agrees": Derived(("money_id", "equivalent_of", "amount_usd", "fx_basis"), lambda frame, _: frame.with_columns(
        restatement_agrees=restatement_agrees(frame, "equivalent_of"))),
    # The files behind a duplicate doc_id, if any.
    "doc_id_unique": Derived(("doc_id",), lambda frame, _: frame.with_columns(doc_id_unique=pl.col("doc_id").is_unique())),
    # Facts worth a review, counted by a warning.
    "unflagged": Derived(("flags",), lambda frame, _: frame.with_columns(unflagged=pl.col("flags").list.len() == 0)),
}

FRAMES: dict[str, Callable[[Callable[[str, list[str] | None], pl.DataFrame]], pl.DataFrame]] = {
    # spaCy's MONEY spans against the money table.
    "spacy_money_spans": lambda read: money_span_coverage(
        read("ner_spans", ["doc_id", "sentence_idx", "start_char", "end_char", "text", "raw_label"]),
        read("money", ["doc_id", "start_char", "end_char"])),
    # Every file of the seeds folder against documents and quarantine.
    "seed_files": lambda read: seed_coverage(read("seed_files", None), read("documents", ["source_path"]), read("quarantine", ["source_path"])),
    # Money rows against the claims they point at.
    "money_claim_links": lambda read: claim_links(read("money", ["money_id", "doc_id", "claim_id"]),
                                                  read("money_claims", ["claim_id", "lead_money_id"])),
}
