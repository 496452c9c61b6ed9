"""Injected disagreements: one article of a real story changed programmatically, so recall of
each kind can be measured where real coverage rarely disagrees. For recall only: injections
into the stories rules were tuned on are not a quality claim (issue 13).

Injectors (each finds its places in an analysed story, then edits one article):
  measure    a figure with a unit x1.5            count      a count of a plural noun +3
  bound      a bounded figure ("more than 80 people", "up to 10 years") x1.5, bound kept
  percent    a percentage x1.5 (x0.6 from 67 % up: "80 %" -> "48 %")
  weekday    a weekday -2 days                    month-day  a month-day +3 days
  name       a person's name swapped, all through the article, for a person of an earlier story
  name-once  the same swap in the witnessed sentence only: an outlet's slip names another
             person once and still names the right one elsewhere
  title      a person's title made its deputy post ("Minister X" -> "Deputy Minister X")
A date written twice ("Monday (Feb 3)") is shifted in both places, as a source that got the
date wrong would write it; otherwise the article merely contradicts itself.

Fairness: a change is only injected where another article of the same aligned fact states the
same figure, date or name verbatim (the witness); a figure no other source states cannot be
contradicted and is not injected (`unwitnessed` counts them). Numbers that are part of a range
("two or three tries") or not a count of a noun ("Clause 15 empowers") are not injected, nor
are bounds ("more than eight weeks", "by Dec 19") by the measure, count and date injectors:
the bound injector moves them, bound kept, and by the bounds policy two bounds of one direction
agree only on one figure ("up to 10 years" / "up to 15 years" disagree).
A stranger's name is only used where the parser reads it as a person in the changed sentence,
and only strangers given an office or an honorific in their own story ("Minister X", "Mr X").
The parser is the toolkit's; nothing here imports an analysis step, so the injections do not
share the code they test.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from ..models import Article, Conflict, Fact, Mention, Story
from ..words import (
    HONORIFICS,
    MILITARY,
    NUMBER_WORDS,
    OFFICES,
    QUALIFIERS,
    RANK_WORDS,
    WEEKDAYS,
    fold,
)

MEASURES = r"(?:km|kilomet(?:er|re)s?|miles?|met(?:er|re)s?|feet|foot|kg|kilograms?|tons?|" \
           r"tonnes?|pounds|inches|acres|hectares|mph)"
NUMBER_UNIT = re.compile(rf"(?<![\d.,])\b(?P<core>(\d+(?:\.\d+)?)\s?{MEASURES})\b",
                         re.IGNORECASE)
COUNT = re.compile(r"(?<![\d.,])\b(?P<core>(\d{1,3}|two|three|four|five|six|seven|eight|nine|"
                   r"ten|twelve)\s+([a-z]{3,}s))\b")
DAY_NAME = "|".join(w.capitalize() for w in WEEKDAYS)
MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
MONTH_DAY_TEXT = rf"(?:{MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{MONTH})"
WEEKDAY = re.compile(rf"\b(?P<core>{DAY_NAME})\b(?:\s*\(\s*{MONTH_DAY_TEXT}\b)?")
MONTH_DAY = re.compile(rf"(?:\b(?:{DAY_NAME})\s*\(\s*)?\b(?P<core>{MONTH_DAY_TEXT})\b")
# A figure or date after these words is a bound; moving it need not contradict anyone.
BOUND_BEFORE = re.compile(r"\b(?:(?:more|less|fewer) than|at (?:least|most)|up to|over|under|"
                          r"within|by|until|till|since|before|after)\s*(?:the\s+)?$")
BOUND_WORDS = r"(?:more than|less than|fewer than|at least|at most|up to|over|under|nearly|almost)"
FIGURE_TEXT = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
# A bound, a figure and the word it counts or measures: "more than 80 people", "up to 10 years".
BOUNDED = re.compile(rf"(?<![\w.,])(?P<core>{BOUND_WORDS}\s+(?P<figure>{FIGURE_TEXT})\s+"
                     r"(?!per\b|percent\b|percentage\b)[a-z]{3,})\b", re.IGNORECASE)
PERCENT = re.compile(
    rf"(?<![\w.,])(?P<core>(?P<figure>{FIGURE_TEXT})\s?(?:%|per cent\b|percent\b))",
    re.IGNORECASE)
# An amount after a currency sign, with its scale: "$1.2 million", "S$5,000", "€300".
MONEY = re.compile(rf"(?<![\w.,])(?P<core>(?:[A-Z]{{1,2}})?[$€£]\s?(?P<figure>{FIGURE_TEXT})"
                   r"(?:\s(?:million|billion))?)(?![\d,])")
WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "twelve": 12}


@dataclass(frozen=True)
class Edit:
    """One injected change: replacements in one article's text (offsets into it)."""

    article: str
    spans: tuple[tuple[int, int, str], ...]
    shown: str  # "Jan 21 -> Jan 24"

    @property
    def inserted(self) -> tuple[str, ...]:
        """The words written into the article ("Jan 24")."""
        return tuple(text for _, _, text in self.spans)


