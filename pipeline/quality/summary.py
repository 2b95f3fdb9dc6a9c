"""The summary report: one self-contained HTML page (inline SVG charts, no scripts, no network)
built from query results, so it opens from disk and can be mailed to a colleague as is."""

from __future__ import annotations

import datetime as dt
from html import escape

import polars as pl

# The run whose tables are published: the latest to write validation_results (a run that failed
# a blocking check never publishes, so never writes them).
PUBLISHED_RUN = "SELECT run_id FROM validation_results ORDER BY checked_at DESC LIMIT 1"

# What the page shows, as SQL over the published warehouse (tables and views of `pipeline.schema`).
QUERIES: dict[str, str] = {
    "counts": """
        SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM quarantine) AS quarantined,
               (SELECT count(*) FROM sentences) AS sentences, (SELECT count(*) FROM mentions) AS mentions,
               (SELECT count(*) FROM entities) AS entities, (SELECT count(*) FROM money) AS money_figures,
               (SELECT count(*) FROM money_claims) AS money_claims,
               (SELECT coalesce(sum(amount_usd), 0) FROM money_claims) AS money_total_usd,
               (SELECT count(*) FROM boilerplate) AS removed_lines
    """,
    "money_by_currency": """
        SELECT currency, count(*) AS claims, sum(n_figures)::BIGINT AS figures, sum(amount_usd) AS total_usd
        FROM money_claims
        GROUP BY currency ORDER BY total_usd DESC NULLS LAST, claims DESC
    """,
    # People and organisations: places and nationality words would lead the chart (issue 22).
    "top_entities": """
        SELECT name, label, n_documents, n_mentions FROM entities WHERE label IN ('PERSON', 'ORG')
        ORDER BY n_documents DESC, n_mentions DESC, name LIMIT 15
    """,
    "removed_by_reason": "SELECT reason, count(*) AS lines FROM boilerplate GROUP BY reason ORDER BY lines DESC, reason",
    "expectations": f"""
        SELECT table_name, expectation, severity, success, unexpected_count FROM validation_results
        WHERE run_id = ({PUBLISHED_RUN})
        ORDER BY success, table_name, expectation
    """,
    "review": """
        SELECT table_name, rule, count(*) AS rows, count(DISTINCT doc_id) AS documents, min(detail) AS example
        FROM review GROUP BY table_name, rule ORDER BY table_name, rows DESC, rule
    """,
    "documents": "SELECT doc_id, title, outlet, published_date, n_sentences, n_mentions, n_money FROM document_overview ORDER BY doc_id",
}

_BAR_HEIGHT = 22
_LABEL_WIDTH = 220
_BAR_WIDTH = 420

_STYLE = """
body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;margin:2rem auto;max-width:1000px;color:#1f2937}
h1{margin-bottom:.2rem} .muted{color:#6b7280}
.tiles{display:flex;flex-wrap:wrap;gap:.75rem;margin:1.5rem 0}
.tile{border:1px solid #e5e7eb;border-radius:8px;padding:.6rem 1rem;min-width:7rem}
.tile b{display:block;font-size:1.5rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem;font-size:.9rem}
th,td{border-bottom:1px solid #e5e7eb;padding:.3rem .5rem;text-align:left;vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.fail{color:#b91c1c} .pass{color:#047857}
svg text{font-size:12px;fill:#1f2937}
"""


def bar_chart(labels: list[str], values: list[float], caption: str, unit: str = "") -> str:
    """A horizontal bar chart as inline SVG; bars scale to the largest value."""
    if not values:
        return f"<p class='muted'>{escape(caption)}: nothing to show.</p>"
    top = max(values) or 1.0
    height = _BAR_HEIGHT * len(values) + 10
    rows = []
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        y = i * _BAR_HEIGHT + 5
        width = max(1.0, _BAR_WIDTH * value / top)
        rows.append(
            f"<text x='{_LABEL_WIDTH - 8}' y='{y + 15}' text-anchor='end'>{escape(_shorten(label))}</text>"
            f"<rect x='{_LABEL_WIDTH}' y='{y + 3}' width='{width:.1f}' height='{_BAR_HEIGHT - 6}' fill='#4f46e5' rx='2'/>"
            f"<text x='{_LABEL_WIDTH + width + 6:.1f}' y='{y + 15}'>{escape(_number(value))}{escape(unit)}</text>"
        )
    width = _LABEL_WIDTH + _BAR_WIDTH + 140
    return (
        f"<figure><svg role='img' aria-label='{escape(caption)}' width='{width}' height='{height}' "
        f"viewBox='0 0 {width} {height}'>{''.join(rows)}</svg><figcaption class='muted'>{escape(caption)}</figcaption></figure>"
    )


