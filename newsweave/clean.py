"""RawRecord -> Article: the story text alone, with everything taken out kept and labelled.

HTML goes through trafilatura. Plain text is read line by line: scraper metadata, URL blocks,
copyright and related-article lines, promos, bylines, headings and photo captions come out;
lines a hard wrap broke in the middle of a sentence are joined again.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from .config import Settings
from .errors import InputError
from .ingest import (
    COPYRIGHT,
    DATE_PREFIX,
    ORIGINAL_URL,
    URL_LINE,
    joined_url_lines,
    normalise_date,
    outlet_from_url,
    short_hash,
)
from .models import Article, RawRecord, Removal
from .toolkit import detect_language

RELATED = re.compile(r"^\s*(?:related(?:\s+(?:article|story|stories|news|content|reading))?|"
                     r"read\s+(?:more|also)|see\s+also|also\s+read|more\s+on\s+this|"
                     r"recommended|watch|listen)\s*[:|>»-]", re.IGNORECASE)
PROMO = re.compile(
    r"download\s+(?:the|our)\b.{0,30}\bapp|subscribe\s+(?:to|now|today|for)|sign\s+up\s+"
    r"(?:for|to)|newsletter|follow\s+us\s+on|join\s+(?:us|our)\s+on|click\s+here|"
    r"share\s+this\s+(?:article|story)|advertisement|all\s+rights\s+reserved|"
    r"(?:telegram|whatsapp)\s+channel|anytime,\s+anywhere|get\s+the\s+latest|"
    r"^\s*(?:updated|published|posted)\s*:?\s+\w+\s+\d", re.IGNORECASE)
# A caption's closing photo credit: "...in Russia.—Reuters", "... (Photo: AFP)", "Photo: X/Y".
CREDIT = re.compile(r"(?:[.)]\s*[—–]\s*|\s[—–|/]\s*|\(\s*)(?:photo|image|picture|file|credit)?"
                    r"\s*:?\s*[A-Z][\w.&/ -]{1,40}\)?\s*$|^\s*(?:photo|image|picture)\s*:",
                    re.IGNORECASE)
SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s*$|[\"”»]\s*$")
SHORT_DATE = re.compile(r"^\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}"
                        r"\.?\s+\d{4}|\d{4}-\d{2}-\d{2})(?:\s+\d{1,2}[:.]\d{2}.*)?\s*$")


@dataclass(frozen=True)
class Line:
    text: str
    paragraph: int  # lines of one paragraph share this number


def clean_record(raw: RawRecord, settings: Settings) -> Article:
    """Clean one record by rules (captions need the parse: see claims.py). Raises InputError
    when no story text is left."""
    meta: dict[str, str | None] = {}
    removed: list[Removal] = []
    if raw.html:
        lines, meta = extract_html(raw)
    else:
        lines = text_lines(raw.body, removed)
    title = raw.title or meta.get("title")
    lines = strip_boilerplate(lines, removed, settings)
    paragraphs, title, published = strip_front_matter(join_paragraphs(lines), title, removed,
                                                      settings)
    language = raw.language or detect_language("\n".join(paragraphs))
    text = "\n\n".join(paragraphs)
    if not text.strip():
        raise InputError(raw.path, "no story text left after cleaning "
                                   f"(removed {len(removed)} lines: captions, links, promos)")
    published_at = raw.published or meta.get("date") or published
    published_from = raw.published_from or ("metadata" if meta.get("date") else
                                             "text" if published else None)
    url = raw.url or meta.get("url")
    return Article(
        id=raw.source_id, path=raw.path, text=text, title=title or first_words(text),
        url=url, outlet=raw.outlet or meta.get("sitename") or outlet_from_url(url),
        published=published_at, published_from=published_from if published_at else None,
        language=language, removed=tuple(removed), content_hash=short_hash(text, 16))


def extract_html(raw: RawRecord) -> tuple[list[Line], dict[str, str | None]]:
    import trafilatura

    doc = trafilatura.bare_extraction(raw.body, with_metadata=True, include_comments=False,
                                      include_tables=False)
    if doc is None or doc.body is None:
        raise InputError(raw.path, "HTML holds no article text (only scripts, navigation or "
                                   "markup)")
    lines = []
    for index, element in enumerate(doc.body):
        text = " ".join(" ".join(element.itertext()).split())
        if text:
            lines.append(Line(text, index))
    meta = {"title": doc.title, "url": doc.url, "sitename": doc.sitename or doc.hostname,
            "date": normalise_date(doc.date) if doc.date and doc.date != doc.filedate else None}
    return lines, meta


def text_lines(body: str, removed: list[Removal]) -> list[Line]:
    """Plain text -> lines grouped into paragraphs; URL blocks and date markers taken out."""
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    if match := DATE_PREFIX.match(body):
        removed.append(Removal(match.group(0).strip(), "metadata"))
        body = body[match.end():]
    raw = body.split("\n")
    wrapped_width = hard_wrap_width(raw)
    lines: list[Line] = []
    paragraph, index = 0, 0
    while index < len(raw):
        text = raw[index].strip()
        if ORIGINAL_URL.match(text) or URL_LINE.match(text):
            url, index = joined_url_lines(raw, index) if URL_LINE.match(text) else (text, index + 1)
            removed.append(Removal(url, "url"))
            continue
        if not text:
            paragraph += 1
        else:
            lines.append(Line(text, paragraph))
            if not (wrapped_width and len(raw[index].rstrip()) >= 0.75 * wrapped_width):
                paragraph += 1  # only a line that hit the wrap width continues on the next
        index += 1
    return lines


def hard_wrap_width(raw_lines: list[str]) -> int:
    """The column a file was hard-wrapped at, or 0 when its lines are whole paragraphs."""
    lengths = sorted(len(line.rstrip()) for line in raw_lines if line.strip())
    if len(lengths) < 6:
        return 0
    width = lengths[int(len(lengths) * 0.9)]
    near = sum(1 for length in lengths if 0.75 * width <= length <= width)
    return width if width <= 160 and near >= 0.4 * len(lengths) else 0


def strip_front_matter(paragraphs: list[str], title: str | None, removed: list[Removal],
                       settings: Settings) -> tuple[list[str], str | None, str | None]:
    """Headline, standfirst, byline and dateline at the top: metadata, not story text."""
    published = None
    keep_from = 0
    for index, text in enumerate(paragraphs[:6]):
        if is_sentence(text, settings):
            break
        if SHORT_DATE.match(text) and published is None:
            published = normalise_date(text)
            removed.append(Removal(text, "dateline"))
        elif title is None and index == 0:
            title = text
            removed.append(Removal(text, "headline"))
        elif title and fuzz.ratio(text.lower(), title.lower()) > 90:
            removed.append(Removal(text, "headline"))
        else:
            removed.append(Removal(text, "standfirst" if len(text.split()) > 4 else "byline"))
        keep_from = index + 1
    return paragraphs[keep_from:], title, published


def is_sentence(text: str, settings: Settings) -> bool:
    return bool(SENTENCE_END.search(text)) and len(text.split()) >= settings.min_sentence_words


# Why: a caption and its repeat sit within a few lines of each other; comparing each line with
# the last this-many kept lines (plus an exact check against all of them) keeps cleaning linear,
# where comparing with every kept line made a 400 KB text take 19 s and a 50 MB one hours.
DUPLICATE_WINDOW = 200


def strip_boilerplate(lines: list[Line], removed: list[Removal],
                      settings: Settings) -> list[Line]:
    kept: list[Line] = []
    seen: dict[str, int] = {}  # kept text -> paragraph it was first kept in
    sizes = Counter(line.paragraph for line in lines)
    story_started = False  # headings before the first sentence are front matter (see below)
    for line in lines:
        story_started = story_started or is_sentence(line.text, settings)
        reason = boilerplate_reason(line, sizes[line.paragraph] == 1, settings)
        if reason == "heading" and not story_started:
            reason = None
        if reason is None and is_duplicate(line, kept, seen, settings):
            reason = "duplicate"
        if reason:
            removed.append(Removal(line.text, reason))
        else:
            kept.append(line)
            seen.setdefault(line.text, line.paragraph)
    return kept


def is_duplicate(line: Line, kept: list[Line], seen: dict[str, int],
                 settings: Settings) -> bool:
    """The same line already kept in another paragraph: exactly anywhere, or nearly (fuzzy
    ratio) among the recent ones."""
    if seen.get(line.text, line.paragraph) != line.paragraph:
        return True
    recent = [k.text for k in kept[-DUPLICATE_WINDOW:] if k.paragraph != line.paragraph]
    return process.extractOne(line.text, recent, scorer=fuzz.ratio,
                              score_cutoff=settings.duplicate_line_ratio) is not None


def boilerplate_reason(line: Line, alone: bool, settings: Settings) -> str | None:
    """Why `line` is not story text, or None; `alone` when it is its paragraph's only line."""
    text = line.text
    if RELATED.match(text):
        return "related"
    if COPYRIGHT.match(text) and len(text.split()) <= 12:
        return "copyright"
    if PROMO.search(text) and len(text.split()) <= 25:
        return "promo"
    if alone and CREDIT.search(text) and len(text.split()) <= 40:
        return "caption"
    if alone and not SENTENCE_END.search(text) and len(text.split()) < settings.heading_max_words:
        return "heading"
    return None


def join_paragraphs(lines: list[Line]) -> list[str]:
    """Lines of one paragraph joined; a word hyphenated across a wrap is mended."""
    paragraphs: list[str] = []
    current: list[str] = []
    last = None
    for line in lines:
        if last is not None and line.paragraph != last and current:
            paragraphs.append(_join(current))
            current = []
        current.append(line.text)
        last = line.paragraph
    if current:
        paragraphs.append(_join(current))
    return paragraphs


def _join(parts: list[str]) -> str:
    text = parts[0]
    for part in parts[1:]:
        text = text + part if re.search(r"[A-Za-z]-$", text) else text + " " + part
    return text


def first_words(text: str, limit: int = 12) -> str:
    words = text.split()
    return " ".join(words[:limit]) + ("…" if len(words) > limit else "")
