"""Entities: variants of one name merge with evidence; different people never do."""

from __future__ import annotations

from collections import Counter

import pytest

from newsweave.entities import Merges, merge_entities, short_form_candidates
from newsweave.entity_forms import Form, name_tokens, normalise, org_parts
from newsweave.models import Article, Story


def make_story(*texts: str) -> Story:
    articles = tuple(Article(f"a{i}", f"a{i}.txt", text, None, None, None, "2023-09-17",
                             "metadata", "en") for i, text in enumerate(texts))
    return Story("s1", "test", articles)


def entity_named(entities, name):
    return [e for e in entities if e.name == name or name in e.aliases]


def test_possessive_and_title_are_stripped():
    assert normalise("Governor Kozhemyako’s") == "Kozhemyako"
    assert normalise("Mr. John Smith's") == "John Smith"


def test_hyphen_and_space_variants_merge(toolkit):
    entities = merge_entities(make_story(
        "President Kim Jong Un met the governor in Vladivostok.",
        "Kim Jong-un met the governor in Vladivostok on Monday."), toolkit)
    found = entity_named(entities, "Kim Jong Un")
    assert len(found) == 1 and "Kim Jong-un" in (found[0].name, *found[0].aliases)
    assert any(line.startswith("spelling") for line in found[0].evidence)


def test_father_and_son_are_never_merged(toolkit):
    entities = merge_entities(make_story(
        "Kim Jong Un met Vladimir Putin. His father Kim Jong Il had met him in 2000.",
        "Kim Jong Un left on Sunday."), toolkit)
    son = entity_named(entities, "Kim Jong Un")
    assert son and not any("Il" in alias for alias in son[0].aliases)


def test_surname_joins_the_unique_full_name(toolkit):
    entities = merge_entities(make_story(
        "Russian President Vladimir Putin met the visitor.",
        "Putin accepted an invitation."), toolkit)
    putin = entity_named(entities, "Vladimir Putin")
    assert len(putin) == 1 and "Putin" in putin[0].aliases
    assert any("short form" in line for line in putin[0].evidence)


@pytest.fixture(scope="module")
def reference_entities(reference_story):
    return reference_story.entities


def test_reference_governor_spellings_are_one_entity(reference_entities):
    governor = [e for e in reference_entities if "kozh" in e.name.lower()
                or "koje" in e.name.lower()]
    assert len(governor) == 1
    names = {governor[0].name, *governor[0].aliases}
    assert {"Oleg Kozhemyako", "Oleg Kojemiako", "Oleg Kozhemiako"} <= names
    assert governor[0].type == "PERSON"
    assert len(governor[0].evidence) >= 2


def test_reference_leader_is_never_merged_with_his_father(reference_entities):
    leader = entity_named(reference_entities, "Kim Jong Un")
    father = entity_named(reference_entities, "Kim Jong-il")
    assert len(leader) == 1 and len(father) == 1 and leader[0] is not father[0]
    assert "Kim Jong-un" in (leader[0].name, *leader[0].aliases)


def test_name_tokens_drop_inner_possessives_and_keep_initials():
    assert name_tokens("Democratic People's Republic") == ("democratic", "people", "republic")
    assert name_tokens("Raj K. Chohan") == ("raj", "k", "chohan")


def test_acronym_joins_the_organisation_it_spells(toolkit):
    entities = merge_entities(make_story(
        "The World Health Organization warned about the outbreak on Monday.",
        "The WHO said the outbreak was spreading in three provinces."), toolkit)
    who = entity_named(entities, "World Health Organization")
    assert len(who) == 1 and "WHO" in who[0].aliases
    assert any(line.startswith("acronym") for line in who[0].evidence)


def test_name_without_middle_name_joins_the_full_name(toolkit):
    entities = merge_entities(make_story(
        "Mark Jay Heller told the court on Monday that his client was well.",
        "Mark Heller told reporters the hearing went well."), toolkit)
    heller = entity_named(entities, "Mark Jay Heller")
    assert len(heller) == 1 and "Mark Heller" in heller[0].aliases


