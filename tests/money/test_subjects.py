import re

import polars as pl
import pytest

from pipeline.money.subjects import money_subjects


def _mentions(rows):
    return pl.DataFrame(rows, schema=["doc_id", "sentence_idx", "start_char", "end_char", "entity_id", "label"], orient="row")


def _sentence(marked: str) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """(money, mentions, sentences) of one sentence written with its names in [brackets] (a label
    after a bar, ORG when none; the entity_id is the name) and its figure in {braces}."""
    text, names, figure = "", [], None
    for part in re.split(r"(\[[^\]]+\]|\{[^}]+\})", marked):
        if part.startswith("["):
            name, _, label = part[1:-1].partition("|")
            names.append(("d", 0, len(text), len(text) + len(name), name, label or "ORG"))
            text += name
        elif part.startswith("{"):
            figure = (len(text), len(text) + len(part) - 2)
            text += part[1:-1]
        else:
            text += part
    money = pl.DataFrame({"money_id": ["m"], "doc_id": ["d"], "sentence_idx": [0], "start_char": [figure[0]], "end_char": [figure[1]],
                          "restates": [None]}, schema_overrides={"restates": pl.String})
    sentences = pl.DataFrame({"doc_id": ["d"], "sentence_idx": [0], "start_char": [0], "end_char": [len(text)], "text": [text]})
    return money, _mentions(names), sentences


@pytest.mark.parametrize(("subject", "marked"), [
    ('Stargate', 'The [Stargate] project is a {$500 billion} AI infrastructure project led by [OpenAI] and [SoftBank], announced by [U.S.|GPE] President [Donald Trump|PERSON] last month.'),
    ('Stargate', '[OpenAI] and [SoftBank] recently launched the [Stargate] initiative, a project set to invest more than {$400 billion} over four years to establish AI data centers in the [United States|GPE].'),
    ('SoftBank', '[SoftBank] will invest {$500 billion} in [Stargate] over four years.'),
    ('SoftBank', "[SoftBank]'s planned {$500 billion} investment drew praise from [Trump|PERSON]."),
    ('SoftBank', 'A {$2 billion} investment from [SoftBank] lifted the shares of [Kakao].'),
    ('SoftBank', 'The {$5 billion} was invested by [SoftBank] last year.'),
    ('OpenAI', 'The {$6.6 billion} [OpenAI] raised in October valued it at $157 billion.'),
    ('OpenAI', '[OpenAI] was valued at {$157 billion} after the round.'),
    ('Microsoft', '[Microsoft], which has invested {$13 billion} in [OpenAI], declined to comment.'),
    ('Microsoft', '[Microsoft], which backs [OpenAI], will spend {$80 billion} on data centres this year.'),
    ('OpenAI', '[OpenAI], backed by [Microsoft], raised {$6.6 billion} in October.'),
    ('Kakao', '[Kakao] said on Tuesday that it would invest {$100 million} in the venture.'),
    ('Kakao', '[Kakao] will pay [OpenAI] {$100 million} a year for the licence.'),
    ('Amazon', '[Amazon] bought [Whole Foods] in August 2017 for {$13.7 billion}.'),
    ('Samsung', "[Samsung] shares rose after [SoftBank] said it would match [Samsung]'s {$10 billion} pledge."),
    ('SoftBank', '[Samsung] shares rose after [SoftBank] invested {$1 billion} in [OpenAI].'),
    ('Microsoft', '[Microsoft] announced a {$10 billion} investment in [OpenAI] on Monday.'),
    ('Patrick Soon-Shiong', 'Tribune paid down its debt with the proceeds of [Patrick Soon-Shiong|PERSON]’s purchase of [The Times] and the [San Diego Union-Tribune] for {$500 million}.'),
    ('Yovanovitch', '[Yovanovitch|PERSON] has a net worth of {$17 million}.'),
    ('Disney', '[Disney] has made an enormous bet, spending more than {$3 billion} on programming.'),
    ('One X', "The [One X|PRODUCT] costs {$500}, while [Sony]'s console launched at $400."),
    ('Nixon', 'The [White House] announced that [Nixon|PERSON] would pay {$432,787.13} in back taxes.'),
    ('Alden', '([Alden|GPE] on Tuesday announced that it had become the largest shareholder of [Tribune], the former owner of [The Times], by acquiring the stake held by [Tribune]’s former chairman, [Michael Ferro|PERSON], for {$117.9 million}.)'),
    ('SoftBank', '[SoftBank] and [OpenAI] will each invest {$19 billion} in the venture.'),
    ('Facebook', '[Snapchat] CEO [Evan Spiegel|PERSON] famously rebuffed a {$3 billion} takeover offer from [Facebook] in 2013.'),
    ('Korea Zinc', '[Korea Zinc] posted an operating profit of {$1.2 billion} last year.'),
    ('Japan', '[Japan|GPE] pledged {$10 billion} in aid to [Ukraine|GPE].'),
    ('OpenAI', "[OpenAI]'s deal with [Kakao] is worth {$2 billion}."),
])
def test_subjects_subject_is_the_holder_by_the_sentence_structure(subject, marked):
    assert money_subjects(*_sentence(marked))["subject_entity_id"].to_list() == [subject]


