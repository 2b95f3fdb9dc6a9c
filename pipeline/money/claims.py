"""Money claims: one row per figure as reported across documents, so that a sum counts one
investment once however many articles report it (the `money_claims` table, `money.claim_id`)."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

import polars as pl

from pipeline.money.table import rate_days, usd_agrees
from pipeline.schema import MONEY_CLAIMS

# Reports of one figure within this many days of its lead's publication are one claim.
WINDOW_DAYS = 30
# Qualifiers that give a floor: "more than $400 billion" may report a figure above it.
LOWER_BOUNDS = ("more_than", "at_least")


def claim_id(money_id: str) -> str:
    return hashlib.sha1(f"claim:{money_id}".encode()).hexdigest()[:16]


@dataclass(frozen=True)
class ReportedFigure:
    """What clustering needs of a money row (not a restatement)."""

    money_id: str
    doc_id: str
    story_id: str | None
    subject: str | None
    amount: float
    currency: str
    usd: float | None
    fx_basis: str | None
    lower_bound: bool
    date: dt.date | None  # the publication date, else the story's


def money_claims(
    money: pl.DataFrame, documents: pl.DataFrame | pl.LazyFrame, mentions: pl.DataFrame
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(`money` with `claim_id` and `claim_basis`, the `money_claims` table).

    `documents` needs doc_id, published_date, story_id and outlet; `mentions` doc_id and
    entity_id (which entities a document names)."""
    figures = _figure_frame(money, documents)
    fields = list(ReportedFigure.__dataclass_fields__)
    originals = [ReportedFigure(**row) for row in figures.filter(pl.col("equivalent_of").is_null()).select(fields).iter_rows(named=True)]
    names = _names_by_document(mentions, figures)
    placed = cluster(originals, names)
    for money_id, restated in figures.filter(pl.col("equivalent_of").is_not_null()).select("money_id", "equivalent_of").rows():
        placed[money_id] = (placed[restated][0], "restatement") if restated in placed else (money_id, "lead")
    leads = [placed[m][0] for m in money["money_id"]]
    money = money.with_columns(
        claim_id=pl.Series([claim_id(lead) for lead in leads], dtype=pl.String),
        claim_basis=pl.Series([placed[m][1] for m in money["money_id"]], dtype=pl.String),
    )
    return money, _claims_table(money.with_columns(lead_money_id=pl.Series(leads, dtype=pl.String)), figures)


def cluster(figures: list[ReportedFigure], names: dict[str, set[str]]) -> dict[str, tuple[str, str]]:
    """money_id -> (the money_id of its claim's lead, the basis it joined on) for figures that
    restate nothing.

    Figures are read in `_reading_order`: each joins the first claim whose lead it `_repeats`
    (`Leads.candidates`: same subject or, without a subject, a subject its document `names` or the
    same story; dates within WINDOW_DAYS), else a lower bound joins the one claim of its candidates
    from other documents above it; a figure that joins none leads a claim of its own. Comparing
    with the lead, not the last member, keeps a chain of small gaps from drifting into one claim."""
    leads = Leads()
    placed: dict[str, tuple[str, str]] = {}
    for figure in sorted(figures, key=_reading_order):
        candidates = leads.candidates(figure, names.get(figure.doc_id, set()))
        lead, basis = next(((c, b) for c, b in candidates if _repeats(figure, c)), (None, ""))
        if lead is None and figure.lower_bound and figure.usd is not None:
            above = [(c, b) for c, b in candidates if c.doc_id != figure.doc_id and not c.lower_bound and c.usd >= figure.usd]
            lead, basis = (above[0][0], "lower_bound") if len(above) == 1 else (None, "")
        if lead is None:
            lead, basis = figure, "lead"
            leads.add(figure)
        placed[figure.money_id] = (lead.money_id, basis)
    return placed


def _repeats(figure: ReportedFigure, lead: ReportedFigure) -> bool:
    """Whether `figure` reports the lead's figure again: in another document, within the tolerance
    of a restatement in US dollars (outlets round, and convert at their own dates); in the same
    one, only as the same amount written again ("$17 Million", "$17 million"), since two close
    figures of one article are two facts ("$39,014, up from $38,373")."""
    if figure.doc_id == lead.doc_id:
        return figure.amount == lead.amount and figure.currency == lead.currency
    return bool(usd_agrees(figure.usd, lead.usd, figure.fx_basis))


def _reading_order(figure: ReportedFigure) -> tuple:
    """Figures with a subject lead claims before those without, exact amounts before lower bounds,
    then by publication date (undated last) and position."""
    return (figure.lower_bound, figure.subject is None, figure.date is None, figure.date or dt.date.min, figure.doc_id, figure.money_id)


