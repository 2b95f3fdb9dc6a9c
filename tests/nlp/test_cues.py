import pytest

from pipeline.nlp.cues import context_cue


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("OpenAI CEO Sam Altman said", "Sam Altman", "PERSON"),
        ("Kakao CEO Chung Shin-a", "Kakao", "ORG"),
        ("Chinese AI startup DeepSeek", "DeepSeek", "ORG"),
        ("the popular KakaoTalk app", "KakaoTalk", "PRODUCT"),
        ("not quite as hi-res as the Rift version, but", "Rift", "PRODUCT"),
        ("the impressive Dark Knight character model", "Dark Knight", "PRODUCT"),
        ("at Seoul's Walker Hill Hotel", "Walker Hill Hotel", "FAC"),
        ("with The Cynthia Woods Mitchell Pavilion hosting the final date", "Cynthia Woods Mitchell Pavilion", "FAC"),
        ("Krafton released Uncover the Smoking Gun, an AI-based chat game", "Uncover the Smoking Gun", "PRODUCT"),
        ("shares of SK Group rose", "SK Group", "ORG"),
        ("the deal made Kestrel Pharma bigger", "Kestrel Pharma", "ORG"),
        ("a win for Brambleton Rovers at home", "Brambleton Rovers", "ORG"),
        ("volunteers from Friends of Sumner Park met", "Friends of Sumner Park", "ORG"),
        ("flights on Skyhop Regional ended", "Skyhop Regional", "ORG"),
        ("after Storm Odalys made landfall", "Storm Odalys", "EVENT"),
        ("as Hurricane Ida neared the coast", "Hurricane Ida", "EVENT"),
        ("the weather in Seoul was cold", "Seoul", None),
        ("He posted the video to Twitter on Monday", "Twitter", "ORG"),
        ("a special for Netflix next year", "Netflix", "ORG"),
        ("Eloise Parry, 21, was taken to hospital", "Eloise Parry", "PERSON"),
        ("the actor's wife, Kimberly, had", "Kimberly", "PERSON"),
        ("and peer Lowe’s (LOW) stock is off", "Lowe", "ORG"),
        ("a statement obtained by Dick Clark Productions", "Dick Clark Productions", "ORG"),
        ("according to the Iowa Starting Line tracker", "Iowa Starting Line", None),
        ("an article by Vulture magazine about the show", "Vulture", "ORG"),
        ("fans of MakingStarWars.net say", "MakingStarWars.net", "ORG"),
        ("to perform at the American Music Awards ceremony", "American Music Awards", "EVENT"),
        ("honored with the coveted Artist of the Decade award at", "Artist of the Decade", "EVENT"),
        ("who won the Africa Movie Academy Award for Best Actress in 2008", "Africa Movie Academy Award for Best Actress", "EVENT"),
        ("the IBM Watson program that beat the best player", "IBM Watson", "PRODUCT"),
        ("a birthday bash for the Star Wars Saga at Celebration", "Star Wars Saga", "WORK_OF_ART"),
        ("the Special Editions represent the most significant edits", "Special Editions", "WORK_OF_ART"),
        ("the director of the hospital in the Mughraqa area in the central strip", "Mughraqa", "GPE"),
        ("After his failed Beer Hall Putsch, in Munich 100 years ago", "Beer Hall Putsch", "EVENT"),
        ("Junmyung Lee, 30, of Dedham; and", "Dedham", "GPE"),
        ("who resides at 2134 Caldwell Place, police said", "Caldwell Place", "FAC"),
        ("a hometown show at Mountain View, CA on Sept. 12", "CA", "GPE"),
        ("the kick-off in West Palm Beach, FL, the first stop", "FL", "GPE"),
        ("chips from Samsung, LG and Apple", "LG", None),
        ("the launch game “Eve Valkyrie” does an admirable job", "Eve Valkyrie", "WORK_OF_ART"),
        ("a forum for developers called “XDA Developers” in posts", "XDA Developers", None),
    ],
)
def test_cues_titles_kinds_suffixes_platforms_ages_and_quotes(text, name, label):
    start = text.index(name)
    assert context_cue(text, start, start + len(name), name) == label
