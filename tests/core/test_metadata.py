import datetime as dt

import pytest

from pipeline.metadata import extract, find_date, is_byline, is_dateline_stamp


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Posted : February 4, 2025, 16:04", dt.date(2025, 2, 4)),
        ("Monday, 6 January 2020", dt.date(2020, 1, 6)),
        ("Feb. 4, 2025", dt.date(2025, 2, 4)),
        ("Sept 30 2019", dt.date(2019, 9, 30)),
        ("2023-11-05T10:00", dt.date(2023, 11, 5)),
        ("on Feb 4", None),
        ("February 30, 2025", None),
    ],
)
def test_metadata_find_date(text, date):
    assert find_date(text) == date


@pytest.mark.parametrize(
    ("text", "expected"),
    [("By Nam Hyun-woo", True), ("By Jane Doe and John Roe", True), ("by the way, the market rose", False), ("Bylines matter", False)],
)
def test_metadata_is_byline(text, expected):
    assert is_byline(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Updated: 3 March 2024", True), ("Published 10:04 AM EST, March 3, 2024", True), ("March 3, 2024", True),
     ("The deal was signed on March 3, 2024, in Seoul after months of talks.", False)],
)
def test_metadata_is_dateline_stamp(text, expected):
    assert is_dateline_stamp(text) is expected


@pytest.mark.parametrize(
    ("lines", "field", "value"),
    [
        ([("TOKYO (Reuters) - Shares rose.", None)], "outlet", "Reuters"),
        ([("TOKYO (Reuters) - Shares rose.", None)], "dateline", "Tokyo"),
        ([("LONDON, March 3 - Prices fell.", None)], "dateline", "London"),
        ([("© 2019 Example Media Company. All rights reserved.", "copyright")], "outlet", "Example Media Company"),
        ([("Jane Roe jane.roe@example.com", "author_signoff")], "byline", "Jane Roe"),
        ([("Menu", "navigation"), ("Several words make a headline", None), ("Several words make a sentence, and a headline over a few sentences makes the news of the day.", None)],
         "title", "Several words make a headline"),
    ],
)
def test_metadata_extract(lines, field, value):
    assert getattr(extract(lines), field) == value


@pytest.mark.parametrize(
    ("line", "stamp"),
    [
        ("Updated Nov. 19, 2019 8:21 am ET / Original Nov. 19, 2019 8:02 am ET", True),
        ("Published Mar 2, 2021 at 4:07 PM | Updated at 5:36 PM CST on Mar 2, 2021", True),
        ("Jan 5, 2022 @17:19 PM · Updated: Jan 5, 2022 @17:26 PM", True),
        ("2 days ago at 07:52 am", True),
        ("But not on March 3, 2024.", False),
        ("The meeting ended on Monday at 5 pm.", False),
        ("Shares fell 3% on Nov. 18, 2019.", False),
    ],
)
def test_metadata_date_stamps_made_only_of_dates_times_and_stamp_words(line, stamp):
    assert is_dateline_stamp(line) is stamp


@pytest.mark.parametrize(
    ("first_line", "title"),
    [
        ("Home Prices Are Falling. Why Buyers Shouldn't Celebrate.", "Home Prices Are Falling. Why Buyers Shouldn't Celebrate."),
        ("St. Lucia opens its new cruise port to U.S. lines", "St. Lucia opens its new cruise port to U.S. lines"),
        ("The council has approved a new budget for the coming year after months of debate. Critics say the plan "
         "cuts too deeply into services for older residents and leaves the harbour project unfunded.", None),
    ],
)
def test_metadata_title_is_a_headline_not_an_opening_paragraph(first_line, title):
    lines = [(first_line, None), ("The mayor said the vote was a turning point for the city and its people.", None)]
    assert extract(lines).title == title
