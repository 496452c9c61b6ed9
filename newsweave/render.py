"""Report -> Markdown for a reader: the brief, then where sources disagree, then the sources
and the facts by how many carry them. The JSON contract is `serialize.py`."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from .models import (
    Article,
    BriefSentence,
    Conflict,
    CopyGroup,
    Entity,
    Fact,
    Report,
    Story,
)
from .serialize import group_summary

COPY_PHRASES = {
    "duplicate": "carry the same text",
    "rewrite": "carry rewrites of one text",
    "translation": "carry translations of one text",
}


# --- Markdown --------------------------------------------------------------------------------


def report_to_markdown(report: Report) -> str:
    """A readable account of every story, disagreements first, ending with skipped inputs."""
    parts = ["\n".join(_story_markdown(story)) for story in report.stories]
    if not report.stories:
        parts.append("No stories.\n")
    if report.skipped:
        lines = ["## Skipped inputs", ""]
        lines += [f"- {_inline(s.path)}: {_inline(s.reason)}" for s in report.skipped]
        parts.append("\n".join(lines) + "\n")
    return "\n---\n\n".join(parts)


def _story_markdown(story: Story) -> list[str]:
    labels = story.labels
    lines = [f"# {_inline(story.title)}", ""]
    lines += _brief_section(story.brief, story.articles, labels)
    lines += _left_out_line(story)
    lines += _conflicts_section(story.conflicts, labels)
    lines += _possible_section(story.possible, story.possible_left_out, labels)
    lines += _sources_section(story.articles)
    lines += _facts_section(story, labels)
    lines += _single_source_section(story.facts, labels)
    lines += _copies_section(story.copies, labels)
    lines += _entities_section(story.entities, labels)
    lines += _quotes_section(story, labels)
    lines += _timeline_section(story, labels)
    return lines


def with_labels(text: str, labels: Mapping[str, str]) -> str:
    """Article ids in generated text (explanations) replaced by what a reader calls them."""
    for article in sorted(labels, key=len, reverse=True):
        if labels[article] != article:
            text = re.sub(rf"(?<![\w-]){re.escape(article)}(?![\w-])", labels[article], text)
    return text


def _brief_section(brief: tuple[BriefSentence, ...], articles: tuple[Article, ...],
                   labels: Mapping[str, str]) -> list[str]:
    if not brief:
        return []
    number = {a.id: i for i, a in enumerate(articles, start=1)}
    lines = ["## Brief", ""]
    cited: list[str] = []
    for sentence in brief:  # one paragraph per sentence
        marks = "".join(f"[{n}]" for n in sorted(number.get(c, c) for c in sentence.citations
                                                  if c in number))
        lines += [f"{_inline(sentence.text)} {marks}".rstrip(), ""]
        cited += [c for c in sentence.citations if c not in cited]
    legend = sorted(cited, key=lambda c: number.get(c, len(number) + 1))
    if legend:  # not "[1]: label" lines, which Markdown would swallow as link definitions
        lines += ["Cited: " + ", ".join(f"[{number.get(c, c)}] {_inline(_label(c, labels))}"
                                          for c in legend), ""]
    return lines


# What is left out, by status: (one, several).
LEFT_OUT_WORDS = {"corroborated": ("fact several sources share", "facts several sources share"),
                  "single_source": ("single-source fact", "single-source facts"),
                  "disputed": ("disputed fact", "disputed facts"),
                  "conflict": ("disagreement", "disagreements"),
                  "unknown": ("other item", "other items")}


def _left_out_line(story: Story) -> list[str]:
    if not story.brief:
        return []
    return [f"*{left_out_text(story.left_out_by_status())}*", ""]


def left_out_text(counts: dict[str, int]) -> str:
    if not counts:
        return "The brief covers every fact and disagreement below."
    parts = [f"{n} {LEFT_OUT_WORDS.get(k, (k, k))[n != 1]}" for k, n in sorted(counts.items())]
    return f"Not in the brief (listed below): {', '.join(parts)}."


def _conflicts_section(conflicts: tuple[Conflict, ...], labels: Mapping[str, str]) -> list[str]:
    if not conflicts:
        return []
    lines = ["## Where sources disagree", ""]
    for conflict in conflicts:
        lines += [f"### {_inline(conflict.topic)} ({conflict.kind})", ""]
        for position in conflict.positions:
            quote = f": “{_inline(position.text)}”" if position.text else ""
            lines.append(f'- "{_inline(position.value)}" '
                         f"{_cite(position.articles, labels)}{quote}")
            lines += [f"  - {_cite(articles, labels)}: “{_inline(text)}”"
                      for text, articles in other_statements(
                          position.text, [(q.article, q.text) for q in position.statements])]
        lines.append("")
        if conflict.explanation:
            lines += [_inline(with_labels(conflict.explanation, labels)), ""]
    return lines


def other_statements(shown: str, statements: Iterable[tuple[str, str]]
                     ) -> list[tuple[str, list[str]]]:
    """The cited articles' own sentences other than the shown one, each with the articles
    that wrote it (copies share one line)."""
    by_text: dict[str, list[str]] = {}
    for article, text in statements:
        if text.strip() != shown.strip():
            by_text.setdefault(text, []).append(article)
    return list(by_text.items())


def _possible_section(possible: tuple[Conflict, ...], left_out: int,
                      labels: Mapping[str, str]) -> list[str]:
    """Differences judged less likely than the shown ones to be real, one line each, and how
    many less likely ones the list leaves out."""
    if not possible and not left_out:
        return []
    lines = ["## Possible differences (for a reader to check; most likely first)", ""]
    for conflict in possible:
        sides = "; ".join(f'"{_inline(p.value)}" {_cite(p.articles, labels)}'
                          for p in conflict.positions)
        lines.append(f"- {_inline(conflict.topic)} ({conflict.kind}): {sides}")
    if left_out:
        lines += ["", left_out_line(left_out)]
    return lines + [""]


def left_out_line(left_out: int) -> str:
    """What a reader is told of the possible differences the list leaves out."""
    less = "one less likely difference is" if left_out == 1 else \
        f"{left_out} less likely differences are"
    return f"{less.capitalize()} not listed (newsweave analyze --possible N lists more)."


def _sources_section(articles: tuple[Article, ...]) -> list[str]:
    lines = ["## Sources", "",
             "| # | id | outlet | date | language | words | removed lines |",
             "|---|---|---|---|---|---|---|"]
    for i, article in enumerate(articles, start=1):
        date = article.published or ""
        if date and article.published_from == "inferred":
            date += " (inferred)"
        cells = [str(i), article.id, article.outlet or "", date, article.language,
                 str(article.words), str(len(article.removed))]
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    lines.append("")
    unparsed = [a for a in articles if not a.parsed]
    if unparsed and len(unparsed) < len(articles):
        lines += [(f"Not compared figure by figure ({', '.join(a.label for a in unparsed)}): "
                  "articles in a language other than English are matched with the others by "
                  "the multilingual encoder only; their figures, dates, names and claims are "
                  "not checked against other sources, and a fact only they state may be "
                  "stated by another source in its own language."), ""]
    for article in (a for a in articles if a.warnings):
        lines += [f"Cleaning of {_inline(article.label)}: {_inline('; '.join(article.warnings))}.",
                  ""]
    return lines


def _facts_section(story: Story, labels: Mapping[str, str]) -> list[str]:
    """Facts more than one source carries (and disputed ones), most-carried first."""
    facts = [f for f in story.facts if f.status != "single_source"]
    if not facts:
        return []
    topics = _dispute_topics(story.conflicts)
    lines = ["## Facts by number of sources", ""]
    for count in sorted({len(f.articles) for f in facts}, reverse=True):
        lines += [f"### Stated by {count} source{'s' if count != 1 else ''}", ""]
        for fact in (f for f in facts if len(f.articles) == count):
            lines.append(_fact_line(fact, labels, topics))
        lines.append("")
    return lines


def _fact_line(fact: Fact, labels: Mapping[str, str], topics: dict[str, list[str]]) -> str:
    line = f"- {_inline(fact.readable)} {_cite(fact.articles, labels)}"
    if fact.independent_sources < len(fact.articles):
        line += f" ({fact.independent_sources} independent)"
    if fact.status == "disputed":
        see = ", ".join(f"“{_inline(t)}”" for t in topics.get(fact.id, []))
        line += " — **disputed**" + (f" (see {see})" if see else "")
    return line


def _dispute_topics(conflicts: tuple[Conflict, ...]) -> dict[str, list[str]]:
    topics: dict[str, list[str]] = {}
    for conflict in conflicts:
        for fact_id in conflict.facts:
            topics.setdefault(fact_id, []).append(conflict.topic)
    return topics


MAYBE_NOTE = ("*Maybe also in X*: the search for the fact in the other articles found a likely "
              "partner there, not a sure one.")


def _single_source_section(facts: tuple[Fact, ...], labels: Mapping[str, str]) -> list[str]:
    """Facts only one (independent) source carries, grouped under that source."""
    groups: dict[str, list[Fact]] = {}
    for fact in facts:
        if fact.status == "single_source":
            groups.setdefault(", ".join(_label(a, labels) for a in fact.articles), []).append(fact)
    if not groups:
        return []
    order = {label: i for i, label in enumerate(labels.values())}
    lines = ["## Only one source", ""]
    if any(f.maybe_also for fs in groups.values() for f in fs):
        lines += [MAYBE_NOTE, ""]
    for source in sorted(groups, key=lambda s: order.get(s, len(order))):
        lines += [f"### {_inline(source) or 'Unknown source'}", ""]
        lines += [f"- {_inline(f.readable)}{_maybe_also(f, labels)}" for f in groups[source]]
        lines.append("")
    return lines


def _maybe_also(fact: Fact, labels: Mapping[str, str]) -> str:
    """"(maybe also in X, in other words)" for a fact the search found a likely partner for."""
    if not fact.maybe_also:
        return ""
    return f" *(maybe also in {_inline(', '.join(_label(a, labels) for a in fact.maybe_also))}, " \
        "in other words)*"


def _copies_section(copies: tuple[CopyGroup, ...], labels: Mapping[str, str]) -> list[str]:
    if not copies:
        return []
    lines = ["## Copies", ""]
    for group in copies:
        phrase = COPY_PHRASES.get(group.kind, f"are {group.kind} copies")
        line = (f"- {len(group.articles)} sources {phrase}: "
                f"{', '.join(_label(a, labels) for a in group.articles)}")
        if group.original:
            line += f"; original: {_label(group.original, labels)}"
        lines.append(f"{line} (similarity {group.score:.2f})")
    return lines + [""]


def _entities_section(entities: tuple[Entity, ...], labels: Mapping[str, str]) -> list[str]:
    if not entities:
        return []
    lines = ["## Entities", ""]
    for entity in entities:
        line = f"- **{_inline(entity.name)}** ({_inline(entity.type)})"
        if entity.aliases:
            line += " — also: " + ", ".join(_inline(a) for a in entity.aliases)
        lines.append(f"{line} {_cite(entity.articles, labels)}".rstrip())
    return lines + [""]


def _quotes_section(story: Story, labels: Mapping[str, str]) -> list[str]:
    groups = sorted(story.quote_groups, key=lambda g: not g.differs)
    if not groups:
        return []
    lines = ["## Quotes", ""]
    for g in groups:
        flag = " — **wording differs**" if g.differs else ""
        lines.append(f"- {_inline(group_summary(g, labels))} {_cite(g.articles, labels)}{flag}")
    return lines + [""]


def _timeline_section(story: Story, labels: Mapping[str, str]) -> list[str]:
    if not story.timeline:
        return []
    topics = {c.id: c.topic for c in story.conflicts}
    lines = ["## Timeline", ""]
    for event in story.timeline:
        line = f"- {event.date} — {_inline(event.text)} {_cite(event.articles, labels)}".rstrip()
        if event.conflict:
            line += f" — **disputed** (see “{_inline(topics.get(event.conflict, event.conflict))}”)"
        lines.append(line)
    return lines + [""]


def _label(article_id: str, labels: Mapping[str, str]) -> str:
    return labels.get(article_id, article_id)


def _cite(article_ids: Iterable[str], labels: Mapping[str, str]) -> str:
    names = [_inline(_label(a, labels)) for a in article_ids]
    return f"[{', '.join(names)}]" if names else ""


def _inline(text: str) -> str:
    """Text on one line: Markdown list items and headings end at a newline."""
    return " ".join(text.split())


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell: one line, pipes escaped."""
    return _inline(text).replace("|", "\\|")
