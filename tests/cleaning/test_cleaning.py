import pytest

from pipeline.cleaning.cleaner import (
    clean_document,
    clean_text,
    shape_reason,
    split_lines,
)

SEED_002 = "002_79b1a7c8b752f4f6"


@pytest.mark.parametrize(
    ("seed", "chrome", "reason"),
    [
        ("002_79b1a7c8b752f4f6", "Facebook share button", "share_widget"),
        ("002_79b1a7c8b752f4f6", "font-size", "font_size_widget"),
        ("002_79b1a7c8b752f4f6", "• +2", "symbols_only"),
        ("002_79b1a7c8b752f4f6", "Top 10 Stories", "related_links"),
        ("002_79b1a7c8b752f4f6", "go top LETTER", "navigation"),
        ("002_79b1a7c8b752f4f6", "CLOSE", "ui_control"),
        ("000_970517060b5d84ad", "Sign up now: Get ST's newsletters delivered to your inbox", "newsletter_prompt"),
        ("000_970517060b5d84ad", "Follow topic:", "follow_prompt"),
        ("000_970517060b5d84ad", "PHOTO: REUTERS", "photo_credit"),
        ("003_230fd4a29234ebe9", "기사 이미지 확대 보기", "non_english_ui"),
        ("003_230fd4a29234ebe9", "닫기", "non_english_ui"),
        ("004_cccac4c44d5e8202", "Read also:", "related_links"),
        ("004_cccac4c44d5e8202", "- Hyundai N affirms transition to hybrid performance-centric models, initiating with Tucson N", "related_links"),
    ],
)
def test_cleaning_removes_seed_chrome_with_reason(seed_texts, seed, chrome, reason):
    result = clean_document(seed_texts[seed])
    assert chrome not in result.clean_text
    assert any(r.reason == reason and chrome in r.text for r in result.removed)


@pytest.mark.parametrize("seed", ["000_970517060b5d84ad", "002_79b1a7c8b752f4f6", "003_230fd4a29234ebe9"])
def test_cleaning_keeps_one_copy_of_a_repeated_caption_out_of_the_body(seed_texts, seed):
    result = clean_document(seed_texts[seed])
    assert result.captions
    for _, caption in result.captions:
        assert caption not in result.clean_text
    dupes = [r for r in result.removed if r.reason == "duplicate_caption"]
    assert seed == "000_970517060b5d84ad" or dupes


def test_cleaning_keeps_every_body_paragraph_of_the_seeds(seed_texts):
    """Every raw line of two words or more that is not removed is in the clean text."""
    for seed, raw in seed_texts.items():
        result = clean_document(raw)
        removed = {r.line_no for r in result.removed}
        for line in split_lines(raw):
            if line.words >= 12 and line.no not in removed:
                assert line.text[:40] in result.clean_text, (seed, line.no)


@pytest.mark.parametrize(
    ("seed", "sentence"),
    [
        ("002_79b1a7c8b752f4f6", "Heads of ChatGPT operator, Softbank, Samsung discuss Stargate project"),
        ("002_79b1a7c8b752f4f6", "Reportedly, Altman also said during the luncheon that Stargate will play an important role"),
        ("004_cccac4c44d5e8202", "The future of AI in Korea promises to be an exciting and dynamic landscape"),
        ("000_970517060b5d84ad", "Kakao shares were up 0.2 per cent on Feb 4 after surging 9 per cent the previous day."),
        ("003_230fd4a29234ebe9", "Meanwhile, OpenAI has engaged with Samsung’s foundry business"),
    ],
)
def test_cleaning_keeps_article_text(seed_texts, seed, sentence):
    assert sentence in clean_text(seed_texts[seed])


@pytest.mark.parametrize(
    ("seed", "field", "value"),
    [
        ("002_79b1a7c8b752f4f6", "title", "OpenAI chief seeks Korean partners in global AI competition"),
        ("002_79b1a7c8b752f4f6", "byline", "Nam Hyun-woo"),
        ("002_79b1a7c8b752f4f6", "outlet", "Korea Times"),
        ("003_230fd4a29234ebe9", "byline", "Kim Dong-young"),
        ("003_230fd4a29234ebe9", "outlet", "AJP"),
        ("003_230fd4a29234ebe9", "dateline", "Seoul"),
        ("003_230fd4a29234ebe9", "published_date", "2025-02-04"),
        ("000_970517060b5d84ad", "title", "OpenAI, Kakao to jointly develop AI products for South Korea"),
        ("000_970517060b5d84ad", "dateline", "Seoul"),
    ],
)
def test_cleaning_lifts_metadata(seed_texts, seed, field, value):
    meta = clean_document(seed_texts[seed]).metadata
    assert str(getattr(meta, field)) == value


