"""Number slots compared: two figures agree within rounding (`EXACT_TOLERANCE`), or a hedge's
tolerance ("about"); a bound ("up to five minutes") agrees with any figure inside it. Counts are
exact unless round, and a round count only rounds to its own last figure. Figures an order of
magnitude apart in two facts are two quantities; a range agrees with a figure inside it and with
a range of the same ends (`ranges_agree`). Amounts of money agree within rounding, or when a
round one rounds the other; two country codes are two currencies. The slots are read by
`number_slots.py`, `money_slots.py`, `range_slots.py`, `magnitude_slots.py`,
`rating_slots.py` and their neighbours.
"""

from __future__ import annotations

import math
import re
from datetime import date
from typing import Any

from ..dating import first_and_last_day
from ..models import Conflict
from .address_slots import ADDRESS, NUMBERED_STREET
from .age_slots import AGE_OF, named_age_slots, unnamed_age_slots
from .count_keys import with_synonym_counts
from .kind import SAME_EVENT_DAYS, Encode, EventKind, compatible_subjects, same_actors, same_event
from .magnitude_slots import magnitude_slots
from .money_slots import MONEY, money_slots
from .number_slots import COUNT, number_slots, written_figure
from .ordinal_slots import ORDINAL, ordinal_slots
from .parse import MOVEMENTS
from .percent_slots import PERCENT, percent_slots
from .range_slots import AGES, range_slots
from .rating_slots import RATING, rating_slots
from .slots import DateSlot, Entry, NumberSlot, Said, Slot
from .tally_slots import tally_slots

# Outlets convert and round ("124 miles (200km)" is 199.6 km): 3% covers rounding to two
# significant figures without letting 10% differences through.
EXACT_TOLERANCE = 0.03
# "about", "around", "more than": outlets round such figures freely; 6 days vs "about a week"
# is 14% apart and must agree, 250 vs 200 km (20%) must not.
HEDGED_TOLERANCE = 0.16
# Figures this many times apart are two quantities, not one stated two ways (`unrelated`).
APART = 10.0
# Two percentages are of one thing when this share of the words around one is around the
# other ("only about 2% of the world's population carries this gene" / "only 2% of the world's
# population carry that particular gene": 4 of 5).
SHARED = 0.5
# Counts from this size on, when round (a multiple of ten), may be an outlet's rounding.
ROUND_COUNT = 20


# Words that give a figure as of the article's own day: "currently has a value of", "so far",
# "as of 16:08". ("Now" is left out: "now faces up to 10 years" states the charge, not a
# moment's value.)
AS_OF_TODAY = re.compile(r"\b(?:currently|so far|as of|as at|to date|at present)\b",
                         re.IGNORECASE)


def two_moments(a: Said, x: Slot, b: Said, y: Slot) -> bool:
    """Articles published on different days that each give a figure of their own day: one
    given "as of" its day ("the index currently stands at 10,769" / "at 11,350"), or two
    movements dated by nothing but their articles ("the index lost 1.7%" / "lost 3.7%"):
    two days' values, not one told two ways. Undated articles (a date inferred from the
    story) give no day to tell apart."""
    if not (a.own_date and b.own_date) or a.own_date == b.own_date:
        return False
    if AS_OF_TODAY.search(a.mention.text) or AS_OF_TODAY.search(b.mention.text):
        return True
    return all(s.event in MOVEMENTS and not any(isinstance(d, DateSlot) for d in c.slots)
               for c, s in ((a, x), (b, y)))


def dated_apart(a: Said, x: Slot, b: Said, y: Slot) -> bool:
    """Both statements date the figure's own event, more than a week apart: two events, each
    with its figure ("a quake killed 26,000 people in December 2003" / "600 were killed in
    February" / "it killed three people on Sunday")."""
    if not x.event or x.event != y.event:
        return False
    mine, theirs = event_days(a, x.event), event_days(b, y.event)
    return bool(mine and theirs) and all(
        max((q[0] - p[1]).days, (p[0] - q[1]).days) > SAME_EVENT_DAYS
        for p in mine for q in theirs)


