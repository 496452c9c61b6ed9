"""Story -> brief: a short account in which every sentence cites its sources.

Three sections, in this order:
  agreed         facts several independent sources state, the most widely stated first,
                 then put in time order (timeline dates, else publication date and position);
  conflict       the main disagreements, both (all) sides attributed with the sources' labels
                 and the values as the sources wrote them;
  single_source  the most significant details only one source carries, told as that
                 source's ("X reports that ..."), and as its alone ("Only X reports that
                 ...") only when the search of the other articles for it came back empty and
                 it holds a name or figure no other article has (`own_detail`).

Nothing is invented. Each statement is one source's own words with light normalisation
(a leading link word such as "and"/"However," dropped, first letter capitalised, closing
punctuation and quote marks completed); `brief_check` verifies that no word, name or number
is missing from the cited sources, and every candidate is checked before it is used. What the brief leaves out is returned with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .brief_check import (
    WORD,
    check_sentence,
    content_words,
    folded,
    missing_keys,
    near_duplicate,
    unsupported,
    words_of,
)
from .config import DEFAULT_SETTINGS
from .dating import as_written
from .models import Article, BriefSentence, Conflict, Fact, Position, Story, readable
from .words import DATELINE, NUMBER_WORDS, stop_words

# Share of the sentences each section aims for when all have material. Agreed facts lead and
# get the largest share; disagreements and single-source details are what a reader cannot
# get from any one article, so together they get most of the rest (issue #5: coverage of
# diverse information is measured). Unused shares go to the other sections.
SHARES = {"agreed": 0.4, "conflict": 0.3, "single_source": 0.3}
SECTIONS = ("agreed", "conflict", "single_source")
# Statements shorter than this (words) are fragments; longer ones are run-on clause chains.
MIN_WORDS, MAX_WORDS = 6, 45
# Grade of a statement as a brief sentence (`quality`). Set by hand to an order, not fitted:
# each name (up to 5) and figure (up to 3) is a detail a reader can check; a clause cut from
# mid-sentence is worse than any other flaw, then a statement opening inside a quotation, a
# dangling pronoun, mostly quoted words and an odd length. Measured only through the brief
# evaluation (faithfulness 1.0 and coverage, README), which they have not been tuned on.
GRADE = {"name": 0.3, "number": 0.4, "fragment": -3.0, "inside quote": -2.0, "dangling": -1.5,
         "quoted": -1.0, "length": -1.0, "no speaker": -3.0}
# Statements graded below this are not used at all: a clause cut from mid-sentence (-3), a
# dangling pronoun inside a quotation (-3.5), someone's words in the first person with no
# quotation marks left to show it (-3: "I've made the difficult decision ...", the second
# clause of a quotation) or a quotation standing alone (-4: no speaker named); a better
# sentence always exists.
QUALITY_FLOOR = -2.5
# A single-source detail is about the story when at least this share of its content words
# recur in another source; promos and boilerplate that cleaning missed share none.
MIN_TOPICAL = 0.2
# Window (words each side) of a conflicting value quoted with its context.
WINDOW = (4, 5)
# Link words a statement may lose at its start (they refer to a sentence the brief does not
# repeat).
LINK_WORDS = frozenset({"and", "but", "while", "whereas", "or", "so", "yet", "however",
                        "besides", "additionally", "meanwhile", "moreover", "also"})
DANGLING = frozenset({"he", "she", "it", "they", "this", "these", "those", "that", "his",
                      "her", "its", "their", "him", "them", "such", "which", "who"})
ARTICLES = frozenset({"the", "a", "an"})
OPEN_QUOTES, CLOSE_QUOTES = "“‘«", "”’»"
QUOTED = re.compile(r"[“\"«][^”\"»]*[”\"»]")
# The speaker's own words: "my", "we", "our", "us" (not "US", the country) and "I" before a
# verb (`first_person`).
SPEAKER_WORDS = re.compile(r"(?<![\w’'-])(?:(?i:my|mine|we|our|ours|me)|us)(?![\w-])")
SPEAKER_I = re.compile(r"(?<![\w’'-])I(?=[’']\w|\s+[a-z])")


@dataclass(frozen=True)
class Candidate:
    """A sentence the brief may use, with what decides whether and where it goes."""

    sentence: BriefSentence
    statement: str  # the sources' words alone, for duplicate checks
    score: float
    when: tuple[str, float]  # (date, position in article): time order


def write_brief(story: Story, max_sentences: int = DEFAULT_SETTINGS.brief_sentences
                ) -> tuple[tuple[BriefSentence, ...], tuple[str, ...]]:
    """The brief of `story` (at most `max_sentences` sentences) and the ids of the facts and
    conflicts it does not report, in story order."""
    pools = {k: [c for c in pool if not check_sentence(c.sentence, story)] for k, pool in (
        ("agreed", agreed_candidates(story)), ("conflict", conflict_candidates(story)),
        ("single_source", single_candidates(story)))}
    available = {k: len(v) for k, v in pools.items()}
    chosen: dict[str, list[Candidate]] = {}
    for _ in range(len(SECTIONS)):  # a section that yields fewer frees its share for others
        quotas = allocate(max(max_sentences, 0), available)
        chosen = select(pools, quotas)
        got = {k: len(v) for k, v in chosen.items()}
        if all(got[k] == quotas[k] for k in SECTIONS):
            break
        available = {k: got[k] if got[k] < quotas[k] else available[k] for k in SECTIONS}
    brief = tuple(c.sentence for k in SECTIONS
                  for c in (sorted(chosen[k], key=lambda c: c.when) if k != "conflict"
                            else chosen[k]))
    return brief, left_out(story, brief)


def allocate(budget: int, available: dict[str, int]) -> dict[str, int]:
    """Sentences per section: handed out one at a time to the open section furthest below
    its share, agreed first on ties."""
    take = dict.fromkeys(SECTIONS, 0)
    for _ in range(budget):
        open_ = [k for k in SECTIONS if take[k] < available[k]]
        if not open_:
            break
        section = min(open_, key=lambda k: (take[k] / SHARES[k], SECTIONS.index(k)))
        take[section] += 1
    return take


def select(pools: dict[str, list[Candidate]], quotas: dict[str, int]
           ) -> dict[str, list[Candidate]]:
    """Best first within each section, skipping near-duplicates of anything already chosen;
    a single source's second detail waits behind other sources' first ones."""
    chosen: dict[str, list[Candidate]] = {k: [] for k in SECTIONS}
    taken: list[str] = []
    for section in SECTIONS:
        pool = sorted(pools[section], key=lambda c: -c.score)
        while pool and len(chosen[section]) < quotas[section]:
            pick = max(pool, key=lambda c: c.score - _repeat_penalty(c, chosen[section]))
            pool.remove(pick)
            if any(near_duplicate(pick.statement, t) for t in taken):
                continue
            chosen[section].append(pick)
            taken.append(pick.statement)
    return chosen


def _repeat_penalty(candidate: Candidate, chosen: list[Candidate]) -> float:
    if candidate.sentence.kind != "single_source":
        return 0.0
    # One point per earlier pick from the same source: about one quality grade.
    return float(sum(c.sentence.citations == candidate.sentence.citations for c in chosen))


def left_out(story: Story, brief: tuple[BriefSentence, ...]) -> tuple[str, ...]:
    reported = {i for s in brief for i in s.facts}
    ids = [f.id for f in story.facts] + [c.id for c in story.conflicts]
    return tuple(i for i in ids if i not in reported)


# ---- agreed and single-source facts ---------------------------------------------------------

def agreed_candidates(story: Story) -> list[Candidate]:
    articles = {a.id: a for a in story.articles}
    found = []
    for fact in story.facts:
        if fact.status != "corroborated" or len(fact.articles) < 2:
            continue
        best = best_statement(fact, articles)
        if best is None or len(best[1]) < 2 or best[2] < QUALITY_FLOOR:
            continue
        text, citations, quality = best
        # Breadth first: one more independent source outweighs any quality difference
        # except a fragment's (quality spans about -5..3); sources whose text lacks the
        # statement's names or numbers are not cited and do not count.
        support = fact.independent_sources * len(citations) / len(fact.articles)
        score = support + quality / 4
        found.append(Candidate(BriefSentence(text, citations, "agreed", (fact.id,)), text,
                               score, when_of(fact, story)))
    return found


def single_candidates(story: Story) -> list[Candidate]:
    """Single-source facts by significance: informative, on the story's topic (their words
    recur in other sources) and early in their article (news puts what matters first)."""
    articles = {a.id: a for a in story.articles}
    shared = shared_words(story)
    found = []
    for fact in story.facts:
        if fact.status != "single_source" or not fact.mentions:
            continue
        mention = fact.mentions[0]
        article = articles.get(mention.article)
        text = statement(with_subject(fact, mention.text)) if article else None
        if article is None or text is None or unsupported(text, article.text):
            continue
        words = content_words(text)
        topical = len(words & shared) / max(len(words), 1)
        grade = quality(text, article)
        if topical < MIN_TOPICAL or grade < QUALITY_FLOOR:
            continue
        early = 1.0 - min(mention.start / max(len(article.text), 1), 1.0)
        # Topicality and lead position each weigh about as much as two names.
        score = grade + 2 * topical + early
        # "Only" when the search for the fact in the other articles came back empty and
        # no other article has all of its names and figures.
        only = not fact.maybe_also and own_detail(text, article, story)
        sentence = f"{'Only ' if only else ''}{article.label} reports that " \
            f"{lower_first(text, story)}"
        found.append(Candidate(BriefSentence(sentence, (article.id,), "single_source",
                                             (fact.id,)), text, score, when_of(fact, story)))
    return found


def own_detail(text: str, article: Article, story: Story) -> bool:
    """The statement holds a name or figure that no other article of the story has (or the
    story has no other article). A statement whose every name and figure another article has
    is often told there in other words the search for it misses: of the single-source facts
    a reader found stated elsewhere, most are (`bench/results-brief-read.md`)."""
    others = [a.text for a in story.articles if a.id != article.id]
    return not others or bool(set.intersection(*(set(missing_keys(text, o)) for o in others)))


def best_statement(fact: Fact, articles: dict[str, Article]
                   ) -> tuple[str, tuple[str, ...], float] | None:
    """The mention best supported by the fact's sources (their texts carry its names and
    numbers) and best written, with the sources that support it and its grade."""
    best: tuple[float, float, str, tuple[str, ...]] | None = None
    for mention in fact.mentions:
        article = articles.get(mention.article)
        text = statement(with_subject(fact, mention.text)) if article else None
        if article is None or text is None or unsupported(text, article.text):
            continue
        supporters = (article.id,) + tuple(
            a for a in fact.articles if a != article.id and a in articles
            and not missing_keys(text, articles[a].text))
        grade = quality(text, article)
        # One more supporting source is worth two quality points (a dangling pronoun loses
        # against a clean statement that one fewer source supports).
        rank = len(supporters) + grade / 2
        if best is None or rank > best[0]:
            best = (rank, grade, text, supporters)
    return None if best is None else (best[2], best[3], best[1])


def when_of(fact: Fact, story: Story) -> tuple[str, float]:
    """(date, position): the earliest timeline date of the fact's statements, else the
    earliest publication date of its sources; then how far into its article it sits."""
    texts = {m.text for m in fact.mentions}
    dates = [e.date for e in story.timeline if e.text in texts]
    published = [a.published for a in story.articles if a.id in fact.articles and a.published]
    day = min(dates) if dates else min(published, default="9999-12-31")
    lengths = {a.id: max(len(a.text), 1) for a in story.articles}
    position = min(m.start / lengths.get(m.article, 1) for m in fact.mentions) \
        if fact.mentions else 1.0
    return day, position


def shared_words(story: Story) -> frozenset[str]:
    """Content words found in at least two of the story's articles."""
    counts: dict[str, int] = {}
    for article in story.articles:
        for word in words_of(article.text) - stop_words():
            counts[word] = counts.get(word, 0) + 1
    return frozenset(w for w, n in counts.items() if n >= 2)