def test_cleaning_moves_byline_and_signoff_out_of_the_body(seed_texts):
    result = clean_document(seed_texts[SEED_002])
    assert "By Nam Hyun-woo" not in result.clean_text
    assert "namhw@" not in result.clean_text
    assert {"byline", "author_signoff"} <= {r.reason for r in result.removed}


def test_cleaning_joins_a_paragraph_split_mid_word(seed_texts):
    text = clean_text(seed_texts["003_230fd4a29234ebe9"])
    assert "With S uth Korea’s strength" in text


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Share this article", "share_widget"),
        ("Facebook Twitter LinkedIn Email", "share_widget"),
        ("A+ A-", "font_size_widget"),
        ("Text size", "font_size_widget"),
        ("Subscribe", "newsletter_prompt"),
        ("Get our daily newsletter delivered to your inbox", "newsletter_prompt"),
        ("Log in", "account_ui"),
        ("We use cookies to improve your experience on our site", "cookie_notice"),
        ("© 2024 Some Media Group. All rights reserved.", "copyright"),
        ("Advertisement", "advertisement"),
        ("Related Articles", "related_links"),
        ("Back to top", "navigation"),
        ("Image 3 of 12", "navigation"),
        ("Photo: Getty Images", "photo_credit"),
        ("-2 -1 0 +1 +2", "symbols_only"),
        ("シェア", "non_english_ui"),
        ("关闭", "non_english_ui"),
        ("By Jane Doe", "byline"),
        ("Published: March 3, 2024", "publication_date"),
        ("Save my name, email, and website in this browser for the next time I comment.", "comments_widget"),
        ("Your email address will not be published. Required fields are marked *", "comments_widget"),
        ("Mayor opens the new bridge after years of delay and a fight over the budget... more", "related_links"),
        ("The council met on Tuesday to discuss the harbour plan [...]", "related_links"),
        ("It looks like your browser is out of date. Please update to a modern browser.", "browser_notice"),
        ("CLICK HERE TO GET THE DAILY HERALD APP", "promo_prompt"),
        ("Rating: 12 Votes", "comments_widget"),
        ("Disclaimer: the views expressed are the author's own", "legal_notice"),
        ("Gеt уоur brаnd in frоnt оf thоuѕаndѕ оf rеаdеrѕ tоdау", "advertisement"),
        ("Skip Instagram post", "embed_notice"),
        ("This article includes content provided by X. We ask for your permission first.", "embed_notice"),
        ("Get breaking news alerts delivered to your phone. Download the free app for iPhone and Android.", "newsletter_prompt"),
        ("ShareTweetEmail", "glued_links"),
        ("Lire aussi", "related_links"),
        ("On HoustonChronicle.com: Car sales plunge nearly 17 percent in August", "related_links"),
        ("Mehr zum Thema", "related_links"),
        ("Partager sur Facebook", "share_widget"),
        ("Suscríbete", "newsletter_prompt"),
        ("With your permission we and our partners may use precise geolocation data and device identifiers.", "cookie_notice"),
    ],
)
def test_cleaning_shape_reason_recognises_chrome(line, reason):
    assert shape_reason(line, len(line.split())) == reason


@pytest.mark.parametrize(
    "line",
    [
        "Kakao said it would share the technology with its partners across the region this year.",
        "The company said it would follow the rules set by the regulator.",
        "He declined to comment.",
        "Users who click here and there on the site are tracked, the regulator found in its report on Monday.",
        "\"We will see what happens next...\" she said, before she walked out of the room.",
        "Subscribers rose to 5 million last quarter, the company said in a statement on Monday.",
        "We found that the app shared personal data with advertising partners without consent, the regulator said.",
        "Partager les richesses est la seule voie possible, a déclaré le ministre devant les députés.",
    ],
)
def test_cleaning_shape_reason_keeps_sentences_with_ui_words(line):
    assert shape_reason(line, len(line.split())) is None


def test_cleaning_a_cyrillic_page_naming_latin_brands_is_not_look_alike_spam():
    line = "Москва и Wi-Fi: в метро появился бесплатный интернет от компании MTS."
    assert shape_reason(line, len(line.split()), latin_page=False) is None