@dataclass
class Pool:
    """What injectors need besides the story: the parser, and people of earlier stories."""

    nlp: Any
    people: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Injection:
    kind: str  # conflict kind expected
    name: str  # which injector
    find: Callable[[Story, Pool], list[Edit]]


def _scaled(match: re.Match[str]) -> str:
    # x1.5 is beyond the hedged tolerance (16%), so even "about" figures must conflict.
    value = float(match.group(2)) * 1.5
    shown = f"{value:.0f}" if value >= 10 else f"{value:.1f}"
    return match.group(0).replace(match.group(2), shown, 1)


def _figure_scaled(match: re.Match[str]) -> str:
    """The match with its figure x1.5 (a percentage from 67 up x0.6, to stay a share);
    thousands keep their commas."""
    figure = match.group("figure")
    value = float(figure.replace(",", ""))
    value *= 0.6 if match.re is PERCENT and value >= 67 else 1.5
    shown = f"{value:.1f}" if "." in figure else f"{round(value):,}" if "," in figure \
        else str(round(value))
    start = match.start("figure") - match.start()
    text = match.group(0)
    return text[:start] + shown + text[start + len(figure):]


def _count(match: re.Match[str]) -> str:
    raw = match.group(2).lower()
    value = WORDS.get(raw) or int(raw)
    return f"{value + 3} {match.group(3)}"


def _shift(text: str, days: int) -> str:
    """Move every weekday and day-of-month in `text` by `days` (the month is kept)."""
    names = [w.capitalize() for w in WEEKDAYS]
    text = re.sub(DAY_NAME, lambda m: names[(names.index(m.group(0)) + days) % 7], text)
    return re.sub(r"\b\d{1,2}\b", lambda m: str(int(m.group(0)) + days), text, count=1)


def _weekday(match: re.Match[str]) -> str:
    day = re.search(r"\b\d{1,2}\b", match.group(0))
    return _shift(match.group(0), -2 if day is None or int(day.group(0)) > 2 else 2)


def _month_day(match: re.Match[str]) -> str:
    day = re.search(r"\b\d{1,2}\b", match.group("core"))
    return _shift(match.group(0), 3 if day is None or int(day.group(0)) <= 25 else -3)


def _is_count(match: re.Match[str], mention: Mention, pool: Pool) -> bool:
    """The number counts the plural noun after it and is one figure, not a range end or a
    bound."""
    if not not_a_bound(match, mention, pool):
        return False
    doc = pool.nlp(mention.text)
    number = next((t for t in doc if t.idx == match.start(2)), None)
    return number is not None and number.dep_ == "nummod" and number.head.tag_ == "NNS" \
        and number.head.i == number.i + 1 and not one_end_of_range(mention.text, match)


NUMBER_TEXT = rf"(?:\d[\d,.]*|{'|'.join(NUMBER_WORDS)})"
RANGE_BEFORE = re.compile(rf"\b{NUMBER_TEXT}\s*(?:-|–|to|or|and)\s*$|\bbetween\b(?:\W+\w+){{0,3}}\W*$",
                          re.IGNORECASE)
RANGE_AFTER = re.compile(rf"^\s*(?:-|–|to|or|and)\s*{NUMBER_TEXT}\b", re.IGNORECASE)


def one_end_of_range(text: str, match: re.Match[str]) -> bool:
    """"two or three tries", "15 to 20 km", "between 10 and 12": the figure is one end."""
    return bool(RANGE_BEFORE.search(text[:match.start(2)])
                or RANGE_AFTER.search(text[match.end(2):]))


def not_a_bound(match: re.Match[str], mention: Mention, pool: Pool) -> bool:
    """"more than eight weeks" moved to "more than 11 weeks", or "by Dec 19" to "by Dec 22",
    still agrees with the witness: bounds are not injected."""
    del pool
    before = mention.text[:match.start()].lower()
    return BOUND_BEFORE.search(before) is None


def regex_finder(pattern: re.Pattern[str], change: Callable[[re.Match[str]], str],
                 accept: Callable[[re.Match[str], Mention, Pool], bool] | None = None
                 ) -> Callable[[Story, Pool], list[Edit]]:
    def find(story: Story, pool: Pool) -> list[Edit]:
        edits = []
        for fact, mention, match in witnessed(story, pattern):
            if accept is None or accept(match, mention, pool):
                new = change(match)
                edits.append(Edit(mention.article, ((mention.start + match.start(),
                                                     mention.start + match.end(), new),),
                                  f"{match.group(0)} -> {new}"))
        return edits
    return find


