import pytest

from pipeline.nlp.mentions import clean_span, mention_spans, normalise


@pytest.mark.parametrize(
    ("text", "cleaned"),
    [
        ("SK Telecom's", "SK Telecom"),
        ("Mr Altman", "Mr Altman"),
        ("CEO Sam Altman", "Sam Altman"),
        ("the Stargate", "Stargate"),
        ("“OpenAI”", "OpenAI"),
        ("U.S.", "U.S."),
        ("South Korea’s Kakao", "Kakao"),
        ("Samsung,", "Samsung"),
    ],
)
def test_mentions_clean_span_trims_and_keeps_offsets(text, cleaned):
    padded = f"xx {text} yy"
    start, end = clean_span(padded, 3, 3 + len(text))
    assert padded[start:end] == cleaned


def test_mentions_drop_line_breaks_acronyms_and_non_names():
    text = "Yonhap\n\nSoftBank and AI firms met on Tuesday with OpenAI."
    at = text.index
    spans = mention_spans(text, [(0, at("SoftBank") + 8, "ORG"), (at("AI"), at("AI") + 2, "ORG"),
                                 (at("Tuesday"), at("Tuesday") + 7, "DATE"), (at("OpenAI"), at("OpenAI") + 6, "ORG")])
    assert [text[s.start:s.end] for s in spans] == ["OpenAI"]


@pytest.mark.parametrize(("a", "b"), [("Chung Shina", "Chung Shin-a"), ("SK Hynix", "SK hynix"), ("Softbank", "SoftBank")])
def test_mentions_normalise_folds_case_hyphens_spaces(a, b):
    assert normalise(a) == normalise(b)

def _entities(text, names):
    """(start, end, label) of each (name, label), found in `text` in order."""
    found, at = [], 0
    for name, label in names:
        at = text.index(name, at)
        found.append((at, at + len(name), label))
        at += len(name)
    return found


def _surfaces(text, names):
    return [text[s.start:s.end] for s in mention_spans(text, _entities(text, names))]


