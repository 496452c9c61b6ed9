"""Dates written in news text -> ISO days, read against the publication date of the article
that writes them. Shared by conflicts, the timeline and the brief.

A bare or "this" weekday is the latest such day on or before publication ("left on Sunday" in
a Sunday paper is that day); "last" is strictly before; a weekday of a future event ("will be
charged on Thursday") is the next such day. dateparser reads month-days; it gives the previous
week for the same weekday, hence the rule here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any

from .words import NUMBER_WORDS, WEEKDAYS, fold

# How a bounded date shows in a position's value ("by 2024-12-19").
BOUND_SHOWN = {"upper": "by ", "lower": "after "}
# Words naming a day by its distance from the publication date.
DAYS_FROM_PUBLICATION = {"today": 0, "this morning": 0, "tonight": 0, "this evening": 0,
                         "yesterday": -1, "last night": -1, "tomorrow": 1}
# Days counted back from the publication date: "three days ago", "a day ago". A hedged count
# ("about two days ago", "a few days ago") names no day.
DAYS_BACK = re.compile(r"^(?:a|\d{1,2}|" + "|".join(NUMBER_WORDS) + r") days? ago$")
WEEKDAY_PHRASE = re.compile(r"^(?:on |earlier |late |early |this |last |past |next )*(" +
                            "|".join(WEEKDAYS) + r")(?: (?:morning|afternoon|evening|night))?$")
# A month's name or its abbreviation, and nothing longer: "decades" is no December, "mayor"
# no May.
MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
         r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
MONTHS = re.compile(rf"\b({MONTH})(?![a-z])")
DAY_INSIDE = re.compile(rf"\b(?:{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|"
                        rf"\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}(?:,?\s+\d{{4}})?)\b",
                        re.IGNORECASE)
# Reports look back; a month-day more than this far after publication is last year's, unless
# its verb says the event is to come ("will be held by Nov 23" in February is this November).
FUTURE_DAYS = 60
SUFFIX = r"(?:st|nd|rd|th)?"
DAY = rf"\d{{1,2}}{SUFFIX}"
YEAR = r"(?:,?\s+\d{4})?"
DATE_PHRASE = re.compile(
    rf"\b(?:(?:this|last|past|earlier|late|early)\s+)?(?:{'|'.join(WEEKDAYS)})\b"
    rf"|\b{MONTH}\s+{DAY}\b{YEAR}|\b{DAY}\s+{MONTH}{YEAR}|\b\d{{4}}-\d{{2}}-\d{{2}}\b",
    re.IGNORECASE)

# A span of days: "Jan 14-18", "January 14 to January 18", "Jan 17 and 18", "14 to 18 January",
# "between March 3 and March 5"; the second day may leave its month to the first, the first
# its month to the second.
RANGE_JOIN = r"\s*(?:-|–|—|to|and|through|until|till)\s*"
DATE_RANGE = re.compile(
    rf"(?:(?P<m1>{MONTH})\s+(?P<d1>\d{{1,2}}){SUFFIX}{RANGE_JOIN}"
    rf"(?:(?P<m2>{MONTH})\s+)?(?P<d2>\d{{1,2}}){SUFFIX}(?!\s*{MONTH})"
    rf"|(?P<d1b>\d{{1,2}}){SUFFIX}(?:\s+(?P<m1b>{MONTH}))?{RANGE_JOIN}"
    rf"(?P<d2b>\d{{1,2}}){SUFFIX}\s+(?P<m2b>{MONTH}))"
    rf"(?:,?\s+(?P<year>\d{{4}}))?\b(?!-|\d)", re.IGNORECASE)
# A span longer than this is two dates joined by "and", not one stretch of days.
MAX_RANGE_DAYS = 62


def date_range(text: str, published: str) -> tuple[str, str, int] | None:
    """The first and last day of a span of days opening `text` (after "between" or "from",
    if any), resolved against the publication date, and where in `text` its second day
    starts; None when `text` opens with no such span or its ends are not in order."""
    lead = re.match(r"(?:between|from)?\s*", text, re.IGNORECASE)
    match = DATE_RANGE.match(text, lead.end() if lead else 0)
    if match is None:
        return None
    parts = match.groupdict()
    year = f" {parts['year']}" if parts["year"] else ""
    if parts["d1"]:
        first = f"{parts['m1']} {parts['d1']}{year}"
        last = f"{parts['m2'] or parts['m1']} {parts['d2']}{year}"
    else:
        first = f"{parts['m1b'] or parts['m2b']} {parts['d1b']}{year}"
        last = f"{parts['m2b']} {parts['d2b']}{year}"
    start, end = resolve_date(first, published), resolve_date(last, published)
    if start is None or end is None:
        return None
    days = (date.fromisoformat(end) - date.fromisoformat(start)).days
    if not 0 < days <= MAX_RANGE_DAYS:
        return None
    return start, end, match.start("d2") if parts["d2"] else match.start("d2b")


def dates_in(text: str, published: str, future: Iterable[tuple[int, int]] = (),
             relative: Iterable[tuple[int, int]] = ()) -> list[tuple[str, str]]:
    """(ISO date, phrase) for every date phrase in `text` that resolves; a phrase overlapping
    one of the `future` spans (character offsets in `text`) dates a future event. `relative`:
    where the parse found a day counted from publication dating an event ("arrested
    yesterday", "left last night", "three days ago"), which the words alone cannot tell from
    a name ("USA Today") or a figure ("630 today")."""
    found = []
    ahead = list(future)
    for start, end in relative:
        day = resolve_relative_day(relative_day(text[start:end]), published)
        if day:
            found.append((day, text[start:end]))
    for match in DATE_PHRASE.finditer(text):
        phrase = match.group(0)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", phrase):
            found.append((phrase, phrase))
            continue
        to_come = any(start < match.end() and match.start() < end for start, end in ahead)
        resolved = resolve_date(phrase, published, to_come)
        if resolved:
            found.append((resolved, phrase))
    return found


# A week or a month named from the publication date ("last week", "earlier this month").
PERIOD = re.compile(r"^(earlier |later )?(this|last|past|next) (week|month)\b")
# Weeks from the publication's week that each word names.
WEEK_STEPS = {"this": 0, "last": -1, "next": 1}


def resolve_period(text: str, published: str) -> tuple[str, str] | None:
    """"last week" -> its Monday and Sunday, "earlier this week" -> Monday to the publication
    day, "the past week" -> the seven days before it, "last month" -> "YYYY-MM" (and "" for
    the last day): a week or month counted from the publication date; None for any other
    phrase. Read on a phrase's opening words (the parser runs "last week" into what follows)."""
    match = PERIOD.match(phrase_of(text).removeprefix("the "))
    if match is None:
        return None
    before, which, unit = match.groups()
    base = date.fromisoformat(published)
    if unit == "month":
        step = {"last": -1, "next": 1}.get(which, 0)
        month = base.year * 12 + base.month - 1 + step
        return f"{month // 12:04d}-{month % 12 + 1:02d}", ""
    if which == "past":
        return (base - timedelta(days=7)).isoformat(), base.isoformat()
    monday = base - timedelta(days=base.weekday()) + timedelta(weeks=WEEK_STEPS[which])
    last = base if before == "earlier " and which == "this" else monday + timedelta(days=6)
    return monday.isoformat(), last.isoformat()


def relative_day(text: str) -> str:
    """"yesterday morning" -> "yesterday", "three days ago" as it is: the day a relative
    phrase names; "" for none."""
    phrase = phrase_of(text)
    first = phrase.split()[0] if phrase else ""
    if phrase in DAYS_FROM_PUBLICATION or DAYS_BACK.match(phrase):
        return phrase
    return first if first in ("yesterday", "tomorrow") else ""


def resolve_relative_day(phrase: str, published: str) -> str | None:
    """A day `relative_day` names -> ISO date: "yesterday" as `resolve_date` reads it, "three
    days ago" by dateparser, counted back from the publication date. For the timeline only:
    days counted back, compared as dates, crowded real differences out of the possible ones
    in every round that tried them (`bench/rounds.md`)."""
    if not DAYS_BACK.match(phrase):
        return resolve_date(phrase, published)
    day = read_by_dateparser(phrase, date.fromisoformat(published))
    return None if day is None else day.isoformat()


def read_by_dateparser(phrase: str, base: date, **settings: Any) -> date | None:
    """The day dateparser reads an English phrase as, counted from `base`."""
    import dateparser  # type: ignore[import-untyped]

    parsed = dateparser.parse(phrase, languages=["en"], settings={
        "RELATIVE_BASE": datetime(base.year, base.month, base.day), **settings})
    return None if parsed is None else parsed.date()


def date_core(text: str) -> str:
    """The day inside a longer time phrase: "the morning of Jan 21" -> "Jan 21"."""
    match = DAY_INSIDE.search(text)
    return match.group(0) if match else text


def phrase_of(text: str) -> str:
    return " ".join(fold(text).replace(",", " ").split())


def resolve_date(text: str, published: str, future: bool = False) -> str | None:
    """A weekday or month-day phrase -> ISO date, read from the article's publication date.
    dateparser gives the previous week for the same weekday, hence the rule here."""
    phrase = phrase_of(text)
    base = date.fromisoformat(published)
    if phrase in DAYS_FROM_PUBLICATION:
        return (base + timedelta(days=DAYS_FROM_PUBLICATION[phrase])).isoformat()
    match = WEEKDAY_PHRASE.match(phrase)
    if match:
        return weekday_date(phrase, WEEKDAYS.index(match.group(1)), base, future).isoformat()
    if MONTHS.search(phrase) and re.search(r"\b\d{1,2}(st|nd|rd|th)?\b", phrase):
        return month_day(phrase, base, future)
    return None


MONTH_PHRASE = re.compile(rf"^(?:in |early |late |mid |mid-)?({MONTH})(?: (\d{{4}}))?$")


def resolve_month(text: str, published: str, future: bool = False) -> str | None:
    """"July 2020", "in July", "early March" -> "YYYY-MM": a month without a year is the
    latest such month on or before publication, or for a future event ("will rise in April")
    the next such month on or after it."""
    match = MONTH_PHRASE.match(phrase_of(text))
    if match is None:
        return None
    month = [m[:3] for m in ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
                             "oct", "nov", "dec")].index(match.group(1)[:3]) + 1
    base = date.fromisoformat(published)
    later = month < base.month if future else -(month > base.month)
    year = int(match.group(2)) if match.group(2) else base.year + later
    return f"{year:04d}-{month:02d}"