def test_surname_goes_to_the_person_named_alone_where_it_is_used(toolkit):
    entities = merge_entities(make_story(
        "Anna Novak won the race in Prague. Novak thanked her coach.",
        "Anna Novak set a new record. Novak said she was tired.",
        "Anna Novak was cheered by the crowd. Novak waved.",
        "Peter Novak won the junior race. Peter Novak is her cousin. Peter Novak is 15."),
        toolkit)
    anna, peter = entity_named(entities, "Anna Novak"), entity_named(entities, "Peter Novak")
    assert len(anna) == 1 and len(peter) == 1 and anna[0] is not peter[0]
    assert "Novak" in anna[0].aliases
    assert any("short form in context" in line for line in anna[0].evidence)


def test_nickname_in_a_full_name_joins_the_nickname_form(toolkit):
    entities = merge_entities(make_story(
        'Robert "Bobby" Kowalczyk was injured in the crash on Friday.',
        "Bobby Kowalczyk is recovering in hospital, his family said."), toolkit)
    bobby = entity_named(entities, "Bobby Kowalczyk")
    assert len(bobby) == 1 and any(line.startswith("nickname") for line in bobby[0].evidence)


def test_capitalised_acronym_never_joins_a_person_whose_name_ends_like_it():
    forms = {"park ji un": Form("Park Ji Un", ("park", "ji", "un"), Counter({"PERSON": 4}),
                                {"Park Ji Un"}, {"a0"}),
             "un": Form("UN", ("un",), Counter({"ORG": 2}), {"UN"}, {"a0"})}
    assert short_form_candidates(forms, "un", Merges(forms)) == {}


def test_every_merge_has_an_evidence_line_with_a_score(toolkit):
    entities = merge_entities(make_story(
        "Anna Novak won the race. Novak thanked her coach. The WHO praised it.",
        "Anna Nowak set a new record. The World Health Organization was there."), toolkit)
    for entity in entities:
        assert len(entity.evidence) >= len(entity.aliases) > 0 or not entity.aliases
        assert all(any(ch.isdigit() for ch in line) for line in entity.evidence)


def test_two_organisations_run_together_are_two_entities(toolkit):
    entities = merge_entities(make_story(
        "The Ministry of Health and Ministry of Education said schools will reopen on Monday.",
        "The Ministry of Education said schools will reopen on Monday."), toolkit)
    names = {e.name for e in entities if e.type == "ORG"} | \
        {a for e in entities if e.type == "ORG" for a in e.aliases}
    assert "Ministry of Health" in names and "Ministry of Education" in names
    assert not any(" and " in n for n in names)
    assert org_parts("Johnson and Johnson") == ["Johnson and Johnson"]


def test_dates_and_figures_taken_for_names_are_not_entities():
    from newsweave.entity_forms import not_a_name

    assert not_a_name(("oct", "14"), "PERSON")
    assert not_a_name(("monday",), "ORG")
    assert not_a_name(("2000",), "ORG")
    assert not_a_name(("route", "66"), "GPE")
    assert not not_a_name(("g20",), "ORG") and not not_a_name(("theresa", "may"), "PERSON")
    # a given name that is also a month's is a name, with no figure beside it
    assert not not_a_name(("june", "tan"), "PERSON") and not not_a_name(("april", "lim"), "PERSON")
    assert not_a_name(("june", "2024"), "PERSON") and not_a_name(("oct", "14", "th"), "PERSON")