@pytest.mark.parametrize(
    ("text", "names", "kept"),
    [
        ("NEW YORK (Reuters) - Oil prices fell sharply on Tuesday on oversupply concerns, Exxon said.", [("Reuters", "ORG"), ("Exxon", "ORG")], ["Exxon"]),
        ("HANOI, Vietnam (AP) — Defense Secretary Mark Esper on Wednesday accused China of coercion.", [("AP", "ORG"), ("Mark Esper", "PERSON")],
         ["Mark Esper"]),
        ("Kakao shares were up 0.2 per cent after surging 9 per cent the previous day. REUTERS, BLOOMBERG",
         [("Kakao", "ORG"), ("REUTERS", "ORG"), ("BLOOMBERG", "ORG")], ["Kakao"]),
        ("Acting attorney Levy speaks during a press conference in the city. (Matt Stone/Boston Herald)",
         [("Levy", "PERSON"), ("Matt Stone", "PERSON"), ("Boston Herald", "ORG")], ["Levy"]),
        ("Traders work on the floor in New York. REUTERS/Brendan McDermid", [("Brendan McDermid", "PERSON")], []),
        ("Two covers of the book, side by side. L: Random House / R: Simon & Schuster",
         [("Random House", "ORG"), ("Simon & Schuster", "ORG")], []),
        ("Apple stock fell after the retailer reported its earnings. Photograph by Robyn Beck/AFP/Getty Images",
         [("Apple", "ORG"), ("Getty Images", "ORG")], ["Apple"]),
        ("By Aaron Humes: The Americas cannot ignore the risk of further surges, warns the Pan American Health Organization.",
         [("Aaron Humes", "PERSON"),
         ("Pan American Health Organization", "ORG")], ["Pan American Health Organization"]),
        ("Additional reporting by Steve Gorman; Editing by Nick Zieminski", [("Steve Gorman", "PERSON"), ("Nick Zieminski", "PERSON")], []),
        ("Fox News’ Jessica Napoli contributed to this report.", [("Jessica Napoli", "PERSON")], []),
        ("Jane Doe reported from Denver, and John Roe from Phoenix. Ann Lee contributed research.",
         [("Jane Doe", "PERSON"), ("John Roe", "PERSON"), ("Ann Lee", "PERSON")], []),
        ("Jane Doe covers the Southwest from Phoenix.", [("Jane Doe", "PERSON")], []),
        ("Medicaid covers the cost of most nursing-home stays for older Americans, officials said on Monday.",
         [("Medicaid", "ORG")], ["Medicaid"]),
        ("Perry Bacon Jr. is a senior writer for FiveThirtyEight.", [("Perry Bacon Jr.", "PERSON"), ("FiveThirtyEight", "ORG")], []),
        ("Mark di Stefano is a breaking news reporter for BuzzFeed News.", [("Mark di Stefano", "PERSON"), ("BuzzFeed News", "ORG")], []),
        ("Jane Doe arrives at Fandom by way of Wookieepedia. She covers Star Wars and animation.",
         [("Jane Doe", "PERSON"), ("Fandom", "ORG"), ("Wookieepedia", "ORG")], []),
        ("Posted by Nikhil Marathe on March 10, 2015 at 08:05", [("Nikhil Marathe", "PERSON")], []),
        ("Tuesday 15 October 2019 by Bradley M. Kuhn", [("Bradley M. Kuhn", "PERSON")], []),
        ("Sallie Goetsch (rhymes with sketch) · March 10, 2017 at 12:20 AM", [("Sallie Goetsch", "PERSON")], []),
        ("Sallie Goetsch on August 2, 2019", [("Sallie Goetsch", "PERSON")], []),
        ("SallieG 2 hours ago", [("SallieG", "PERSON")], []),
        ("Orchid in foam oasis, placed on a wooden slice (Lucy Akins)", [("Lucy Akins", "PERSON")], []),
        ("Letting him off the hook, September 8, 1974. National Archives", [("National Archives", "ORG")], []),
        ("The pardon came in 1974. National Archives staff kept the letters.", [("National Archives", "ORG")], ["National Archives"]),
        ("Check out more articles on BuzzFeed.com!", [("BuzzFeed.com", "ORG")], []),
        ("Copyright © 2018 by Thomas W. Malone. Used with permission of Little, Brown and Company.",
         [("Thomas W. Malone", "PERSON"), ("Little, Brown and Company", "ORG")], []),
        ("This article originally appeared on The Conversation.", [("The Conversation", "ORG")], []),
        ("Read more: Biden's plan to cut drug costs draws fire from Pfizer.", [("Biden", "PERSON"), ("Pfizer", "ORG")], []),
        ("Tags: Donald Trump, Joe Biden, elections.", [("Donald Trump", "PERSON"), ("Joe Biden", "PERSON")], []),
        ("Communities: Connect with people like you on WebMD.", [("WebMD", "ORG")], []),
        ("Sorry you didn't like this comment on WebMD.", [("WebMD", "ORG")], []),
        ("“You can see it,” Jane Doe said of the new WebMD app and its features.", [("Jane Doe", "PERSON"), ("WebMD", "ORG")],
         ["Jane Doe", "WebMD"]),
    ],
)
def test_mentions_credits_datelines_and_bylines_yield_no_mention(text, names, kept):
    page = "The article opens with a sentence of its own.\n\n" + text  # not the page's first line, which may be its headline
    assert _surfaces(page, names) == kept


def test_mentions_names_only_outside_the_prose_need_the_prose_to_write_them():
    """A headline's names are the article's when its prose writes them; a teaser's are not."""
    text = ("Zuckerberg Offers Peek At Facebook Acquisition Strategies\n\n"
            "Mark Zuckerberg said Facebook moves fast.\n\n"
            "Kanye West Says He Met Trump At The Tower\n\n"
            "A blurb under that headline that never ends…")
    names = [("Zuckerberg", "PERSON"), ("Facebook", "ORG"), ("Mark Zuckerberg", "PERSON"), ("Facebook", "ORG"),
             ("Kanye West Says", "PERSON"), ("Trump", "PERSON"), ("Tower", "FAC")]
    assert _surfaces(text, names) == ["Zuckerberg", "Facebook", "Mark Zuckerberg", "Facebook"]


def test_mentions_an_outlet_in_its_chrome_and_its_authors_note_is_not_the_articles():
    """The prose that backs a name outside it is the prose outside its credits."""
    text = ("This BuzzFeed homepage is tailored for our readers\n\n"
            "Eloise Parry was taken to hospital on 12 April.\n\n"
            "Mark Doe is a breaking news reporter for BuzzFeed News and is based in Sydney.")
    names = [("BuzzFeed", "ORG"), ("Eloise Parry", "PERSON"), ("Mark Doe", "PERSON"), ("BuzzFeed News", "ORG")]
    assert _surfaces(text, names) == ["Eloise Parry"]