@pytest.mark.parametrize("marked", [
    'In January, [US|GPE] President [Donald Trump|PERSON] announced private sector investment of up to {US$500 billion} ($684 billion) to fund AI infrastructure.',
    'He added that [Korea|GPE]’s energy, semiconductor and internet companies made the country an important market for [OpenAI], noting that Korean demand that would draw on investment from the public and private sectors worth up to {2 trillion won} (S$1.9 billion).',
    '[Kakao] said the government would invest {$100 million} in the venture.',
    "According to [Reuters], the fund's managers raised {$3 billion} last year.",
    'The government, not [Samsung], will invest {$5 billion} in chip plants.',
    'The masks, worth {¥40,000}, had been kept at the [Japanese Red Cross Kobe Hospital|FAC], officials said.',
    'Three-month aluminium on the [London Metal Exchange] lost 0.06% to {$1,737.00} a tonne.',
    'You paid {$4.99} to unlock functionality in [Overcast].',
    "It limits [North Korea|GPE]'s coal exports next year to 7.5 million tonnes or just over {$400 million}.",
    '[Snapchat] CEO [Evan Spiegel|PERSON], who famously rebuffed a {$3 billion} takeover offer from Facebook in 2013.',
    '[Korean|NORP] investors will pour {$2 billion} into the fund.',
    'The [Korean|NORP] AI market, valued at {$3.12 billion} in 2024, is projected to surge to $30 billion by 2033.',
    '[Samsung] raised its dividend, and the government spent {$2 billion} on chips.',
    '[Kakao] shares fell as the regulator fined the company {$50 million}.',
    'The deal with [Kakao] is worth {$2 billion}, [Reuters] reported.',
])
def test_subjects_figure_without_a_clear_holder_keeps_no_subject(marked):
    assert money_subjects(*_sentence(marked))["subject_entity_id"].to_list() == [None]


def test_subjects_restatement_takes_the_subject_of_the_figure_it_restates():
    money, mentions, sentences = _sentence("[SoftBank] will invest {$500 billion} ($684 billion) in the venture.")
    text = sentences["text"][0]
    restatement = {"money_id": "r", "doc_id": "d", "sentence_idx": 0, "start_char": text.index("$684"), "end_char": text.index(")"), "restates": "m"}
    outside = {"money_id": "x", "doc_id": "d", "sentence_idx": None, "start_char": 0, "end_char": 1, "restates": None}
    money = pl.concat([money, pl.DataFrame([restatement, outside], schema=money.schema)])
    assert money_subjects(money, mentions, sentences)["subject_entity_id"].to_list() == ["SoftBank", "SoftBank", None]
