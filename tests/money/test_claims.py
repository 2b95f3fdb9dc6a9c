import datetime as dt

import polars as pl
import pytest

from pipeline.money.claims import money_claims
from pipeline.quality.validation import claim_links
from pipeline.schema import MONEY, MONEY_CLAIMS

DAY = dt.date(2025, 2, 4)


def _figure(money_id: str, doc_id: str, usd: float | None, subject: str | None = None, **extra) -> dict:
    defaults = {"money_id": money_id, "doc_id": doc_id, "sentence_idx": 0, "start_char": 0, "end_char": 1, "text": "$1",
                "amount": usd or 1.0, "currency": "USD", "currency_basis": "explicit", "amount_usd": usd, "fx_basis": "published_date",
                "subject_entity_id": subject, "flags": []}
    return {**defaults, **extra}


def _documents(*rows: tuple) -> pl.DataFrame:
    """(doc_id, published_date, story_id, outlet) rows."""
    return pl.DataFrame(rows, schema={"doc_id": pl.String, "published_date": pl.Date, "story_id": pl.String, "outlet": pl.String}, orient="row")


def _mentions(*rows: tuple[str, str]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema={"doc_id": pl.String, "entity_id": pl.String}, orient="row")


def _claims(figures: list[dict], documents: pl.DataFrame, mentions: pl.DataFrame | None = None) -> tuple[pl.DataFrame, pl.DataFrame]:
    return money_claims(MONEY.frame(figures), documents, mentions if mentions is not None else _mentions())


def _groups(money: pl.DataFrame) -> list[set[str]]:
    """The money_ids of each claim, claims in order of their first money_id."""
    groups = money.group_by("claim_id").agg("money_id")["money_id"].to_list()
    return sorted((set(g) for g in groups), key=min)


def test_claims_the_stargate_figure_of_three_seed_documents_is_one_claim():
    """The seeds: an undated figure with no subject of its own in a document that names Stargate
    (and its restatement in Singapore dollars), Stargate's $500 billion in another undated story,
    and 'more than $400 billion' of Stargate in a dated one."""
    figures = [
        _figure("m0", "000", 5e11, qualifier="up_to", fx_basis="latest_available"),
        _figure("m0s", "000", 5.35e11, qualifier="up_to", fx_basis="latest_available", currency="SGD", restates="m0", equivalent_of="m0"),
        _figure("m0k", "000", 1.5e9, currency="KRW", fx_basis="latest_available"),
        _figure("m2", "002", 5e11, "STARGATE", fx_basis="latest_available"),
        _figure("m3", "003", 4e11, "STARGATE", qualifier="more_than"),
    ]
    documents = _documents(("000", None, "000", None), ("002", None, "002", "Korea Times"), ("003", DAY, "003", "AJP"))
    money, claims = _claims(figures, documents, _mentions(("000", "STARGATE"), ("000", "OPENAI")))
    assert _groups(money) == [{"m0", "m0s", "m2", "m3"}, {"m0k"}]
    basis = dict(money.select("money_id", "claim_basis").rows())
    assert basis == {"m0": "subject_in_document", "m0s": "restatement", "m0k": "lead", "m2": "lead", "m3": "lower_bound"}
    stargate = claims.filter(pl.col("subject_entity_id") == "STARGATE").row(0, named=True)
    assert (stargate["lead_money_id"], stargate["amount_usd"], stargate["n_figures"], stargate["n_documents"], stargate["n_outlets"]) == ("m2", 5e11, 3, 3, 2)
    assert (stargate["first_doc_id"], stargate["first_reported"]) == ("003", DAY)
    assert claims["amount_usd"].sum() == pytest.approx(5e11 + 1.5e9)  # one investment counted once
    assert claims.columns == MONEY_CLAIMS.names


@pytest.mark.parametrize(("second", "documents", "one_claim"), [
    ({"amount_usd": 1.04e9}, [("a", DAY), ("b", DAY + dt.timedelta(days=30))], True),  # 4% apart, 30 days apart
    ({"amount_usd": 1.04e9}, [("a", DAY), ("b", DAY + dt.timedelta(days=31))], False),  # a month and a day later
    ({"amount_usd": 1.07e9}, [("a", DAY), ("b", DAY)], False),  # 7%: more than rates of one date explain
    ({"amount_usd": 1.07e9, "fx_basis": "latest_available"}, [("a", DAY), ("b", None)], True),  # an undated page: a year's drift
    ({"amount_usd": 1.04e9}, [("a", DAY), ("b", None)], True),  # an undated page fits any date
    ({"subject_entity_id": "OTHER"}, [("a", DAY), ("b", DAY)], False),  # another subject
    ({"amount_usd": None, "flags": ["no_usd_rate"]}, [("a", DAY), ("b", DAY)], False),  # nothing to compare
])
def test_claims_same_subject_amount_and_window(second, documents, one_claim):
    figures = [_figure("m1", "a", 1e9, "ACME"), {**_figure("m2", "b", 1e9, "ACME"), **second}]
    money, _ = _claims(figures, _documents(*[(doc, day, doc, None) for doc, day in documents]))
    assert (len(_groups(money)) == 1) is one_claim