@pytest.mark.parametrize(
    ("text", "names", "kept"),
    [
        ("He began the intro to “Takin’ It to the Streets,” to cheers.", [("Streets", "ORG")], []),
        ("They sold buttons reading “Don’t Buy Books by Crooks.”", [("Crooks", "ORG")], []),
        ("They started a “Committee to Boycott Nixon’s Memoirs,” in 1978.", [("Boycott Nixon", "PERSON")], []),
        # a name that is the whole quotation, or in a quoted sentence, is still a name
        ("He called him “Mini Mike” in a speech.", [("Mini Mike", "PERSON")], ["Mini Mike"]),
        ("“We met Tom Steyer in Iowa last week,” she said.", [("Tom Steyer", "PERSON")], ["Tom Steyer"]),
    ],
)
def test_mentions_words_of_a_quoted_title_are_no_names(text, names, kept):
    assert _surfaces(text, names) == kept


@pytest.mark.parametrize(
    ("text", "names", "kept"),
    [
        ("Houston beauty chain Aisha's Salon and Spa is banning men.", [("Salon and Spa", "ORG")], ["Aisha's Salon and Spa"]),
        ("Deputies of the Harris County Sheriff's Office came to the house on Friday.", [("Office", "ORG")], ["Harris County Sheriff's Office"]),
        # a name of its own after the possessive stays apart
        ("According to The Verge's Stadia review, it lags.", [("Stadia", "ORG")], ["Stadia"]),
    ],
)
def test_mentions_a_kind_of_institution_cut_from_its_possessor_gets_it_back(text, names, kept):
    assert _surfaces(text, names) == kept


@pytest.mark.parametrize(
    ("text", "name", "label", "expected"),
    [
        ("West Mercia police said the tablets were believed to contain a toxic chemical.", "West Mercia", "GPE",
         [("West Mercia police", "ORG")]),
        ("She was taken to Royal Shrewsbury hospital on 12 April after taking the tablets.", "Royal Shrewsbury", "ORG",
         [("Royal Shrewsbury hospital", "ORG")]),
        ("The chief of the London police Federation said that it was a sad day for all.", "London", "GPE", [("London", "GPE")]),
    ],
)
def test_mentions_a_lower_case_kind_of_institution_ends_the_name_before_it(text, name, label, expected):
    spans = mention_spans(text, _entities(text, [(name, label)]))
    assert [(text[s.start:s.end], s.label) for s in spans] == expected


@pytest.mark.parametrize(
    ("text", "names", "kept"),
    [
        ("The saga has produced new content beginning with The Force Awakens. The Rock starred in it.",
         [("Force Awakens", "PERSON"), ("Rock", "PERSON")], ["Rock"]),
        ("The most private browser is the Tor Browser, which everyone should have.", [("Tor Browser", "PERSON")], []),
        ("Aides said the Trump administration would appeal.", [("Trump", "PERSON")], ["Trump"]),
        ("Trump kept a copy of Hitler’s speeches, My New Order, at his bedside.", [("Trump", "PERSON"), ("My New Order", "ORG")], ["Trump"]),
    ],
)
def test_mentions_a_title_or_a_thing_the_model_took_for_a_name_is_none(text, names, kept):
    assert _surfaces(text, names) == kept


def test_mentions_a_paragraph_the_copy_cut_short_between_prose_is_the_articles():
    text = ("Google Stadia launches tomorrow and early reviews are somewhat mixed for the service.\n\n"
            "According to The Verge's review, the platform does not run in native 4K. Google confirmed this in a statement…\n\n"
            "When streaming at 4K, the game renders at a native 1080p and then upsamples the picture.")
    assert _surfaces(text, [("The Verge", "ORG")]) == ["Verge"]
    teaser = "Kanye West Says He Met Trump At The Tower\n\nHe said the meeting went well. West spoke of Trump at length…"
    assert _surfaces(teaser, [("Trump", "PERSON")]) == []


def test_mentions_a_paragraph_that_lost_its_full_stop_is_still_prose():
    text = "Intro sentence here.\n\nIn a tour through Asia, OpenAI chief executive Sam Altman also announced a deal with SoftBank"
    assert _surfaces(text, [("Sam Altman", "PERSON"), ("SoftBank", "ORG")]) == ["Sam Altman", "SoftBank"]


_ARTICLE = "\n\n".join(f"Paragraph {i} of the story tells what the navy veteran said about the photo at length." for i in range(6))
_TEASERS = ("LeBron James Honored As Sportsperson Of The Year\n\nLeBron James was honored Monday night in Brooklyn, New York…\n\n"
            "Frito-Lay Drops Its Super Bowl Advertisements\n\nFrito-Lay is closing the bag on its commercials this year.\n\n"
            "Arctic Assault Brings Record Cold To The Region\n\n")