def test_office_fields_and_title_pieces_are_not_organisations(toolkit):
    """"Minister of Coastal Affairs" names an office and "Defense" of "Defense Minister" is
    a piece of a title: neither is an organisation; a hyphenated name keeps its last part."""
    entities = merge_entities(make_story(
        "Harwick's Minister of Coastal Affairs, Dana Prell, visited the port on Tuesday.",
        "The Minister of Fisheries, Tomas Ekberg, met Defense Minister Ilse Varn and her "
        "deputy Lim Soo-suk."), toolkit)
    names = {e.name for e in entities} | {a for e in entities for a in e.aliases}
    assert "Coastal Affairs" not in names and "Defense" not in names
    assert {"Dana Prell", "Tomas Ekberg", "Lim Soo-suk"} <= names
    assert not any(n.split()[0].islower() or n.split()[-1].islower() for n in names)


def test_a_broken_off_piece_of_a_place_name_is_no_person(toolkit):
    entities = merge_entities(make_story(
        "Mr Lin drove his family to Johor Bahru before getting on a bus.",
        "The family drove to Johor Bahru and took a bus to the city."), toolkit)
    people = {e.name for e in entities if e.type == "PERSON"}
    assert "Bahru" not in people and "Lin" in people


def test_a_person_run_into_the_next_capitalised_word_is_a_piece_of_a_longer_name(toolkit):
    # the small model tags "Sungai Melor" of "Sungai Melor MRT station" a person
    entities = merge_entities(make_story(
        "Works on the Sungai Melor MRT station began in 2020, Mr Tan Kah Leong said.",
        "Mr Tan Kah Leong and Dr Lam Wei Jie visited the site on Monday."), toolkit)
    people = {e.name for e in entities if e.type == "PERSON"}
    assert "Sungai Melor" not in people and {"Tan Kah Leong", "Lam Wei Jie"} <= people


def test_a_name_cut_from_a_longer_one_is_no_entity_of_its_own(toolkit):
    # the small model tags "Indian" of "Indian Rosewood tree" a people
    texts = ("The entrance is framed by an Indian Rosewood tree and a rain tree.",
             "Visitors from Oslo admired the Indian Rosewood tree at the entrance.")
    names = {e.name for e in merge_entities(make_story(*texts), toolkit)}
    assert "Indian" not in names and "Oslo" in names
    alone = merge_entities(make_story(*texts, "Indian tourists flocked to the park."), toolkit)
    assert "Indian" in {e.name for e in alone}


def test_capitalised_common_words_and_amounts_are_no_entities(toolkit):
    entities = merge_entities(make_story(
        "Expiry Date: the vouchers expire at the end of the year, Ms Low Yen Ling said.",
        "Households will receive S$300 CDC Vouchers from Jan 6; the expiry date is Dec 31.",
        "Singapore households can check the expiry date online, Ms Low Yen Ling said."),
        toolkit)
    names = {e.name for e in entities}
    assert "Expiry Date" not in names and "Households" not in names
    assert not any("300" in n for n in names)
    assert any("Yen Ling" in n for n in names) and "Singapore" in names


def test_a_persons_name_takes_back_the_piece_the_recogniser_left_off(toolkit):
    from spacy.tokens import Span

    from newsweave.entity_forms import whole_name

    def widened(text: str, first: str, words: int) -> str:
        doc = toolkit.nlp(text)
        start = next(t.i for t in doc if t.text == first)
        doc.ents = [Span(doc, start, start + words, label="PERSON")]
        return whole_name(doc.ents[0]).text

    assert widened("The motion was tabled by Koh Wen Tai on Tuesday.", "Koh", 2) == \
        "Koh Wen Tai"
    assert widened("The plan works, said Yeo Han Ling in a statement.", "Han", 2) == \
        "Yeo Han Ling"
    # An office's field before the name stays off, and so does a title.
    assert widened("The Minister for Education Tan Bee Hoon visited the school.", "Tan", 3) == \
        "Tan Bee Hoon"
    assert widened("The school was visited by Minister Tan Bee Hoon.", "Tan", 3) == \
        "Tan Bee Hoon"


