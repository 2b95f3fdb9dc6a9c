"""Sentences and NER spans of every document, from one batched pass of the NLP model over paragraphs."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

import polars as pl

from pipeline.cleaning.metadata.page import language
from pipeline.nlp.cues import context_cue
from pipeline.nlp.mentions import mention_spans
from pipeline.nlp.sentences import (
    MAX_PIECE_CHARS,
    PARAGRAPH_PATTERN,
    Annotation,
    pieces,
    sentence_index,
    sentence_rows,
    sentence_spans,
    windows,
)
from pipeline.runtime import memory
from pipeline.runtime.parallel import document_chunks
from pipeline.runtime.reuse import keys_frame, merge, partition
from pipeline.schema import NER_SPANS, SENTENCES

Annotator = Callable[[Iterable[str]], Iterator[Annotation]]
_LANGUAGE_WORDS = 30  # a shorter text is too short to tell its language by its function words


def annotate_documents(documents: pl.DataFrame | pl.LazyFrame, annotator: Annotator) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(sentences, ner_spans) for `documents` (doc_id, clean_text); a LazyFrame (a staged table's
    scan) is read a chunk of documents at a time.

    The model sees one paragraph at a time, so no sentence or entity crosses a paragraph break;
    a paragraph longer than `MAX_PIECE_CHARS` is seen a window at a time (`pieces`).
    `ner_spans` holds the cleaned name mentions (`ner_label`, and the label their context points
    to, `cue`) of English documents (`_english`) and spaCy's MONEY spans, which the money checks compare against.
    """
    annotations = annotator(Pieces(documents))
    # One frame per chunk of documents, so rows never pile up as Python objects for a whole corpus,
    # and the heap the chunk's rows fragmented goes back to the system before the next chunk.
    parts = []
    for chunk in document_chunks(documents):
        parts.append(_chunk_rows(_with_pieces(chunk), annotations))
        memory.release()
    return SENTENCES.concat([p[0] for p in parts]), NER_SPANS.concat([p[1] for p in parts])


class Pieces:
    """The texts the model sees (`pieces`: paragraphs, long ones in windows) of (doc_id, clean_text)
    rows in order, made a chunk of documents at a time as the model asks for them (never a Python
    string per paragraph of the whole corpus); sized, so that the annotator can choose its number
    of processes."""

    def __init__(self, documents: pl.DataFrame | pl.LazyFrame):
        self.documents = documents
        self.count = _count_pieces(documents)

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[str]:
        for chunk in document_chunks(self.documents):
            for _, text, spans in _with_pieces(chunk):
                yield from (text[s:e] for s, e in spans)


def _count_pieces(documents: pl.DataFrame | pl.LazyFrame) -> int:
    """len(pieces(text)) summed over the documents: paragraphs counted by Polars, streaming over a
    scan (no Python string per document), and the windows of the few long ones in Python."""
    documents = documents.lazy()
    count = documents.select(pl.col("clean_text").str.count_matches(PARAGRAPH_PATTERN).sum()).collect(engine="streaming").item()
    paras = documents.select(p=pl.col("clean_text").str.extract_all(PARAGRAPH_PATTERN).explode())
    long = paras.filter(pl.col("p").str.len_chars() > MAX_PIECE_CHARS).collect(engine="streaming")["p"]
    return count + sum(len(windows(p, 0, len(p), MAX_PIECE_CHARS)) - 1 for p in long)


def _with_pieces(docs: pl.DataFrame) -> list[tuple[str, str, list[tuple[int, int]]]]:
    return [(doc_id, text, pieces(text)) for doc_id, text in docs.select("doc_id", "clean_text").rows()]


def _chunk_rows(
    paras: Sequence[tuple[str, str, list[tuple[int, int]]]], annotations: Iterator[Annotation]
) -> tuple[pl.DataFrame, pl.DataFrame]:
    sentences, spans = [], []
    for doc_id, text, p_spans in paras:
        anns = [next(annotations) for _ in p_spans]
        sents = sentence_spans(text, p_spans, anns)
        sentences += sentence_rows(doc_id, text, sents)
        entities = [(ps + s, ps + e, label) for (ps, _), ann in zip(p_spans, anns) for s, e, label in ann.entities]
        english = _english(text)
        for span in (s for s in mention_spans(text, entities) if english or _full_name(text[s.start: s.end], s.label)):
            cue = context_cue(text, span.start, span.end, text[span.start: span.end])
            spans.append(_span_row(doc_id, text, sents, span.start, span.end, span.label, span.label, cue))
        for s, e, label in entities:
            if label == "MONEY":
                spans.append(_span_row(doc_id, text, sents, s, e, None, label, None))
    return SENTENCES.frame(sentences), NER_SPANS.frame(spans)


def _english(text: str) -> bool:
    """An English text, one in a language the stop-word lists do not know, or a short one: the English model's
    names are kept whole there. Of another language's (on a French page it reads "Fleur de" and "La
    Chambre de" as names) only people's full names are (`_full_name`); MONEY spans, which only the
    money checks compare against, all stay."""
    return len(text.split()) < _LANGUAGE_WORDS or language(text.split("\n")) in ("en", None)


def _full_name(surface: str, label: str) -> bool:
    words = surface.split()
    return label == "PERSON" and len(words) >= 2 and all(w[:1].isupper() for w in words)


def _span_row(
    doc_id: str, text: str, sents: list[tuple[int, int]], start: int, end: int, label: str | None, raw: str, cue: str | None
) -> dict:
    return {"doc_id": doc_id, "sentence_idx": sentence_index(sents, start), "start_char": start, "end_char": end,
            "text": text[start:end], "ner_label": label, "raw_label": raw, "cue": cue}


@dataclass(frozen=True)
class Annotated:
    sentences: pl.DataFrame
    ner_spans: pl.DataFrame
    keys: pl.DataFrame
    """doc_id -> key of the content, code version and model each document was annotated with."""
    reused: int = 0


def annotate_incrementally(documents: pl.DataFrame | pl.LazyFrame, annotator: Annotator, model: str, previous: Annotated | None = None) -> Annotated:
    """Like `annotate_documents`, but documents whose content, code version and model match
    `previous` keep their previous sentences and spans: only new and changed ones meet the model."""
    previous = previous or Annotated(SENTENCES.empty(), NER_SPANS.empty(), keys_frame({}))
    keys, reused, todo = partition(documents, previous.keys, model)
    sentences, spans = annotate_documents(todo, annotator)
    return Annotated(merge(previous.sentences, reused, sentences), merge(previous.ner_spans, reused, spans), keys_frame(keys), len(reused))
