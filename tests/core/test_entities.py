import polars as pl
import pytest

from pipeline.canonical import canonicalise
from pipeline.entities import clean_span, mention_spans, normalise


@pytest.mark.parametrize(
    ("text", "cleaned"),
    [
        ("SK Telecom's", "SK Telecom"),
        ("Mr Altman", "Mr Altman"),
        ("CEO Sam Altman", "Sam Altman"),
        ("the Stargate", "Stargate"),
        ("“OpenAI”", "OpenAI"),
        ("U.S.", "U.S."),
        ("South Korea’s Kakao", "Kakao"),
        ("Samsung,", "Samsung"),
    ],
)
def test_entities_clean_span_trims_and_keeps_offsets(text, cleaned):
    padded = f"xx {text} yy"
    start, end = clean_span(padded, 3, 3 + len(text))
    assert padded[start:end] == cleaned


def test_entities_mention_spans_drop_line_breaks_acronyms_and_non_names():
    text = "Yonhap\n\nSoftBank and AI firms met on Tuesday with OpenAI."
    at = text.index
    spans = mention_spans(text, [(0, at("SoftBank") + 8, "ORG"), (at("AI"), at("AI") + 2, "ORG"),
                                 (at("Tuesday"), at("Tuesday") + 7, "DATE"), (at("OpenAI"), at("OpenAI") + 6, "ORG")])
    assert [text[s.start:s.end] for s in spans] == ["OpenAI"]


@pytest.mark.parametrize(("a", "b"), [("Chung Shina", "Chung Shin-a"), ("SK Hynix", "SK hynix"), ("Softbank", "SoftBank")])
def test_entities_normalise_folds_case_hyphens_spaces(a, b):
    assert normalise(a) == normalise(b)


def _mentions(rows):
    return pl.DataFrame(
        [{"doc_id": d, "sentence_idx": 0, "start_char": s, "end_char": s + len(t), "text": t, "ner_label": label, "cue": None}
         for d, s, t, label in rows]
    )


def test_entities_canonicalise_short_forms_labels_and_surnames():
    texts = pl.DataFrame({"doc_id": ["d1", "d2"], "clean_text": ["x" * 200, "x" * 200]})
    rows = [
        ("d1", 0, "Sam Altman", "PERSON"), ("d1", 20, "Altman", "ORG"), ("d1", 40, "Altman", "PERSON"),
        ("d1", 60, "Kim Dong-young", "PERSON"), ("d2", 0, "Kim Beom-su", "PERSON"), ("d2", 20, "OpenAI", "ORG"),
        ("d1", 80, "OpenAI", "PERSON"), ("d2", 40, "OpenAI", "ORG"), ("d2", 60, "SK hynix", "ORG"), ("d1", 100, "SK Hynix", "ORG"),
    ]
    mentions, entities = canonicalise(_mentions(rows), texts)
    by_name = {r["name"]: r for r in entities.iter_rows(named=True)}
    assert by_name["Sam Altman"]["label"] == "PERSON" and by_name["Sam Altman"]["n_mentions"] == 3
    assert set(by_name["Sam Altman"]["aliases"]) == {"Sam Altman", "Altman"}
    assert by_name["OpenAI"]["label"] == "ORG" and by_name["OpenAI"]["n_documents"] == 2
    assert "Kim Dong-young" in by_name and "Kim Beom-su" in by_name
    assert len({by_name[n]["entity_id"] for n in by_name}) == len(by_name)
    assert sum("hynix" in n.lower() for n in by_name) == 1
    assert mentions["entity_id"].null_count() == 0
    assert mentions["mention_id"].n_unique() == mentions.height


def test_entities_canonicalise_is_deterministic():
    texts = pl.DataFrame({"doc_id": ["d1"], "clean_text": ["x" * 100]})
    rows = _mentions([("d1", 0, "Sam Altman", "PERSON"), ("d1", 20, "OpenAI", "ORG")])
    assert canonicalise(rows, texts)[1].equals(canonicalise(rows, texts)[1])


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("OpenAI CEO Sam Altman said", "Sam Altman", "PERSON"),
        ("Kakao CEO Chung Shin-a", "Kakao", "ORG"),
        ("Chinese AI startup DeepSeek", "DeepSeek", "ORG"),
        ("the popular KakaoTalk app", "KakaoTalk", "PRODUCT"),
        ("at Seoul's Walker Hill Hotel", "Walker Hill Hotel", "FAC"),
        ("Krafton released Uncover the Smoking Gun, an AI-based chat game", "Uncover the Smoking Gun", "PRODUCT"),
        ("shares of SK Group rose", "SK Group", "ORG"),
        ("the weather in Seoul was cold", "Seoul", None),
    ],
)
def test_entities_context_cue(text, name, label):
    from pipeline.cues import context_cue

    start = text.index(name)
    assert context_cue(text, start, start + len(name), name) == label


def test_entities_canonicalise_is_the_same_a_document_at_a_time():
    """Full forms, acronyms and lists are read per chunk of documents; what they find must still
    reach every document (an acronym introduced in one names the entity in all)."""
    texts = {
        "a": "The Massachusetts Institute of Technology (MIT) met Kakao, Naver and Krafton.",
        "b": "MIT hired Sam Altman. Altman said Naver Group grew.",
        "c": "Naver said so, and Kakao agreed.",
    }
    names = {"a": [("Massachusetts Institute of Technology", "ORG"), ("MIT", "ORG"), ("Kakao", "ORG"), ("Naver", "GPE"), ("Krafton", "ORG")],
             "b": [("MIT", "ORG"), ("Sam Altman", "PERSON"), ("Altman", "ORG"), ("Naver Group", "ORG")],
             "c": [("Naver", "ORG"), ("Kakao", "PERSON")]}
    rows = []
    for d in texts:
        at = 0
        for t, label in names[d]:
            at = texts[d].index(t, at)
            rows.append((d, at, t, label))
            at += len(t)
    documents = pl.DataFrame({"doc_id": list(texts), "clean_text": list(texts.values())})
    whole = canonicalise(_mentions(rows), documents)
    by_one = canonicalise(_mentions(rows), documents, per_chunk=1)
    assert whole[0].equals(by_one[0]) and whole[1].equals(by_one[1])
    from_disk = canonicalise(_mentions(rows), documents.lazy(), per_chunk=1)  # texts read a chunk at a time
    assert whole[0].equals(from_disk[0]) and whole[1].equals(from_disk[1])
    by_name = {r["name"]: r for r in whole[1].iter_rows(named=True)}
    assert by_name["Massachusetts Institute of Technology"]["n_mentions"] == 3
    assert by_name["Naver"]["n_mentions"] == 3 and by_name["Naver"]["label"] == "ORG"
    assert by_name["Sam Altman"]["n_mentions"] == 2 and by_name["Kakao"]["label"] == "ORG"