def witnessed(story: Story, pattern: re.Pattern[str]
              ) -> list[tuple[Fact, Mention, re.Match[str]]]:
    """Matches whose core another article of the same fact states verbatim."""
    found = []
    for fact in story.facts:
        for mention in fact.mentions:
            for match in pattern.finditer(mention.text):
                if any(m.article != mention.article and match.group("core") in m.text
                       for m in fact.mentions):
                    found.append((fact, mention, match))
    return found


def unwitnessed(story: Story, pattern: re.Pattern[str]) -> int:
    total = sum(1 for f in story.facts for m in f.mentions for _ in pattern.finditer(m.text))
    return total - len(witnessed(story, pattern))


def person_names(doc: Any) -> list[str]:
    """Full names the parser tags as a person: two or more capitalised words, no acronyms
    ("PM Okafor" is a title and a name)."""
    return [e.text for e in doc.ents if e.label_ == "PERSON" and len(e) >= 2
            and all(t.is_alpha and t.text[0].isupper() and not t.text.isupper() for t in e)]


def witnessed_people(story: Story, nlp: Any) -> list[tuple[Mention, str]]:
    """(mention, full name) where another article of the same fact names the same person in
    the same words: names the parser tags as a person in two sources are rarely misread."""
    found = []
    for fact in story.facts:
        names = {m.claim or m.text: person_names(doc) for m, doc in
                 zip(fact.mentions, nlp.pipe(m.text for m in fact.mentions))}
        for mention in fact.mentions:
            found += [(mention, name) for name in names[mention.claim or mention.text]
                      if any(o.article != mention.article and name in names[o.claim or o.text]
                             for o in fact.mentions)]
    return found


def find_names(story: Story, pool: Pool, everywhere: bool = True) -> list[Edit]:
    """A witnessed person of one article is renamed, all through that article (or only in
    the witnessed sentence), to a person of an earlier story who appears nowhere in this one."""
    texts = {a.id: a.text for a in story.articles}
    edits = []
    for mention, name in witnessed_people(story, pool.nlp):
        stranger = next((p for p in reversed(pool.people) if not any(
            w in t for w in p.split() for t in texts.values())
            and read_as_person(mention.text.replace(name, p), p, pool.nlp)), None)
        if stranger is None:
            continue
        edit = rename(texts[mention.article], mention.article, name, stranger)
        if not everywhere:
            edit = replace(edit, spans=tuple(s for s in edit.spans
                                             if mention.start <= s[0] < mention.end))
        if edit.spans:
            edits.append(edit)
    return edits


def find_names_once(story: Story, pool: Pool) -> list[Edit]:
    return find_names(story, pool, everywhere=False)


def read_as_person(text: str, name: str, nlp: Any) -> bool:
    """The stranger put in place reads as a person: a name the parser takes for a place or a
    company in that sentence would swap a person for a thing, not for another person."""
    return any(e.label_ == "PERSON" and name.split()[-1] in e.text for e in nlp(text).ents)


def rename(text: str, article: str, name: str, stranger: str) -> Edit:
    """Every occurrence of the full name, then of each of its words alone ("Mr Okafor")."""
    old, new = name.split(), stranger.split()
    mapping = {name: stranger} | {w: new[min(i, len(new) - 1)] if i < len(old) - 1 else new[-1]
                                  for i, w in enumerate(old) if len(w) >= 3}
    pattern = re.compile("|".join(rf"\b{re.escape(k)}\b" for k in
                                  sorted(mapping, key=len, reverse=True)))
    spans = tuple((m.start(), m.end(), mapping[m.group(0)]) for m in pattern.finditer(text))
    return Edit(article, spans, f"{name} -> {stranger}")


def witnessed_titles(story: Story, nlp: Any) -> list[tuple[Mention, str]]:
    """(mention, "Title Name") where another article of the same fact writes the same title
    and name verbatim, the title headed by an office noun and holding no rank word yet."""
    found = []
    for fact in story.facts:
        docs = list(nlp.pipe(m.text for m in fact.mentions))
        for mention, doc in zip(fact.mentions, docs):
            for ent in doc.ents:
                title = title_tokens(ent) if ent.label_ == "PERSON" else []
                if not title or not plain_office(title):
                    continue
                core = doc[title[0].i:ent.end].text
                if any(o.article != mention.article and core in o.text for o in fact.mentions):
                    found.append((mention, core))
    return found


