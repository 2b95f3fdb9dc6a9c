import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.cleaning.chrome_vocabulary import chrome_vocabulary, widen

VOCABULARY = chrome_vocabulary()
# Words of the vocabulary, odd letters and scripts, digits and separators: texts that come near
# the patterns, so that Python's re matches some of them.
FRAGMENTS = st.sampled_from(
    ["share", "Share this", "SHARE", "on", "follow", "us", "read", "more", "newsletter", "sign up", "cookies", "©", "2024",
     "photo", "by", "Getty Images", "…", "[…]", "»", ">", "é", "ß", "İ", "ı", "ſ", "кс", "x", "공유", "関連記事", "12", ":", "|", " ", "-", "."]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(FRAGMENTS, max_size=8).map(" ".join))
def test_vocabulary_candidates_include_every_pattern_python_matches(line):
    line = " ".join(line.split())
    matching = {i for i, p in enumerate(VOCABULARY.patterns) if p.regex.search(line)}
    assert matching <= VOCABULARY.candidates(line), (line, matching - VOCABULARY.candidates(line))


@pytest.mark.parametrize("line", ["PRİNT", "Prınt", "Share thiſ", "Cooкie"])
def test_vocabulary_candidates_follow_pythons_case_insensitive_letters(line):
    matching = {i for i, p in enumerate(VOCABULARY.patterns) if p.regex.search(line)}
    assert matching and matching <= VOCABULARY.candidates(line)


def test_vocabulary_reason_is_the_first_rule_that_matches_within_its_word_limit():
    text = "Sign up for our newsletter"
    assert VOCABULARY.reason(text, 5) == "newsletter_prompt"
    assert VOCABULARY.reason(text, 500) is None  # longer than every rule allows
    assert VOCABULARY.reason("Kakao said on Tuesday it would grow.", 7) is None


@pytest.mark.parametrize(
    ("pattern", "widened"),
    [
        (r"\bshare on\b", "share on"),
        (r"^[\w&]+$", r"^[\w\x{80}-\x{10FFFF}&]+$"),
        (r"\d+ comments", r"[\d\x{80}-\x{10FFFF}]+ comments"),
        (r"[a-z][\u0430-\u044f]", r"[a-z][\x{0430}-\x{044f}]"),
        (r"[^.!?]*$", r"[^.!?]*$"),
        (r"[^0-9]\d", r"[^0-9][\d\x{80}-\x{10FFFF}]"),
    ],
)
def test_vocabulary_widen(pattern, widened):
    assert widen(pattern) == widened


def test_vocabulary_widen_refuses_what_it_would_narrow():
    with pytest.raises(ValueError, match="negated class"):
        widen(r"[^\W\d_]+")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Utilizamos cookies propias y de terceros para mejorar nuestros servicios.", "cookie_notice"),
        ("Puedes obtener más información en nuestra política de cookies.", "cookie_notice"),
        ("A version of this article appears in print on page A12.", "legal_notice"),
        ("Donate", "paywall_prompt"),
        ("Click to enlarge photo", "promo_prompt"),
        ("7 min read", "ui_control"),
        ("Lesezeit: 3 Min.", "ui_control"),
        ("This article is for subscribers only", "paywall_prompt"),
        ("You've read your 3 free articles this month. Subscribe for full access.", "paywall_prompt"),
        ("Have a story to share? Email us at news@example.com", "promo_prompt"),
        ("The Daily Example does not provide medical advice, diagnosis or treatment.", "legal_notice"),
        ("Our Standards: The Example Trust Principles.", "legal_notice"),
        ("Photo AFP / Jane Doe", "photo_credit"),
        ("He read 7 books in a month and said the free articles were enough.", None),
        ("Photo booths were set up at the fair / Market", None),
        ("Share on Facebook Share on Twitter Share via Email", "share_widget"),
        ("Listen to this article · 5 min", "ui_control"),
        ("By continuing to use our site, you accept our use of cookies.", "cookie_notice"),
        ("Cet article est réservé aux abonnés", "paywall_prompt"),
        ("Déjà abonné ? Se connecter", "paywall_prompt"),
        ("An official website of the State of Example", "legal_notice"),
        ("Official websites use .gov. A .gov website belongs to an official government organization.", "legal_notice"),
        ("She said she would share on Facebook what the council decided on Monday night.", None),
        ("She said the bakery sold cookies to the school.", None),
    ],
)
def test_vocabulary_generic_consent_print_and_appeal_lines(text, reason):
    assert VOCABULARY.reason(text, len(text.split())) == reason
