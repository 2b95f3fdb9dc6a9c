import polars as pl
import pytest

from pipeline.nlp.canonical import canonicalise


def _mentions(rows):
    return pl.DataFrame(
        [{"doc_id": d, "sentence_idx": 0, "start_char": s, "end_char": s + len(t), "text": t, "ner_label": label, "cue": None}
         for d, s, t, label in rows]
    )


def test_canonical_short_forms_labels_and_surnames():
    texts = pl.DataFrame({"doc_id": ["d1", "d2"], "clean_text": ["x" * 200, "x" * 200]})
    rows = [
        ("d1", 0, "Sam Altman", "PERSON"), ("d1", 20, "Altman", "ORG"), ("d1", 40, "Altman", "PERSON"),
        ("d1", 60, "Kim Dong-young", "PERSON"), ("d2", 0, "Kim Beom-su", "PERSON"), ("d2", 20, "OpenAI", "ORG"),
        ("d1", 80, "OpenAI", "PERSON"), ("d2", 40, "OpenAI", "ORG"), ("d2", 60, "SK hynix", "ORG"), ("d1", 100, "SK Hynix", "ORG"),
    ]
    mentions, entities = canonicalise(_mentions(rows), texts)
    by_name = {r["name"]: r for r in entities.iter_rows(named=True)}
    assert by_name["Sam Altman"]["label"] == "PERSON" and by_name["Sam Altman"]["n_mentions"] == 3
    assert set(by_name["Sam Altman"]["aliases"]) == {"Sam Altman", "Altman"}
    assert by_name["OpenAI"]["label"] == "ORG" and by_name["OpenAI"]["n_documents"] == 2
    assert "Kim Dong-young" in by_name and "Kim Beom-su" in by_name
    assert len({by_name[n]["entity_id"] for n in by_name}) == len(by_name)
    assert sum("hynix" in n.lower() for n in by_name) == 1
    assert mentions["entity_id"].null_count() == 0
    assert mentions["mention_id"].n_unique() == mentions.height


def test_canonical_is_deterministic():
    texts = pl.DataFrame({"doc_id": ["d1"], "clean_text": ["x" * 100]})
    rows = _mentions([("d1", 0, "Sam Altman", "PERSON"), ("d1", 20, "OpenAI", "ORG")])
    assert canonicalise(rows, texts)[1].equals(canonicalise(rows, texts)[1])



def test_canonical_is_the_same_a_document_at_a_time():
    """Full forms, acronyms and lists are read per chunk of documents; what they find must still
    reach every document (an acronym introduced in one names the entity in all)."""
    texts = {
        "a": "The Massachusetts Institute of Technology (MIT) met Kakao, Naver and Krafton.",
        "b": "MIT hired Sam Altman. Altman said Naver Group grew.",
        "c": "Naver said so, and Kakao agreed.",
    }
    names = {"a": [("Massachusetts Institute of Technology", "ORG"), ("MIT", "ORG"), ("Kakao", "ORG"), ("Naver", "GPE"), ("Krafton", "ORG")],
             "b": [("MIT", "ORG"), ("Sam Altman", "PERSON"), ("Altman", "ORG"), ("Naver Group", "ORG")],
             "c": [("Naver", "ORG"), ("Kakao", "PERSON")]}
    rows = []
    for d in texts:
        at = 0
        for t, label in names[d]:
            at = texts[d].index(t, at)
            rows.append((d, at, t, label))
            at += len(t)
    documents = pl.DataFrame({"doc_id": list(texts), "clean_text": list(texts.values())})
    whole = canonicalise(_mentions(rows), documents)
    by_one = canonicalise(_mentions(rows), documents, per_chunk=1)
    assert whole[0].equals(by_one[0]) and whole[1].equals(by_one[1])
    from_disk = canonicalise(_mentions(rows), documents.lazy(), per_chunk=1)  # texts read a chunk at a time
    assert whole[0].equals(from_disk[0]) and whole[1].equals(from_disk[1])
    by_name = {r["name"]: r for r in whole[1].iter_rows(named=True)}
    assert by_name["Massachusetts Institute of Technology"]["n_mentions"] == 3
    assert by_name["Naver"]["n_mentions"] == 3 and by_name["Naver"]["label"] == "ORG"
    assert by_name["Sam Altman"]["n_mentions"] == 2 and by_name["Kakao"]["label"] == "ORG"



