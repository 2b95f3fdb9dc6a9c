"""Context cues: the label the words around a name point to, whatever the model said."""

from __future__ import annotations

import re

_PERSON_TITLES = (
    r"mr|mrs|ms|dr|prof|sir|ceo|chairman|chairwoman|founder|co-founder|president|minister|secretary|director|"
    r"officer|executive|chief|spokes(?:man|woman|person)|analyst|professor|senator|governor|judge|coach|"
    # family and trade words before a name: "his wife, Kimberly", "Steelers quarterback Mason Rudolph"
    r"wife|husband|son|daughter|mother|father|brother|sister|partner|girlfriend|boyfriend|widow|actor|actress|singer|"
    r"rapper|songwriter|quarterback|producer|reporter|editor|photographer|lawyer|attorney|sergeant|lieutenant|"
    r"commissioner|mayor|premier|ambassador|economist|strategist|scientist|researcher|colleague|aide|adviser|advisor"
)
# Social, video and streaming platforms, which the model often takes for people or places, or
# misses: their names as written (those also common words, "Threads", "Telegram", only as a cue).
_PLATFORM_NAMES = ("Facebook", "Twitter", "Instagram", "YouTube", "TikTok", "Snapchat", "LinkedIn", "WhatsApp", "Pinterest",
                   "Reddit", "Tumblr", "WeChat", "Weibo", "Bluesky", "Mastodon", "Twitch", "Discord", "Flickr", "Vimeo", "Netflix",
                   "Hulu", "Spotify")
_PLATFORMS = re.compile(rf"^(?:{'|'.join(_PLATFORM_NAMES)}|threads|telegram)$", re.I)
_PLATFORM_IN_TEXT = re.compile(rf"(?<![\w@#/.])(?:{'|'.join(_PLATFORM_NAMES)})(?!\w|\.\w)")


