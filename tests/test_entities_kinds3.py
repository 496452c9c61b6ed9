"""Entities, third round of junk: office words before names, shouted words, nationalities
that are common words, goods and platforms tagged as people, places in brackets or lists
tagged as people, and an office's fields tagged as bodies."""

from __future__ import annotations

from collections import Counter

from newsweave.entities import merge_entities
from newsweave.entity_forms import Form, common_words
from newsweave.models import Article, Story


def make_story(*texts: str) -> Story:
    articles = tuple(Article(f"a{i}", f"a{i}.txt", text, None, None, None, "2025-01-23",
                             "metadata", "en") for i, text in enumerate(texts))
    return Story("s1", "test", articles)


def types_of(story: Story, toolkit) -> dict[str, str]:
    return {e.name: e.type for e in merge_entities(story, toolkit)}


def test_a_name_after_an_office_word_is_a_person(toolkit):
    found = types_of(make_story("MP Nadia Samdin (Ang Mo Kio GRC) wants to help Singaporeans "
                                "fulfil their dreams of having children."), toolkit)
    assert found["Nadia Samdin"] == "PERSON"


def test_an_ordinary_word_in_capitals_is_no_name(toolkit):
    found = types_of(make_story(
        "Of course, the holiday would not be complete without all the other guilty, indulgent "
        "and TASTY snacks. The tasty snacks sell out fast, and tasty drinks too."), toolkit)
    assert "TASTY" not in found


def test_an_acronym_introduced_in_brackets_stays_though_it_is_a_word():
    form = Form("NEAT", ("neat",), Counter({"ORG": 2}), {"NEAT"}, {"a0"})
    text = "The New Environment Action Team (NEAT) met. The rooms were neat and neat again."
    assert not common_words(form, {"neat": [2, 2]}, text)
    assert common_words(form, {"neat": [2, 2]}, text.replace("(NEAT)", "NEAT"))


def test_a_function_word_in_capitals_stays_an_acronym():
    form = Form("WHO", ("who",), Counter({"ORG": 1}), {"WHO"}, {"a0"})
    assert not common_words(form, {"who": [9, 1]}, "The WHO said people who travel must wait.")


def test_a_nationality_the_story_writes_in_lower_case_as_often_is_a_common_word():
    cheese = Form("Cheese", ("cheese",), Counter({"NORP": 2}), {"Cheese"}, {"a0"})
    chinese = Form("Chinese", ("chinese",), Counter({"NORP": 17}), {"Chinese"}, {"a0"})
    assert common_words(cheese, {"cheese": [4, 5]}, "")
    assert not common_words(chinese, {"chinese": [1, 17]}, "")  # "chinese ppl" in a post


def test_a_name_qualifying_goods_is_a_product_not_a_person(toolkit):
    found = types_of(make_story("The bakery now sells Nutella tarts at its outlets."), toolkit)
    assert found["Nutella"] == "PRODUCT"


def test_a_place_in_brackets_after_a_persons_name_is_a_place(toolkit):
    found = types_of(make_story(
        "The questions came from MPs Ang Wei Neng (West Coast GRC), Zhulkarnain Abdul Rahim "
        "(Chua Chu Kang GRC) and Alex Yam."), toolkit)
    assert found["Chua Chu Kang GRC"] == "LOC"
    assert found["Zhulkarnain Abdul Rahim"] == "PERSON"


def test_an_office_holder_in_brackets_stays_a_person(toolkit):
    found = types_of(make_story(
        "The Deputy Prime Minister II (Datuk Seri Fadillah Yusof) is from Sarawak, he said."),
        toolkit)
    assert found.get("Fadillah Yusof") == "PERSON"


def test_a_name_listed_with_places_is_a_place(toolkit):
    found = types_of(make_story("The residents in Boon Lay, Buona Vista and Pasir Ris were "
                                "helped."), toolkit)
    assert found["Pasir Ris"] == "LOC"


def test_a_name_that_things_are_posted_on_is_a_platform(toolkit):
    found = types_of(make_story("The influencer shared the recipe on Xiaohongshu last week.",
                                "The clip was uploaded to Douyin by a tourist.",
                                "Many Xiaohongshu users asked where the cafe was."), toolkit)
    assert found["Xiaohongshu"] == "ORG" and found["Douyin"] == "ORG"


def test_the_fields_of_an_office_are_no_body(toolkit):
    found = types_of(make_story(
        "This was shared by Ms Low Yen Ling, Senior Minister of State for Trade and Industry, "
        "as well as Culture, Community and Youth, in a Facebook post on Jan 23."), toolkit)
    assert found["Low Yen Ling"] == "PERSON"
    assert not any("Culture" in name for name in found)


def test_a_name_owning_goods_is_a_brand_not_a_person(toolkit):
    found = types_of(make_story("While most Singaporeans think of Kele’s pineapple tarts, there "
                                "are plenty of other bakeries."), toolkit)
    assert found["Kele"] == "ORG"


def test_an_acronym_joins_the_event_it_spells(toolkit):
    entities = merge_entities(make_story(
        "Chinese New Year (CNY) is when we eat more. This CNY, the bakery offers new cookies."),
        toolkit)
    assert [(e.name, e.type, e.aliases) for e in entities] == [
        ("Chinese New Year", "EVENT", ("CNY",))]


def test_an_acronym_named_more_often_than_its_event_does_not_retype_it(toolkit):
    found = types_of(make_story("The Lunar New Year (LNY) is near. The LNY cookies are sold "
                                "out."), toolkit)
    assert found["Lunar New Year"] == "EVENT"


def test_a_dish_named_by_its_head_noun_is_a_product(toolkit):
    found = types_of(make_story("Choose the Tie Guan Yin Loaf Slice from Edith Patisserie this "
                                "season."), toolkit)
    assert found["Tie Guan Yin Loaf Slice"] == "PRODUCT"


def test_an_events_head_noun_makes_an_event(toolkit):
    found = types_of(make_story("The first upgraded jets were shown at the Singapore Airshow in "
                                "2022.", "Crowds packed the Phnom Penh Cocktail Festival last "
                                "week."), toolkit)
    assert found["Singapore Airshow"] == "EVENT"
    assert found["Phnom Penh Cocktail Festival"] == "EVENT"


def test_a_name_after_a_place_noun_is_a_place(toolkit):
    # "island Pulau Keris" is read as a person; "30km from Pulau Keris" as a place.
    found = types_of(make_story(
        "The crocodile farm is roughly 30km from the offshore island Pulau Keris.",
        "The farm, about 30km from Pulau Keris, is home to saltwater crocodiles."), toolkit)
    assert found["Pulau Keris"] in ("LOC", "GPE")
