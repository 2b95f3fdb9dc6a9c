"""The warehouse tables: one source for DuckDB DDL, Polars frames, Dagster column schemas and tests.

The contract tables and columns are those of `CONTRACT.md`; the extra columns here are additions.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl


@dataclass(frozen=True)
class Column:
    name: str
    sql: str
    comment: str
    nullable: bool = True

    @property
    def polars(self) -> pl.DataType:
        return _POLARS[self.sql]


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: str | None = None

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def polars_schema(self) -> dict[str, pl.DataType]:
        return {c.name: c.polars for c in self.columns}

    def empty(self) -> pl.DataFrame:
        return pl.DataFrame(schema=self.polars_schema)

    def frame(self, rows: list[dict]) -> pl.DataFrame:
        """Rows as a frame with exactly this table's columns and dtypes."""
        return pl.DataFrame(rows, schema=self.polars_schema, orient="row") if rows else self.empty()

    def concat(self, frames: list[pl.DataFrame]) -> pl.DataFrame:
        """Frames of this table (per chunk of documents) as one."""
        return pl.concat(frames) if frames else self.empty()


_POLARS: dict[str, pl.DataType] = {
    "VARCHAR": pl.String(),
    "INTEGER": pl.Int32(),
    "BIGINT": pl.Int64(),
    "DOUBLE": pl.Float64(),
    "BOOLEAN": pl.Boolean(),
    "DATE": pl.Date(),
    "TIMESTAMP": pl.Datetime("us"),
    "VARCHAR[]": pl.List(pl.String()),
    "JSON": pl.String(),
}

C = Column

DOCUMENTS = Table(
    "documents",
    "One row per seed file that was ingested: the decoded text, its cleaned body and its metadata.",
    (
        C("doc_id", "VARCHAR", "stable id of the seed file: its path under the seeds folder without a .txt extension (the whole path where two files would share one)", False),
        C("source_path", "VARCHAR", "path relative to the seeds folder (bytes of the name that are not UTF-8 written as \\xe9)", False),
        C("content_sha256", "VARCHAR", "SHA-256 of the raw bytes", False),
        C("encoding", "VARCHAR", "text encoding the raw bytes were decoded with", False),
        # A UTF-8 file with a few damaged bytes is decoded as UTF-8 rather than guessed to be a legacy codec;
        # the damage is counted here instead of disappearing into the text.
        C("replaced_bytes", "INTEGER", "how many bytes were not valid in that encoding and became U+FFFD (0 normally)", False),
        C("title", "VARCHAR", "headline", False),
        C("byline", "VARCHAR", "author(s) as written"),
        C("outlet", "VARCHAR", "publication, where the text reveals it"),
        C("dateline", "VARCHAR", "place (and agency) that opens the story, e.g. SEOUL"),
        C("published_date", "DATE", "date of publication, where known"),
        C("metadata_basis", "VARCHAR", "JSON object: for each of title, byline, outlet, dateline and published_date that was found, what it was read from (e.g. {\"byline\": \"names under the headline\"})"),
        C("story_id", "VARCHAR", "near-duplicate group: articles rewriting one story share it (the group's first doc_id)", False),
        C("raw_text", "VARCHAR", "the decoded file", False),
        C("clean_text", "VARCHAR", "the article body with boilerplate removed", False),
        C("n_removed_lines", "INTEGER", "how many raw lines were removed as boilerplate", False),
        C("flags", "VARCHAR[]", "facts about the page worth a review: no_published_date, title_guessed (no headline found: the first line), replaced_bytes (empty when none)", False),
    ),
    primary_key="doc_id",
)

BOILERPLATE = Table(
    "boilerplate",
    "One row per line removed from a raw text, with the reason it was judged page chrome.",
    (
        C("doc_id", "VARCHAR", "document the line was removed from", False),
        C("line_no", "INTEGER", "1-based line number in raw_text", False),
        C("text", "VARCHAR", "the removed line", False),
        C("reason", "VARCHAR", "short snake_case category such as share_widget or duplicate_caption", False),
    ),
)

CAPTIONS = Table(
    "captions",
    "One row per distinct photo caption lifted out of a page (repeats are in boilerplate).",
    (
        C("doc_id", "VARCHAR", "document the caption belongs to", False),
        C("line_no", "INTEGER", "1-based line number of the caption's first occurrence in raw_text", False),
        C("text", "VARCHAR", "the caption as written", False),
    ),
)