def test_cleaning_offset_map_points_back_to_raw(seed_texts):
    raw = seed_texts["000_970517060b5d84ad"]
    result = clean_document(raw)
    for word in ("Altman", "Stargate", "Kakao Ventures"):
        start = result.clean_text.index(word)
        raw_start = result.raw_offset(start)
        assert raw[raw_start: raw_start + len(word)] == word


def test_cleaning_normalises_white_space_without_touching_words():
    raw = "Title of the story here\n\nThe\u00a0company  said on Monday it had agreed to a deal with its main rival.\r\n"
    text = clean_text(raw)
    assert "The company said on Monday it had agreed to a deal with its main rival." in text
    assert "\u00a0" not in text and "\r" not in text


def test_cleaning_drops_a_menu_run_but_keeps_a_short_body_paragraph():
    body = "The minister announced the budget on Tuesday, saying it would protect families from rising costs."
    raw = "\n".join(["Home", "World", "Business", "Sport", "Culture", "Budget plan unveiled by the minister", body, "It passed.", "Opposition leaders criticised the plan, arguing that it did little for renters and small businesses."])
    result = clean_document(raw)
    assert "It passed." in result.clean_text
    assert "Business" not in result.clean_text
    assert any(r.reason == "menu_list" and r.text == "Sport" for r in result.removed)


@pytest.mark.parametrize("raw", ["", "\n\n\n", "x", "•\n•\n•"])
def test_cleaning_degenerate_input_leaves_no_article(raw):
    """Nothing here is an article: the page is empty after cleaning (ingest then quarantines it)."""
    assert clean_text(raw) == ""


def test_cleaning_repeat_keys_keep_joined_words_and_drop_lone_joiners():
    lines = ["U.S. officials' “Don’t” -- co-op...", "ÉCOLE  Straße_Nord", "'quoted' a..b a-'b"]
    keys = [ln.key for ln in split_lines("\n".join(lines))]
    assert keys == ["u.s officials don’t co-op", "école strasse nord", "quoted a b a b"]


def test_cleaning_keeps_an_introduced_list_but_drops_a_headline_list():
    body = "The minister announced the budget on Tuesday, saying it would protect families from rising costs."
    items = ["cut the fuel duty by five pence a litre", "freeze the price of rail fares next year", "raise the income tax threshold again"]
    teasers = ["Storm warning issued for the weekend ahead", "Rail fares to rise in March after all", "Schools to close early for the storm"]
    raw = "\n".join([body, "The plan has three parts:", *items, body.replace("Tuesday", "Monday"), "Most read", *teasers])
    result = clean_document(raw)
    for item in items:
        assert item in result.clean_text
    for teaser in teasers:
        assert teaser not in result.clean_text


def test_cleaning_drops_a_scrap_of_prose_far_above_the_article():
    article = [
        "The council said on Tuesday that the new bridge would carry more than thirty thousand cars a day.",
        "Construction is expected to start next spring and take about two years, with traffic diverted meanwhile.",
        "Residents of the east side had asked the council to wait for a traffic study before it voted.",
        "Two members voted against the plan, saying the city should first secure a federal grant for it.",
    ]
    raw = "\n".join(["Watch the latest full episodes of your favourite shows anytime.", "Home", "News", "Sport", "Weather", "Video", *article])
    result = clean_document(raw)
    assert "Watch the latest" not in result.clean_text
    assert all(line in result.clean_text for line in article)


def test_cleaning_drops_a_sign_up_box_inside_the_article_and_keeps_the_rest():
    article = [
        "The council said on Tuesday that the new bridge would carry more than thirty thousand cars a day.",
        "Construction is expected to start next spring and take about two years, with traffic diverted meanwhile.",
        "Residents of the east side had asked the council to wait for a traffic study before it voted.",
        "Two members voted against the plan, saying the city should first secure a federal grant for it.",
    ]
    box = ["Sign up to City Matters", "Our free weekly newsletter", "Get set for the week with the local news you need every Monday", "Sign up"]
    result = clean_document("\n".join([*article[:2], *box, *article[2:]]))
    assert "Get set for the week" not in result.clean_text
    assert all(line in result.clean_text for line in article)
    assert any(r.reason == "prompt_box" for r in result.removed)


