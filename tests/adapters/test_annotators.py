import pytest

from pipeline.adapters.annotators import (
    PARALLEL_MIN_TEXTS,
    Nlp,
    RuleAnnotator,
    processes,
)
from pipeline.runtime.parallel import usable_cores


def test_nlp_processes_one_for_small_or_unsized_corpora_every_core_for_large_ones():
    assert processes(["a"] * 10) == 1
    assert processes(iter(["a"] * PARALLEL_MIN_TEXTS)) == 1  # cannot be sized without consuming it
    assert processes(["a"] * PARALLEL_MIN_TEXTS) == usable_cores()


def test_nlp_processes_a_requested_count_wins():
    assert processes(["a"], requested=3) == 3


@pytest.mark.parametrize(("text", "sentences", "entities"), [
    ("Sam Altman said Acme Global Holdings raised $5 billion. Shares rose.",
     ["Sam Altman said Acme Global Holdings raised $5 billion.", "Shares rose."],
     [("Sam Altman", "PERSON"), ("Acme Global Holdings", "ORG"), ("$5 billion", "MONEY")]),
    ("no names here", ["no names here"], []),
])
def test_nlp_rule_annotator_finds_sentences_and_names_without_a_model(text, sentences, entities):
    (annotation,) = RuleAnnotator().annotate([text])
    assert [text[s:e] for s, e in annotation.sentences] == sentences
    assert [(text[s:e], label) for s, e, label in annotation.entities] == entities
    assert RuleAnnotator().key != Nlp().key  # a switch of annotator makes every annotation again
