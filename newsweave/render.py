"""Report -> JSON (a versioned, schema-checked contract) and Markdown (for a reader).

`report_to_dict` is the single source of the JSON shape; `report.schema.json` describes it and
`validate_report` checks a dict against it. The Markdown puts what a reader most needs first:
the brief, then where sources disagree, then the sources and the facts by how many carry them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from importlib import resources
from typing import Any

import jsonschema  # type: ignore[import-untyped]  # no stubs installed

from .brief import left_out_counts
from .models import (
    Article,
    BriefSentence,
    Conflict,
    CopyGroup,
    Entity,
    Fact,
    Quote,
    Report,
    Story,
    TimelineEvent,
)
from .quotes import QuoteGroup, compare_quotes, group_summary

SCHEMA = "newsweave.report/1"
SCHEMA_FILE = "report.schema.json"

COPY_PHRASES = {
    "duplicate": "carry the same text",
    "rewrite": "carry rewrites of one text",
    "translation": "carry translations of one text",
}


# --- JSON ------------------------------------------------------------------------------------


def report_to_dict(report: Report) -> dict[str, Any]:
    """The report as plain JSON-ready data; every key is always present."""
    return {
        "schema": SCHEMA,
        "stories": [story_to_dict(story) for story in report.stories],
        "skipped": [{"path": s.path, "reason": s.reason} for s in report.skipped],
    }


def report_to_json(report: Report) -> str:
    return json.dumps(report_to_dict(report), ensure_ascii=False, indent=2)


def load_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of `report_to_dict`'s output, shipped as package data."""
    text = resources.files("newsweave").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def validate_report(data: dict[str, Any]) -> None:
    """Raise `jsonschema.ValidationError` when `data` does not follow the report contract."""
    jsonschema.validate(data, load_schema(), cls=jsonschema.Draft202012Validator)


def story_to_dict(story: Story) -> dict[str, Any]:
    """One story as it appears in `report_to_dict`'s "stories" list (the store keeps this)."""
    return {
        "id": story.id,
        "title": story.title,
        "articles": [_article_dict(a) for a in story.articles],
        "facts": [_fact_dict(f) for f in story.facts],
        "conflicts": [_conflict_dict(c) for c in story.conflicts],
        "entities": [_entity_dict(e) for e in story.entities],
        "timeline": [_event_dict(e) for e in story.timeline],
        "copies": [_copy_dict(c) for c in story.copies],
        "brief": [{"text": b.text, "citations": list(b.citations), "kind": b.kind,
                   "facts": list(b.facts)} for b in story.brief],
        "brief_left_out": list(story.brief_left_out),
        "quotes": [_quote_dict(q) for q in story.quotes],
        "quote_groups": [_quote_group_dict(g, source_labels(story))
                         for g in compare_quotes(story.quotes, story.articles)],
    }


def _quote_dict(q: Quote) -> dict[str, Any]:
    return {"id": q.id, "speaker": q.speaker, "text": q.text, "article": q.article,
            "start": q.start, "end": q.end, "verbatim": q.verbatim}


def _quote_group_dict(g: QuoteGroup, labels: dict[str, str]) -> dict[str, Any]:
    return {"id": g.id, "speaker": g.speaker, "articles": list(g.articles), "differs": g.differs,
            "wordings": list(g.wordings), "summary": group_summary(g, labels),
            "quotes": [{"id": q.id, "article": q.article, "text": q.text,
                        "verbatim": q.verbatim} for q in g.quotes]}


def _article_dict(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "outlet": article.outlet,
        "url": article.url,
        "title": article.title,
        "published": article.published,
        "published_from": article.published_from,
        "language": article.language,
        "words": article.words,
        "removed": [r.text for r in article.removed],
        "removed_reasons": [r.reason for r in article.removed],
    }


def _fact_dict(fact: Fact) -> dict[str, Any]:
    return {
        "id": fact.id,
        "text": fact.text,
        "status": fact.status,
        "articles": list(fact.articles),
        "independent_sources": fact.independent_sources,
        "mentions": [{"article": m.article, "text": m.text, "start": m.start, "end": m.end}
                     for m in fact.mentions],
    }


def _conflict_dict(conflict: Conflict) -> dict[str, Any]:
    return {
        "id": conflict.id,
        "kind": conflict.kind,
        "topic": conflict.topic,
        "positions": [{"value": p.value, "text": p.text, "articles": list(p.articles)}
                      for p in conflict.positions],
        "explanation": conflict.explanation,
        "confidence": float(conflict.confidence),
        "facts": list(conflict.facts),
    }


def _entity_dict(entity: Entity) -> dict[str, Any]:
    return {
        "name": entity.name,
        "type": entity.type,
        "aliases": list(entity.aliases),
        "articles": list(entity.articles),
        "evidence": list(entity.evidence),
    }


def _event_dict(event: TimelineEvent) -> dict[str, Any]:
    return {"date": event.date, "text": event.text, "articles": list(event.articles),
            "conflict": event.conflict}