def platform_mentions(text: str, entities: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """ORG spans for the platforms the model did not tag where the text names them."""
    taken = [(s, e) for s, e, _ in entities]
    found = []
    for m in _PLATFORM_IN_TEXT.finditer(text):
        if not any(m.start() < e and s < m.end() for s, e in taken):
            found.append((m.start(), m.end(), "ORG"))
    return found
# (label, pattern) on the 30 characters before, after, and the name itself; the first hit wins.
_CUES_BEFORE = (
    # Where a person lives, in crime and court reports: "Junmyung Lee, 30, of Dedham"
    ("GPE", re.compile(r"\b\d{1,3},?\s+of\s+$")),
    ("PERSON", re.compile(rf"\b(?:{_PERSON_TITLES})\.?,?\s*$", re.I)),
    ("ORG", re.compile(r"\b(?:startup|start-up|company|firm|maker|developer|operator|rival|giant|conglomerate|carrier|"
                       r"retailer|automaker|chipmaker|insurer|lender|broadcaster|newspaper|agency|publisher|brand)\s*$", re.I)),
    ("PRODUCT", re.compile(r"\b(?:app|agent|chatbot|model|game|platform|device|smartphone|assistant|software),?\s*$", re.I)),
)
_KINDS_OF_PRODUCT = r"(?:app|game|model|chatbot|platform|device|smartphone|software|version|edition|variant|strain|character|trilogy|program)"
_KINDS_OF_ORG = r"(?:company|startup|start-up|firm|maker|developer|operator|conglomerate|group|agency|bank|carrier)"
_CUES_AFTER = (
    # An age in apposition is a person's: "Braun, 38, ...", "Eloise Parry, 21, was ..."
    ("PERSON", re.compile(r"^,\s*\d{1,3}\s*(?:,|;|\)|–|—|-|\.|$)")),
    # A ticker after the name is a listed company's: "Lowe's (LOW)", "Home Depot (ticker: HD)"
    ("ORG", re.compile(r"^(?:['’]s)?\s*\((?:ticker:\s*|(?:NYSE|NASDAQ|Nasdaq|LSE|TSX|KRX):\s*)?[A-Z]{1,5}\)")),
    ("ORG", re.compile(r"^(?:['’]s?)?\s+(?:ceo|chief|chairman|chairwoman|vice|co-founder|founder|president|executives?|"
                       r"shares|stock|spokes(?:man|woman|person)|board|unit|subsidiary|affiliate|analysts?)\b", re.I)),
    # An outlet's kind after its name: "Vulture magazine" (not "users" or "account": apps have them too).
    ("ORG", re.compile(r"^\s+(?:magazine|newspaper|website)\b", re.I)),
    ("PRODUCT", re.compile(rf"^(?:\s+|,\s+(?:an?|the|its)\s+(?:[\w-]+\s+){{0,3}}){_KINDS_OF_PRODUCT}\b", re.I)),
    ("ORG", re.compile(rf"^,\s+(?:an?|the|its)\s+(?:[\w-]+\s+){{0,3}}{_KINDS_OF_ORG}\b", re.I)),
    ("EVENT", re.compile(r"^\s+(?:workshop|conference|summit|forum|festival|expo|fair|meeting|games|awards?|prize|ceremony)\b", re.I)),
    ("GPE", re.compile(r"^\s+(?:facilities|facility|plant|factory|campus|site|province|county|district|area|region|"
                       r"neighbou?rhood|village|suburb)\b", re.I)),
)
_CUES_NAME = (
    ("ORG", re.compile(r"\b(?:inc|corp|co|ltd|llc|plc|group|holdings|electronics|telecom|bank|company|corporation|"
                       r"ventures|university|institute|networks|motors|partners|capital|technologies|systems|"
                       r"productions|records|studios|entertainment|media|foundation|association|council|committee|commission|"
                       r"department|agency|office|police|ministry|party|caucus|league|union|society|academy|college|court|"
                       r"guild|coalition|federation|alliance|organi[sz]ation|news|times|post|herald|tribune|journal|gazette|"
                       r"chronicle|courier|magazine|radio|pharma|pharmaceuticals|therapeutics|biotech|bio|robotics|labs|"
                       r"airways|airlines|regional|cellars|winery|brewery|cooperative|co-op|conservancy|united|rovers|wanderers|fc)\.?$"
                       r"|^friends of\b", re.I)),
    ("ORG", re.compile(r"\.(?:com|net|org|co\.uk)$", re.I)),  # a website is its owner's
    ("EVENT", re.compile(r"^(?:hurricane|typhoon|cyclone|tropical storm|storm)\s", re.I)),  # a named storm: "Storm Odalys"
    ("EVENT", re.compile(r"\b(?:awards?|prize|championships?|nationals|cup|festival|conference|summit|expo|olympics|"
                         r"tournament|primary|election|putsch|coup|massacre|uprising|riots?|wars?|scandal)$|"
                         r"\b(?:awards?|prize)\s+(?:for|of|in)\b", re.I)),
    ("WORK_OF_ART", re.compile(r"\b(?:saga|trilogy|editions)$", re.I)),
    ("FAC", re.compile(r"\b(?:hotel|tower|airport|stadium|bridge|station|hall|hospital|museum|palace|plaza|port|arena|"
                       r"amphitheat(?:er|re)|pavilion|coliseum|auditorium|ballpark|prison|jail|penitentiary)$", re.I)),
)
# A street address: a house number before a name ending in a street word ("2134 Caldwell Place").
_HOUSE_NUMBER = re.compile(r"\b\d{1,5}\s+$")
_STREET = re.compile(r"\b(?:street|st|avenue|ave|road|rd|drive|dr|lane|ln|boulevard|blvd|place|pl|way|court|ct|terrace|highway)\.?$", re.I)
# A region's postal code after its city: "Mountain View, CA", "West Palm Beach, FL".
_AFTER_CITY = re.compile(r"\b[A-Z][a-z]+,[ \t]*$")
_REGION_CODE = re.compile(r"^[A-Z]{2}$")
_LIST_GOES_ON = re.compile(r"^\s*(?:and\b|or\b|&|,\s*[A-Z])")  # "Samsung, LG and SK": companies, not a city's region
# A quoted title is a work's ("“Eve Valkyrie”"), unless the text is naming something ("a forum called “XDA Developers”").
_OPEN_QUOTE = re.compile(r"[“\"‘']$")
_CLOSE_QUOTE = re.compile(r"^[,.!?]?[”\"’']")
_NAMING = re.compile(r"\b(?:called|dubbed|named|known as|titled|nicknamed)\s*[“\"‘']$", re.I)


def context_cue(text: str, start: int, end: int, surface: str) -> str | None:
    """The label the words around a mention point to: a title before a person ("CEO Sam
    Altman"), a kind of company before a name ("AI startup DeepSeek"), a role or "shares" after
    an organisation ("Kakao CEO"), "app" after a product, a suffix ("SK Group", "Plaza Hotel"),
    a platform's name, a region's code after a city, quotes around a title; None when the context says nothing."""
    if _PLATFORMS.match(surface):
        return "ORG"
    before, after = text[max(0, start - 30): start], text[end: end + 30]
    if _HOUSE_NUMBER.search(before) and _STREET.search(surface):
        return "FAC"
    if _AFTER_CITY.search(before) and _REGION_CODE.match(surface) and not _LIST_GOES_ON.match(after):
        return "GPE"
    for cues, piece in ((_CUES_BEFORE, before), (_CUES_AFTER, after), (_CUES_NAME, surface)):
        for label, pattern in cues:
            if pattern.search(piece):
                return label
    if _OPEN_QUOTE.search(before) and _CLOSE_QUOTE.match(after) and not _NAMING.search(before):
        return "WORK_OF_ART"
    return None