def title_tokens(ent: Any) -> list[Any]:
    """The capitalised words right before a name that the parser hangs on the name ("Prime
    Minister" in "Prime Minister Jane Doe")."""
    doc, start = ent.doc, ent.start
    while start > 0 and doc[start - 1].text[:1].isupper() \
            and start - 1 < doc[start - 1].head.i < ent.end:
        start -= 1
    return list(doc[start:ent.start])


def plain_office(title: list[Any]) -> bool:
    """An office with nothing that would make "Deputy ..." something else than its deputy
    post: no rank or qualifier yet ("Former minister"), no place or organisation ("US
    President", "High Court Justice"), not a military rank (shortened, not exclusive)."""
    words = {fold(t.text) for t in title}
    return fold(title[-1].lemma_) in OFFICES - MILITARY and not words & (RANK_WORDS | QUALIFIERS) \
        and not any(t.ent_type_ in ("GPE", "NORP", "ORG", "LOC", "FAC") for t in title)


def find_titles(story: Story, pool: Pool) -> list[Edit]:
    """A witnessed title becomes its deputy post ("Minister X" -> "Deputy Minister X"), all
    through one article: one person cannot hold a post and its deputy post at once."""
    texts = {a.id: a.text for a in story.articles}
    edits = []
    for mention, core in witnessed_titles(story, pool.nlp):
        spans = tuple((m.start(), m.end(), f"Deputy {core}")
                      for m in re.finditer(re.escape(core), texts[mention.article]))
        edits.append(Edit(mention.article, spans, f"{core} -> Deputy {core}"))
    return edits


INJECTIONS = (
    Injection("number", "measure", regex_finder(NUMBER_UNIT, _scaled, not_a_bound)),
    Injection("number", "count", regex_finder(COUNT, _count, _is_count)),
    Injection("number", "bound", regex_finder(BOUNDED, _figure_scaled)),
    Injection("number", "percent", regex_finder(PERCENT, _figure_scaled)),
    Injection("number", "money", regex_finder(MONEY, _figure_scaled, not_a_bound)),
    Injection("date", "weekday", regex_finder(WEEKDAY, _weekday, not_a_bound)),
    Injection("date", "month-day", regex_finder(MONTH_DAY, _month_day, not_a_bound)),
    Injection("name", "name", find_names),
    Injection("name", "name-once", find_names_once),
    Injection("title", "title", find_titles),
)
PATTERNS = {"measure": NUMBER_UNIT, "count": COUNT, "bound": BOUNDED, "percent": PERCENT,
            "money": MONEY, "weekday": WEEKDAY, "month-day": MONTH_DAY}



def inject(record: dict, article: Article, edit: Edit) -> dict:
    """The record of the changed article: its cleaned text with the edit, other fields kept."""
    text = article.text
    for start, end, new in sorted(edit.spans, reverse=True):
        text = text[:start] + new + text[end:]
    return {**record, "text": text}


def reports(conflict: Conflict, kind: str, edit: Edit) -> bool:
    """The conflict has the injected kind, puts the changed article alone on one side, and
    that side quotes the edited words: a difference the changed article has elsewhere (a
    written date against a weekday of another event) does not report the edit."""
    alone = [p for p in conflict.positions if set(p.articles) == {edit.article}]
    return conflict.kind == kind and any(edit.article not in p.articles
                                         for p in conflict.positions) \
        and any(word in p.text for p in alone for word in edit.inserted)


def found_injection(conflicts: tuple[Conflict, ...], kind: str, edit: Edit) -> bool:
    return any(reports(c, kind, edit) for c in conflicts)


def new_false(after: tuple[Conflict, ...], before: tuple[Conflict, ...], edit: Edit,
              kind: str) -> int:
    """Conflicts involving the changed article that the untouched story did not have and that
    do not report the injection (a changed name stated in two facts is reported twice)."""
    known = {(c.kind, c.topic) for c in before}
    return sum(1 for c in after if any(edit.article in p.articles for p in c.positions)
               and (c.kind, c.topic) not in known and not reports(c, kind, edit))


def remember_people(story: Story, pool: Pool) -> None:
    """People named in this story become the strangers injected into later stories."""
    titled = {e.text for doc in pool.nlp.pipe(f.text for f in story.facts)
              for e in doc.ents if e.label_ == "PERSON" and personal_title(title_tokens(e))}
    for _, name in witnessed_people(story, pool.nlp):
        # An office or an honorific before the name ("Minister X", "Mr X") makes sure the
        # parser did not take a company or a place for a person ("operator X", "the Grand X").
        if name in titled and name not in pool.people:
            pool.people.append(name)


def personal_title(title: list[Any]) -> bool:
    words = [fold(t.text).rstrip(".") for t in title]
    return bool(title) and (fold(title[-1].lemma_) in OFFICES or bool(set(words) & HONORIFICS))