def test_web_addresses_and_datelines_are_no_part_of_a_name():
    from newsweave.entity_forms import add_form

    forms: dict = {}
    add_form(forms, "https://shop.example.org/en/", "ORG", "a0")
    add_form(forms, "orders@example.org", "ORG", "a0")
    assert forms == {}
    assert normalise("HARBOUR CITY - Commuters") == "Commuters"
    assert normalise("US-China") == "US-China"
    assert normalise("-Norway") == "Norway"  # a dash left by the recogniser at a name's edge
    assert normalise("Jean-Luc Picard –") == "Jean-Luc Picard"


def test_a_person_whose_every_word_is_also_a_common_word_is_no_person():
    from newsweave.entity_forms import common_words

    cases = {"gift": [3, 1], "box": [2, 0], "law": [4, 5], "see": [9, 0]}

    def person(text: str, titled: bool = False) -> Form:
        return Form(text, name_tokens(text), Counter({"PERSON": 1}), titled=titled)

    assert common_words(person("Gift Box"), cases, "")
    assert not common_words(person("Law", titled=True), cases, "")  # "Mr Law"
    assert not common_words(person("Law Chon See"), cases, "")
    assert not common_words(Form("Gift Box", ("gift", "box"), Counter({"ORG": 1})), cases, "")


def test_a_person_after_a_preposition_of_place_is_a_place(toolkit):
    from spacy.tokens import Span

    from newsweave.entity_forms import placed

    def mistyped(text: str, first: str, words: int) -> bool:
        doc = toolkit.nlp(text)
        start = next(t.i for t in doc if t.text == first)
        doc.ents = [Span(doc, start, start + words, label="PERSON")]
        return placed(doc.ents[0])

    assert mistyped("Floods were reported in Kampong Reka on Monday.", "Kampong", 2)
    assert mistyped("The van stopped along Jalan Tenang for an hour.", "Jalan", 2)
    assert not mistyped("The report was sent to Tan Wei Ming on Monday.", "Tan", 3)
    assert not mistyped("They met at Tan Wei Ming's shop on Monday.", "Tan", 3)


def test_a_person_named_after_a_facility_head_noun_is_that_facility():
    from newsweave.entity_forms import add_form

    forms: dict = {}
    add_form(forms, "Sungai Ara Line", "PERSON", "a0")
    add_form(forms, "Hock Seng Holdings", "PERSON", "a0")
    assert forms["sungai ara line"].label == "FAC"
    assert forms["hock seng holdings"].label == "ORG"


def test_a_courtesy_title_keeps_a_name_ending_like_a_place_a_person():
    from newsweave.entity_forms import add_form

    forms: dict = {}
    add_form(forms, "Lee Tower", "PERSON", "a0", (True, "", False, False, False))  # "Mr Lee Tower"
    add_form(forms, "Lee Tower", "PERSON", "a1")
    add_form(forms, "Ji-ho Park", "PERSON", "a0")  # a surname, no head noun
    assert forms["lee tower"].label == "PERSON"
    assert forms["ji ho park"].label == "PERSON"


def test_a_name_once_after_a_preposition_of_place_is_a_place_throughout():
    from newsweave.entity_forms import settle_places

    forms = {"kampong reka": Form("Kampong Reka", ("kampong", "reka"),
                                  Counter({"PERSON": 2, "GPE": 1, "FAC": 1}), places=Counter({"in": 1})),
             "kimaru": Form("Kimaru", ("kimaru",), Counter({"PERSON": 9, "GPE": 1}), places=Counter({"in": 1})),
             "lim": Form("Lim", ("lim",), Counter({"PERSON": 2}), places=Counter({"in": 1}), titled=True)}
    settle_places(forms)
    assert forms["kampong reka"].label == "LOC"
    assert forms["kimaru"].label == "PERSON"  # named far more often as a person
    assert forms["lim"].label == "PERSON"  # "Mr Lim" somewhere: a person met "at Lim's"


