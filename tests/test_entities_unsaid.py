"""Names only in sentences the claims stage took out as the site's appeals or orders to the
reader are not the story's entities; names in its statements are."""

from __future__ import annotations

from newsweave.claims import parse_articles
from newsweave.clean import clean_record
from newsweave.entities import merge_entities
from newsweave.models import RawRecord, Story

NEWS = ("The Harbour Bakery sold 4,000 boxes of tarts in the week before the festival, its "
        "owner Mei Ling told reporters in Penang. Sales were twice those of last year.")


def entities_of(text, toolkit, settings):
    article = clean_record(RawRecord(path="a.txt", source_id="a", body=text), settings)
    parsed = parse_articles([article], toolkit, settings)[0].article
    return {e.name for e in merge_entities(Story("s1", "test", (parsed,)), toolkit)}


def test_names_in_orders_to_the_reader_are_no_entities(toolkit, settings):
    order = "Visit the Grand Hyatt Hotel this weekend to try the new menu."
    names = entities_of(f"{NEWS} {order}", toolkit, settings)
    assert {"Mei Ling", "Penang"} <= names
    assert not any("Hyatt" in n for n in names)
    # the same name in a statement is the story's
    said = "The Grand Hyatt Hotel sold 900 cakes, its manager said."
    assert any("Hyatt" in n for n in entities_of(f"{NEWS} {said}", toolkit, settings))
