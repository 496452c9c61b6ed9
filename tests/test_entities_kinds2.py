"""Entities, second round of junk: short forms of a titled person, office short forms,
places tagged as bodies, products and ships, and the name an entity shows."""

from __future__ import annotations

from collections import Counter

from newsweave.entities import Merges, make_entity, short_form_candidates
from newsweave.entity_forms import Form, add_form, common_words, normalise, settle_placed_bodies


def test_a_given_name_tagged_a_body_joins_the_titled_person_it_begins():
    forms = {"hafiz osman": Form("Hafiz Osman", ("hafiz", "osman"),
                                 Counter({"ORG": 2, "PERSON": 1}), {"Hafiz Osman"},
                                 {"a0", "a1"}, titled=True),
             "hafiz": Form("Hafiz", ("hafiz",), Counter({"ORG": 6}), {"Hafiz"}, {"a0", "a1"})}
    assert short_form_candidates(forms, "hafiz", Merges(forms)) == {"hafiz osman": (3, True)}


def test_a_surname_joins_a_titled_person_the_recogniser_mostly_called_a_body():
    forms = {"indra rajan": Form("Indra Rajan", ("indra", "rajan"),
                                 Counter({"ORG": 3, "PERSON": 2}), {"Indra Rajan"}, {"a0"},
                                 titled=True),
             "rajan": Form("Rajan", ("rajan",), Counter({"PERSON": 2}), {"Rajan"}, {"a1"})}
    assert short_form_candidates(forms, "rajan", Merges(forms)) == {"indra rajan": (5, False)}


def test_an_acronym_never_joins_a_name_whose_word_only_looks_like_it():
    forms = {"asian survey": Form("Asian Survey", ("asian", "survey"), Counter({"ORG": 2}),
                                  {"Asian Survey"}, {"a0"}),
             "asean": Form("ASEAN", ("asean",), Counter({"ORG": 2}), {"ASEAN"}, {"a0"}),
             "dbs": Form("DBS", ("dbs",), Counter({"ORG": 2}), {"DBS"}, {"a0"}),
             "dbs bank": Form("DBS Bank", ("dbs", "bank"), Counter({"ORG": 2}), {"DBS Bank"},
                              {"a0"})}
    assert short_form_candidates(forms, "asean", Merges(forms)) == {}
    assert short_form_candidates(forms, "dbs", Merges(forms)) == {"dbs bank": (2, False)}


def test_an_offices_short_form_is_a_title_and_no_name():
    forms: dict = {}
    add_form(forms, "DPM", "ORG", "a0")
    add_form(forms, "NCMP", "ORG", "a0")
    assert forms == {}
    assert normalise("MOS Koh Wei") == "Koh Wei"
    assert normalise("Comm Ahmad Zaki") == "Ahmad Zaki"


def test_an_office_short_form_before_a_name_makes_a_person(toolkit):
    from newsweave.entities import merge_entities
    from newsweave.models import Article, Story

    story = Story("s1", "test", (Article("a0", "a0.txt", "The plan will help parents, MOS Koh "
                                         "said on Monday.", None, None, None, "2023-09-17",
                                         "metadata", "en"),))
    assert [e.type for e in merge_entities(story, toolkit) if e.name == "Koh"] == ["PERSON"]


def test_a_body_named_mostly_after_in_is_a_place():
    forms = {"kaki reka": Form("Kaki Reka", ("kaki", "reka"), Counter({"ORG": 3}),
                               places=Counter({"in": 2})),
             "creative foods": Form("Creative Foods", ("creative", "foods"), Counter({"ORG": 3}),
                                    places=Counter({"at": 3})),  # "works at": an employer
             "parliament": Form("Parliament", ("parliament",), Counter({"ORG": 4}),
                                places=Counter({"in": 4})),  # a body's head noun
             "cdc": Form("CDC", ("cdc",), Counter({"ORG": 2}), places=Counter({"in": 2}))}
    settle_placed_bodies(forms)
    assert {k: f.label for k, f in forms.items()} == {
        "kaki reka": "LOC", "creative foods": "ORG", "parliament": "ORG", "cdc": "ORG"}


def test_goods_and_malay_road_names_are_typed_by_their_head_word():
    forms: dict = {}
    add_form(forms, "Kumquat Almond Tarts", "ORG", "a0")
    add_form(forms, "Jalan Reka Jaya", "PERSON", "a0")
    add_form(forms, "Mega Bundle Set", "PERSON", "a0")
    assert {k: f.label for k, f in forms.items()} == {
        "kumquat almond tarts": "PRODUCT", "jalan reka jaya": "FAC",
        "mega bundle set": "PRODUCT"}


def test_a_ship_is_a_product(toolkit):
    from spacy.tokens import Span

    from newsweave.entity_kinds import vessel_named

    def named_as_ship(text: str, first: str, words: int) -> bool:
        doc = toolkit.nlp(text)
        start = next(t.i for t in doc if t.text == first)
        doc.ents = [Span(doc, start, start + words, label="ORG")]
        return vessel_named(doc.ents[0])

    assert named_as_ship("The engineer of the MV Sea Lotus was fined.", "Sea", 2)
    assert named_as_ship("The crew of the bulker Sea Lotus lied.", "Sea", 2)
    assert named_as_ship("USS Carl Reka sailed on Monday.", "USS", 3)
    assert not named_as_ship("The tanker company Sea Lotus Holdings was fined.", "Sea", 3)
    assert not named_as_ship("The carrier Reka Airways cut fares.", "Reka", 2)