class Leads:
    """The claims' leads so far, by subject and by story, in the order they were found."""

    def __init__(self) -> None:
        self.rank: dict[str, int] = {}
        self.by_subject: dict[str, list[ReportedFigure]] = {}
        self.by_story: dict[str | None, list[ReportedFigure]] = {}

    def add(self, lead: ReportedFigure) -> None:
        if lead.usd is None:
            return  # nothing to compare with
        self.rank[lead.money_id] = len(self.rank)
        if lead.subject is not None:
            self.by_subject.setdefault(lead.subject, []).append(lead)
        if lead.story_id is not None:
            self.by_story.setdefault(lead.story_id, []).append(lead)

    def candidates(self, figure: ReportedFigure, named: set[str]) -> list[tuple[ReportedFigure, str]]:
        """The leads `figure` may join, in the order they were found, with the basis of each: a
        figure with a subject joins its subject's claims only; one without joins a claim of
        another document whose subject its document names, or one led from another document of
        its story (within one article, a figure without a subject is no repeat: "($20)" after
        each of three games)."""
        if figure.subject is not None:
            found = {c.money_id: (c, "same_subject") for c in self.by_subject.get(figure.subject, [])}
        else:
            found = {c.money_id: (c, "subject_in_document") for s in named for c in self.by_subject.get(s, []) if c.doc_id != figure.doc_id}
            for c in self.by_story.get(figure.story_id, []):
                if c.doc_id != figure.doc_id:
                    found.setdefault(c.money_id, (c, "same_story"))
        return sorted((f for f in found.values() if _within_window(figure, f[0])), key=lambda f: self.rank[f[0].money_id])


def _within_window(figure: ReportedFigure, lead: ReportedFigure) -> bool:
    """Dates within WINDOW_DAYS; an undated figure (no date for its page or story) fits any."""
    return figure.date is None or lead.date is None or abs((figure.date - lead.date).days) <= WINDOW_DAYS


def _figure_frame(money: pl.DataFrame, documents: pl.DataFrame | pl.LazyFrame) -> pl.DataFrame:
    """The money rows with what clustering and the claims table read: date, story and outlet."""
    days = rate_days(documents).select("doc_id", date=pl.when(pl.col("basis") != "latest_available").then("day"))
    docs = documents.lazy().select("doc_id", "story_id", "outlet").collect()
    return (
        money.select(
            "money_id", "doc_id", "equivalent_of", "fx_basis", "amount", "currency",
            subject="subject_entity_id", usd="amount_usd", lower_bound=pl.col("qualifier").is_in(LOWER_BOUNDS).fill_null(False),
        )
        .join(days, on="doc_id", how="left", maintain_order="left")
        .join(docs, on="doc_id", how="left", maintain_order="left")
    )


def _names_by_document(mentions: pl.DataFrame, figures: pl.DataFrame) -> dict[str, set[str]]:
    """doc_id -> the subjects of figures that a document with a subjectless figure names."""
    docs = figures.filter(pl.col("subject").is_null())["doc_id"].unique()
    subjects = figures["subject"].drop_nulls().unique()
    named = mentions.filter(pl.col("doc_id").is_in(docs.implode()) & pl.col("entity_id").is_in(subjects.implode()))
    return {doc: set(ids) for doc, ids in named.group_by("doc_id").agg(pl.col("entity_id").unique()).rows()}


def _claims_table(money: pl.DataFrame, figures: pl.DataFrame) -> pl.DataFrame:
    members = money.select("claim_id", "lead_money_id", "money_id", "doc_id", "claim_basis").join(
        figures.select("money_id", "date", "outlet"), on="money_id", how="left", maintain_order="left"
    )
    counts = members.group_by("claim_id", "lead_money_id").agg(
        n_figures=(pl.col("claim_basis") != "restatement").sum(),
        n_documents=pl.col("doc_id").n_unique(),
        n_outlets=pl.col("outlet").drop_nulls().n_unique(),
        first_doc_id=pl.col("doc_id").sort_by("date", "doc_id", nulls_last=True).first(),
        first_reported=pl.col("date").min(),
    )
    leads = money.select(lead_money_id="money_id", subject_entity_id="subject_entity_id", amount="amount", currency="currency", amount_usd="amount_usd")
    return (
        counts.join(leads, on="lead_money_id", how="left")
        .select(MONEY_CLAIMS.names)
        .cast(MONEY_CLAIMS.polars_schema)
        .sort("amount_usd", "claim_id", descending=[True, False], nulls_last=True)
    )
