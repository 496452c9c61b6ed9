"""A one-word "person" that nothing in the story calls a person is no entity
(`entities.unattested_person`); a title, a relative or a verb of saying attests one."""

from __future__ import annotations

from newsweave.entities import merge_entities
from newsweave.models import Article, Story

NEWS = ("The Harbour Bakery on Jalan Kota in Penang sold 4,000 boxes of tarts in the week "
        "before the festival, its owner Mei Ling told reporters on Monday.")


def named(toolkit, *sentences: str) -> dict[str, str]:
    text = " ".join((NEWS, *sentences))
    article = Article("a0", "a0.txt", text, None, None, None, "2025-01-20", "metadata", "en")
    return {e.name: e.type for e in merge_entities(Story("s1", "test", (article,)), toolkit)}


def test_a_one_word_name_nothing_calls_a_person_is_no_entity(toolkit):
    found = named(toolkit, "Shoppers can pay with Quillpass at all stalls.",
                  "Customers love Mandarossa and other teas at the shop.")
    assert found.get("Mei Ling") == "PERSON"
    assert "Quillpass" not in found and "Mandarossa" not in found


def test_a_relative_or_an_office_attests_a_one_word_person(toolkit):
    assert named(toolkit, "Her son, Brisola, was not hurt.").get("Brisola") == "PERSON"
    assert named(toolkit, "Vice President Brisola visited the shop on Monday.").get(
        "Brisola") == "PERSON"
