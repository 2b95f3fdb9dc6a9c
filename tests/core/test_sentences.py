import polars as pl
import pytest

from pipeline.annotate import Paragraphs, annotate_documents
from pipeline.sentences import Annotation, paragraphs, sentence_index, sentence_spans


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


def fake_annotator(texts):
    """Sentences split on '. ', entities = capitalised words: enough to test the wiring without a model."""
    import re

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


@pytest.mark.parametrize(("offset", "index"), [(0, 0), (9, 0), (10, None), (11, 1), (25, 2), (30, None), (-1, None)])
def test_sentences_sentence_index_finds_the_containing_sentence(offset, index):
    assert sentence_index([(0, 10), (11, 20), (21, 30)], offset) == index


@pytest.mark.parametrize("lazy", [False, True])
def test_sentences_paragraphs_are_made_lazily_in_document_order(monkeypatch, lazy):
    import pipeline.parallel as parallel

    monkeypatch.setattr(parallel, "CHUNK_ITEMS", 2)  # several chunks of documents
    texts = ["A one.\n\nA two.", "B one.", "C one.\nC still one.\n\n\nC two.", "D one."]
    docs = pl.DataFrame({"doc_id": ["a", "b", "c", "d"], "clean_text": texts})
    docs = docs.lazy() if lazy else docs  # a LazyFrame, as the asset passes a staged table's scan
    expected = [t[s:e] for t in texts for s, e in paragraphs(t)]
    paras = Paragraphs(docs)
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
