"""Entities: short forms declared in brackets, bodies named by an appositive, places named by
the noun they qualify, places run together over "to" or "between", an office's field after
"and also", names written with and without spaces, initials with dots, familiar given names,
a seat in brackets, goods measured out by a portion noun."""

from __future__ import annotations

from collections import Counter

from newsweave.entities import (
    Merges,
    make_entity,
    merge_acronyms,
    merge_entities,
    merge_short_forms,
    merge_variants,
)
from newsweave.entity_forms import Form, name_parts
from newsweave.models import Article, Story


def make_story(*texts: str) -> Story:
    articles = tuple(Article(f"a{i}", f"a{i}.txt", text, None, None, None, "2025-01-23",
                             "metadata", "en") for i, text in enumerate(texts))
    return Story("s1", "test", articles)


def listed(*texts: str, toolkit) -> list[tuple[str, str, tuple[str, ...]]]:
    return sorted((e.name, e.type, e.aliases) for e in merge_entities(make_story(*texts), toolkit))


def types_of(*texts: str, toolkit) -> dict[str, str]:
    return {name: kind for name, kind, _ in listed(*texts, toolkit=toolkit)}


def test_a_bracket_the_recogniser_ran_into_a_name_is_cut_off(toolkit):
    found = listed("Ana Reyes, an associate professor of sociology at the National University "
                   "of Bukit Reka (NUBR), said so. The National University of Bukit Reka has "
                   "40,000 students.", toolkit=toolkit)
    assert ("National University of Bukit Reka", "ORG", ()) in found
    assert not any("(" in name for name, _, _ in found)


def test_a_short_form_declared_in_brackets_is_the_same_body(toolkit):
    found = listed("The National Reka Board (NReka) said on Friday that six crocodiles were "
                   "caught. NReka urged the public to stay away from the water.",
                   toolkit=toolkit)
    assert found == [("National Reka Board", "ORG", ("NReka",))]


def test_a_body_noun_in_apposition_names_a_body(toolkit):
    types = types_of("On Tuesday, a South Korean newspaper, Dong Reka Ilbo, reported that the "
                     "two countries were negotiating. It will work with partners such as KOVITA "
                     "Singapore, an organisation that conducts creative programmes for children.",
                     toolkit=toolkit)
    assert (types["Dong Reka Ilbo"], types["KOVITA Singapore"]) == ("ORG", "ORG")


def test_names_listed_before_a_plural_place_noun_are_places(toolkit):
    types = types_of("The station is situated along Upper Reka Road, between Hillpark and "
                     "Kampong Reka stations on the Downtown Line.", toolkit=toolkit)
    assert (types["Hillpark"], types["Kampong Reka"]) == ("FAC", "FAC")


def test_places_run_together_over_to_are_two_names(toolkit):
    found = listed("Travel time from Hume Station to Reka Station in the city centre is about "
                   "20 minutes.", toolkit=toolkit)
    assert [name for name, _, _ in found] == ["Hume Station", "Reka Station"]


def test_an_office_field_after_and_also_is_no_body(toolkit):
    found = listed("This was shared by Ms Lin Mei, Senior Minister of State for Culture, "
                   "Community and Youth, and also Trade and Industry, in a post.",
                   toolkit=toolkit)
    assert found == [("Lin Mei", "PERSON", ())]


def test_a_road_between_two_places_is_three_names():
    assert name_parts("Upper Reka Road between Hillpark and Kampong Reka", "LOC") == [
        "Upper Reka Road", "Hillpark", "Kampong Reka"]
    assert name_parts("Protection from Online Falsehoods and Manipulation Act", "LAW") == [
        "Protection from Online Falsehoods and Manipulation Act"]


def test_a_declared_short_form_joins_its_name_not_another_it_also_spells(toolkit):
    found = listed("The initiative, called the New Reka Action Team (NRAT), seeks to bring "
                   "together expertise. NRAT will start in March.",
                   "An alliance called the New Rekb Action Team will provide coordinated "
                   "efforts.", toolkit=toolkit)
    assert found == [("New Reka Action Team", "ORG", ("NRAT",)),
                     ("New Rekb Action Team", "ORG", ())]


def test_a_name_written_with_and_without_a_space_is_one_person(toolkit):
    found = listed("Ms Ting Reihong, 45, said she was happy to serve.",
                   "Ms Ting Rei Hong added that residents had been kind.", toolkit=toolkit)
    assert found == [("Ting Rei Hong", "PERSON", ("Ting Reihong",))]


def form(text: str, label: str, count: int, declared: set[str] | None = None) -> Form:
    tokens = tuple(text.lower().replace(".", " ").split())
    made = Form(text, tokens, Counter({label: count}), {text}, {"a0"})
    if declared:
        made.declared = declared
    return made


def test_a_declared_short_form_stands_for_its_name_not_for_a_longer_one_it_heads():
    forms = {"protection from reka act": form("Protection from Reka Act", "LAW", 1, {"porka"}),
             "porka": form("Porka", "ORG", 3),
             "porka office": form("Porka Office", "ORG", 4)}
    merges = Merges(forms)
    for step in (merge_variants, merge_acronyms, merge_short_forms):
        step(forms, merges)
    assert merges.sets.connected("porka", "protection from reka act")
    assert not merges.sets.connected("porka", "porka office")


def test_initials_with_dots_are_not_the_name_written_out():
    entity = make_entity([form("C.R.A", "ORG", 3), form("Central Reka Agency", "ORG", 1)], [])
    assert entity.name == "Central Reka Agency"


def test_a_seat_in_brackets_joined_to_other_names_is_a_place(toolkit):
    types = types_of("Next, MP Tan Wen Ling (Pasir Reka–Baru Tinggi GRC) called for more help. "
                     "MPs Ana Lim (PAP-Kampong) and Zulkifli Abdul Karim (PAP-Chua Chu Reka), "
                     "put forward several proposals.", toolkit=toolkit)
    assert (types["Pasir Reka"], types["Chua Chu Reka"]) == ("LOC", "LOC")


def test_a_given_name_and_its_familiar_form_are_one_person(toolkit):
    found = listed("Anchorage lawyer William Rekaldson, the building's owner, was there to "
                   "inspect the damage.", "It was purchased by Anchorage attorney Bill "
                   "Rekaldson in 2004.", toolkit=toolkit)
    assert [(name, kind) for name, kind, _ in found] == [("William Rekaldson", "PERSON")]
    assert found[0][2] == ("Bill Rekaldson",)


def test_what_a_portion_noun_holds_is_a_product(toolkit):
    kinds = types_of("The Lunar New Year hamper holds a tin of Golden Reka Oolong, a bottle of "
                     "Maison Okafor Brut and a box of cookies from Marlow Bakehouse.",
                     toolkit=toolkit)
    assert kinds.get("Golden Reka Oolong") == "PRODUCT"
    assert kinds.get("Maison Okafor Brut") == "PRODUCT"
    # A name qualifying what is held keeps its own kind: "a cup of X coffee".
    kinds = types_of("She drank two cups of Okafor Bank coffee with Ana Reyes.", toolkit=toolkit)
    assert kinds.get("Okafor Bank") == "ORG"

