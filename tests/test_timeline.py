"""Timeline: relative dates resolved against publication; date conflicts linked."""

from __future__ import annotations

from newsweave.compare import find_conflicts
from newsweave.models import Article, Fact, Mention, Story
from newsweave.timeline import build_timeline


def fact_of(fid: str, *said: tuple[str, str]) -> Fact:
    mentions = tuple(Mention(a, text, 0, len(text), f"{a}:0.0") for a, text in said)
    return Fact(fid, mentions[0].text, "corroborated", tuple(a for a, _ in said), len(said),
                mentions)


def article(aid: str, published: str | None, text: str = "") -> Article:
    return Article(aid, f"{aid}.txt", text, None, None, None, published, "metadata", "en")


def test_same_day_from_two_publication_dates_is_one_event():
    story = Story("s", "t", (article("a", "2023-09-17"), article("b", "2023-09-18")), (
        fact_of("f1", ("a", "He left on Sunday."), ("b", "He left on Sunday.")),
        fact_of("f2", ("a", "He arrived on September 12 by train.")),
    ))
    events = build_timeline(story)
    assert [(e.date, e.articles) for e in events] == [
        ("2023-09-12", ("a",)), ("2023-09-17", ("a", "b"))]  # b is a Monday


def test_undated_article_contributes_no_relative_dates():
    story = Story("s", "t", (article("a", None),), (fact_of("f1", ("a", "He left Sunday.")),))
    assert build_timeline(story) == ()


def test_reference_departure_events_link_the_date_conflict(reference_story, toolkit,
                                                           settings):
    conflicts = find_conflicts(reference_story, toolkit, settings)
    events = build_timeline(reference_story, conflicts)
    assert [e.date for e in events] == sorted(e.date for e in events)
    linked = {e.date for e in events if e.conflict}
    assert {"2023-09-17", "2023-09-19"} <= linked
    assert any(e.date == "2023-09-12" for e in events)  # "began on Tuesday"


def test_a_reprint_dates_its_relative_words_from_the_wire_it_copies(toolkit, settings):
    """A weekly reprints Thursday's wire a week later: its "on Wednesday" is the wire's
    Wednesday, not the one before the reprint, so it neither moves the event nor disagrees
    with an outlet that gives the wire's date."""
    from newsweave.models import CopyGroup

    said = "The ferry sank on Wednesday off the north coast, the coastguard said."
    dated = "The ferry sank on March 6 off the north coast, the coastguard said."
    story = Story("s", "t", (article("a", "2024-03-07", said), article("b", "2024-03-14", said),
                             article("c", "2024-03-07", dated)),
                  (fact_of("f1", ("a", said), ("b", said), ("c", dated)),),
                  copies=(CopyGroup(("a", "b"), "duplicate", 1.0, "a"),))
    assert [(e.date, e.articles) for e in build_timeline(story)] == [
        ("2024-03-06", ("a", "b", "c"))]
    assert not [c for c in find_conflicts(story, toolkit, settings) if c.kind == "date"]


def test_a_weekday_of_a_future_event_counts_forward(toolkit):
    """"will be charged on Wednesday" in a Tuesday paper is the next day, as the comparison
    reads it (the parse says which dates are of future events), not the Wednesday before."""
    from newsweave.compare.dates import future_dates

    text = "The two men were arrested on Monday. They will be charged in court on Wednesday."
    a = article("a", "2025-03-04", text)  # a Tuesday
    said = [s.rstrip(".") for s in text.split(". ")]
    facts = tuple(Fact(f"f{i}", s, "single_source", ("a",), 1,
                       (Mention("a", s, text.index(s), text.index(s) + len(s)),))
                  for i, s in enumerate(said))
    story = Story("s", "t", (a,), facts)
    future = {"a": future_dates(toolkit.nlp(text))}
    assert [e.date for e in build_timeline(story, (), future)] == ["2025-03-03", "2025-03-05"]
    assert [e.date for e in build_timeline(story)] == ["2025-02-26", "2025-03-03"]


def sentences_as_facts(text: str, published: str) -> Story:
    """One article; each of its sentences one single-source fact."""
    said = [s.rstrip(".") for s in text.split(". ")]
    facts = tuple(Fact(f"f{i}", s, "single_source", ("a",), 1,
                       (Mention("a", s, text.index(s), text.index(s) + len(s)),))
                  for i, s in enumerate(said))
    return Story("s", "t", (article("a", published, text),), facts)