def test_cleaning_keeps_a_paragraph_cut_by_line_breaks_but_drops_teaser_cards():
    article = [
        "The council said on Tuesday that the new bridge would carry more than thirty thousand cars a day.",
        "Construction is expected to start next spring and take about two years, with traffic diverted meanwhile.",
    ]
    cut = ["Residents of the east side had asked the council", "to wait for a traffic study before it voted on a plan", "that would close their only road for two years"]
    cards = ["Related", "Why are food prices still so high?", "Food inflation has slowed, but prices are still a third higher than three years ago.", "2 days ago"]
    result = clean_document("\n".join([*article, *cut, article[0].replace("Tuesday", "Monday and Friday again"), *cards]))
    assert all(piece in result.clean_text for piece in cut)
    assert "Food inflation has slowed" not in result.clean_text


@pytest.mark.parametrize(
    ("edge", "kept"),
    [
        ("Explore more on these topics", False),
        ("The company did not respond to requests", False),
        ("The company did not respond to requests for comment.", True),
        ("Why the plan costs more than it seems [Bloomberg]", True),
    ],
)
def test_cleaning_a_line_at_the_end_of_the_article_stays_only_as_a_sentence(edge, kept):
    article = [
        "The council said on Tuesday that the new bridge would carry more than thirty thousand cars a day.",
        "Construction is expected to start next spring and take about two years, with traffic diverted meanwhile.",
    ]
    menu = ["Home", "News", "Sport", "Weather"]
    assert (edge in clean_text("\n".join([*article, edge, *menu]))) is kept
    assert edge in clean_text("\n".join([*menu, edge, *article]))  # above the article: a standfirst


@pytest.mark.parametrize(
    ("label", "kept"), [("Continue reading", False), ("Print", False), ("Click to enlarge photo", False), ("It passed.", True), ("Who pays?", True)]
)
def test_cleaning_a_short_line_between_paragraphs_stays_only_as_a_sentence(label, kept):
    article = [
        "The council said on Tuesday that the new bridge would carry more than thirty thousand cars a day.",
        "Construction is expected to start next spring and take about two years, with traffic diverted meanwhile.",
    ]
    result = clean_document("\n".join([article[0], label, article[1]]))
    assert (label in result.clean_text) is kept
    assert all(line in result.clean_text for line in article)


def test_cleaning_keeps_a_list_of_records_but_drops_a_list_of_headlines():
    article = [
        "The band said on Monday that it would tour North America next summer to mark its fiftieth year.",
        "Tickets go on sale to the general public on Friday at ten in the morning, local time, the promoter said.",
    ]
    dates = ["June 9 – West Palm Beach, FL @ Coral Sky Amphitheatre", "June 10 – Tampa, FL @ Credit Union Amphitheatre", "June 14 – Atlanta, GA @ Ameris Bank Amphitheatre"]
    teasers = ["Storm warning issued for the weekend ahead", "Rail fares to rise in March after all", "Schools to close early for the storm"]
    text = clean_text("\n".join([*article, *dates, "Home", "News", "Sport", "Weather", *teasers]))
    assert all(line in text for line in dates)
    assert not any(line in text for line in teasers)


@pytest.mark.parametrize(
    ("line", "credit", "caption"),
    [
        ("Rescue workers evacuate a family by boat in Porto Alegre on Monday.", "Photo: Reuters", True),
        ("Rescue workers evacuate a family by boat in Porto Alegre on Monday.", "Reuters", False),
        ("The governor said the state would need about 19 billion reais to rebuild roads, bridges and homes, and that "
         "federal aid promised by the president would cover less than a third of it over the next two years.", "Photo: AFP", False),
    ],
)
def test_cleaning_a_line_over_a_credit_is_a_caption_only_when_it_could_be_one(line, credit, caption):
    article = [
        "More than 100 people have died after days of torrential rain in Rio Grande do Sul state, officials said.",
        "Meteorologists forecast more rain for the coming days, and the army has sent boats and helicopters.",
    ]
    result = clean_document("\n".join([article[0], line, credit, article[1]]))
    assert (line in [text for _, text in result.captions]) is caption
    assert (line in result.clean_text) is not caption


def test_cleaning_a_related_box_inside_the_article_does_not_cut_it_short():
    article = [
        "Shares of several large chipmakers fell on Tuesday after the government widened export curbs.",
        "Analysts said the new rules could cut sales of data-centre chips by as much as a fifth next year.",
        "Some companies said they would apply for licences to keep shipping their older products.",
        "Investors will watch next week's earnings from memory makers for signs of how much demand was hit.",
    ]
    box = ["Related Tickers", "NVDA", "-3.1%", "AMD", "-2.7%", "INTC", "-1.2%"]
    text = clean_text("\n".join([*article[:2], *box, *article[2:], "Home", "News", "Sport", "Weather"]))
    assert all(line in text for line in article)
    assert "Related Tickers" not in text and "NVDA" not in text