def _copy_dict(group: CopyGroup) -> dict[str, Any]:
    return {"articles": list(group.articles), "kind": group.kind, "score": float(group.score),
            "original": group.original}


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
    labels = source_labels(story)
    lines = [f"# {_inline(story.title)}", ""]
    lines += _brief_section(story.brief, story.articles, labels)
    lines += _left_out_line(story)
    lines += _conflicts_section(story.conflicts, labels)
    lines += _sources_section(story.articles)
    lines += _facts_section(story, labels)
    lines += _single_source_section(story.facts, labels)
    lines += _copies_section(story.copies, labels)
    lines += _entities_section(story.entities, labels)
    lines += _quotes_section(story, labels)
    lines += _timeline_section(story, labels)
    return lines


def source_labels(story: Story) -> dict[str, str]:
    """Article id -> what a reader calls it (`Article.label`); a repeated outlet gets its id."""
    counts: dict[str, int] = {}
    for article in story.articles:
        counts[article.label] = counts.get(article.label, 0) + 1
    return {a.id: a.label if counts[a.label] == 1 else f"{a.label} ({a.id})"
            for a in story.articles}


def with_labels(text: str, labels: dict[str, str]) -> str:
    """Article ids in generated text (explanations) replaced by what a reader calls them."""
    for article in sorted(labels, key=len, reverse=True):
        if labels[article] != article:
            text = re.sub(rf"(?<![\w-]){re.escape(article)}(?![\w-])", labels[article], text)
    return text


def _brief_section(brief: tuple[BriefSentence, ...], articles: tuple[Article, ...],
                   labels: dict[str, str]) -> list[str]:
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


LEFT_OUT_WORDS = {"corroborated": "facts several sources share",
                  "single_source": "single-source facts", "disputed": "disputed facts",
                  "conflict": "disagreements", "unknown": "other items"}


def _left_out_line(story: Story) -> list[str]:
    if not story.brief:
        return []
    return [f"*{left_out_text(left_out_counts(story))}*", ""]


def left_out_text(counts: dict[str, int]) -> str:
    if not counts:
        return "The brief covers every fact and disagreement below."
    parts = [f"{n} {LEFT_OUT_WORDS.get(k, k)}" for k, n in sorted(counts.items())]
    return f"Not in the brief (listed below): {', '.join(parts)}."


def _conflicts_section(conflicts: tuple[Conflict, ...], labels: dict[str, str]) -> list[str]:
    if not conflicts:
        return []
    lines = ["## Where sources disagree", ""]
    for conflict in conflicts:
        lines += [f"### {_inline(conflict.topic)} ({conflict.kind})", ""]
        for position in conflict.positions:
            quote = f": “{_inline(position.text)}”" if position.text else ""
            lines.append(f'- "{_inline(position.value)}" '
                         f"{_cite(position.articles, labels)}{quote}")
        lines.append("")
        if conflict.explanation:
            lines += [_inline(with_labels(conflict.explanation, labels)), ""]
    return lines


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
    return lines + [""]


def _facts_section(story: Story, labels: dict[str, str]) -> list[str]:
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


def _fact_line(fact: Fact, labels: dict[str, str], topics: dict[str, list[str]]) -> str:
    line = f"- {_inline(fact.text)} {_cite(fact.articles, labels)}"
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


def _single_source_section(facts: tuple[Fact, ...], labels: dict[str, str]) -> list[str]:
    """Facts only one (independent) source carries, grouped under that source."""
    groups: dict[str, list[Fact]] = {}
    for fact in facts:
        if fact.status == "single_source":
            groups.setdefault(", ".join(_label(a, labels) for a in fact.articles), []).append(fact)
    if not groups:
        return []
    order = {label: i for i, label in enumerate(labels.values())}
    lines = ["## Only one source", ""]
    for source in sorted(groups, key=lambda s: order.get(s, len(order))):
        lines += [f"### {_inline(source) or 'Unknown source'}", ""]
        lines += [f"- {_inline(f.text)}" for f in groups[source]]
        lines.append("")
    return lines


def _copies_section(copies: tuple[CopyGroup, ...], labels: dict[str, str]) -> list[str]:
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


def _entities_section(entities: tuple[Entity, ...], labels: dict[str, str]) -> list[str]:
    if not entities:
        return []
    lines = ["## Entities", ""]
    for entity in entities:
        line = f"- **{_inline(entity.name)}** ({_inline(entity.type)})"
        if entity.aliases:
            line += " — also: " + ", ".join(_inline(a) for a in entity.aliases)
        lines.append(f"{line} {_cite(entity.articles, labels)}".rstrip())
    return lines + [""]


def _quotes_section(story: Story, labels: dict[str, str]) -> list[str]:
    groups = sorted(compare_quotes(story.quotes, story.articles), key=lambda g: not g.differs)
    if not groups:
        return []
    lines = ["## Quotes", ""]
    for g in groups:
        flag = " — **wording differs**" if g.differs else ""
        lines.append(f"- {_inline(group_summary(g, labels))} {_cite(g.articles, labels)}{flag}")
    return lines + [""]


def _timeline_section(story: Story, labels: dict[str, str]) -> list[str]:
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


def _label(article_id: str, labels: dict[str, str]) -> str:
    return labels.get(article_id, article_id)


def _cite(article_ids: Iterable[str], labels: dict[str, str]) -> str:
    names = [_inline(_label(a, labels)) for a in article_ids]
    return f"[{', '.join(names)}]" if names else ""


def _inline(text: str) -> str:
    """Text on one line: Markdown list items and headings end at a newline."""
    return " ".join(text.split())


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell: one line, pipes escaped."""
    return _inline(text).replace("|", "\\|")