def test_an_unpriced_product_of_common_words_is_no_name():
    cases = {"gift": [3, 0], "box": [2, 0]}
    text = "a gift in a box"
    assert common_words(Form("Gift Box", ("gift", "box"), Counter({"PRODUCT": 1})), cases, text)
    assert not common_words(Form("Gift Box", ("gift", "box"), Counter({"PRODUCT": 1}),
                                 priced=True), cases, text)


def test_a_person_shows_the_name_with_the_surname_the_recogniser_left_off():
    given = Form("Yen Mei", ("yen", "mei"), Counter({"PERSON": 3}), {"Yen Mei"}, {"a0"})
    full = Form("Low Yen Mei", ("low", "yen", "mei"), Counter({"PERSON": 1}), {"Low Yen Mei"},
                {"a0"})
    assert make_entity([given, full], []).name == "Low Yen Mei"
    team = Form("Reka United", ("reka", "united"), Counter({"ORG": 3}), {"Reka United"}, {"a0"})
    city = Form("Kota Reka United", ("kota", "reka", "united"), Counter({"ORG": 1}),
                {"Kota Reka United"}, {"a0"})
    assert make_entity([team, city], []).name == "Reka United"  # people only


def test_a_determiner_opening_a_name_is_no_part_of_it():
    assert normalise("This Lunar New Year") == "Lunar New Year"
    assert normalise("Every Lunar New Year") == "Lunar New Year"
    assert normalise("All Nippon Airways") == "All Nippon Airways"


def test_a_surname_that_is_also_a_word_after_a_courtesy_title_stays_on_the_name(toolkit):
    from newsweave.entity_forms import whole_name

    doc = toolkit.nlp("With Ms Low Yen Ling at the event, he said.")
    start = next(t.i for t in doc if t.text == "Yen")
    assert whole_name(doc[start:start + 2]).text == "Low Yen Ling"


def test_an_eatery_or_a_childcare_leave_is_typed_by_its_head_word():
    forms: dict = {}
    add_form(forms, "Siam Reka Kitchen", "PERSON", "a0")
    add_form(forms, "Reka Bakery", "PERSON", "a0")
    add_form(forms, "Extended Childcare Leave", "ORG", "a0")
    assert {k: f.label for k, f in forms.items()} == {
        "siam reka kitchen": "FAC", "reka bakery": "FAC", "extended childcare leave": "PROGRAMME"}


def test_a_town_never_joins_the_street_named_after_it():
    town = Form("Bukit Reka", ("bukit", "reka"), Counter({"ORG": 2, "LOC": 2}), {"Bukit Reka"},
                {"a0"})
    street = Form("Bukit Reka Street", ("bukit", "reka", "street"), Counter({"FAC": 3}),
                  {"Bukit Reka Street"}, {"a0"})
    line = Form("Reka Coast", ("reka", "coast"), Counter({"ORG": 2}), {"Reka Coast"}, {"a0"})
    rail = Form("Reka Coast Line", ("reka", "coast", "line"), Counter({"FAC": 3}),
                {"Reka Coast Line"}, {"a0"})
    forms = {"bukit reka": town, "bukit reka street": street, "reka coast": line,
             "reka coast line": rail}
    assert short_form_candidates(forms, "bukit reka", Merges(forms)) == {}
    assert short_form_candidates(forms, "reka coast", Merges(forms)) == {
        "reka coast line": (3, False)}


def test_a_portfolio_before_minister_is_no_organisation(toolkit):
    from spacy.tokens import Span

    from newsweave.entity_forms import name_text

    doc = toolkit.nlp("Law and Home Affairs Minister Reka Tan spoke on Monday.")
    assert name_text(Span(doc, 0, 4, label="ORG"), "ORG") == ""
    doc = toolkit.nlp("Reka Holdings chief executive Tan Wei spoke on Monday.")
    assert name_text(Span(doc, 0, 2, label="ORG"), "ORG") == "Reka Holdings"


def test_a_noun_beside_a_name_says_what_it_names(toolkit):
    from spacy.tokens import Span

    from newsweave.entity_kinds import noun_cue_label

    def cued(text: str, first: str, words: int, label: str) -> str:
        doc = toolkit.nlp(text)
        start = next(t.i for t in doc if t.text == first)
        return noun_cue_label(Span(doc, start, start + words, label=label), label)

    assert cued("The crocodiles escaped from a farm on Reka island last week.", "Reka", 1,
                "NORP") == "LOC"
    assert cued("Trains skipped Kuma station on Monday morning.", "Kuma", 1, "ORG") == "FAC"
    assert cued("He founded the non-profit organisation Helping Paws in 2019.", "Helping", 2,
                "PERSON") == "ORG"
    assert cued("Residents of an HDB estate complained.", "HDB", 1, "ORG") == "ORG"
    assert cued("They dined at a Cantonese restaurant nearby.", "Cantonese", 1,
                "NORP") == "NORP"  # an institution's noun: the adjective stays


def test_people_run_together_split_but_a_named_eatery_stays_whole():
    from newsweave.entity_forms import name_parts

    assert name_parts("Ana Reyes and Ben Cruz", "PERSON") == ["Ana Reyes", "Ben Cruz"]
    assert name_parts("Reka Tarts and Miso Cookies", "PERSON") == ["Reka Tarts", "Miso Cookies"]
    assert name_parts("Reka Steak and Seafood Restaurant", "PERSON") == [
        "Reka Steak and Seafood Restaurant"]