def event_days(said: Said, event: str) -> list[tuple[date, date]]:
    """The first and last day of each date the statement gives the event (a month or a year
    is all its days); bounds ("by March") and undated articles' guesses give none."""
    days = []
    for slot in said.slots:
        if isinstance(slot, DateSlot) and slot.event == event and slot.anchored \
                and not slot.bound and (span := first_and_last_day(slot.value, slot.last)):
            days.append(span)
    return days


class Numbers(EventKind):
    name = "number"
    reason = "the figures differ beyond rounding ({tolerance})"

    def read(self, doc: Any, published: str | None) -> list[Slot]:
        return [*number_slots(doc, published), *tally_slots(doc, published),
                *named_age_slots(doc), *unnamed_age_slots(doc), *range_slots(doc),
                *percent_slots(doc), *ordinal_slots(doc), *money_slots(doc),
                *magnitude_slots(doc), *rating_slots(doc)]

    def with_story(self, saids: list[Said], encode: Encode | None) -> list[Said]:
        return with_synonym_counts(saids, encode)

    def across_verbs(self, x: Slot, y: Slot) -> bool:
        """One figure under two verbs of one fact: compared when they share a participant
        other than the counted things themselves ("four goats strayed" and "nine goats
        were rounded up" count two different sets). A tally ("visitors numbered 71,600")
        is the whole count whatever the other verb ("drew 61,200 visitors")."""
        if any(isinstance(s, NumberSlot) and s.tally for s in (x, y)):
            return True
        left, right = x.subjects | x.objects, y.subjects | y.objects
        shared = left & right
        if shared and shared <= counted(x):
            return False
        return compatible_subjects(left, right)

    def entries_agree(self, x: Entry, y: Entry) -> bool:
        """One agreeing pair makes two statements agree ("124 miles (200km)" is one figure),
        except where both give figures of the same two or more events: then each event's
        figures must agree ("12 people were killed and 30 injured" / "12 were killed and 45
        injured" agree on the dead, not on the injured); and so must each of two or more
        things both count under one event ("seven life sentences and four sentences of life
        without parole" / "... and seven sentences of life without parole"), the one figure
        the other statement also writes then no excuse (`states_both`). Amounts of money
        agree only when each of the statement giving fewer has its match in the other: "S$8,000
        (US$5,900)" / "S$8,000 (US$8,850)" agree on the first and not on the conversion, and so
        do measures one of the statements converts in brackets ("seven km (4 miles)" / "seven
        km (6 miles)"). Tried for every figure, it cost the check half one false disagreement
        shown."""
        things = {thing(s) for _, s in x} & {thing(t) for _, t in y}
        if len(things) >= 2:
            return all(any(self.figures_agree(s, t) for _, s in x if thing(s) == it
                           for _, t in y if thing(t) == it) for it in things)
        shared = {s.event for _, s in x if s.event} & {t.event for _, t in y if t.event}
        if len(shared) < 2 and x[0][1].key.startswith(MONEY):
            return each_matched(x, y, self.agree)
        if len(shared) < 2 and (converted(x) or converted(y)):
            # The other statement writing my "seven" in km excuses no "4 miles" (`states_both`).
            return each_matched(x, y, self.conversions_agree)
        if len(shared) < 2:
            return super().entries_agree(x, y)
        return all(any(self.agree(a, s, b, t) for a, s in x if s.event == event
                       for b, t in y if t.event == event) for event in shared)

    def across_facts(self, a: Said, x: Slot, b: Said, y: Slot) -> bool:
        if x.key == "age":  # one person's age, wherever it is stated
            return bool(x.subjects & y.subjects)
        if x.key.startswith(AGE_OF):  # "a 34-year-old man": two facts may be of two men
            return False
        if x.key == "duration":
            # Spans of time recur in unrelated sentences ("for 10 years", "within four
            # hours"): across facts only the same event with the same actors.
            return x.event == y.event and bool(x.event) and bool(x.subjects & y.subjects) \
                and not (x.additive or y.additive)
        if x.context:
            return bool(x.context & y.context) and same_actors(a, b)
        return same_event(a, x, b, y)

    def unrelated(self, a: Said, x: Slot, b: Said, y: Slot) -> bool:
        """Figures an order of magnitude or more apart (`APART`) in statements of two facts
        are two quantities ("a 20mm cannon" / "a radius of 340 miles", "four hours" / "six
        years"): in the labelled dev stories no real disagreement lies beyond a factor of 3,
        while dozens of such pairs crowded the possible differences. Statements aligned into
        one fact ("40 homes" / "400 homes", a slipped zero) and one figure in two units ("340
        km" / "340 m") stay candidates. Two things named after "of" are two quantities.
        Percentages are compared only in one fact, when each statement gives one and most
        words around the two figures are shared (`shares_most`): a story's shares are of many
        things, and alignment joins a survey's different findings into one fact ("up from
        68.3 per cent in 2018", "compared with 46.4 per cent of those over 65": a statement
        with two shares compares them); one labelled dev story, a survey's report, had seven
        such pairs shown when one fact was the only condition. Ordinals only rank one series
        in one fact, narrowed alike (`ordinal_slots`)."""
        if x.key == "age":  # "Jerry Ortiz, 35" / "Jeremy Ortiz, 17": father and son
            return not (x.subjects <= y.subjects or y.subjects <= x.subjects)
        if x.key.startswith(AGE_OF):  # "the 52-year-old motorcyclist died" / "a 24-year-old
            return a.fact != b.fact or x.event != y.event  # motorcyclist was taken to hospital"
        if x.key.startswith(ORDINAL):  # two series: "first overseas trip" / "second trip"
            return a.fact != b.fact or x.context != y.context
        if x.key.startswith(PERCENT):
            return a.fact != b.fact or not (one_share(a) and one_share(b)) or \
                not shares_most(x.context, y.context)
        if x.key.startswith(MONEY) and x.currency and y.currency and \
                x.currency != y.currency:  # type: ignore[attr-defined]
            return True  # "S$1.3 million" / "US$960,000": one amount converted
        if x.of and y.of and x.of != y.of:  # type: ignore[attr-defined]
            return True  # "3 days of compassionate leave" / "4 days of annual leave"
        if x.key.startswith(COUNT) and x.narrowed != y.narrowed:  # type: ignore[attr-defined]
            return True  # a part and its whole: "627 severe cases" / "270 cases"
        x_value, y_value = x.value, y.value  # type: ignore[attr-defined]
        figure = written_figure(x.shown)
        if a.fact == b.fact or min(x_value, y_value) <= 0 or \
                (figure is not None and figure == written_figure(y.shown)):
            return False
        return max(x_value, y_value) / min(x_value, y_value) >= APART

    def only_possible(self, conflict: Conflict) -> bool:
        """Ordinals are listed, not shown: a story ranks many series, and one fact often names
        two ("her second marriage also failed, as did a third"; "moved from first to third
        base"; "the fifth coach fired" / "the third Eastern Conference coach"). Read on the
        ECB+ dev stories (never used to tune disagreements), 5 of 5 shown were two series;
        one labelled tune-half disagreement ("third" / "second leadership change") was real.
        Amounts of money are listed too: a story's amounts are of many things, and no labelled
        dev story holds a real money difference to fit a confidence on (`money_slots`)."""
        return conflict.topic.startswith((ORDINAL, MONEY))

    def comparable(self, a: Said, x: Slot, b: Said, y: Slot) -> bool:
        """As for any event's value, except a bound and its own figure ("for over 40 years" /
        "for the past 40 years"; "up to 20 years" / "20 years"): outlets write one for the
        other so often (4 of 5 strict such pairs in the labelled dev stories are not
        disagreements) that the pair is only a possible difference, listed but not shown; nor
        are two days' values (`two_moments`), nor two tallies whose other figures differ too
        (`beside_other_figures`)."""
        if own_figure(x, y) or own_figure(y, x):  # type: ignore[arg-type]
            return False
        if two_moments(a, x, b, y) or dated_apart(a, x, b, y):
            return False
        if beside_other_figures(a, x, b, y, self.figures_agree):
            return False
        if x.key.startswith(ORDINAL):
            return a.fact == b.fact  # one series named alike in one fact (`ordinal_slots`)
        return super().comparable(a, x, b, y)

    def agree(self, a: Said, x: NumberSlot, b: Said, y: NumberSlot) -> bool:
        """The bounds policy: two bounds of one direction agree only on one figure ("up to 10
        years" vs "up to 23 years" disagree); bounds of two directions agree when they
        overlap; a bound and a figure agree when the figure satisfies it ("up to five
        minutes" and "about 3.5 minutes" do; "more than four days" and "four days" do not),
        unless the figure is the bound's own ("up to 20 years" and "20 years").
        Figures agree within rounding, or a hedge's tolerance ("about"); counts are exact
        unless hedged or round."""
        if states_both(b, x, y) or states_both(a, y, x):
            return True  # "won 10 seats" / "contested 21 seats and won 10"
        return self.figures_agree(x, y)

    def conversions_agree(self, a: Said, x: NumberSlot, b: Said, y: NumberSlot) -> bool:
        """Two figures of statements converting a measure in brackets: within rounding, or
        two roundings of one value ("4 miles" / "4.3 miles")."""
        del a, b
        return self.figures_agree(x, y) or same_rounding(x, y)

    def figures_agree(self, x: NumberSlot, y: NumberSlot) -> bool:
        """`agree` for the two figures alone, whatever else their statements write."""
        if x.to is not None or y.to is not None:
            return ranges_agree(x, y, range_tolerance(x, y))
        if x.key.startswith((ADDRESS, NUMBERED_STREET, ORDINAL, AGE_OF, RATING)) or \
                x.key == "age":
            return x.value == y.value  # exact: houses 12 and 112, the third and the second,
            # one person aged 35 and 36 (3 % apart, inside rounding), magnitudes 6.0 and 6.1
        if x.moment and y.moment and x.moment != y.moment:
            return True  # a running count on two days: "as of Monday, 9" / "by Tuesday, 17"
        tolerance = HEDGED_TOLERANCE if vague(x) or vague(y) else EXACT_TOLERANCE
        if x.bound and y.bound:
            if x.bound == y.bound:
                return close(x.value, y.value, tolerance)
            lower, upper = (x, y) if x.bound == "lower" else (y, x)
            strict = lower.strict or upper.strict  # "over 900,000" and "just under 900,000"
            return lower.value < upper.value if strict else lower.value <= upper.value
        if x.bound or y.bound:
            bound, figure = (x, y) if x.bound else (y, x)
            if own_figure(bound, figure) and not vague(figure):
                return False  # "up to 20 years" / "20 years": listed only (`comparable`)
            return satisfies(figure.value, bound, tolerance if vague(figure) else 0.0)
        if x.key.startswith(MONEY) and tolerance == EXACT_TOLERANCE:
            return close(x.value, y.value, tolerance) or (  # "$1 million" / "$1.125 million"
                close(x.value, y.value, HEDGED_TOLERANCE)
                and (rounds_off(x.value, y.value) or rounds_off(y.value, x.value)))
        if x.key.startswith("count") and (rounds_to(x.value, y.value) or
                                          rounds_to(y.value, x.value)):
            return True  # "an average of six friends" is "6.49 friends" rounded
        if x.key.startswith("count") and tolerance == EXACT_TOLERANCE:
            # 114 vs 117 checkpoints: counts are exact; a round one may round the other
            # (1,234 written 1,200), but only to its own last figure (338 is not 330).
            return x.value == y.value or (close(x.value, y.value, tolerance)
                                          and (rounds_off(x.value, y.value)
                                               or rounds_off(y.value, x.value)))
        return close(x.value, y.value, tolerance)

    def same_value(self, x: Entry, y: Entry) -> bool:
        """One figure with one bound ("more than four days" is not "four days")."""
        return any((s.value, s.bound, s.strict, s.to) ==  # type: ignore[attr-defined]
                   (t.value, t.bound, t.strict, t.to)  # type: ignore[attr-defined]
                   for _, s in x for _, t in y)

    def topic(self, slots: list[Slot]) -> str:
        slot = slots[0]
        event = next((s.event for s in slots if s.event), "")
        if slot.key.startswith("count"):
            return slot.key
        return f"{slot.key} ({event})" if event else slot.key

    def explain(self, slots: list[Slot]) -> str:
        bounds = [s for s in slots if getattr(s, "bound", "")]
        if any(not b.strict and own_figure(b, s) for b in bounds for s in slots):
            return "one gives a limit and the other the limit's own figure: a limit and " \
                "the amount given may be two quantities (bounds policy)"
        if bounds:
            return "the bounds leave no figure both can hold (bounds policy)"
        hedged = any(s.hedged for s in slots)
        tolerance = f"{(HEDGED_TOLERANCE if hedged else EXACT_TOLERANCE):.0%} allowed" + \
            (", figures hedged" if hedged else "")
        return self.reason.format(tolerance=tolerance)


