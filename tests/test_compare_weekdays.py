"""Dates counted from the publication or written beside a weekday: one day named as two weekdays
is a disagreement, a weekday on one side only is not; a day without its year near publication,
a week or month named from it ("last week"), and a statement dating two events."""

from __future__ import annotations

from dataclasses import replace

import pytest
from test_compare import conflicts_of, differences_of, make_story

from newsweave.compare import scored_conflicts
from newsweave.compare.dates import date_slots, weekday_in
from newsweave.dating import day_of


def test_one_day_named_as_two_weekdays_conflicts(toolkit, settings):
    found = conflicts_of(toolkit, settings,
                         "The bridge was closed on Monday (Feb 5) for repairs.",
                         "The bridge was closed on Wednesday (Feb 5) for repairs.")
    assert [c.kind for c in found] == ["date"]
    assert {p.value for p in found[0].positions} == {"2023-02-05 (Monday)",
                                                     "2023-02-05 (Wednesday)"}
    assert {day_of(p.value) for p in found[0].positions} == {"2023-02-05"}


def test_weekday_on_one_side_only_agrees(toolkit, settings):
    assert not conflicts_of(toolkit, settings,
                            "The bridge was closed on Wednesday (Feb 5) for repairs.",
                            "The bridge was closed on Feb 5 for repairs.")
    assert not conflicts_of(toolkit, settings,
                            "The bridge was closed on Wednesday, February 5, for repairs.",
                            "The bridge was closed on Wednesday (Feb 5) for repairs.")


def test_weekday_is_kept_with_its_written_date(toolkit):
    doc = toolkit.nlp("The bridge was closed on Monday (5 Feb) for repairs.")
    assert [(s.value, s.weekday) for s in date_slots(doc, "2025-02-06")] == \
        [("2025-02-05", "monday")]
    assert weekday_in("Wednesday, February 5") == "wednesday"
    assert weekday_in("February 5") == ""


def dated_values(found) -> list[set[str]]:
    return [{p.value for p in c.positions} for c in found if c.kind == "date"]


def test_without_publication_dates_two_weekdays_of_one_event_differ_by_name(toolkit,
                                                                            settings):
    """A folder of plain text files has no dates to count from: "on Tuesday" / "on Sunday"
    still name two days, shown by name (no date is made up)."""
    found = differences_of(toolkit, settings, "The warehouse was destroyed by fire on Tuesday.",
                           "The warehouse was destroyed by fire on Sunday.", published=None)
    assert dated_values(found) == [{"Tuesday", "Sunday"}]
    assert not dated_values(differences_of(
        toolkit, settings, "The warehouse was destroyed by fire on Tuesday.",
        "The warehouse was destroyed by fire on Tuesday night.", published=None))


def test_without_publication_dates_only_dates_that_need_none_are_read(toolkit, settings):
    undated = [toolkit.nlp(t) for t in ("The plant closed on March 2, 2007.",
                                        "The plant closed on March 2.",
                                        "The plant closed yesterday.")]
    assert [s.value for s in date_slots(undated[0], None)] == ["2007-03-02"]
    assert date_slots(undated[1], None) == date_slots(undated[2], None) == []
    found = differences_of(toolkit, settings, "The plant closed on March 2, 2007.",
                           "The plant closed on March 5, 2007.", published=None)
    assert dated_values(found) == [{"2007-03-02", "2007-03-05"}]


def test_without_publication_dates_a_weekday_says_nothing_against_a_date(toolkit, settings):
    """With no publication date, "on Thursday" is no day at all: held against a written date
    it is neither shown nor listed (before, the placeholder it was counted from made it a
    possible difference of every dated statement of its fact)."""
    found = differences_of(toolkit, settings, "The court convicted the gunman on Thursday.",
                           "The court convicted the gunman in June 2005.", published=None)
    assert dated_values(found) == []


def test_weekdays_counted_from_a_guessed_date_are_compared_by_name_only(toolkit, settings):
    """An undated article among dated ones takes the story's median date, a guess: its
    "on Saturday" is held against another weekday by name; against a written date it says
    nothing, as a weekday of a folder with no dates at all does (before, every such pair was
    listed, and crowded a story's short list of possible differences)."""
    def guessed_first(*texts: str):
        story = make_story(toolkit, settings, *texts)
        guessed = replace(story.articles[0], published_from="inferred")
        return scored_conflicts(replace(story, articles=(guessed, *story.articles[1:])),
                                toolkit, settings)

    shown, _ = guessed_first("The champion kept his title on Saturday in Berne.",
                             "The champion kept his title on Thursday in Berne.")
    assert dated_values(shown) == [{"Saturday", "Thursday"}]
    shown, possible = guessed_first("The champion kept his title on Saturday in Berne.",
                                    "The champion kept his title on Sept 14 in Berne.")
    assert not shown
    assert dated_values(possible) == []