def _canonical(docs, names):
    """canonicalise() on `docs` (doc_id -> text) and the (doc_id, name, label) mentions found in them in order."""
    rows, at = [], {}
    for doc_id, name, label in names:
        start = docs[doc_id].index(name, at.get(doc_id, 0))
        rows.append((doc_id, start, name, label))
        at[doc_id] = start + len(name)
    documents = pl.DataFrame({"doc_id": list(docs), "clean_text": list(docs.values())})
    return canonicalise(_mentions(rows), documents)


def _entity_of(mentions, entities, doc_id, text):
    """(entity name, label, resolved_by) of the first mention of `text` in `doc_id`."""
    row = mentions.filter((pl.col("doc_id") == doc_id) & (pl.col("text") == text)).row(0, named=True)
    name = entities.filter(pl.col("entity_id") == row["entity_id"])["name"].item()
    return name, row["label"], row["resolved_by"]


@pytest.mark.parametrize(
    ("text", "names", "short", "expected"),
    [
        ("James Van Der Beek danced. Van Der Beek was voted off.", [("James Van Der Beek", "PERSON"), ("Van Der Beek", "PERSON")],
         "Van Der Beek", ("James Van Der Beek", "PERSON", "full_name_in_document")),
        ("Camille Etienne Gbedey spoke. Etienne said so.", [("Camille Etienne Gbedey", "PERSON"), ("Etienne", "PERSON")],
         "Etienne", ("Camille Etienne Gbedey", "PERSON", "full_name_in_document")),
        ("My colleague Geoffrey Skelley wrote it, as Geoff said.", [("Geoffrey Skelley", "PERSON"), ("Geoff", "PERSON")],
         "Geoff", ("Geoffrey Skelley", "PERSON", "given_name_in_document")),
        ("Thomas W. Malone wrote. Thomas Malone said. Malone agreed.",
         [("Thomas W. Malone", "PERSON"), ("Thomas Malone", "PERSON"), ("Malone", "PERSON")],
         "Malone", ("Thomas W. Malone", "PERSON", "full_name_in_document")),
        ("Angry Trump Supporters. Donald Trump won. Donald Trump said. Trump left.",
         [("Trump Supporters", "PERSON"), ("Donald Trump", "PERSON"), ("Donald Trump", "PERSON"), ("Trump", "PERSON")],
         "Trump", ("Donald Trump", "PERSON", "full_name_in_document")),
        ("Never Trump Republicans split. Trump won. Trump left.", [("Never Trump", "PERSON"), ("Trump", "PERSON"), ("Trump", "PERSON")],
         "Trump", ("Trump", "PERSON", "as_written")),
        ("Officers from the Columbus Police Department came. CPD said.", [("Columbus Police Department", "ORG"), ("CPD", "ORG")],
         "CPD", ("Columbus Police Department", "ORG", "initials_in_document")),
        ("The Congressional Progressive Caucus met. The Progressive Caucus grew.",
         [("Congressional Progressive Caucus", "ORG"), ("Progressive Caucus", "ORG")],
         "Progressive Caucus", ("Congressional Progressive Caucus", "ORG", "longer_name_in_document")),
        ("Homeland Security Investigations led it. Homeland Security said so.",
         [("Homeland Security Investigations", "ORG"), ("Homeland Security", "ORG")],
         "Homeland Security", ("Homeland Security Investigations", "ORG", "longer_name_in_document")),
        ("Big Machine Records and Big Machine Label Group split. Big Machine said so.",
         [("Big Machine Records", "ORG"), ("Big Machine Label Group", "ORG"), ("Big Machine", "ORG")],
         "Big Machine", ("Big Machine", "ORG", "as_written")),
        ("The Hispanic Caucus met with Hispanic voters.", [("Hispanic Caucus", "PERSON"), ("Hispanic", "NORP")],
         "Hispanic", ("Hispanic", "NORP", "as_written")),
        # one word, after the name it opens (a second reference); not before it (parent and unit)
        ("Kestrel Pharma agreed to buy it. Kestrel will pay $61.", [("Kestrel Pharma", "ORG"), ("Kestrel", "ORG")],
         "Kestrel", ("Kestrel Pharma", "ORG", "longer_name_in_document")),
        ("Kakao said its fund, Kakao Ventures, will invest.", [("Kakao", "ORG"), ("Kakao Ventures", "ORG")],
         "Kakao", ("Kakao", "ORG", "as_written")),
        # initials with an ampersand, and those of the name less a place before it
        ("Harbor Power & Light raised rates. HP&L said so.", [("Harbor Power & Light", "ORG"), ("HP&L", "ORG")],
         "HP&L", ("Harbor Power & Light", "ORG", "initials_in_document")),
        ("The Minnesota Department of Natural Resources said the DNR would act.",
         [("Minnesota Department of Natural Resources", "ORG"), ("DNR", "ORG")],
         "DNR", ("Minnesota Department of Natural Resources", "ORG", "initials_in_document")),
        # a ticker in brackets after a company's name
        ("Shares in Arvona Bio rose. Arvona (ARVB) jumped.", [("Arvona Bio", "ORG"), ("Arvona", "ORG"), ("ARVB", "ORG")],
         "ARVB", ("Arvona Bio", "ORG", "acronym")),
        # a place of several words stays a place beside an organisation named after it
        ("The Lake Wenonah Fire Department came to Lake Wenonah.", [("Lake Wenonah Fire Department", "ORG"), ("Lake Wenonah", "GPE")],
         "Lake Wenonah", ("Lake Wenonah", "GPE", "as_written")),
    ],
)
def test_canonical_short_forms_join_the_one_full_name_of_their_document(text, names, short, expected):
    mentions, entities = _canonical({"d": text}, [("d", n, label) for n, label in names])
    assert _entity_of(mentions, entities, "d", short) == expected