def thing(slot: Slot) -> tuple[str, str, frozenset[str]]:
    """What a figure counts or measures under its event: the event, what "of" names and the
    words narrowing it ("four sentences of life", "627 severe cases")."""
    return slot.event, getattr(slot, "of", ""), getattr(slot, "narrowed", frozenset())


def each_matched(x: Entry, y: Entry, agree: Any) -> bool:
    """Every figure of the statement giving fewer agrees (`agree(said, slot, said, slot)`)
    with one of the other's."""
    shorter, longer = (x, y) if len(x) <= len(y) else (y, x)
    return all(any(agree(a, s, b, t) for b, t in longer) for a, s in shorter)


def converted(entry: Entry) -> bool:
    """The statement writes a measure and, in brackets right after it, the same measure in
    another unit: "seven km (4 miles)"; not a list in brackets ("the Orioles (seven years,
    $140 million)")."""
    text = entry[0][0].mention.text if entry else ""
    return any(s.key == t.key and not s.key.startswith(COUNT)
               and s.shown.split()[-1] != t.shown.split()[-1]
               and f"{s.shown} ({t.shown}" in text for _, s in entry for _, t in entry)


def same_rounding(x: Slot, y: Slot) -> bool:
    """Two figures that may round one value, each to its last written digit: "4 miles" (3.5
    to 4.5) and "4.3 miles"; not "4 miles" and "6.0 miles". Trailing zeros are not read as
    rounding ("200km" may be exact; `figures_agree` already lets round figures be 3 % off)."""
    steps = [written_step(s.shown) for s in (x, y)]
    figures = [written_figure(s.shown) for s in (x, y)]
    if None in steps or not all(figures):
        return False
    halves = [step / 2 * value / figure for step, value, figure in  # type: ignore[operator]
              zip(steps, (x.value, y.value), figures)]  # type: ignore[attr-defined]
    return abs(x.value - y.value) <= sum(halves)  # type: ignore[attr-defined]


