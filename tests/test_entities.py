"""Entities: variants of one name merge with evidence; different people never do."""

from __future__ import annotations

import pytest

from newsweave.entities import merge_entities, normalise
from newsweave.models import Article, Story
from newsweave.pipeline import Context, analyze
from newsweave.store import Store


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
def reference_entities(reference_dir, toolkit, settings, tmp_path_factory):
    with Store(tmp_path_factory.mktemp("db") / "news.db") as store:
        story = analyze([reference_dir], Context(settings, store, toolkit)).stories[0]
    return merge_entities(story, toolkit)


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