def test_cleaning_drops_what_the_page_keeps_above_the_headline_unless_it_is_prose():
    tagline = "The latest news and analysis from our bureau chiefs, every single morning."
    headline = "Council approves plan to rebuild the Riverside Bridge"
    article = [
        "The city council voted on Tuesday night to approve a plan to tear down and rebuild the Riverside Bridge, a 1950s span.",
        "Construction is expected to start next spring and take about two years, during which traffic will be diverted.",
        "Residents of the east side had asked the council to delay the vote until a traffic study was finished.",
    ]
    text = clean_text("\n".join([tagline, "Home", headline, "By Carla Mendes", *article]))
    assert tagline not in text
    assert headline in text and all(line in text for line in article)
    lede = "The mayor said on Monday that the city would ask the state for money to repair three more bridges over the river next year."
    assert lede in clean_text("\n".join([lede, "Home", headline, "By Carla Mendes", *article]))


def test_cleaning_drops_a_teasers_standfirst_between_its_headline_and_a_link():
    article = [
        "The council said on Tuesday that the new bridge would carry more than thirty thousand cars a day.",
        "Construction is expected to start next spring and take about two years, with traffic diverted meanwhile.",
        "Residents of the east side had asked the council to wait for a traffic study before it voted.",
    ]
    cards = [
        "More stories", "Review: the new phone case gives a good battery a modest boost", "16 hours ago on Tech Blog",
        "The case maker is known for its battery cases, which keep a phone topped up all day.", "8 comments",
        "Streaming service adds free music with adverts for every user", "19 hours ago on Tech Blog",
        "Listeners without a subscription can now hear the full catalogue with adverts.", "44 comments",
    ]
    text = clean_text("\n".join([*article, *cards]))
    assert all(line in text for line in article)
    assert "The case maker is known" not in text and "Listeners without a subscription" not in text


def test_cleaning_keeps_an_articles_end_with_its_one_byline_after_a_band_of_chrome():
    opening = [
        "The council said on Tuesday that the new bridge would carry more than thirty thousand cars a day.",
        "Construction is expected to start next spring and take about two years, with traffic diverted meanwhile.",
        "Residents of the east side had asked the council to wait for a traffic study before it voted.",
        "Two members voted against the plan, saying the city should first secure a federal grant for it.",
        "The mayor said the city would apply for the grant anyway, and that work would not wait for it.",
    ]
    end = [
        "Engineers expect the old bridge to close for good once the new span opens to traffic next year.",
        "The demolition itself should take about four months, most of it at night to spare the traffic.",
        "What comes next",
        "The council will vote on the contract for the demolition at its next meeting in March.",
        "Three firms have bid for it, and the lowest bid is about a tenth under the city's estimate.",
        "By Ann Lee",
    ]
    text = clean_text("\n".join([*opening, "Home", "News", "Sport", "Weather", *end]))
    assert all(line in text for line in opening + end[:2] + end[3:5])


def test_cleaning_keeps_the_copy_of_the_title_over_the_article_not_the_one_atop_the_page():
    page = "\n".join([
        "Harbour wind farm wins approval after planning fight",
        "Home", "News", "Sport", "Weather", "Contact",
        "Ferry timetables for the winter season are now online for every route we run.",
        "Harbour wind farm wins approval after planning fight",
        "By Jane Whitcombe",
        "The council approved the offshore wind farm on Tuesday after a planning fight that lasted more than three years.",
        "Fishermen had argued that the turbines would close their best grounds, and they took their case to the inspectorate.",
        "The developer says construction will begin next spring and that the farm will power forty thousand homes.",
    ])
    result = clean_document(page)
    assert result.clean_text.startswith("Harbour wind farm wins approval after planning fight\n\nThe council approved")
    assert any(r.reason == "page_header" and r.text.startswith("Ferry timetables") for r in result.removed)


def test_cleaning_a_paragraph_beside_a_box_prompt_that_speaks_to_the_reader_is_the_boxs_text():
    page = [
        "The council said on Tuesday that the new bridge would carry more than thirty thousand cars a day.",
        "Construction is expected to start next spring and take about two years, with traffic diverted meanwhile.",
        "Our reporting is free to read. We rely on readers like you to keep it going, and every gift helps.",
        "Donate",
    ]
    text = clean_document("\n".join(page)).clean_text
    assert "readers like you" not in text and "Construction is expected" in text