def written_step(shown: str) -> float | None:
    """The place of a figure's last written digit: 1 for "4" and "390", 0.1 for "4.3";
    None when the words hold no one figure in digits."""
    digits = re.findall(r"\d[\d,]*(?:\.\d+)?", shown)
    if len(digits) != 1:
        return None
    decimals = digits[0].partition(".")[2]
    return 10.0 ** -len(decimals)


def is_money(conflict: Conflict) -> bool:
    """A difference of two amounts of money."""
    return conflict.kind == "number" and conflict.topic.startswith(MONEY)


def one_share(said: Said) -> bool:
    """The statement gives one percentage."""
    return sum(s.key.startswith(PERCENT) for s in said.slots) == 1


def shares_most(x: frozenset[str], y: frozenset[str]) -> bool:
    """At least `SHARED` of the smaller set of words is in the other."""
    return bool(x and y) and len(x & y) >= SHARED * min(len(x), len(y))


def states_both(other: Said, mine: NumberSlot, theirs: NumberSlot) -> bool:
    """The other statement writes my figure too, beside its own different one ("won 10 seats"
    / "contested 21 seats and won 10"): it gives two figures of two things, and contradicts
    neither. On the tune half of the labelled stories such pairs were all false alarms. Not
    when it writes my figure for another thing than mine ("seven life sentences and seven
    sentences of life without parole" against my "four sentences of life ...")."""
    figure = written_figure(mine.shown)
    return figure is not None and figure != written_figure(theirs.shown) \
        and figure in other.figures and not any(
            s.key == mine.key and thing(s) != thing(mine) and written_figure(s.shown) == figure
            for s in other.slots)