@pytest.mark.parametrize(("first", "second", "one_claim"), [
    ({"subject_entity_id": "YOVANOVITCH"}, {"subject_entity_id": "YOVANOVITCH"}, True),  # "$17 Million" ... "$17 million"
    ({"subject_entity_id": "ACME"}, {"subject_entity_id": "ACME", "amount": 1.01e9, "amount_usd": 1.01e9}, False),  # "$1.01 billion, up from $1 billion"
    ({}, {}, False),  # "Thumper ($20)", "Until Dawn ($20)": no subject, so no repeat
    ({"subject_entity_id": "ACME"}, {}, False),  # a document naming the subject: only another document's claim
])
def test_claims_within_one_document_only_the_same_figure_written_again_is_one_claim(first, second, one_claim):
    figures = [{**_figure("m1", "a", 1e9), **first}, {**_figure("m2", "a", 1e9, start_char=50, end_char=51), **second}]
    money, _ = _claims(figures, _documents(("a", DAY, "a", None)), _mentions(("a", "ACME")))
    assert (len(_groups(money)) == 1) is one_claim


def test_claims_compare_with_the_lead_so_small_gaps_do_not_chain():
    figures = [_figure("m1", "a", 100e6, "ACME"), _figure("m2", "b", 104e6, "ACME"), _figure("m3", "c", 108e6, "ACME")]
    money, claims = _claims(figures, _documents(*[(d, DAY, d, None) for d in "abc"]))
    assert _groups(money) == [{"m1", "m2"}, {"m3"}]
    assert sorted(claims["amount_usd"].to_list()) == [100e6, 108e6]


@pytest.mark.parametrize(("story", "named", "joins"), [
    ("b", ["ACME"], "subject_in_document"),  # its document names the claim's subject
    ("a", [], "same_story"),  # a rewrite of the lead's story
    ("b", ["OTHER"], None),  # another story that does not name the subject
])
def test_claims_a_figure_without_a_subject_joins_only_by_its_document_or_story(story, named, joins):
    figures = [_figure("m1", "a", 1e9, "ACME"), _figure("m2", "b", 1e9)]
    documents = _documents(("a", DAY, "a", None), ("b", DAY, story, None))
    money, _ = _claims(figures, documents, _mentions(*[("b", e) for e in named]))
    basis = dict(money.select("money_id", "claim_basis").rows())
    assert basis["m2"] == (joins or "lead") and (len(_groups(money)) == 1) is (joins is not None)


@pytest.mark.parametrize(("leads", "bound", "joined"), [
    ([5e11], 4e11, True),  # 'more than $400 billion' of the one $500 billion claim
    ([5e11, 9e11], 4e11, False),  # two claims above it: which one it reports is unclear
    ([3e11], 4e11, False),  # a claim below the floor
])
def test_claims_a_lower_bound_joins_the_one_claim_above_it(leads, bound, joined):
    figures = [_figure(f"m{i}", f"d{i}", usd, "STARGATE") for i, usd in enumerate(leads)]
    figures.append(_figure("bound", "x", bound, "STARGATE", qualifier="more_than"))
    documents = _documents(*[(f["doc_id"], DAY, f["doc_id"], None) for f in figures])
    money, _ = _claims(figures, documents)
    assert (dict(money.select("money_id", "claim_basis").rows())["bound"] == "lower_bound") is joined
    assert len(_groups(money)) == len(leads) + (not joined)


def test_claims_ids_do_not_depend_on_the_order_of_the_rows():
    figures = [_figure("m1", "a", 1e9, "ACME"), _figure("m2", "b", 1.01e9, "ACME"), _figure("m3", "c", 5e6)]
    documents = _documents(*[(d, DAY, d, None) for d in "abc"])
    first, _ = _claims(figures, documents)
    again, _ = _claims(figures[::-1], documents)
    assert dict(first.select("money_id", "claim_id").rows()) == dict(again.select("money_id", "claim_id").rows())


def test_claims_links_flag_a_dangling_claim_a_claim_without_figures_and_a_lead_elsewhere():
    money = pl.DataFrame({"money_id": ["m1", "m2", "m3"], "doc_id": ["a", "a", "b"], "claim_id": ["c1", "gone", "c3"]})
    claims = pl.DataFrame({"claim_id": ["c1", "c2", "c3"], "lead_money_id": ["m1", "m1", "m1"]})
    links = claim_links(money, claims)
    assert sorted(links.select("money_id", "claim_id", "linked").rows(), key=str) == sorted(
        [("m1", "c1", True), ("m2", "gone", False), ("m3", "c3", False), (None, "c2", False)], key=str
    )
