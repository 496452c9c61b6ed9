"""One body or scheme named two ways by articles that never use each other's name
(`compare/body_names.py`): listed for a reader, never shown."""

from __future__ import annotations

from conftest import analysed_story

FIRST = ("To respond to floods faster, a group called the Coastal Resilience Task Force will "
         "coordinate the work of five agencies, the ministry said on Monday.")
SECOND = ("The new group, called the Coastal Response Task Force (CRTF), will bring together "
          "five agencies to respond to floods, the ministry said.")


def names_listed(story) -> list[set[str]]:
    return [{p.value for p in c.positions} for c in story.possible if c.kind == "name"]


def test_one_body_named_two_ways_is_listed(toolkit, settings):
    story = analysed_story(toolkit, settings, FIRST, SECOND)
    assert names_listed(story) == [{"Coastal Resilience Task Force",
                                    "Coastal Response Task Force"}]
    assert not [c for c in story.conflicts if c.kind == "name"]


def test_names_differing_in_their_head_or_initial_are_two_things(toolkit, settings):
    head = SECOND.replace("Coastal Response Task Force (CRTF)", "Coastal Resilience Task Group")
    initial = SECOND.replace("Coastal Response Task Force (CRTF)", "Coastal Flood Task Force")
    for other in (head, initial):
        assert not names_listed(analysed_story(toolkit, settings, FIRST, other))
