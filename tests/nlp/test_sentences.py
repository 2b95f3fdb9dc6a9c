import re

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.nlp.annotate import Pieces, annotate_documents
from pipeline.nlp.sentences import (
    MAX_PIECE_CHARS,
    Annotation,
    paragraphs,
    pieces,
    sentence_index,
    sentence_spans,
    windows,
)


@pytest.mark.parametrize(
    ("text", "spans"),
    [("One.\n\nTwo.", [(0, 4), (6, 10)]), ("A\nB\n\n\nC", [(0, 3), (6, 7)]), ("", [])],
)
def test_sentences_paragraphs(text, spans):
    assert paragraphs(text) == spans


def test_sentences_spans_are_trimmed_and_document_relative():
    text = "First one. Second one.\n\nThird."
    paras = paragraphs(text)
    anns = [Annotation([(0, 11), (11, 22)], []), Annotation([(0, 6)], [])]
    spans = sentence_spans(text, paras, anns)
    assert [text[s:e] for s, e in spans] == ["First one.", "Second one.", "Third."]
    assert sentence_index(spans, text.index("Third")) == 2


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("Short one.", 20, ["Short one."]),
        ("First one. Second one. Third one.", 25, ["First one. Second one. ", "Third one."]),
        ("He met Mr. Smith there. It rained.", 24, ["He met Mr. Smith there. ", "It rained."]),  # not after "Mr."
        ("It rose. it fell again today", 12, ["It rose. it ", "fell again ", "today"]),  # no stop before a lower-case word
        ("alpha beta gamma delta", 12, ["alpha beta ", "gamma delta"]),
        ("x" * 25, 10, ["x" * 10, "x" * 10, "x" * 5]),
        ("東京は晴れ。大阪は雨。名古屋は曇り。", 8, ["東京は晴れ。", "大阪は雨。", "名古屋は曇り。"]),
    ],
)
def test_sentences_windows_cut_after_a_sentence_else_white_space_else_at_the_limit(text, limit, expected):
    assert [text[s:e] for s, e in windows(text, 0, len(text), limit)] == expected


PIECE_TEXT = st.lists(st.sampled_from(["Word", "word", "Mr.", "U.S.", "rose.", "ends!", "。", " ", "  ", "\n", "\n\n", "x" * 7]), max_size=60).map("".join)


@settings(max_examples=400, deadline=None)
@given(PIECE_TEXT, st.integers(1, 40))
def test_sentences_pieces_are_contiguous_cover_each_paragraph_and_keep_under_the_limit(text, limit):
    spans = pieces(text, limit)
    assert all(0 < e - s <= limit for s, e in spans)
    for p_start, p_end in paragraphs(text):
        inside = [(s, e) for s, e in spans if p_start <= s < p_end]
        assert inside[0][0] == p_start and inside[-1][1] == p_end
        assert all(a[1] == b[0] for a, b in zip(inside, inside[1:]))
    assert sum(e - s for s, e in spans) == sum(e - s for s, e in paragraphs(text))  # no piece crosses a blank line
    # Offsets relative to each piece map back: one sentence per piece gives the trimmed pieces.
    whole = [Annotation([(0, e - s)], []) for s, e in spans]
    assert [text[s:e] for s, e in sentence_spans(text, spans, whole)] == [text[s:e].strip() for s, e in spans if text[s:e].strip()]


def fake_annotator(texts):
    """Sentences split on '. ', entities = capitalised words: enough to test the wiring without a model."""
    for text in texts:
        sents, start = [], 0
        for m in re.finditer(r"\. ", text):
            sents.append((start, m.start() + 1))
            start = m.end()
        sents.append((start, len(text)))
        yield Annotation(sents, [(m.start(), m.end(), "ORG") for m in re.finditer(r"\b[A-Z][a-z]+Corp\b", text)])


def test_sentences_annotate_documents_offsets_match_text():
    docs = pl.DataFrame({"doc_id": ["d1"], "clean_text": ["AcmeCorp rose. BetaCorp fell.\n\nGammaCorp's shares were flat."]})
    sentences, spans = annotate_documents(docs, fake_annotator)
    text = docs["clean_text"][0]
    assert sentences["sentence_idx"].to_list() == [0, 1, 2]
    for s, e, t in sentences.select("start_char", "end_char", "text").rows():
        assert text[s:e] == t
    assert spans["text"].to_list() == ["AcmeCorp", "BetaCorp", "GammaCorp"]
    assert spans["sentence_idx"].to_list() == [0, 1, 2]