# ---- statements: the sources' own words, lightly normalised ----------------------------------

def with_subject(fact: Fact, text: str) -> str:
    """A mention with the subject it shares with its sentence, in brackets as in the report
    ("offered to send Y" -> "[The mayor] offered to send Y", `Fact.subject`): the words are the
    source's, the brackets say which were brought in from the rest of its sentence. Other
    mentions as they are."""
    return readable(text, fact.subject) if text == fact.text else text


def statement(text: str) -> str | None:
    """A mention as a sentence of its own: a leading dateline ("CITY, Jan 23 –"), link word
    and stray punctuation dropped, first letter capitalised, quote marks closed, a full stop
    added. None when nothing is left."""
    text = DATELINE.sub("", " ".join(text.split())).lstrip("(–—-•·*,;: ").strip()
    first = text.split(" ", 1)
    if len(first) == 2 and first[0].rstrip(",").lower() in LINK_WORDS:
        text = first[1].lstrip(",; ")
    if not WORD.search(text):
        return None
    text = text[0].upper() + text[1:]
    if text.count("“") > text.count("”"):
        text += "”"
    if text.count('"') % 2:
        text += '"'
    if not re.search(r"[.!?][”’\"»)]*$", text):
        text = re.sub(r"[,;:]+$", "", text) + "."
    return text