@pytest.mark.parametrize(
    ("page", "kept"),
    [
        # a teaser's blurb between headlines, far shorter than the article, is the page around it
        (_ARTICLE + "\n\n" + _TEASERS, []),
        # the same paragraph within the article (a caption's line or two away) is the article's
        (_ARTICLE + "\n\nView photo\n\nFrito-Lay is closing the bag on its commercials this year.\n\n" + _ARTICLE, ["Frito-Lay"]),
        # a page that is one short paragraph is all article
        ("Frito-Lay is closing the bag on its commercials this year.", ["Frito-Lay"]),
    ],
)
def test_mentions_prose_far_from_the_article_is_page_chrome(page, kept):
    at = page.index("Frito-Lay is")
    spans = mention_spans(page, [(at, at + len("Frito-Lay"), "ORG")])
    assert [page[s.start:s.end] for s in spans] == kept


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("For questions about the story, write to EmailJohn Smith at the desk.", "EmailJohn Smith", ["John Smith"]),
        ("Readers can share the story on TwitterFacebook today.", "TwitterFacebook", []),
        ("The story was written by our reporter Jane DoeFollow in the city.", "Jane DoeFollow", ["Jane Doe"]),
        ("For questions about the story, write to Email Jane Doe at the desk.", "Email Jane Doe", ["Jane Doe"]),
        ("The striker was praised, as wrote on Twitter Gary Lineker last night.", "Twitter Gary Lineker", ["Gary Lineker"]),
        ("He posted the video to Twitter on Monday and more.", "Twitter", ["Twitter"]),
        ("He met with the singer McDonald at the hall on Monday.", "McDonald", ["McDonald"]),
        ("He met with executives of OpenAI at the hall on Monday.", "OpenAI", ["OpenAI"]),
        ("Support for the campaign grew as #deleteFacebook trended online.", "deleteFacebook", []),
        ("Warren has the most endorsements, per a list compiled by the scientist Boris Shor.3 And more.", "Boris Shor.3", ["Boris Shor"]),
        ("The witness, a retired officer and Lt. Col. in the reserve, testified.", "Lt. Col.", []),
        ("The medic was praised by the SSgt and by the whole unit.", "SSgt", []),
        ("The broader left is also anti-Biden, but split between the two.", "anti-Biden", ["Biden"]),
        ("The price was matched at Kroger-owned stores in the region last week.", "Kroger-owned", ["Kroger"]),
        ("The scientists were led by Michael Shadlen, Ph.D., of the university.", "Ph.D", []),
        ("We know that Next the team will present the plan in full.", "Next", []),
    ],
)
def test_mentions_glued_copy_artefacts_are_split_or_dropped(text, name, expected):
    assert _surfaces(text, [(name, "PERSON")]) == expected


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("According to The Verge’s Stadia review, the streaming platform does not run the game in native resolution.",
         "The Verge’s Stadia", ["Verge", "Stadia"]),
        ("The Economist‘s Open Future initiative asked him five questions about his book.", "The Economist‘s Open Future",
         ["Economist", "Open Future"]),
        ("The station called the Harris County Sheriff's Office asking questions about the report.", "Harris County Sheriff's Office",
         ["Harris County Sheriff's Office"]),
        ("She is the director of the centre at the Murdoch Children’s Research Institute in the city.", "Murdoch Children’s Research Institute",
         ["Murdoch Children’s Research Institute"]),
    ],
)
def test_mentions_a_possessive_splits_two_names_but_not_an_institution(text, span, expected):
    assert _surfaces(text, [(span, "ORG")]) == expected


def test_mentions_a_capitalised_common_word_is_no_name():
    text = "Groups don't always decide better. Small groups of people often do, the US says: let us see."
    assert _surfaces(text, [("Groups", "ORG"), ("US", "GPE")]) == ["US"]


def test_mentions_a_person_made_of_common_words_is_no_name():
    text = "A rare form of Muscular Dystrophy has stopped him; muscular dystrophy is rare."
    assert _surfaces(text, [("Muscular Dystrophy", "PERSON")]) == []