def test_canonical_a_one_word_second_reference_stays_the_name_other_documents_write_alone():
    docs = {"a": "Samsung Electronics reported profits. Samsung said chips sold well.",
            "b": "Samsung and its units grew. Samsung said so."}
    names = [("a", "Samsung Electronics", "ORG"), ("a", "Samsung", "ORG"), ("b", "Samsung", "ORG"), ("b", "Samsung", "ORG")]
    mentions, entities = _canonical(docs, names)
    assert _entity_of(mentions, entities, "a", "Samsung") == ("Samsung", "ORG", "as_written")
    assert sorted(entities["name"]) == ["Samsung", "Samsung Electronics"]


def test_canonical_a_person_the_model_calls_an_organisation_is_a_person():
    """The model tags "Scooter Braun" and most "Braun"s ORG; an age beside one "Braun" and the short
    forms make him a person."""
    text = "Scooter Braun is unhappy. Braun, 38, reps singers. Braun said no. Braun left. Scooter agreed."
    names = [("Scooter Braun", "ORG"), ("Braun", "ORG"), ("Braun", "ORG"), ("Braun", "ORG"), ("Scooter", "ORG")]
    rows = [("d", text.index(n, text.index(p) if p else 0), n, label) for (n, label), p in zip(names, ["", "Braun,", "Braun said", "Braun left", "Scooter agreed"])]
    frame = _mentions(rows).with_columns(cue=pl.Series([None, "PERSON", None, None, None]))
    mentions, entities = canonicalise(frame, pl.DataFrame({"doc_id": ["d"], "clean_text": [text]}))
    assert entities.select("name", "label").rows() == [("Scooter Braun", "PERSON")]



