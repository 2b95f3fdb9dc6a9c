import pytest


def _page_gold():
    from benchmarks.score_entities import GoldEntity, PageGold

    entities = {
        "p1#Donald Trump": GoldEntity("p1#Donald Trump", "Donald Trump", "PERSON", frozenset({"p1", "p2"}), 4, False),
        "p1#Twitter": GoldEntity("p1#Twitter", "Twitter", "ORG", frozenset({"p1"}), 1, False),
        "p2#Wall Street": GoldEntity("p2#Wall Street", "Wall Street", "ORG", frozenset({"p2"}), 1, True),
    }
    forms = {("p1", "donaldtrump"): ["p1#Donald Trump"], ("p1", "trump"): ["p1#Donald Trump"], ("p2", "trump"): ["p1#Donald Trump"],
             ("p1", "twitter"): ["p1#Twitter"], ("p2", "wallstreet"): ["p2#Wall Street"]}
    return PageGold(entities, forms, {"TUNE": ["p1", "p2"], "CHECK": []})


@pytest.mark.parametrize(
    ("mentions", "figures"),
    [
        # one entity per real one: all right
        ([("p1", "Donald Trump", "PERSON", "E1"), ("p2", "Trump", "PERSON", "E1"), ("p1", "Twitter", "ORG", "E2")],
         {"entities": 2, "precision": 1.0, "recall": 1.0, "core_recall": 1.0, "splits": 0}),
        # Trump split in two, Twitter a PERSON (wrong, and missed), an optional name ignored, chrome wrong
        ([("p1", "Donald Trump", "PERSON", "E1"), ("p2", "Trump", "PERSON", "E3"), ("p1", "Twitter", "PERSON", "E2"),
          ("p2", "Wall Street", "ORG", "E4"), ("p2", "Kanye West Says", "PERSON", "E5")],
         {"entities": 4, "precision": 0.25, "recall": 0.5, "core_recall": 1.0, "splits": 1}),
    ],
)
def test_entity_scoring_counts_splits_labels_and_optional_names(mentions, figures):
    from benchmarks.score_entities import score_pages

    result = score_pages(mentions, _page_gold(), ["p1", "p2"])
    assert {k: result[k] for k in figures} == figures


def test_entity_scoring_folds_are_disjoint_and_cover_every_page():
    from benchmarks.score_entities import FOLDS, load_page_gold

    gold = load_page_gold()
    folds = [set(gold.folds[name]) for name in FOLDS]
    pages = {p for e in gold.entities.values() for p in e.pages}
    assert sum(map(len, folds)) == len(set().union(*folds)) and pages <= set().union(*folds)
    tune, check, fresh, blind_tune, blind_check = folds
    assert len(tune | check) >= 30 and len(fresh) >= 10 and min(len(blind_tune), len(blind_check)) >= 15
    assert 0.6 <= len(tune) / len(tune | check) <= 0.7