def beside_other_figures(a: Said, x: Slot, b: Said, y: Slot, agree: Any) -> bool:
    """Each statement gives, beside the compared figure, a figure of a second thing under the
    compared figures' own event, and no two of those agree either: two tallies of two spans
    ("caught eight passes for 66 yards" in a game / "caught 52 passes for 440 yards" in a
    season), not one figure told two ways. An outlet that gets a figure wrong leaves the
    figures beside it alone."""
    pairs = [(s, t) for s in a.slots for t in b.slots
             if isinstance(s, NumberSlot) and isinstance(t, NumberSlot)
             and s.key == t.key != x.key  # x and y share their key: one bucket
             and s.event == t.event == x.event == y.event != ""]
    return bool(pairs) and not any(agree(s, t) for s, t in pairs)


def counted(slot: Slot) -> frozenset[str]:
    """The noun a count counts ("count of goat" -> goat); nothing for measures."""
    return frozenset({slot.key.removeprefix(COUNT)}) if slot.key.startswith(COUNT) \
        else frozenset()


def own_figure(bound: NumberSlot, figure: NumberSlot) -> bool:
    """`bound` is a bound whose figure is `figure`, stated plainly: strict ("more than 150"
    and "150") or inclusive ("up to 20 years" and "a 20-year term": a maximum and what was
    given are often two quantities; the issue's held-out reading calls that pair real)."""
    return bound.bound != "" and not figure.bound and \
        close(bound.value, figure.value, EXACT_TOLERANCE)