def test_canonical_people_sharing_a_surname_stay_apart_in_their_document():
    text = "Elizabeth A. Burton, 32, was held. Elizabeth A. Burton left. Victor N. Burton, 57, and Victor N. Burton. Burton said. Burton left."
    names = [("Elizabeth A. Burton", "PERSON"), ("Elizabeth A. Burton", "PERSON"), ("Victor N. Burton", "PERSON"),
             ("Victor N. Burton", "PERSON"), ("Burton", "PERSON"), ("Burton", "PERSON")]
    mentions, entities = _canonical({"d": text}, [("d", n, label) for n, label in names])
    assert _entity_of(mentions, entities, "d", "Burton")[0] == "Burton"
    assert entities.filter(pl.col("label") == "PERSON").height == 3


@pytest.mark.parametrize(
    ("docs", "names", "doc", "short", "expected"),
    [
        # a surname alone joins the one person the corpus names in full, whatever the model called it
        ({"a": "Donald Trump spoke. Donald Trump left.", "b": "Trump tweeted. Trump won."},
         [("a", "Donald Trump", "PERSON"), ("a", "Donald Trump", "PERSON"), ("b", "Trump", "ORG"), ("b", "Trump", "PERSON")],
         "b", "Trump", ("Donald Trump", "PERSON", "surname_in_corpus")),
        # two people with that surname: it stays apart
        ({"a": "Han Lee spoke. Han Lee left.", "b": "James Lee came. James Lee went.", "c": "Lee said so. Lee left."},
         [("a", "Han Lee", "PERSON"), ("a", "Han Lee", "PERSON"), ("b", "James Lee", "PERSON"), ("b", "James Lee", "PERSON"),
          ("c", "Lee", "PERSON"), ("c", "Lee", "PERSON")],
         "c", "Lee", ("Lee", "PERSON", "as_written")),
        ({"a": "Patrick Simmons sang.", "b": "Pat Simmons played. Pat Simmons sang."},
         [("a", "Patrick Simmons", "PERSON"), ("b", "Pat Simmons", "PERSON"), ("b", "Pat Simmons", "PERSON")],
         "b", "Pat Simmons", ("Pat Simmons", "PERSON", "given_name_in_corpus")),
        # the model's labels differ (so the spellings are not fuzzed together); the votes make both people
        ({"a": "Michael R. Bloomberg ran. Bloomberg won. Bloomberg spoke.", "b": "Michael Bloomberg spoke."},
         [("a", "Michael R. Bloomberg", "PERSON"), ("a", "Bloomberg", "ORG"), ("a", "Bloomberg", "ORG"), ("b", "Michael Bloomberg", "PERSON")],
         "b", "Michael Bloomberg", ("Michael R. Bloomberg", "PERSON", "middle_initial")),
        ({"a": "The United States and the US met the U.S. team.", "b": "U.S. shares rose."},
         [("a", "United States", "GPE"), ("a", "US", "GPE"), ("a", "U.S.", "GPE"), ("b", "U.S.", "GPE")],
         "b", "U.S.", ("United States", "GPE", "country")),
        ({"a": "South Korea grew.", "b": "Korea exported chips."}, [("a", "South Korea", "GPE"), ("b", "Korea", "GPE")],
         "b", "Korea", ("South Korea", "GPE", "place_in_corpus")),
        ({"a": "South Korea grew.", "b": "North Korea fired.", "c": "Korea exported chips."},
         [("a", "South Korea", "GPE"), ("b", "North Korea", "GPE"), ("c", "Korea", "GPE")],
         "c", "Korea", ("Korea", "GPE", "as_written")),
        ({"a": "Snopes wrote it.", "b": "A writer for Snopes.com said."}, [("a", "Snopes", "ORG"), ("b", "Snopes.com", "ORG")],
         "b", "Snopes.com", ("Snopes", "ORG", "web_domain")),
        ({"a": "Homeland Security Investigations led it.", "b": "Homeland Security said so."},
         [("a", "Homeland Security Investigations", "ORG"), ("b", "Homeland Security", "ORG")],
         "b", "Homeland Security", ("Homeland Security Investigations", "ORG", "longer_name_in_corpus")),
        ({"a": "Big Machine Records grew.", "b": "Big Machine Label Group grew.", "c": "Big Machine said so."},
         [("a", "Big Machine Records", "ORG"), ("b", "Big Machine Label Group", "ORG"), ("c", "Big Machine", "ORG")],
         "c", "Big Machine", ("Big Machine", "ORG", "as_written")),
    ],
)
def test_canonical_names_join_across_the_corpus_when_unambiguous(docs, names, doc, short, expected):
    mentions, entities = _canonical(docs, names)
    assert _entity_of(mentions, entities, doc, short) == expected