def test_cleaning_a_line_ending_in_its_own_photo_credit_over_a_paragraph_is_a_caption():
    page = [
        "Council backs plan for a new bridge over the river",
        "Workers at the bridge site on Monday. Photo: Jane Doe/The Gazette",
        "The council said on Tuesday that the new bridge would carry more than thirty thousand cars a day.",
        "Construction is expected to start next spring and take about two years, with traffic diverted meanwhile.",
    ]
    result = clean_document("\n".join(page))
    assert "Workers at the bridge" not in result.clean_text
    assert [text for _, text in result.captions] == [page[1]]


def test_cleaning_a_paragraph_that_opens_with_the_bylines_name_is_the_authors_box():
    page = [
        "Council backs plan for a new bridge over the river",
        "By Jane Doe",
        "The council said on Tuesday that the new bridge would carry more than thirty thousand cars a day.",
        "Construction is expected to start next spring and take about two years, with traffic diverted meanwhile.",
        "Jane Doe covers city hall for the Gazette. Her first book comes out next year.",
    ]
    result = clean_document("\n".join(page))
    assert "covers city hall" not in result.clean_text and "Construction is expected" in result.clean_text
    assert "author_bio" in {r.reason for r in result.removed}


def test_cleaning_a_headline_that_opens_with_the_bylines_name_stays():
    # A press release: the company its "News provided by" line names opens its headline too.
    page = [
        "Browse News Releases", "Contact", "Sign Up",
        "Harbor Robotics Announces Record Quarterly Orders for Warehouse Arms",
        "Orders rose 40 percent as retailers automate their warehouses",
        "News provided by",
        "Harbor Robotics, Inc.",
        "Feb 07, 2023, 08:00 ET",
        "BOSTON, Feb. 7, 2023 /Newswell/ -- Harbor Robotics, Inc. said on Tuesday that orders for its warehouse arms rose 40 percent.",
        "The company expects to hire two hundred engineers this year at its plant outside the city, it said.",
    ]
    result = clean_document("\n".join(page))
    assert result.metadata.title == page[3]
    assert page[3] in result.clean_text


def test_cleaning_a_bylines_lines_between_the_headline_and_the_article_keep_the_headline():
    page = [
        "Markets", "Investing", "Economy", "Earnings",
        "Harbor Robotics shares jump 14% after earnings beat",
        "Jane Doe",
        "Reporter, Technology",
        "Published Thu, Oct 26 2023 10:12 AM EDT",
        "WATCH LIVE",
        "Key Points",
        "Harbor Robotics reported quarterly earnings of $1.12 per share, above analysts' estimates of 94 cents a share.",
        "The company raised its full-year sales forecast and said orders for its warehouse arms keep growing.",
    ]
    result = clean_document("\n".join(page))
    assert result.metadata.title == page[4] and page[4] in result.clean_text


def test_cleaning_a_line_ending_in_a_bracketed_credit_over_a_paragraph_is_a_caption_not_the_headline():
    page = [
        "Bakery owner rebuilds after flood, one loaf at a time",
        "Six weeks after the surge put four feet of seawater in her shop, the owner is selling bread again.",
        "Written by Jane Doe",
        "Posted on 10/05/2023",
        "Jane Roe shapes dough at the Grange Hall kitchen on Tuesday. (Jane Doe/The Beacon)",
        "At 4 a.m. most mornings, the only light on Grange Road comes from the back windows of the old hall.",
        "The surge flooded most of the downtown waterfront, and the bakery lost its ovens and its flour.",
    ]
    result = clean_document("\n".join(page))
    assert [text for _, text in result.captions] == [page[4]]
    assert result.metadata.title == page[0] and page[4] not in result.clean_text


def test_cleaning_a_paragraph_that_opens_with_any_bylines_name_is_an_authors_box():
    page = [
        "Council backs plan for a new bridge over the river",
        "By Jane Doe and John Roe",
        "The council said on Tuesday that the new bridge would carry more than thirty thousand cars a day.",
        "Construction is expected to start next spring and take about two years, with traffic diverted meanwhile.",
        "John Roe covers the city's transport for the Gazette from its riverside newsroom.",
    ]
    result = clean_document("\n".join(page))
    assert "riverside newsroom" not in result.clean_text and "Construction is expected" in result.clean_text
