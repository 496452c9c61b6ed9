"""An article that writes out a name of two words or more is credited with the entity, whether
the recogniser tagged it there or not, unless the words are a piece of a longer name."""

from __future__ import annotations

from newsweave.entities import credited
from newsweave.models import Article, Entity, Story


def make_story(*texts: str) -> Story:
    articles = tuple(Article(f"a{i}", f"a{i}.txt", text, None, None, None, "2023-09-17",
                             "metadata", "en") for i, text in enumerate(texts))
    return Story("s1", "test", articles)


def test_an_article_that_writes_the_name_out_is_credited_with_it():
    story = make_story(
        "Officials met at the Reka Space Centre on Monday.",
        "The talks at the Reka Space Centre lasted three hours.",
        "The Reka Space Centre Authority approved the plan.",  # a longer name
        "Staff of Old Reka Space Centre moved out.",  # a longer name, opened by another word
        "The Space Centre is new.")
    centre = Entity("Reka Space Centre", "FAC", (), ("a0",))
    found = credited(centre, story)
    assert found.articles == ("a0", "a1")
    assert found.evidence == ("written out in a1, untagged",)


def test_a_title_or_an_article_before_the_name_leaves_it_whole():
    story = make_story("Ana Reyes spoke first.", "Minister Ana Reyes spoke last.",
                       "The Ana Reyes Foundation paid.", "Later, Ana Reyes left.",
                       "Her aunt Maria Ana Reyes stayed.")
    person = Entity("Ana Reyes", "PERSON", ("Reyes",), ("a0",))
    assert credited(person, story).articles == ("a0", "a1", "a3")


def test_a_one_word_name_is_not_credited_by_its_letters():
    story = make_story("Reyes spoke first.", "Reyes Street was closed.")
    person = Entity("Reyes", "PERSON", (), ("a0",))
    assert credited(person, story) == person