def test_a_place_in_capitals_opening_a_dateline_is_a_place(toolkit):
    from spacy.tokens import Span

    from newsweave.entity_forms import dateline

    def opens_dateline(text: str, first: str, words: int) -> bool:
        doc = toolkit.nlp(text)
        start = next(t.i for t in doc if t.text == first)
        doc.ents = [Span(doc, start, start + words, label="ORG")]
        return dateline(doc.ents[0])

    assert opens_dateline("Updated today\nKOTA REKA, Feb 2 – The zone was announced.", "KOTA", 2)
    assert not opens_dateline("Workers backed by the NTUC – the labour movement – rallied.",
                              "NTUC", 1)


def test_organisations_listed_with_commas_are_separate():
    assert org_parts("Harbour Police Force, Monetary Authority of Reka") == \
        ["Harbour Police Force", "Monetary Authority of Reka"]
    assert org_parts("Acme Holdings, Inc.") == ["Acme Holdings, Inc."]
    assert org_parts("Ministry of Trade, Industry and Energy") == \
        ["Ministry of Trade, Industry and Energy"]


def test_a_person_after_an_organisations_possessive_is_the_person_alone(toolkit):
    from spacy.tokens import Span

    from newsweave.entity_forms import name_text

    doc = toolkit.nlp("The first episode features Brewco’s Arun Mehta, who roasts coffee.")
    start = next(t.i for t in doc if t.text == "Brewco")
    doc.ents = [Span(doc, start, start + 4, label="PERSON")]
    assert doc.ents[0].text == "Brewco’s Arun Mehta"
    assert name_text(doc.ents[0], "PERSON") == "Arun Mehta"


def test_a_name_after_a_courtesy_title_is_a_person_whatever_most_tags_say():
    from newsweave.entities import make_entity

    imran = Form("Imran", ("imran",), Counter({"ORG": 3, "PERSON": 1}), {"Imran"}, {"a0"},
                 titled=True)
    assert make_entity([imran], []).type == "PERSON"


def test_the_head_noun_of_a_name_decides_its_type_whatever_the_recogniser_said():
    from newsweave.entity_forms import add_form

    forms: dict = {}
    add_form(forms, "Rifle Range Road", "ORG", "a0")  # a road is never a body
    add_form(forms, "Thomson Line", "GPE", "a0")
    add_form(forms, "Baby Bonus Scheme", "ORG", "a0")
    add_form(forms, "Control of Supplies Act 1961", "ORG", "a0")
    add_form(forms, "Lee Kuan Yew School of Public Policy", "ORG", "a0")  # "School of": a body
    add_form(forms, "Shenzhen Special Economic Zone", "ORG", "a0")
    add_form(forms, "European Union", "GPE", "a0")  # a GPE stays one
    add_form(forms, "Changi General Hospital", "ORG", "a0")  # an institution stays a body
    assert {k: f.label for k, f in forms.items()} == {
        "rifle range road": "FAC", "thomson line": "FAC", "baby bonus scheme": "PROGRAMME",
        "control of supplies act 1961": "LAW", "lee kuan yew school of public policy": "ORG",
        "shenzhen special economic zone": "LOC", "european union": "GPE",
        "changi general hospital": "ORG"}


def test_offices_amounts_and_bare_titles_are_no_names():
    from newsweave.entity_forms import add_form

    forms: dict = {}
    for found, label in (("Non-Constituency MPs", "ORG"), ("Chief Operating Officer", "ORG"),
                         ("RM7,800", "ORG"), ("II Datuk", "PERSON"), ("Datuk Seri", "PERSON"),
                         ("MPs", "PERSON")):
        add_form(forms, found, label, "a0")
    assert forms == {}
    assert normalise("Datuk Seri Fadillah Yusof") == "Fadillah Yusof"
    assert normalise("Haji Lane") == "Haji Lane"  # a title word in a place's name stays
    assert normalise("MPs Hany Soh") == "Hany Soh"


def test_a_scheme_keeps_its_type_when_its_acronym_was_tagged_an_organisation(toolkit):
    entities = merge_entities(make_story(
        "Families can apply for a flat under the Parenthood Provisional Housing Scheme (PPHS) "
        "while they wait. The PPHS has 2,000 flats.",
        "More flats will be built under the PPHS, the Housing Board said on Monday."), toolkit)
    found = entity_named(entities, "Parenthood Provisional Housing Scheme")
    assert len(found) == 1 and found[0].type == "PROGRAMME" and "PPHS" in found[0].aliases