def weekday_date(phrase: str, weekday: int, base: date, future: bool) -> date:
    if future or re.search(r"\bnext\b", phrase):
        return base + timedelta(days=(weekday - base.weekday()) % 7)
    back = (base.weekday() - weekday) % 7
    if back == 0 and re.search(r"\b(last|past)\b", phrase):
        back = 7
    return base - timedelta(days=back)


def month_day(phrase: str, base: date, future: bool = False) -> str | None:
    day = read_by_dateparser(phrase, base, REQUIRE_PARTS=["day", "month"])
    if day is None:
        return None
    if not re.search(r"\b\d{4}\b", phrase):
        try:
            day = day.replace(year=base.year)
            if day > base + timedelta(days=FUTURE_DAYS) and not future:
                day = day.replace(year=base.year - 1)
        except ValueError:  # February 29 in a year that has none
            return None
    return day.isoformat()


def days_between(x: str, y: str) -> int:
    """Days between two ISO dates; a month ("2020-07") counts from its first day."""
    return abs((first_day(x) - first_day(y)).days)


# What a date value of a month or a year is written without, to its first day.
FIRST_DAY_PADDING = {7: "-01", 4: "-01-01"}
# Days a date value spans after its first: one day; a month read as its first day and the 30
# after it; a year.
SPANNED_DAYS = {10: 0, 7: 30, 4: 364}