def quality(text: str, article: Article) -> float:
    """How good a brief sentence the statement makes: names, numbers and dates count for it;
    fragments, dangling pronouns, quotes-only text and odd lengths count against it."""
    words = text.split()
    raw = WORD.findall(text)
    names = sum(1 for t in raw[1:] if t[0].isupper())
    numbers = sum(1 for t in raw if t[0].isdigit() or t.lower() in NUMBER_WORDS)
    grade = GRADE["name"] * min(names, 5) + GRADE["number"] * min(numbers, 3)
    first = raw[0].lower() if raw else ""
    if first in DANGLING:
        grade += GRADE["dangling"]
    if _opens_inside_quote(text):
        grade += GRADE["inside quote"]
    if is_fragment(text, article):
        grade += GRADE["fragment"]
    bare = QUOTED.sub(" ", text)  # the words outside quotation marks
    if first_person(bare) or not re.search(r"\w", bare):
        grade += GRADE["no speaker"]  # or a quotation alone: someone's words, no one named
    quoted = sum(len(m.group(0)) for m in QUOTED.finditer(text))
    if quoted > 0.5 * len(text) or text[:1] in OPEN_QUOTES + '"':  # mostly someone's words
        grade += GRADE["quoted"]
    if len(words) < MIN_WORDS or len(words) > MAX_WORDS:
        grade += GRADE["length"]
    return grade


