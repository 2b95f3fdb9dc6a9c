"""The whole pipeline materialized into temporary warehouses; assertions on the actual rows."""


import pytest

from tests.conftest import SEEDS

pytestmark = pytest.mark.slow


def test_pipeline_materializes_with_no_failing_error_check(built):
    result, _ = built
    evaluations = result.get_asset_check_evaluations()
    assert len(evaluations) == 13
    errors = [e.check_name for e in evaluations if not e.passed and e.severity.value == "ERROR"]
    assert errors == []


def test_pipeline_every_seed_is_a_document_or_quarantined_once(db):
    paths = sorted(p.name for p in SEEDS.iterdir() if p.is_file() and p.suffix == ".txt")
    got = db.sql("select source_path from documents union all select source_path from quarantine order by 1").fetchall()
    assert [r[0] for r in got] == paths


def test_pipeline_no_removed_line_survives_in_clean_text(db):
    leaks = db.sql(
        "select b.doc_id, b.text from boilerplate b join documents d using (doc_id) "
        "where length(trim(b.text)) >= 12 and b.reason not in ('photo_caption') and contains(d.clean_text, trim(b.text))"
    ).fetchall()
    assert leaks == []


@pytest.mark.parametrize("table", ["sentences", "mentions", "money"])
def test_pipeline_offsets_match_their_text(db, table):
    bad = db.sql(
        f"select count(*) from {table} x join documents d using (doc_id) "
        "where substr(d.clean_text, x.start_char + 1, x.end_char - x.start_char) <> x.text"
    ).fetchone()[0]
    total = db.sql(f"select count(*) from {table}").fetchone()[0]
    assert total > 0 and bad == 0


def test_pipeline_money_rows_from_the_seeds(db):
    rows = db.sql(
        "select text, currency, amount, qualifier, equivalent_of is not null, amount_usd is not null "
        "from money where doc_id like '000%' order by start_char"
    ).fetchall()
    assert rows == [
        ("US$500 billion", "USD", 5e11, "up_to", False, True),
        ("$684 billion", "SGD", 6.84e11, "up_to", True, True),
        ("2 trillion won", "KRW", 2e12, "up_to", False, True),
        ("S$1.9 billion", "SGD", 1.9e9, "up_to", True, True),
    ]
    dated = db.sql("select fx_date, amount_usd from money where doc_id like '003%'").fetchone()
    assert str(dated[0]) == "2025-02-04" and dated[1] == pytest.approx(4e11)


@pytest.mark.parametrize(
    ("name", "label", "variants"),
    [
        ("OpenAI", "ORG", []),
        ("Kakao", "ORG", []),
        ("SoftBank", "ORG", ["Softbank", "SoftBank Group"]),
        ("Samsung Electronics", "ORG", []),
        ("SK Group", "ORG", []),
        ("Sam Altman", "PERSON", ["Altman", "Mr Altman"]),
        ("Chung Shin-a", "PERSON", ["Chung Shina", "Jung Shin-a", "Ms Chung"]),
        ("Masayoshi Son", "PERSON", ["Son", "Mr Son"]),
        ("Chey Tae-won", "PERSON", []),
        ("Lee Jae-yong", "PERSON", ["Jay Y. Lee"]),
    ],
)
def test_pipeline_entities_have_one_row_label_and_variants(db, name, label, variants):
    rows = db.sql("select label, aliases from entities where list_contains(aliases, ?)", params=[name]).fetchall()
    assert len(rows) == 1 and rows[0][0] == label
    assert set(variants) <= set(rows[0][1])
    for variant in variants:
        assert db.sql("select count(distinct entity_id) from mentions where text = ?", params=[variant]).fetchone()[0] == 1


def test_pipeline_two_people_sharing_a_surname_stay_apart(db):
    kims = db.sql("select name from entities where label = 'PERSON' and name like 'Kim %' order by name").fetchall()
    assert [k[0] for k in kims] == ["Kim Beom-su", "Kim Chang-han"]


@pytest.mark.parametrize("chrome_name", ["Facebook", "Twitter", "Tucson N", "Hyundai N", "EAFO Research", "Korea Times"])
def test_pipeline_no_entity_comes_from_page_chrome(db, chrome_name):
    assert db.sql("select count(*) from entities where list_contains(aliases, ?)", params=[chrome_name]).fetchone()[0] == 0


def test_pipeline_entities_score_against_the_gold_list(db):
    from benchmarks.score_entities import load_gold, predicted_entities, score

    result = score(predicted_entities(db), load_gold())
    assert result["precision"] >= 0.95 and result["recall"] >= 0.95, result


def test_pipeline_mentions_have_no_line_breaks_and_point_at_entities(db):
    assert db.sql("select count(*) from mentions where contains(text, chr(10))").fetchone()[0] == 0
    orphans = db.sql("select count(*) from mentions m anti join entities e using (entity_id)").fetchone()[0]
    assert orphans == 0


def test_pipeline_wire_rewrites_share_a_story(db):
    stories = dict(db.sql("select doc_id[1:3], story_id from documents").fetchall())
    assert stories["000"] == stories["001"]
    assert len(set(stories.values())) == 4


@pytest.mark.parametrize("doc", ["002", "003"])
def test_pipeline_money_subject_is_stargate(db, doc):
    subject = db.sql(
        "select e.name from money m join entities e on e.entity_id = m.subject_entity_id where m.doc_id like ? || '%'", params=[doc]
    ).fetchall()
    assert subject == [("Stargate",)]


