import pytest

from pipeline.cleaning import line_signals
from pipeline.cleaning.line_signals import is_glued_links, is_run_on_menu


@pytest.mark.parametrize(
    ("text", "glued"),
    [
        ("ShareTweetEmail", True),
        ("Share on FacebookShare on TwitterShare via Email", True),
        ("Jane DoeJane Doe", True),
        ("McDonald's sells the iPhone", False),
        ("OpenAI and SoftBank", False),
        ("LinkedIn", False),
        ("haha", False),
        ("Kakao said it would share the technology with its partners across the region this year.", False),
    ],
)
def test_line_signals_glued_links(text, glued):
    assert is_glued_links(text, len(text.split())) is glued


@pytest.mark.parametrize(
    ("text", "menu"),
    [
        ("Events The Real Hot 100 Honda Stage AMAs Voting Billboard 200 Pop R&B/Hip-Hop Podcasts Chart Beat", True),
        ("The Early Reviews For Google's Stadia Gaming Platform Are Here — And They're Not Great", False),
        ("Samsung Electronics Posts Record Quarterly Profit", False),
        ("News Sport Weather Culture Travel Video Podcasts Puzzles Newsletters Jobs", True),
        ("London, Paris, Berlin, Madrid, Rome, Vienna, Prague, Warsaw, Lisbon, Dublin", False),
        ("The minister said the plan would protect families from rising costs next year.", False),
    ],
)
def test_line_signals_run_on_menu(text, menu):
    assert is_run_on_menu(text, len(text.split())) is menu


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Order Reprints | Today's Paper | Subscribe", True),
        ("Share: Facebook | X | Email | Copy link", True),
        ("News · Sport · Weather · Travel", True),
        ("Harbour wind farm wins approval | The Gazette", False),  # a headline and its site: two items
        ("Covid | Vaccines | What you need to know this winter", False),  # an item as long as a sentence's run
    ],
)
def test_line_signals_link_list(text, expected):
    assert line_signals.is_link_list(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jonah Feltwell for The Continental Herald", True),
        ("Carmen Velez for The National Ledger", True),
        ("Justice for Breonna Taylor", False),  # one word before "for": a slogan, not a name
        ("Jane Doe for The Gazette said the bridge would open.", False),
    ],
)
def test_line_signals_photographer_credit(text, expected):
    assert line_signals.is_photographer_credit(text) is expected