@pytest.mark.parametrize("repeats", [MAX_PIECE_CHARS // 30, 40_000])  # one piece; 1.2 million characters on one line
def test_sentences_a_long_paragraph_reaches_the_model_in_windows_with_offsets_kept(repeats):
    line = "AcmeCorp rose. BetaCorp fell. " * repeats
    docs = pl.DataFrame({"doc_id": ["d1"], "clean_text": [f"Title\n\n{line}\n\nGammaCorp closed."]})
    seen = []

    def annotator(items):
        texts = list(items)
        seen.extend(len(t) for t in texts)
        yield from fake_annotator(texts)

    sentences, spans = annotate_documents(docs, annotator)
    text = docs["clean_text"][0]
    assert max(seen) <= MAX_PIECE_CHARS and len(seen) == len(Pieces(docs))
    assert sentences["text"].to_list() == re.findall(r"Title|\w+ \w+\.", text)
    for s, e, t in sentences.select("start_char", "end_char", "text").rows():
        assert text[s:e] == t
    assert spans["text"].to_list() == re.findall(r"\w+Corp", text)
    assert all(text[s:e] == t for s, e, t in spans.select("start_char", "end_char", "text").rows())


@pytest.mark.parametrize(("offset", "index"), [(0, 0), (9, 0), (10, None), (11, 1), (25, 2), (30, None), (-1, None)])
def test_sentences_sentence_index_finds_the_containing_sentence(offset, index):
    assert sentence_index([(0, 10), (11, 20), (21, 30)], offset) == index


@pytest.mark.parametrize("lazy", [False, True])
def test_sentences_paragraphs_are_made_lazily_in_document_order(monkeypatch, lazy):
    import pipeline.runtime.parallel as parallel

    monkeypatch.setattr(parallel, "CHUNK_ITEMS", 2)  # several chunks of documents
    texts = ["A one.\n\nA two.", "B one.", "C one.\nC still one.\n\n\nC two.", "D one."]
    docs = pl.DataFrame({"doc_id": ["a", "b", "c", "d"], "clean_text": texts})
    docs = docs.lazy() if lazy else docs  # a LazyFrame, as the asset passes a staged table's scan
    expected = [t[s:e] for t in texts for s, e in paragraphs(t)]
    paras = Pieces(docs)
    assert len(paras) == len(expected) == 6
    assert list(paras) == expected
    seen = []

    def annotator(items):
        seen.append(len(items))  # sized before the model starts
        for text in items:
            yield Annotation([(0, len(text))], [])

    sentences, _ = annotate_documents(docs, annotator)
    assert seen == [6]
    assert sentences["text"].to_list() == expected


def _names_annotator(names: dict[str, str]):
    """An annotator that tags each of `names` (surface -> label) wherever a paragraph writes it."""
    def annotate(texts):
        for text in texts:
            found = [(m.start(), m.end(), label) for name, label in names.items() for m in re.finditer(re.escape(name), text)]
            yield Annotation([(0, len(text))], sorted(found))
    return annotate


def test_sentences_of_another_language_the_english_model_keeps_only_full_names_of_people():
    french = ("La Chambre de commerce a reçu Hélène Caradec, qui dirige la fabrique depuis vingt ans, "
              "et les ouvriers de la Confédération du bois sont venus avec leurs familles pour la fête du village.")
    english = "The Chamber of Commerce met Helen Carr, who has run the factory for twenty years, and the union came too."
    docs = pl.DataFrame({"doc_id": ["fr", "en"], "clean_text": [french, english]})
    names = {"La Chambre de": "ORG", "Hélène Caradec": "PERSON", "Confédération": "ORG",
             "Chamber of Commerce": "ORG", "Helen Carr": "PERSON"}
    _, spans = annotate_documents(docs, _names_annotator(names))
    assert sorted(spans.filter(pl.col("doc_id") == "fr")["text"]) == ["Hélène Caradec"]
    assert sorted(spans.filter(pl.col("doc_id") == "en")["text"]) == ["Chamber of Commerce", "Helen Carr"]