def first_person(bare: str) -> bool:
    """Words outside quotation marks in the first person: someone's own words. "I" after a
    capitalised word may be a numeral ("World War I", "Phase I of") and is let be."""
    if SPEAKER_WORDS.search(bare):
        return True
    for match in SPEAKER_I.finditer(bare):
        before = bare[:match.start()].split()
        if not before or not before[-1][:1].isupper():
            return True
    return False


def _opens_inside_quote(text: str) -> bool:
    """The statement starts inside a quotation: a closing mark comes before any opening one."""
    close = min((i for i in (text.find("”"), text.find("»")) if i >= 0), default=-1)
    opening = min((i for i in (text.find("“"), text.find("«")) if i >= 0), default=len(text))
    return 0 <= close < opening


def is_fragment(text: str, article: Article) -> bool:
    """A clause cut from the middle of a sentence: its first word is written in lower case
    where the source has it (after any dropped link word), and is not an article."""
    raw = WORD.findall(text)
    if not raw:
        return True
    first = raw[0]
    if first.lower() in ARTICLES or first.isupper() or not first.isalpha():
        return False
    return re.search(rf"\b{re.escape(first)}\b", article.text) is None


def name_words(story: Story) -> set[str]:
    """The capitalised words of the names of the story's entities and their other forms."""
    return {w for e in story.entities for form in (e.name, *e.aliases)
            for w in WORD.findall(form) if w[:1].isupper()}


def lower_first(text: str, story: Story) -> str:
    """`text` after "reports that": its first word lower-cased when it is a stop word, or
    when it is no word of a name the story found and the story's sources never write it
    capitalised after a lower-case word ("Thompson was knocked down" keeps its capital)."""
    if text.startswith("["):  # a subject brought in from the sentence: "[The council] ..."
        return "[" + lower_first(text[1:], story)
    first = WORD.match(text)
    if first is None or not first.group(0)[0].isupper() or \
            first.group(0).isupper() and len(first.group(0)) > 1:
        return text  # an acronym keeps its capitals; "A" is an article
    word = first.group(0)
    inside = re.compile(rf"\b[a-z][\w’',]*\s+{re.escape(word)}\b")
    if word.lower() not in stop_words() and (word in name_words(story) or any(
            inside.search(a.text) for a in story.articles)):
        return text
    return word[0].lower() + word[1:] + text[len(word):]