def test_a_weekday_before_a_part_of_the_day_dates_the_event(toolkit, settings):
    """The recogniser tags "Friday afternoon" as a date and a time, "Friday" a modifier of
    "afternoon": it still dates the event, as "a Friday meeting" does not."""
    doc = toolkit.nlp("The explosion occurred Friday afternoon at a bank in the town.")
    assert [(s.value, s.event) for s in date_slots(doc, "2025-02-08")] == \
        [("2025-02-07", "occur")]
    found = differences_of(toolkit, settings,
                           "The explosion occurred Friday afternoon at a bank in the town.",
                           "The explosion occurred Wednesday afternoon at a bank in the town.",
                           published=None)
    assert dated_values(found) == [{"Friday", "Wednesday"}]
    assert not date_slots(toolkit.nlp("The Friday meeting was cancelled."), "2025-02-08")


def test_words_that_begin_like_a_month_are_no_month(toolkit, settings):
    from newsweave.dating import resolve_month

    assert resolve_month("for decades", "2025-03-04") is None
    assert resolve_month("early Dec.", "2025-03-04") == "2024-12"
    assert not differences_of(toolkit, settings,
                              "The rule was restored on Tuesday after a review of the act.",
                              "For decades, the rule was restored after each review of the act.",
                              published="2025-03-04")


def test_two_last_days_of_one_state_conflict(toolkit, settings):
    def kinds(first: str, second: str) -> list[str]:
        return [c.kind for c in conflicts_of(toolkit, settings, first, second,
                                             published="2025-03-05")]

    assert kinds("The festival runs until March 30 at the park.",
                 "The festival runs until April 3 at the park.") == ["date"]
    # A day inside the state is no other end of it; a weekday's week is too unsure for one.
    assert kinds("The park will stay closed until March 30 for repairs.",
                 "The park closed on March 10 for repairs.") == []
    assert kinds("The road will be closed until Friday for repairs.",
                 "The road will be closed until Sunday for repairs.") == []


def test_a_date_after_according_to_dates_the_report(toolkit):
    slots = date_slots(toolkit.nlp("The director met the leader on Sunday, according to media "
                                   "reports Tuesday."), "2025-03-05")
    assert [(s.value, s.event, s.stated) for s in slots] == [
        ("2025-03-02", "meet", False), ("2025-03-04", "", True)]


def test_a_day_without_its_year_near_publication_is_of_that_year(toolkit, settings):
    """"March 3" in an article of March 5, 2025 is March 3, 2025, against "March 3, 2024"; a
    day far from publication may be of any year, and the year said on one side settles it."""
    found = conflicts_of(toolkit, settings, "The new bridge opened to traffic on March 3, 2024.",
                         "The new bridge opened to traffic on March 3.", published="2025-03-05")
    assert [sorted(p.value for p in c.positions) for c in found] == [["2024-03-03",
                                                                      "2025-03-03"]]
    assert not conflicts_of(toolkit, settings, "The new bridge opened to traffic on March 3, 2024.",
                            "The new bridge opened to traffic on March 3.",
                            published="2025-06-20")


def test_a_week_or_month_named_from_publication_is_a_span_of_days(toolkit, settings):
    """"last week" in an article of Wednesday March 5, 2025 is Feb 24 to March 2: a day inside
    it agrees, a day outside it does not."""
    def dates_of(first: str, second: str):
        return [sorted(p.value for p in c.positions)
                for c in conflicts_of(toolkit, settings, first, second, published="2025-03-05")]

    sentenced = "Chief engineer John Wade was sentenced {} to three months in prison."
    assert dates_of(sentenced.format("last week"), sentenced.format("on March 3")) == [
        ["2025-02-24 to 2025-03-02", "2025-03-03"]]
    assert not dates_of(sentenced.format("last week"), sentenced.format("on February 26"))
    assert not dates_of(sentenced.format("last month"), sentenced.format("on February 12"))
    assert dates_of(sentenced.format("last month"), sentenced.format("on January 30")) == [
        ["2025-01-30", "2025-02"]]


def test_a_statement_dating_two_events_differs_on_either(toolkit, settings):
    """The arrest agreeing does not excuse the flight."""
    found = conflicts_of(toolkit, settings,
                         "The suspect fled to Malaysia on Jan 5 and was arrested on Feb 2.",
                         "The suspect was arrested on Feb 2 after fleeing to Malaysia on Jan 6.",
                         published="2025-03-05")
    assert [sorted(p.value for p in c.positions) for c in found] == [["2025-01-05",
                                                                      "2025-01-06"]]
    assert not conflicts_of(toolkit, settings,
                            "The suspect fled to Malaysia on Jan 5 and was arrested on Feb 2.",
                            "The suspect was arrested on Feb 2 after fleeing to Malaysia on Jan 5.",
                            published="2025-03-05")