def rounds_to(whole: float, fraction: float) -> bool:
    """`whole` is a whole number and `fraction`, a figure with decimals, rounds to it."""
    return whole.is_integer() and not fraction.is_integer() and \
        math.floor(fraction + 0.5) == whole


def vague(slot: NumberSlot) -> bool:
    """"about 25", "some 40 people": hedged, but not a bound."""
    return slot.hedged and not slot.bound


def close(x: float, y: float, tolerance: float) -> bool:
    return abs(x - y) / max(abs(x), abs(y), 1e-9) <= tolerance


def range_tolerance(x: NumberSlot, y: NumberSlot) -> float:
    """A hedge's tolerance when either is hedged; else counts and ages exactly ("between 19
    and 57" is not "between 20 and 58"), measures within rounding."""
    if x.hedged or y.hedged:
        return HEDGED_TOLERANCE
    return 0.0 if x.key == AGES or x.key.startswith(COUNT) else EXACT_TOLERANCE


def ranges_agree(x: NumberSlot, y: NumberSlot, tolerance: float) -> bool:
    """The ranges policy (`range_slots`): two ranges agree when both ends do, or when they
    overlap and one is an order of magnitude ("thousands"); a figure agrees with a range it
    falls in, a bound with a range it overlaps."""
    if x.to is not None and y.to is not None and (x.magnitude or y.magnitude):
        return x.value * (1 - tolerance) <= y.to and y.value * (1 - tolerance) <= x.to
    if x.to is not None and y.to is not None:
        return close(x.value, y.value, tolerance) and close(x.to, y.to, tolerance)
    span, other = (x, y) if x.to is not None else (y, x)
    assert span.to is not None
    low, high = span.value * (1 - tolerance), span.to * (1 + tolerance)
    if other.bound == "upper":
        return low <= other.value
    if other.bound == "lower":
        return other.value <= high
    return low <= other.value <= high


def satisfies(value: float, bound: NumberSlot, tolerance: float) -> bool:
    """`value` lies inside the bound (a vague figure within its tolerance)."""
    if bound.bound == "upper":
        if bound.near and value < bound.value * (1 - HEDGED_TOLERANCE - tolerance):
            return False  # "nearly 900" is not 600
        limit = bound.value * (1 + tolerance)
        return value < limit if bound.strict and not tolerance else value <= limit
    limit = bound.value * (1 - tolerance)
    return value > limit if bound.strict and not tolerance else value >= limit


def rounds_off(round_value: float, exact: float) -> bool:
    """A round count ("1,200 people", "300 homes") may be an outlet's rounding of `exact`:
    rounded to the round count's last non-zero figure, `exact` gives it (1,234 -> 1,200;
    338 -> 340, not 330). Counts under `ROUND_COUNT` are stated exactly."""
    if round_value < ROUND_COUNT or round_value % 10 or not round_value.is_integer():
        return False
    step = 10
    while round_value % (step * 10) == 0:
        step *= 10
    return math.floor(exact / step + 0.5) * step == round_value