def test_pipeline_korean_public_investment_is_not_given_to_openai(db):
    subjects = db.sql("select subject_entity_id from money where text in ('2 trillion won', 'S$1.9 billion')").fetchall()
    assert subjects == [(None,), (None,)]


def test_pipeline_stargate_is_one_claim_reported_by_three_documents(db):
    claim = db.sql(
        "select c.claim_id, c.amount_usd, c.n_documents from money_claims c join entities e on e.entity_id = c.subject_entity_id "
        "where e.name = 'Stargate'"
    ).fetchall()
    assert len(claim) == 1 and claim[0][1:] == (5e11, 3)
    docs = db.sql("select distinct doc_id[1:3] from money where claim_id = ? order by 1", params=[claim[0][0]]).fetchall()
    assert docs == [("000",), ("002",), ("003",)]


def test_pipeline_cooccurrences_pair_altman_with_openai(db):
    n = db.sql(
        "select n from cooccurrences where scope = 'document' and 'Sam Altman' in (name_a, name_b) and 'OpenAI' in (name_a, name_b)"
    ).fetchone()[0]
    assert n == db.sql("select n_documents from entities where name = 'Sam Altman'").fetchone()[0]


@pytest.mark.parametrize("view", ["document_overview", "money_usd_by_story", "money_usd_by_entity", "entity_comentions"])
def test_pipeline_views_answer_with_rows_and_carry_a_comment(db, view):
    assert db.sql(f"select count(*) from {view}").fetchone()[0] > 0
    comment = db.sql("select comment from duckdb_views() where view_name = ?", params=[view]).fetchone()[0]
    assert comment


def test_pipeline_money_by_story_counts_each_claim_once(db):
    totals = dict(db.sql("select story_id, total_usd from money_usd_by_story").fetchall())
    direct = dict(db.sql(
        "select story_id, sum(c.amount_usd) from (select distinct d.story_id, m.claim_id from money m join documents d using (doc_id)) "
        "join money_claims c using (claim_id) group by story_id"
    ).fetchall())
    assert totals == pytest.approx(direct)


def test_pipeline_report_money_total_counts_each_claim_once(built, db):
    from pipeline.quality.summary import QUERIES, _number

    claimed = db.sql("select sum(amount_usd) from money_claims").fetchone()[0]
    figures = db.sql("select sum(amount_usd) from money where equivalent_of is null").fetchone()[0]
    repeats = db.sql(
        "select sum(m.amount_usd) - any_value(c.amount_usd) from money m join money_claims c using (claim_id) "
        "where m.equivalent_of is null group by c.claim_id having count(*) > 1"
    ).fetchall()
    assert len(repeats) == 1 and figures - claimed == pytest.approx(repeats[0][0])  # Stargate's other two reports
    assert db.sql(f"select sum(total_usd) from ({QUERIES['money_by_currency']})").fetchone()[0] == pytest.approx(claimed)
    page = (built[1].parent / "report" / "index.html").read_text(encoding="utf-8")
    assert f"<b>{_number(claimed)}</b>money total usd" in page


def test_pipeline_report_summarises_the_warehouse_and_links_data_docs(built, db):
    report = built[1].parent / "report"
    page = (report / "index.html").read_text(encoding="utf-8")
    n_docs = db.sql("SELECT count(*) FROM documents").fetchone()[0]
    assert f"<b>{n_docs}</b>documents" in page
    top = db.sql("SELECT name FROM entities ORDER BY n_documents DESC, n_mentions DESC, name LIMIT 1").fetchone()[0]
    assert f">{top} (" in page  # the top entity labels the first bar
    assert "href='data_docs/index.html'" in page
    docs = (report / "data_docs" / "index.html").read_text(encoding="utf-8")
    pages = list((report / "data_docs" / "validations").rglob("*.html"))
    assert len(pages) == 13  # one rendered result per suite in expectations/
    assert "money.figures" in docs and "documents.seed_coverage" in docs


def test_pipeline_validation_results_carry_each_expectations_severity(db):
    rows = dict(db.sql("SELECT severity, count(*) FROM validation_results GROUP BY severity").fetchall())
    assert set(rows) == {"ERROR", "WARN"}


def test_pipeline_flagged_rows_show_in_the_table_the_check_and_the_report(built, db):
    result, path = built
    flagged = db.sql("SELECT doc_id, text FROM money WHERE len(flags) > 0 ORDER BY doc_id, start_char").fetchall()
    assert flagged, "the seeds have undated figures, which are flagged"
    review = {e.check_name: e for e in result.get_asset_check_evaluations()}["money_review"]
    assert not review.passed and review.severity.value == "WARN"
    listed = [(r["doc_id"], r["text"]) for r in review.metadata["flagged"].value]
    assert sorted(listed) == sorted(flagged)
    n_flags = db.sql("SELECT sum(len(flags)) FROM money").fetchone()[0] + db.sql("SELECT sum(len(flags)) FROM documents").fetchone()[0]
    assert db.sql("SELECT count(*) FROM review").fetchone()[0] == n_flags
    section = (path.parent / "report" / "index.html").read_text(encoding="utf-8").split("<h2>Flagged for review</h2>")[1].split("<h2>")[0]
    for (rule,) in db.sql("SELECT DISTINCT rule FROM review").fetchall():
        assert rule in section