QUARANTINE = Table(
    "quarantine",
    "One row per seed file that could not be ingested, with the reason.",
    (
        C("source_path", "VARCHAR", "path relative to the seeds folder", False),
        C("content_sha256", "VARCHAR", "SHA-256 of the raw bytes, when they could be read"),
        C("reason", "VARCHAR", "a clear sentence saying why the file was not ingested", False),
        C("detected_at", "TIMESTAMP", "when the problem was found (UTC)", False),
    ),
)

SENTENCES = Table(
    "sentences",
    "One row per sentence of each document's clean_text.",
    (
        C("doc_id", "VARCHAR", "document", False),
        C("sentence_idx", "INTEGER", "0-based position of the sentence in the document", False),
        C("start_char", "INTEGER", "offset of the first character in clean_text", False),
        C("end_char", "INTEGER", "offset just past the last character in clean_text", False),
        C("text", "VARCHAR", "the sentence", False),
    ),
)

MENTIONS = Table(
    "mentions",
    "One row per named-entity mention found by spaCy in clean_text.",
    (
        C("mention_id", "VARCHAR", "deterministic id from doc_id and offsets", False),
        C("doc_id", "VARCHAR", "document", False),
        C("sentence_idx", "INTEGER", "sentence the mention sits in", False),
        C("start_char", "INTEGER", "offset of the first character in clean_text", False),
        C("end_char", "INTEGER", "offset just past the last character in clean_text", False),
        C("text", "VARCHAR", "the mention as written", False),
        C("label", "VARCHAR", "entity label (spaCy scheme), the canonical entity's label", False),
        C("ner_label", "VARCHAR", "the label spaCy gave this span", False),
        C("entity_id", "VARCHAR", "the canonical entity", False),
        # Every merge keeps its reason, so a user can audit or undo one rule's merges (issue 22).
        C("resolved_by", "VARCHAR", "how the mention was tied to its entity: as_written, courtesy_title, full_name_in_document, "
          "middle_initial, given_name_in_document, initials_in_document, longer_name_in_document, acronym, alias_file, legal_form, "
          "web_domain, group_suffix, spelling_variant, surname_in_corpus, given_name_in_corpus, longer_name_in_corpus, country, "
          "place_in_corpus", False),
    ),
    primary_key="mention_id",
)

NER_SPANS = Table(
    "ner_spans",
    "Staging: cleaned spaCy name spans and spaCy's raw MONEY spans, before canonicalisation.",
    (
        C("doc_id", "VARCHAR", "document", False),
        C("sentence_idx", "INTEGER", "sentence the span sits in"),
        C("start_char", "INTEGER", "offset of the first character in clean_text", False),
        C("end_char", "INTEGER", "offset just past the last character in clean_text", False),
        C("text", "VARCHAR", "the span as written", False),
        C("ner_label", "VARCHAR", "label of a name mention; null for MONEY spans"),
        C("raw_label", "VARCHAR", "the label spaCy gave", False),
        C("cue", "VARCHAR", "the label the words around the name point to (a title, a role, a suffix), if any"),
    ),
)

ENTITIES = Table(
    "entities",
    "One row per canonical entity across all documents.",
    (
        C("entity_id", "VARCHAR", "deterministic id from label and normalised name", False),
        C("name", "VARCHAR", "canonical form, e.g. Sam Altman", False),
        C("label", "VARCHAR", "one label per entity", False),
        C("aliases", "VARCHAR[]", "every surface form seen", False),
        C("n_mentions", "INTEGER", "number of mentions", False),
        C("n_documents", "INTEGER", "number of documents with a mention", False),
    ),
    primary_key="entity_id",
)

