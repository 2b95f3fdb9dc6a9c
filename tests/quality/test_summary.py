import datetime as dt
import re

import polars as pl

from pipeline.quality.summary import bar_chart, html_table, render


def test_bar_chart_scales_bars_to_the_largest_value_and_escapes_labels():
    svg = bar_chart(["<b>A&B</b>", "C"], [200.0, 50.0], "caption")
    widths = [float(w) for w in re.findall(r"<rect [^>]*width='([\d.]+)'", svg)]
    assert widths[0] == 4 * widths[1]
    assert "&lt;b&gt;A&amp;B&lt;/b&gt;" in svg and "<b>A" not in svg


def test_bar_chart_with_nothing_to_show_says_so():
    assert "nothing to show" in bar_chart([], [], "Money")


def test_html_table_marks_failed_checks_and_formats_large_numbers():
    html = html_table(pl.DataFrame({"expectation": ["x"], "success": [False], "total": [1.5e9]}))
    assert "class='fail'>failed" in html and "1.5B" in html


def _results(failed_severity: str | None) -> dict[str, pl.DataFrame]:
    checks = pl.DataFrame({"table_name": ["money", "money"], "expectation": ["a", "b"],
                           "severity": ["ERROR", failed_severity or "ERROR"], "success": [True, failed_severity is None],
                           "unexpected_count": [0, 0 if failed_severity is None else 3]})
    return {
        "counts": pl.DataFrame({"documents": [3], "money_figures": [4]}),
        "money_by_currency": pl.DataFrame({"currency": ["KRW", "XAU"], "figures": [2, 1], "total_usd": [1.0e6, None]}),
        "top_entities": pl.DataFrame({"name": ["OpenAI"], "label": ["ORG"], "n_documents": [3], "n_mentions": [9]}),
        "removed_by_reason": pl.DataFrame({"reason": ["share_widget"], "lines": [5]}),
        "expectations": checks,
        "review": pl.DataFrame({"table_name": ["money"], "rule": ["restatement_disagrees"], "rows": [2], "documents": [1],
                                "example": ["$6 million"]}),
        "documents": pl.DataFrame({"doc_id": ["a"], "title": ["T"]}),
    }


def test_render_states_the_validation_verdict_with_severities():
    now = dt.datetime(2026, 1, 2, 3, 4)
    assert "All 2 expectations of the last validation passed" in render(_results(None), None, now)
    page = render(_results("WARN"), "docs/index.html", now)
    assert "1 of 2 expectations failed (0 ERROR, 1 WARN" in page and "href='docs/index.html'" in page


def test_render_charts_only_currencies_with_a_dollar_value():
    page = render(_results(None), None, dt.datetime(2026, 1, 2))
    chart = page.split("<h2>Money by currency</h2>")[1].split("</figure>")[0]
    assert "KRW" in chart and "XAU" not in chart


def test_render_escapes_every_value_from_the_warehouse():
    hostile = "<img src=x onerror=alert(1)>"
    results = {name: frame.with_columns(pl.col(pl.String) + hostile) for name, frame in _results("WARN").items()}
    page = render(results, None, dt.datetime(2026, 1, 2))
    assert "<img" not in page
    assert page.count("&lt;img src=x onerror=alert(1)&gt;") >= 8  # currencies, entities, labels, expectations, titles


def test_render_lists_the_flagged_rows_by_rule():
    page = render(_results(None), None, dt.datetime(2026, 1, 2))
    section = page.split("<h2>Flagged for review</h2>")[1].split("<h2>")[0]
    assert "restatement_disagrees" in section and "$6 million" in section