@pytest.mark.parametrize(
    ("text", "name", "label", "kept"),
    [
        ("We believe Q3 comps would have been closer to 5%.", "Q3", "PERSON", []),
        ("The game does not run Destiny 2 in native 4K.", "Destiny 2", "PERSON", []),
        ("Cases rose as Omicron BA.2 spread in the region.", "Omicron BA.2", "PERSON", []),
        ("Shares of 3M rose on the news.", "3M", "ORG", ["3M"]),
        ("As Hitler rose to power, My Struggle became a bestseller.", "My Struggle", "PERSON", []),
        ("For good measure, Never Trump voters stayed home.", "Never Trump", "PERSON", []),
        ("The actor Will Smith spoke at the ceremony.", "Will Smith", "PERSON", ["Will Smith"]),
    ],
)
def test_mentions_a_person_with_a_digit_or_opening_with_a_function_word_is_no_name(text, name, label, kept):
    assert _surfaces(text, [(name, label)]) == kept


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("Krafton released Uncover the Smoking Gun, an AI-based chat game.", "Uncover the Smoking Gun", ["Uncover the Smoking Gun"]),
        ("She will perform at the upcoming American Music Awards after Swift scolded her label.", "American Music Awards after Swift",
         ["American Music Awards", "Swift"]),
        ("He joined the Society for the Protection of Birds last year.", "Society for the Protection of Birds",
         ["Society for the Protection of Birds"]),
        ("The analysts at Bank of America agreed with the figures.", "Bank of America", ["Bank of America"]),
        ("The frustration of Big Machine, Braun said, was plain to see.", "Big Machine, Braun", ["Big Machine", "Braun"]),
        ("The fans of Aston Villa - West Ham were kept apart at the ground.", "Aston Villa - West", ["Aston Villa", "West"]),
        ("The cards are published by U.S. Games Systems, Inc. in the state.", "U.S. Games Systems, Inc.", ["U.S. Games Systems, Inc."]),
        ("The memoir was published by Little, Brown and Company last year.", "Little, Brown and Company", ["Little, Brown and Company"]),
        # a "the" after a name's word, before a name the page writes again, opens the next name
        ("Johnston told Billboard the Doobies have five songs. The Doobies tour in June.", "Billboard the Doobies", ["Billboard", "Doobies"]),
    ],
)
def test_mentions_sentence_words_and_list_commas_the_model_took_in_are_cut_out(text, span, expected):
    assert _surfaces(text, [(span, "ORG")]) == expected


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("They were arraigned in Boston’s U.S. District Court on Wednesday.", [("U.S.", "GPE"), ("District Court", "ORG")],
         ["U.S. District Court"]),
        ("Police said Han Lee and Junmyung Lee were arrested on Wednesday.", [("Han", "NORP"), ("Lee", "PERSON"), ("Junmyung Lee", "PERSON")],
         ["Han Lee", "Junmyung Lee"]),
        ("The rival to Korean SK Telecom said on Wednesday it would invest.", [("Korean", "NORP"), ("SK Telecom", "ORG")],
         ["Korean", "SK Telecom"]),
        ("A speech by Israeli Netanyahu was broadcast on Wednesday night.", [("Israeli", "NORP"), ("Netanyahu", "PERSON")],
         ["Israeli", "Netanyahu"]),
        ("It was presented at the annual meeting of the American Academy of Allergy, Asthma and Immunology in Houston.",
         [("American Academy of Allergy", "ORG"), ("Asthma and Immunology", "ORG")], ["American Academy of Allergy, Asthma and Immunology"]),
        ("He has the backing of six legislators, according to a count from the Post and Courier in the state.",
         [("Post", "ORG"), ("Courier", "ORG")], ["Post and Courier"]),
        ("He has the backing of six legislators, according to a count from Apple and Google in the state.",
         [("Apple", "ORG"), ("Google", "ORG")], ["Apple", "Google"]),
        ("Analysts at Bank of America, Citi and Wells Fargo agreed with the forecast on Monday.",
         [("Bank of America", "ORG"), ("Citi", "ORG"), ("Wells Fargo", "ORG")], ["Bank of America", "Citi", "Wells Fargo"]),
    ],
)
def test_mentions_a_place_the_model_cut_off_a_name_joins_it(text, names, expected):
    assert _surfaces(text, names) == expected


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("She shared the photos on Tumblr and on Twitter last week.", ["Tumblr", "Twitter"]),
        ("She wrote to @Twitter and visited twitter.com, then Twitter.com, with #Facebook trending.", []),
    ],
)
def test_mentions_platforms_the_model_missed_are_organisations(text, kept):
    assert [(text[s.start:s.end], s.label) for s in mention_spans(text, [])] == [(k, "ORG") for k in kept]