@pytest.mark.parametrize(("first", "second"), [
    ("late Thursday", "early Friday"),
    ("late on Saturday", "on Sunday"),
    ("on Saturday night", "on Sunday"),
    ("on Saturday", "in the early hours of Sunday"),
    ("overnight Saturday", "on Sunday"),
    ("on Sept 9, 2023", "just after midnight on Sept 10, 2023")])
def test_a_day_at_its_edge_may_be_the_next_day(toolkit, settings, first, second):
    """What happens around midnight is dated either side of it ("late Thursday" / "early
    Friday"): no difference, with publication dates or without."""
    for published in ("2023-09-17", None):
        assert not dated_values(differences_of(
            toolkit, settings, f"The gunman opened fire at the club {first}, police said.",
            f"The gunman opened fire at the club {second}, police said.", published=published))


@pytest.mark.parametrize(("first", "second"), [
    ("on Thursday", "on Friday"),
    ("late Thursday", "on Saturday"),
    ("early Thursday", "on Friday"),
    ("on Thursday", "late Friday")])
def test_adjacent_days_without_an_edge_between_them_still_differ(toolkit, settings, first,
                                                                  second):
    """Two days apart, or adjacent days whose words put the event away from the midnight
    between them ("early Thursday" is not Friday), are two dates."""
    assert dated_values(differences_of(
        toolkit, settings, f"The gunman opened fire at the club {first}, police said.",
        f"The gunman opened fire at the club {second}, police said."))


def test_dates_of_saying_in_reports_of_two_days_are_two_sayings(toolkit, settings):
    """A speaker says things more than once: "said on Wednesday" in Wednesday's report and
    "said on Saturday" in Saturday's are each report's latest word, not one saying dated two
    ways (at most a possible difference). In two reports of one day they are, and so is a
    date of saying days before its own report's."""
    def shown_dates(first: str, second: str, first_published: str):
        story = make_story(toolkit, settings, f"The coach said on {first} that the team would "
                           "rest its captain.", f"The coach said on {second} that the team "
                           "would rest its captain.", published="2023-09-16")
        earlier = replace(story.articles[0], published=first_published)
        shown, _ = scored_conflicts(replace(story, articles=(earlier, *story.articles[1:])),
                                    toolkit, settings)
        return dated_values(shown)

    assert shown_dates("Wednesday", "Saturday", "2023-09-16") == [{"2023-09-13", "2023-09-16"}]
    assert shown_dates("Wednesday", "Saturday", "2023-09-13") == []
    assert shown_dates("Monday", "Wednesday", "2023-09-13") == [{"2023-09-11", "2023-09-13"}]


def test_a_statement_that_reports_the_other_act_undated_dates_an_act_of_its_own(toolkit,
                                                                               settings):
    """"Suspected of stabbing two guards at the depot where he was dismissed last week" tells
    of the stabbing without a date: its "last week" dates the dismissal, not the stabbing
    the other statement dates to Monday (at most a possible difference)."""
    def shown_and_possible(first: str, second: str):
        story = make_story(toolkit, settings, first, second, published="2023-09-18")
        return [dated_values(found) for found in scored_conflicts(story, toolkit, settings)]

    assert shown_and_possible(
        "The man suspected of stabbing two guards at the depot where he was dismissed last "
        "week was arrested after a chase.",
        "The man stabbed two guards at the depot on Monday morning.") == [
        [], [{"2023-09-11 to 2023-09-17", "2023-09-18"}]]
    assert shown_and_possible("The man stabbed two guards at the depot on Sunday morning.",
                              "The man stabbed two guards at the depot on Monday morning.") == [
        [{"2023-09-17", "2023-09-18"}], []]


@pytest.mark.parametrize("text, event", [
    ("The train reached the border on Monday.", "arrive"),
    ("The troops entered the city on Monday.", "arrive"),
    ("The ship entered Singapore waters on Monday.", "arrive"),
    ("The plane landed in Tokyo on Monday.", "arrive"),
    ("The engineer entered a guilty plea on Monday.", "enter"),
    ("The two sides reached an agreement on Monday.", "reach"),
    ("The firm landed a new contract on Monday.", "land"),
])
def test_a_verb_of_arriving_names_an_arrival_only_at_a_place(toolkit, text, event):
    """"entered a guilty plea on Friday" is no arrival, so it is never held against "arrived
    in port on February 26" as one event dated twice."""
    assert [s.event for s in date_slots(toolkit.nlp(text), "2025-01-29")] == [event]