def test_an_age_after_a_name_makes_a_person_and_a_price_a_product(toolkit):
    entities = merge_entities(make_story(
        "Fei Wang, 38, a Chinese national, received a three-month prison sentence. Fei Wang "
        "must also pay a fee.",
        "Go for the Golden Trio Collection (S$38.80) or the Golden Trio Collection in a box."),
        toolkit)
    assert [e.type for e in entity_named(entities, "Fei Wang")] == ["PERSON"]
    assert [e.type for e in entity_named(entities, "Golden Trio Collection")] == ["PRODUCT"]


def test_a_common_noun_spelled_out_before_its_acronym_is_no_entity(toolkit):
    entities = merge_entities(make_story(
        "The supply of certificates of entitlement (COE) will rise, the Land Transport "
        "Authority (LTA) said. COE prices fell."), toolkit)
    assert not entity_named(entities, "COE")
    assert entity_named(entities, "LTA")  # "Land Transport Authority": a name, capitalised


def test_an_owner_named_on_its_own_is_cut_off_a_place_after_its_possessive(toolkit):
    entities = merge_entities(make_story(
        "He was convicted of the murders of Mr Tan Boon Sin, 67, and his elder son, Mr Tan Chee "
        "Heong, 42, at the senior Tan’s Hillside Drive house on the afternoon of July 10, 2013.",
        "Tan, a retired businessman, had lived there for years, the People’s Action Party MP "
        "said."), toolkit)
    assert [e.type for e in entity_named(entities, "Hillside Drive")] == ["FAC"]
    assert not entity_named(entities, "Tan’s Hillside Drive")
    assert entity_named(entities, "People’s Action Party")  # "People" is named nowhere alone


def test_an_acronym_counted_like_a_common_noun_is_no_entity(toolkit):
    entities = merge_entities(make_story(
        "The Workers' Party will contest a GRC in the east, Mr Singh said. The GRC has five "
        "seats. Residents of an HDB flat in Hougang told the HDB about the leak."), toolkit)
    assert not entity_named(entities, "GRC")  # "a GRC": a kind of constituency
    assert entity_named(entities, "HDB")  # "an HDB flat": the name qualifies a noun


def test_a_person_qualifying_a_noun_counted_with_a_is_no_person(toolkit):
    entities = merge_entities(make_story(
        "Three people died in a fire in a Hougang flat, occupied by a hoarder, on Monday.",
        "A fire in a Hougang flat killed three people, occupied by a hoarder, on Monday.",
        "The hoarder’s home in Hougang was engulfed in flames, the police said."), toolkit)
    assert [e.type for e in entity_named(entities, "Hougang")] == ["GPE"]


def test_a_name_cited_as_a_reports_source_is_an_outlet(toolkit):
    entities = merge_entities(make_story(
        "The MP declined to comment when contacted by reporters, Lianhe Zaobao reported.",
        "The party will field new faces, a party member told Lianhe Zaobao on Friday.",
        "Mr Tan told Mr Lee about the plan on Friday, and Lee Wei Ming agreed."), toolkit)
    assert [e.type for e in entity_named(entities, "Lianhe Zaobao")] == ["ORG"]
    assert [e.type for e in entity_named(entities, "Lee Wei Ming")] == ["PERSON"]


def test_the_last_word_of_an_office_field_is_trimmed_off_a_persons_name(toolkit):
    entities = merge_entities(make_story(
        "It may not always be possible to find common ground, said Minister for Culture, "
        "Community and Youth Edwin Tong.",
        "Programmes for youth will grow, Mr Tong said."), toolkit)
    assert entity_named(entities, "Edwin Tong")
    assert not entity_named(entities, "Youth Edwin Tong")