def first_day(value: str) -> date:
    """The first day of an ISO date value: a day, a month ("2020-07") or a year ("2020")."""
    return date.fromisoformat(value + FIRST_DAY_PADDING.get(len(value), ""))


def first_and_last_day(value: str, last: str) -> tuple[date, date] | None:
    """The first and last day of a date slot's value: "2025-01-24", "2025-01" (`SPANNED_DAYS`),
    "2025" (all of the year), or a span to `last`; None for anything else."""
    if len(value) not in SPANNED_DAYS:
        return None
    try:
        first = first_day(value)
        return first, date.fromisoformat(last) if last else \
            first + timedelta(days=SPANNED_DAYS[len(value)])
    except ValueError:
        return None


def span_of(value: str) -> tuple[str, str]:
    """First and last ISO day of a date position's value, its bound word and weekday dropped
    ("by 2024-12-19", "2025-02-05 (Monday)", "2025-01-14 to 2025-01-18"); one day is both."""
    for word in BOUND_SHOWN.values():
        value = value.removeprefix(word)
    first, _, last = value.split(" (")[0].partition(" to ")
    return first, last or first


def day_of(value: str) -> str:
    """The ISO (first) day of a date position's value (`span_of`)."""
    return span_of(value)[0]


def as_written(value: str, text: str, published: str | None) -> str | None:
    """A position's value as its text writes it: dates are kept resolved (ISO, maybe with a
    bound word), so their phrase is found again; None when the text does not hold it."""
    if value in text:
        return value
    iso = day_of(value)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso) and published:
        for day, phrase in dates_in(text, published):
            if day == iso and phrase in text:
                return phrase
    return None