@pytest.mark.parametrize(("text", "name", "ner", "label"), [
    ("Temperatures fell in Seoul overnight.", "Seoul", "PERSON", "GPE"),  # the gazetteer's place outvotes the model
    ("Israeli airstrikes hit the area.", "Israeli", "NORP", "NORP"),  # a demonym is no place
    ("It is before the Antiguan government.", "Antiguan", "PERSON", "NORP"),  # nor a person
])
def test_canonical_gazetteer_votes_for_places_not_nationalities(text, name, ner, label):
    mentions, _ = _canonical({"d": text}, [("d", name, ner)])
    assert mentions["label"].to_list() == [label]


def test_canonical_every_mention_records_how_it_joined_its_entity():
    mentions, _ = _canonical({"d": "Sam Altman spoke. Mr Altman said."}, [("d", "Sam Altman", "PERSON"), ("d", "Mr Altman", "PERSON")])
    assert mentions["resolved_by"].to_list() == ["as_written", "full_name_in_document"]



@pytest.mark.slow
@pytest.mark.parametrize("credit", ["REUTERS", "BLOOMBERG", "AJP"])
def test_canonical_seed_credits_are_no_entities(db, credit):
    assert db.sql("select count(*) from mentions where upper(text) = ?", params=[credit]).fetchone()[0] == 0


@pytest.mark.slow
@pytest.mark.parametrize(("variant", "name"), [("Korea", "South Korea"), ("U.S.", "United States"), ("US", "United States")])
def test_canonical_seed_countries_are_one_entity_each(db, variant, name):
    rows = db.sql("select distinct e.name from mentions m join entities e using (entity_id) where m.text = ?", params=[variant]).fetchall()
    assert rows == [(name,)]


@pytest.mark.parametrize(
    ("docs", "names", "kept"),
    [
        # one word, once, as written: the model's guess alone
        ({"a": "A ransom note asks for Bitcoin."}, [("a", "Bitcoin", "PERSON")], []),
        # written twice, a short form of a full name, or after a title: a person
        ({"a": "Freud said so. Freud wrote it."}, [("a", "Freud", "PERSON"), ("a", "Freud", "PERSON")], ["Freud"]),
        ({"a": "Sam Altman spoke. Altman left."}, [("a", "Sam Altman", "PERSON"), ("a", "Altman", "PERSON")], ["Sam Altman"]),
        ({"a": "Scooter Braun spoke.", "b": "Braun left."}, [("a", "Scooter Braun", "PERSON"), ("b", "Braun", "PERSON")],
         ["Scooter Braun"]),
    ],
)
def test_canonical_a_lone_word_named_once_is_no_person(docs, names, kept):
    _, entities = _canonical(docs, names)
    assert entities.filter(pl.col("label") == "PERSON")["name"].to_list() == kept