def _shorten(text: str, limit: int = 32) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _number(value: float) -> str:
    for size, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= size:
            return f"{value / size:.1f}{suffix}"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def html_table(frame: pl.DataFrame) -> str:
    if frame.is_empty():
        return "<p class='muted'>No rows.</p>"
    head = "".join(f"<th>{escape(c)}</th>" for c in frame.columns)
    body = "".join(
        "<tr>" + "".join(_cell(v) for v in row) + "</tr>" for row in frame.iter_rows()
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _cell(value: object) -> str:
    if isinstance(value, bool):
        return f"<td class='{'pass' if value else 'fail'}'>{'passed' if value else 'failed'}</td>"
    if isinstance(value, int | float):
        return f"<td class='n'>{escape(_number(value))}</td>"
    return f"<td>{escape('' if value is None else str(value))}</td>"


def render(results: dict[str, pl.DataFrame], data_docs: str | None, generated_at: dt.datetime) -> str:
    """The page for `results` (one frame per name in QUERIES); `data_docs` links GX's Data Docs."""
    counts = results["counts"].row(0, named=True)
    money = results["money_by_currency"]
    priced = money.filter(pl.col("total_usd").is_not_null())
    entities = results["top_entities"]
    checks = results["expectations"]
    failed = checks.filter(~pl.col("success"))
    errors = failed.filter(pl.col("severity") == "ERROR").height
    tiles = "".join(f"<div class='tile'><b>{escape(_number(v))}</b>{escape(k.replace('_', ' '))}</div>" for k, v in counts.items())
    verdict = (
        f"<p class='pass'>All {checks.height} expectations of the last validation passed.</p>" if failed.is_empty()
        else f"<p class='fail'>{failed.height} of {checks.height} expectations failed ({errors} ERROR, "
        f"{failed.height - errors} WARN: reported, the table was published).</p>"
    )
    docs_link = f"<p><a href='{escape(data_docs)}'>Great Expectations Data Docs</a>: every suite's result in detail.</p>" if data_docs else ""
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>News warehouse report</title><style>{_STYLE}</style></head>
<body>
<h1>News warehouse report</h1>
<p class="muted">Generated {escape(generated_at.strftime('%Y-%m-%d %H:%M UTC'))} from the published warehouse.</p>
<div class="tiles">{tiles}</div>
<h2>Money by currency</h2>
{bar_chart(priced["currency"].to_list(), priced["total_usd"].to_list(), "US dollar value of the claims in each currency, at the publication date: a figure reported by several articles, or restated in a second currency, counts once", " USD")}
{html_table(money)}
<h2>Top entities</h2>
{bar_chart([f"{n} ({lbl})" for n, lbl in entities.select("name", "label").iter_rows()], entities["n_documents"].cast(pl.Float64).to_list(), "Documents that name each canonical entity")}
{html_table(entities)}
<h2>Validation</h2>
{verdict}
{docs_link}
{html_table(checks)}
<h2>Flagged for review</h2>
<p class="muted">Facts about the pages, not failures: these rows are published with their <code>flags</code>; the <code>review</code> view lists each one.</p>
{html_table(results["review"])}
<h2>Removed page chrome</h2>
{bar_chart(results["removed_by_reason"]["reason"].to_list(), results["removed_by_reason"]["lines"].cast(pl.Float64).to_list(), "Raw lines removed, by reason")}
<h2>Documents</h2>
{html_table(results["documents"])}
</body></html>
"""