MONEY = Table(
    "money",
    "One row per monetary figure in clean_text, normalised to ISO 4217 and US dollars.",
    (
        C("money_id", "VARCHAR", "deterministic id from doc_id and offsets", False),
        C("doc_id", "VARCHAR", "document", False),
        C("sentence_idx", "INTEGER", "sentence the figure sits in"),
        C("start_char", "INTEGER", "offset of the first character in clean_text", False),
        C("end_char", "INTEGER", "offset just past the last character in clean_text", False),
        C("text", "VARCHAR", "the figure as written", False),
        C("amount", "DOUBLE", "value in whole units of currency; the low end of a range", False),
        C("amount_high", "DOUBLE", "the high end of a range"),
        C("currency", "VARCHAR", "ISO 4217 code", False),
        C("currency_basis", "VARCHAR", "evidence for the currency: explicit, or how a bare $ was read", False),
        C("qualifier", "VARCHAR", "up_to, more_than, less_than, about or at_least"),
        C("amount_usd", "DOUBLE", "amount in US dollars at fx_date"),
        C("fx_date", "DATE", "the date whose ECB reference rate was used"),
        C("fx_basis", "VARCHAR", "which date the rate was taken for: published_date, story_date (a dated article of the same story) or latest_available"),
        C("equivalent_of", "VARCHAR", "money_id of the figure this one restates in another currency (only where the two agree in US dollars)"),
        C("restates", "VARCHAR", "money_id of the figure the text presents this one as restating, whether or not the amounts agree"),
        C("subject_entity_id", "VARCHAR", "the entity that holds the figure (invests, pays, raises, is valued at, spends, earns it) by the structure of its sentence; null when no clear subject"),
        C("claim_id", "VARCHAR", "the money_claims row of the figure as reported across documents; a restatement has the claim of the figure it restates"),
        C("claim_basis", "VARCHAR", "why the figure is in its claim: lead (its amount stands for the claim), restatement (of a figure in another currency), "
          "same_subject (same subject, dates within 30 days, amount within a restatement's tolerance in USD; in the lead's own document only the same "
          "amount written again), subject_in_document (no subject of its own; its document names the subject of a claim led from another document), "
          "same_story (no subject of its own; the claim's lead is in another document of its story), lower_bound (a 'more than' figure below the "
          "amount of the one claim of its subject, from another document, above it)"),
        C("flags", "VARCHAR[]", "facts about the figure worth a review: restatement_disagrees, undated, no_usd_rate (empty when none)", False),
    ),
    primary_key="money_id",
)

MONEY_CLAIMS = Table(
    "money_claims",
    "One row per figure as reported across documents: the figures of one subject whose US dollar amounts agree within the tolerance of a "
    "restatement, published within 30 days (undated pages: any day), so that a sum counts one investment once however many articles report it. "
    "Within one article only the same amount written again is the same figure.",
    (
        C("claim_id", "VARCHAR", "deterministic id from the money_id of the claim's lead figure", False),
        C("lead_money_id", "VARCHAR", "the figure whose amount stands for the claim: the first reported (by publication date, undated last) of those with a subject, exact amounts before 'more than' ones", False),
        C("subject_entity_id", "VARCHAR", "the entity that holds the figure (the lead figure's subject); null when no report names one"),
        C("amount", "DOUBLE", "the lead figure's amount in its currency", False),
        C("currency", "VARCHAR", "the lead figure's ISO 4217 code", False),
        C("amount_usd", "DOUBLE", "the lead figure's amount in US dollars, what sums of claims add up; null when it has no rate"),
        C("n_figures", "INTEGER", "figures that report it (restatements in a second currency not counted)", False),
        C("n_documents", "INTEGER", "documents that report it", False),
        C("n_outlets", "INTEGER", "distinct outlets of those documents (documents whose outlet is unknown not counted)", False),
        C("first_doc_id", "VARCHAR", "the document that reported it first: the earliest publication (or story) date, else the first doc_id", False),
        C("first_reported", "DATE", "the earliest publication (or story) date of its documents; null when none is dated"),
    ),
    primary_key="claim_id",
)

COOCCURRENCES = Table(
    "cooccurrences",
    "Entity pairs named in one sentence or one document, with counts.",
    (
        C("entity_a", "VARCHAR", "the pair's smaller entity_id", False),
        C("name_a", "VARCHAR", "canonical name of entity_a", False),
        C("entity_b", "VARCHAR", "the pair's larger entity_id", False),
        C("name_b", "VARCHAR", "canonical name of entity_b", False),
        C("scope", "VARCHAR", "sentence or document", False),
        C("n", "INTEGER", "number of sentences (or documents) naming both", False),
        C("n_documents", "INTEGER", "number of documents where they co-occur at this scope", False),
    ),
)