def test_days_counted_from_publication_are_read_from_the_parse(toolkit):
    """"arrested two men yesterday" dates an event; "USA Today", "630 today" and "the world of
    tomorrow" date nothing, which the words alone cannot tell apart."""
    from newsweave.compare.dates import relative_days

    text = ("Police arrested two men yesterday morning after a raid. USA Today reported the "
            "raid. Cases have risen to about 630 today. He spoke of the world of tomorrow. "
            "The two men will be charged tomorrow.")
    story = sentences_as_facts(text, "2025-03-04")
    events = build_timeline(story, (), None, {"a": relative_days(toolkit.nlp(text))})
    assert [(e.date, e.text[:20]) for e in events] == [
        ("2025-03-03", "Police arrested two "), ("2025-03-05", "The two men will be ")]
    assert build_timeline(story) == ()


def test_the_chain_dates_a_future_weekday_forward(toolkit, settings):
    from newsweave.eval.data import analyse_files

    texts = (("Police arrested two men on Monday after a raid on a warehouse in the port. "
              "The two men will be charged in court on Wednesday, the police said."),
             ("Two men were arrested on Monday after police raided a warehouse in the port. "
              "They will be charged on Wednesday, a police spokesman said."))
    records = [{"id": f"a{i}", "title": "Two men arrested", "text": t, "url": None,
                "outlet": None, "published": "2025-03-04"} for i, t in enumerate(texts)]
    story = analyse_files(records, toolkit, settings, "jsonl").report.stories[0]
    assert {e.date for e in story.timeline} == {"2025-03-03", "2025-03-05"}
    records = [{**r, "text": r["text"].replace("on Monday", "yesterday")} for r in records]
    story = analyse_files(records, toolkit, settings, "jsonl").report.stories[0]
    assert {e.date for e in story.timeline} == {"2025-03-03", "2025-03-05"}


def test_a_sentence_copied_word_for_word_counts_its_relative_days_from_the_first(toolkit,
                                                                                 settings):
    """A weekly reprints one paragraph of Tuesday's wire three days later, among paragraphs of
    its own (no copy group): the copied "this morning" is the wire's morning, not the
    weekly's, so the two do not disagree on the day of the arrest."""
    from newsweave.eval.data import analyse_files

    copied = ("Police arrested two men this morning after a raid on a warehouse in the "
              "industrial estate, a spokesman said.")
    wire = (copied + " Officers seized 40 kilograms of cannabis and $12,000 in cash during the "
            "raid, which began at about 6am.")
    weekly = ("The industrial estate has seen three raids this year, residents say, and many "
              "want more patrols at night.\n\n" + copied + "\n\nThe council will discuss "
              "security at the estate at its meeting next month, its chairman told the paper. "
              "Shop owners have asked for better lighting on the main road.")
    records = [{"id": f"a{i}", "title": "Two men arrested after warehouse raid", "text": t,
                "url": None, "outlet": o, "published": d}
               for i, (t, o, d) in enumerate(((wire, "Wire", "2025-03-04"),
                                              (weekly, "Weekly", "2025-03-07")))]
    story = analyse_files(records, toolkit, settings, "jsonl").report.stories[0]
    assert not story.copies
    assert not [c for c in (*story.conflicts, *story.possible) if c.kind == "date"]


def test_the_timeline_dates_a_copied_sentence_from_its_first_publication():
    said = "The ferry sank on Monday off the north coast, the coastguard said."
    own = "Ferry services resumed on Thursday after the storm."
    wire = article("a", "2024-03-05", said)  # a Tuesday
    weekly = article("b", "2024-03-15", f"{own} {said}")  # ten days later, not a copy
    story = Story("s", "t", (wire, weekly), (
        fact_of("f1", ("a", said), ("b", said)), fact_of("f2", ("b", own))))
    assert [(e.date, e.articles) for e in build_timeline(story)] == [
        ("2024-03-04", ("a", "b")), ("2024-03-14", ("b",))]


def test_days_counted_back_from_publication_are_dated(toolkit):
    """"arrested three days ago" in an article of March 4 is March 1; "a few days ago" and
    "about two days ago" name no day, nor does a week counted back. Only the timeline places
    them: the comparison reads none (`dating.resolve_relative_day`)."""
    from newsweave.compare.dates import date_slots, relative_days

    text = ("Police arrested two men three days ago after a raid. The raid followed a tip a "
            "few days ago. A neighbour called about two days ago. The men were first seen two "
            "weeks ago.")
    story = sentences_as_facts(text, "2025-03-04")
    events = build_timeline(story, (), None, {"a": relative_days(toolkit.nlp(text))})
    assert [(e.date, e.text[:20]) for e in events] == [("2025-03-01", "Police arrested two ")]
    assert not date_slots(toolkit.nlp(text), "2025-03-04")