# ---- conflicts --------------------------------------------------------------------------------

def conflict_candidates(story: Story) -> list[Candidate]:
    """One sentence per conflict, most confident first: each side's sources and its value in
    the words they wrote: A reports “1,200 metres long”; B, C report “900 metres long”.
    Dates are found in the words as the comparison read them: from each article's anchor."""
    anchors = story.anchor_dates
    articles = {a.id: replace(a, published=anchors[a.id]) for a in story.articles}
    found = []
    for rank, conflict in enumerate(story.conflicts):
        sentence = conflict_sentence(conflict, articles)
        if sentence is None:
            continue
        # Duplicates are judged on the values (or, for verdicts, statements) alone: the labels
        # recur in every conflict.
        values = " ".join(written_value(p, articles[p.articles[0]]) or p.text
                          for p in conflict.positions if p.articles and p.articles[0] in articles)
        found.append(Candidate(sentence, values, conflict.confidence - rank * 1e-3,
                               ("", float(rank))))
    return found


def conflict_sentence(conflict: Conflict, articles: dict[str, Article]
                      ) -> BriefSentence | None:
    parts = []
    cited: list[str] = []
    for position in conflict.positions:
        side = [articles[a] for a in position.articles if a in articles]
        said = side_words(position, side)
        if said is None:
            return None
        words, sources = said
        verb = "reports" if len({a.label for a in sources}) == 1 else "report"  # one outlet
        parts.append(f"{join_labels(sources)} {verb} {words}")
        cited += [a.id for a in sources if a.id not in cited]
    if len(parts) < 2:
        return None
    return BriefSentence("; ".join(parts) + ".", tuple(cited), "conflict", (conflict.id,))


def side_words(position: Position, side: list[Article]) -> tuple[str, list[Article]] | None:
    """What one side says, and the sources that say it: the value with its context in quotes
    when every source of the side wrote those words; else the value as the first source wrote
    it, then that source's context in quotes, cited to the sources that state the value's
    names and numbers. A value that is a verdict, not words of the text ("denied"), gives
    the first source's whole statement in quotes."""
    if not side:
        return None
    value = written_value(position, side[0])
    if value is None:
        quoted = statement(position.text)
        return (f"“{quoted.rstrip('.')}”", side[:1]) if quoted else None
    start = position.text.find(value)
    windows = [around(position.text, start, start + len(value), left, right)
               for left, right in (WINDOW, (2, 3), (0, 2))]
    for window in windows:
        if window != value and all(folded(window) in folded(a.text) for a in side):
            return f"“{window}”", side
    sources = side[:1] + [a for a in side[1:] if not missing_keys(value, a.text)]
    return (f"{value} (“{windows[0]}”)" if windows[0] != value else value), sources


def written_value(position: Position, article: Article) -> str | None:
    """The position's value as it appears in its text (`dating.as_written`)."""
    return as_written(position.value, position.text, article.published)


def around(text: str, start: int, end: int, left: int, right: int) -> str:
    """`text[start:end]` widened by up to `left`/`right` words, not across , ; : (nor across
    brackets on the left: a bracket after a value is its conversion, "5 miles (8 km)"),
    without trailing stop words or an unclosed bracket."""
    before = re.split(r"[,;:()\[\]]", text[:start])[-1].split()
    after = re.split(r"[,;:]", text[end:])[0].split()
    head = before[max(len(before) - left, 0):] if left else []
    tail = after[:right]
    # A figure right after the window belongs to its last word ("on the morning of Jan 21").
    if right and len(after) > right and after[right][:1].isdigit():
        tail.append(after[right])
    while tail and (tail[-1].lower() in stop_words()
                    or " ".join(tail).count("(") > " ".join(tail).count(")")):
        tail.pop()
    # Not from the middle of a name ("Ann Lee left ..." -> "left ...") nor on an article.
    while head and (head[0].lower() in ARTICLES or head[0][:1].isupper() and len(head) <
                    len(before) and before[len(before) - len(head) - 1][:1].isupper()):
        head.pop(0)
    return " ".join(head + [text[start:end]] + tail).strip()


def join_labels(side: list[Article]) -> str:
    labels = list(dict.fromkeys(a.label for a in side))
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]