VALIDATION_RESULTS = Table(
    "validation_results",
    "One row per Great Expectations expectation evaluated by an asset check.",
    (
        C("run_id", "VARCHAR", "Dagster run that evaluated the expectation", False),
        C("checked_at", "TIMESTAMP", "when it was evaluated (UTC)", False),
        C("table_name", "VARCHAR", "table validated", False),
        C("expectation", "VARCHAR", "expectation type and column", False),
        C("success", "BOOLEAN", "whether the expectation held", False),
        C("severity", "VARCHAR", "ERROR (a failure keeps the table out of the warehouse) or WARN (reported only)"),
        C("unexpected_count", "INTEGER", "rows that broke it"),
        C("details", "JSON", "GX result summary with examples of failing values"),
    ),
)

TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        DOCUMENTS,
        BOILERPLATE,
        CAPTIONS,
        QUARANTINE,
        SENTENCES,
        NER_SPANS,
        MENTIONS,
        ENTITIES,
        COOCCURRENCES,
        MONEY,
        MONEY_CLAIMS,
        VALIDATION_RESULTS,
    )
}


@dataclass(frozen=True)
class View:
    name: str
    description: str
    sql: str


# Views for the questions analysts ask most; published with the tables.
VIEWS: dict[str, View] = {
    v.name: v
    for v in (
        View(
            "document_overview",
            "One row per document: headline, outlet, date, story, and how many sentences, mentions and money figures it has.",
            """
            SELECT d.doc_id, d.title, d.outlet, d.published_date, d.story_id, d.n_removed_lines,
                   (SELECT count(*) FROM sentences s WHERE s.doc_id = d.doc_id) AS n_sentences,
                   (SELECT count(*) FROM mentions m WHERE m.doc_id = d.doc_id) AS n_mentions,
                   (SELECT count(*) FROM money y WHERE y.doc_id = d.doc_id) AS n_money
            FROM documents d
            """,
        ),
        View(
            "money_usd_by_story",
            "US dollar totals per story: the claims its documents report (money_claims), each counted once however often the story "
            "reports it; a claim reported by several stories counts in each.",
            """
            WITH reported AS (
                SELECT d.story_id, m.claim_id, count(*) FILTER (WHERE m.equivalent_of IS NULL) AS n_figures, list(DISTINCT d.doc_id) AS docs
                FROM money m JOIN documents d USING (doc_id)
                GROUP BY d.story_id, m.claim_id
            )
            SELECT r.story_id, count(*) AS n_claims, sum(r.n_figures)::BIGINT AS n_figures,
                   len(list_distinct(flatten(list(r.docs)))) AS n_documents, sum(c.amount_usd) AS total_usd
            FROM reported r JOIN money_claims c USING (claim_id)
            GROUP BY r.story_id
            """,
        ),
        View(
            "money_usd_by_entity",
            "US dollar totals per entity that holds the money (money_claims.subject_entity_id): each claim counted once, however many "
            "documents report it.",
            """
            SELECT e.entity_id, e.name, e.label, count(*) AS n_claims, sum(c.n_figures)::BIGINT AS n_figures, sum(c.amount_usd) AS total_usd
            FROM money_claims c JOIN entities e ON e.entity_id = c.subject_entity_id
            GROUP BY e.entity_id, e.name, e.label
            """,
        ),
        View(
            "review",
            "One row per flag raised on a row (documents.flags, money.flags): facts about the pages worth a look, published rather than withheld.",
            """
            SELECT 'documents' AS table_name, doc_id AS row_id, doc_id, unnest(flags) AS rule, title AS detail
            FROM documents WHERE len(flags) > 0
            UNION ALL
            SELECT 'money', money_id, doc_id, unnest(flags), text FROM money WHERE len(flags) > 0
            """,
        ),
        View(
            "entity_comentions",
            "People and organisations named in the same sentence, with the number of sentences and documents, most named first "
            "(places and nationalities stay in cooccurrences).",
            # Analysts ask who deals with whom: nationality words and places would lead every ranking (issue 22).
            """
            SELECT c.name_a, c.name_b, c.entity_a, c.entity_b, a.label AS label_a, b.label AS label_b, c.n AS n_sentences, c.n_documents
            FROM cooccurrences c JOIN entities a ON a.entity_id = c.entity_a JOIN entities b ON b.entity_id = c.entity_b
            WHERE c.scope = 'sentence' AND a.label IN ('PERSON', 'ORG') AND b.label IN ('PERSON', 'ORG')
            ORDER BY c.n DESC, c.n_documents DESC, c.name_a, c.name_b
            """,
        ),
    )
}
