import pytest

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
