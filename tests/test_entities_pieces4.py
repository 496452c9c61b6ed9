"""Entities, fourth round of junk: pieces of longer names the recogniser broke, names glued to
a word by a hyphen, common nouns counted with "a", offices, epidemics and platforms."""

from __future__ import annotations

from test_entities_kinds3 import make_story, types_of


def test_a_nationality_opening_a_longer_name_is_no_entity(toolkit):
    found = types_of(make_story(
        "The snacks include French Bean Stir Fry and Spanish Almond Cookies."), toolkit)
    assert "French" not in found
    assert found["Almond Cookies"] == "PRODUCT"


def test_a_name_takes_back_the_capitalised_word_opening_it(toolkit):
    found = types_of(make_story(
        "Jo Swinson, Liberal Democrat deputy leader, said the visit was a mistake."), toolkit)
    assert "Democrat" not in found
    assert found["Liberal Democrat"] == "NORP"
    assert found["Jo Swinson"] == "PERSON"


def test_a_body_before_its_members_keeps_its_mention(toolkit):
    found = types_of(make_story(
        "The motion was tabled by People's Action Party Members of Parliament Hany Soh and "
        "Ng Ling Ling."), toolkit)
    assert found["People's Action Party"] == "ORG"


def test_a_persons_name_takes_the_syllable_after_its_hyphen(toolkit):
    found = types_of(make_story(
        "Trump is working with South Korean President Moon Jae-in ahead of the summit."),
        toolkit)
    assert found.get("Moon Jae-in") == "PERSON"
    assert "Moon Jae" not in found


def test_a_one_word_person_glued_to_a_lower_case_word_is_a_piece_of_it(toolkit):
    found = types_of(make_story(
        "Don't miss the expertly crafted Beau-tea cupcakes served in tea cups."), toolkit)
    assert "Beau" not in found


def test_a_capitalised_noun_counted_with_a_is_no_person(toolkit):
    found = types_of(make_story(
        "Last November, parliament passed a Bill allowing officers to enter homes."), toolkit)
    assert "Bill" not in found


def test_a_constituency_and_an_office_in_capitals_is_no_person(toolkit):
    found = types_of(make_story(
        "Lam Pin Min, the former Sengkang West MP, thanked residents."), toolkit)
    assert "Sengkang West MP" not in found
    assert found["Lam Pin Min"] == "PERSON"


def test_a_name_qualifying_a_pandemic_is_an_event(toolkit):
    found = types_of(make_story(
        "Vouchers were first introduced during the COVID-19 pandemic, the minister said."),
        toolkit)
    assert found["COVID-19"] == "EVENT"


def test_a_person_written_on_is_a_platform(toolkit):
    found = types_of(make_story(
        "Mr Trump derided the deal, writing on Twitter that it had too many contingencies."),
        toolkit)
    assert found["Twitter"] == "ORG"
    assert found["Trump"] == "PERSON"


def test_an_outlet_cited_as_a_source_is_no_nationality(toolkit):
    found = types_of(make_story(
        "According to gCaptain, the firms pleaded guilty. gCaptain said they received time "
        "served."), toolkit)
    assert found["gCaptain"] == "ORG"


def test_an_acronym_after_a_name_is_its_kind_not_more_of_it(toolkit):
    found = types_of(make_story(
        "The grant was raised by MP Tan Wei Ming of West Coast GRC in Parliament."), toolkit)
    assert any(name.startswith("West Coast") for name in found)


def test_two_names_joined_by_a_hyphen_are_a_pair_not_a_name(toolkit):
    found = types_of(make_story(
        "Officials from Japan met the U.S. delegation on Monday. The U.S.-Japan trade deal is "
        "likely to be signed."), toolkit)
    assert "U.S.-Japan" not in found
    assert found["Japan"] == "GPE"


def test_a_hyphenated_name_whose_parts_are_never_named_alone_stays(toolkit):
    found = types_of(make_story("Shares of Coca-Cola rose on Monday, Coca-Cola said."), toolkit)
    assert found["Coca-Cola"] == "ORG"


def test_a_title_case_headline_verb_ends_no_name(toolkit):
    found = types_of(make_story(
        "Donald Trump Is Coming to Britain. Here is what he can expect from Donald Trump's "
        "visit."), toolkit)
    assert "Donald Trump Is" not in found
    assert found["Donald Trump"] == "PERSON"


def test_two_mentions_side_by_side_are_one_name(toolkit):
    # The small model tags "CNN" and "Philippines", "U.S." and "District Court", "Hilton
    # Hotel" and "Kuala Lumpur" apart; the first qualifies the second.
    found = types_of(make_story(
        "The claim was reported by CNN Philippines on Monday.",
        "The case was heard in U.S. District Court in Ohio.",
        "Tickets from Hilton Hotel Kuala Lumpur cost more."), toolkit)
    assert found.get("CNN Philippines") == "ORG"
    assert found.get("U.S. District Court") == "ORG"
    assert "District Court" not in found
    assert found.get("Hilton Hotel Kuala Lumpur") == "FAC"


def test_an_office_field_or_a_title_does_not_run_into_a_persons_name(toolkit):
    found = types_of(make_story(
        "Parliamentary Secretary for Home Affairs Eric Lim spoke.",
        "Perak Menteri Besar Datuk Seri Ahmad Faizal spoke."), toolkit)
    assert found.get("Eric Lim") == "PERSON"
    assert not [name for name in found if "Ahmad Faizal" in name and "Besar" in name]


def test_a_word_made_from_a_name_with_a_prefix_is_no_entity(toolkit):
    found = types_of(make_story(
        "Anti-Brexit protesters marched past the pro-Kremlin rally on Sunday.",
        "The non-Thai residents of the village watched the parade.",
        "The Anti-Fraud Office of the European Union was set up in 1999."), toolkit)
    assert not [name for name in found if name.lower().startswith(("anti-", "pro-", "non-"))
                and " " not in name]
    assert "Anti-Fraud Office" in found


def test_a_verb_opening_a_clause_is_no_name(toolkit):
    # the small model tags "Quoting" here as a place
    found = types_of(make_story(
        "Quoting police sources, the paper said two men were held in Leeds."), toolkit)
    assert "Quoting" not in found
    assert "Leeds" in found


def test_a_nationality_before_a_persons_name_is_no_part_of_it(toolkit):
    found = types_of(make_story("The race was won by American Joe Smith on Sunday."), toolkit)
    assert found.get("Joe Smith") == "PERSON"
    assert not [name for name in found if name.startswith("American ")]