@pytest.mark.parametrize(
    ("docs", "kept"),
    [
        ({"a": "The Clown beetle met a noise band.", "b": "The clown left."}, []),  # a word the corpus writes in lower case
        ({"a": "The Clown beetle met a noise band.", "b": "The jester left."}, ["Clown"]),
        ({"a": "The Clown beetle met a noise band.", "b": "The Big clown left."}, ["Clown"]),  # there a name's word
    ],
)
def test_canonical_a_common_word_named_once_is_no_organisation(docs, kept):
    _, entities = _canonical(docs, [("a", "Clown", "ORG")])
    assert entities["name"].to_list() == kept


@pytest.mark.parametrize(
    ("text", "names", "kept"),
    [
        ("Officers located a Suboxone strip in the car.", [("Suboxone", "ORG")], []),
        ("Cases rise where Omicron is the predominant variant.", [("Omicron", "ORG")], []),
        # a leading "The", a source's verb, a possessive, a list or a cue backs it
        ("The Economist asked him five questions.", [("Economist", "ORG")], ["Economist"]),
        ("Earlier this year, Johnston told Billboard about the record.", [("Johnston", "PERSON"), ("Billboard", "ORG")], ["Billboard"]),
        ("A re-release came in 2012, but Disney’s acquisition postponed it.", [("Disney", "ORG")], ["Disney"]),
        ("Asked about her autobiography, Lady Sings the Blues, she laughed.", [("Blues", "ORG")], []),
        ("The bid was to buy Nvidia outright.", [("Nvidia", "ORG")], ["Nvidia"]),
        ("A spokesman for the Pentagon said so.", [("Pentagon", "ORG")], ["Pentagon"]),
        ("The company owns Instagram, Atlas, WhatsApp and more.", [("Instagram", "ORG"), ("Atlas", "ORG"), ("WhatsApp", "ORG")],
         ["Atlas", "Instagram", "WhatsApp"]),
    ],
)
def test_canonical_a_title_case_word_named_once_that_its_words_around_call_common_is_no_organisation(text, names, kept):
    _, entities = _canonical({"a": text}, [("a", n, label) for n, label in names])
    assert sorted(entities.filter(pl.col("label") == "ORG")["name"].to_list()) == kept


def test_canonical_a_lone_word_with_a_cue_is_a_person():
    text = "The actor's wife, Kimberly, had left."
    frame = _mentions([("d", text.index("Kimberly"), "Kimberly", "PERSON")]).with_columns(cue=pl.lit("PERSON"))
    _, entities = canonicalise(frame, pl.DataFrame({"doc_id": ["d"], "clean_text": [text]}))
    assert entities["name"].to_list() == ["Kimberly"]


def test_canonical_a_corpus_surname_is_none_where_the_document_calls_the_name_a_company():
    docs = {"a": "Rob Lowe spoke. Rob Lowe left.", "b": "Peer Lowe’s (LOW) stock is off. Lowe’s reports on Wednesday."}
    names = [("a", "Rob Lowe", "PERSON"), ("a", "Rob Lowe", "PERSON"), ("b", "Lowe", "PERSON"), ("b", "Lowe", "PERSON")]
    rows, at = [], {}
    for doc_id, name, label in names:
        start = docs[doc_id].index(name, at.get(doc_id, 0))
        rows.append((doc_id, start, name, label))
        at[doc_id] = start + len(name)
    frame = _mentions(rows).with_columns(cue=pl.Series([None, None, "ORG", None]))
    mentions, entities = canonicalise(frame, pl.DataFrame({"doc_id": list(docs), "clean_text": list(docs.values())}))
    assert _entity_of(mentions, entities, "b", "Lowe")[:2] == ("Lowe", "ORG")
    assert _entity_of(mentions, entities, "a", "Rob Lowe")[:2] == ("Rob Lowe", "PERSON")
