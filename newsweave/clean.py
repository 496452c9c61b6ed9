"""RawRecord -> Article: the story text alone, with everything taken out kept and labelled.

HTML goes through trafilatura. Plain text is read line by line: scraper metadata, URL blocks,
copyright and related-article lines, promos, bylines, headings and photo captions come out;
lines a hard wrap broke in the middle of a sentence are joined again; an agency credit after
a paragraph's last sentence is cut off. Sentence ends and word counts follow the script: "。！？"
end sentences, and in scripts written without spaces (Chinese, Japanese) each character counts as
a word. Cleaning never loses an article: when its rules would remove more than half of the words
(or all of them), the text is kept whole and the article carries a warning.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import islice

import regex
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
from .words import UNSPACED, WORD_TOKEN, count_words

RELATED = re.compile(r"^\s*(?:related(?:\s+(?:article|story|stories|news|content|reading))?|"
                     r"read\s+(?:more|also)|see\s+also|also\s+read|more\s+on\s+this|"
                     r"recommended|watch|listen)\s*[:|>»-]", re.IGNORECASE)
PROMO = re.compile(
    r"download\s+(?:the|our)\b.{0,30}\bapp|(?:^|[.!]\s)\s*download\s+(?:it\s+)?(?:from|on)\b|"
    r"subscribe\s+(?:to|now|today|for)|sign\s+up\s+(?:for|to)|newsletter|follow\s+us\s+on|"
    r"join\s+(?:us|our)\s+on|click\s+here|"
    r"share\s+this\s+(?:article|story)|advertisement|all\s+rights\s+reserved|"
    r"(?:telegram|whatsapp)\s+channel|anytime,\s+anywhere|get\s+the\s+latest|"
    r"^\s*(?:updated|published|posted)\s*:?\s+\w+\s+\d|"
    # Contact lines and image credits: "Get in touch with us via email at ...", "He can be
    # reached at name@site.com", "Featured image adapted from ...".
    r"get\s+in\s+touch|contact\s+us\b|e-?mail\s+us\b|[\w.+-]+@[\w-]+\.[a-z]{2,}|"
    r"(?:featured|cover|header|top|lead)\s+(?:image|photo|picture)|"
    r"^\s*(?:here['’]?s\s+(?:everything|what|all)\s+you\s+need\s+to\s+know|"
    r"find\s+out\s+more)",
    re.IGNORECASE)
# A sentence addressed to the reader about the site, not the story, wherever it stands in a
# paragraph ("... policy. Please consider subscribing now.", "For more information on scams,
# visit www...."): the line-level PROMO needs the whole line short, these phrases don't. Kept
# to phrases no reported sentence uses ("subscribe to receive the statement" is news, so only
# the imperative "Subscribe ..." at a sentence's start and the reader's "subscribing"; a poll's
# "Click your choice to see results", "Join our free newsletter", "Suggest a correction"), and a
# site's disclaimer ("The information in this article is for general informational purposes
# only").
READER_APPEAL = re.compile(r"^\W*subscribe\b|\bsubscribing\b|\bclick\s+(?:here|your)\b|"
                           r"\bfollow\s+us\b|^\W*join\s+our\b|^\W*suggest\s+a\s+correction\b|"
                           r"\binformation(?:al)?\s+purposes\s+only\b",
                           re.IGNORECASE)
# An editor's note on where the piece first ran: "This article was first published in The
# Daily Example.", "<headline> was first published on the X blog.", "Permission required for
# reproduction." Matched where the line ends with the outlet's capitalised name, so "The study
# was first published in The Lancet in 2019" stays.
EDITORS_NOTE = re.compile(
    r"^\W*(?:this|the)\s+(?:article|story|post|piece|report)\s+(?:was\s+)?(?:first|originally)"
    r"\s+(?:published|appeared)\b|\b(?:was|were)\s+(?:first|originally)\s+(?:published|appeared)"
    r"\s+(?:in|on|by)\s+(?:the\s+)?(?-i:(?:[A-Z][\w’'&.-]*\s*)+)(?:blog|website|site)?\W*$|"
    r"\bpermission\s+required\s+for\s+reproduction\b", re.IGNORECASE)
# An editor's note is one line: a headline and an outlet's name.
NOTE_MAX_WORDS = 40
MORE_POINTER = re.compile(r"^\W*for\s+more\s+(?:information|details|updates|stories)\b",
                          re.IGNORECASE)

# A caption's closing photo credit: "...in Russia.—Reuters", "... (Photo: AFP)", "Photo: X/Y",
# "... (Picture source: US DoD)".
CREDIT = re.compile(r"(?:[.)]\s*[—–]\s*|\s[—–|/]\s*|\(\s*)(?:photo|image|picture|file|credit)?"
                    r"(?:\s*(?:source|credit|courtesy))?\s*:?\s*[A-Z][\w.&/ -]{1,40}\)?\s*$|"
                    r"^\s*(?:photo|image|picture)\s*:",
                    re.IGNORECASE)
# Closing quotes and brackets that may follow a sentence's end mark, after a space in text rebuilt
# from tokens ("said . ''"); "“" too, which closes German quotes and ends many scraped ones.
CLOSERS = r"\"'\p{Pe}\p{Pf}\p{Pi}"
CLOSED = rf"(?:\s?[{CLOSERS}])*"
# A sentence's end mark in any script ("." "?" "!" "。" "！" "？" "؟" "।" ...: Unicode's
# Sentence_Terminal), with the closers after it; or a closing quote on its own.
SENTENCE_END = regex.compile(rf"[\p{{STerm}}…]{CLOSED}\s*$|[\"”»]\s*$")
# Where one sentence ends and the next starts: after an end mark (and closers), spaces, then a
# capital, an uncased letter (Arabic, CJK), a digit or an opening quote; or, after the full-width
# marks of scripts written without spaces, straight away.
SENTENCE_BREAK = regex.compile(
    rf"(?<=\p{{STerm}}{CLOSED})\s+(?=[\p{{Pi}}\p{{Ps}}\"'¿¡]?[\p{{Lu}}\p{{Lt}}\p{{Lo}}\p{{N}}])|"
    rf"(?<=[。！？｡][{CLOSERS}]*)(?=[^\s\p{{STerm}}{CLOSERS}])")
# Scripts written without spaces between words: each character counts as a word.
# An agency credit after a paragraph's last sentence: capitals ("... policy. REUTERS, AFP"), a
# dash and a name ("... setiap tahun. – AFP/AGENSI", "... said. - Reuters"), or a short code
# in brackets ("... 99 persen. (Ant/OL-12)"). Bare capitals need three letters ("3 p.m. ET" is
# a time) and only , / & between names ("... probation period. FIRST TWO VICTIMS" is a heading).
CAPS = r"\p{Lu}{2,}(?:[/&-]\p{Lu}{2,})*"
TRAILING_CREDIT = regex.compile(
    rf"(?<=\p{{STerm}}{CLOSED})\s+("
    rf"(?=\p{{Lu}}{{3}}){CAPS}(?:\s*[,/&]\s*{CAPS}){{0,3}}"
    rf"|[-–—]\s*\p{{Lu}}[\w/&-]+(?:\s*[,/&]?\s*\p{{Lu}}[\w/&-]+){{0,2}}"
    r"|\(\p{Lu}[\w/ .-]{0,20}\))\s*$")
# The age stamp of an item in a list of other articles ("Politics2 weeks ago", "5 days ago"; a
# section label, when there is one, runs into the number, as scraped pages join the label and
# the time elements): the line after it is that article's headline, whatever its last mark
# ("... owners or long-term lessees?"), which the heading rule lets through.
AGE_STAMP = re.compile(r"^\W*(?:[^\W\d][\w&]*(?:\s+[\w&]+)?)?\d+\s+(?:second|minute|"
                       r"hour|day|week|month|year)s?\s+ago\s*$", re.IGNORECASE)
# "About the author" / "About us": the paragraph after it is the writer's or the site's blurb
# ("Jane Doe is a bargain hunter who ...", "Example News is a premier source for ...").
ABOUT_HEADING = re.compile(r"^\W*about\s+(?:the\s+)?(?:author|writer|us|me)\W*$", re.IGNORECASE)
# The writer's tag line closing a piece ("- Jane Doe is a correspondent at The Daily Example.
# She covers health.", "John Roe is the paper's senior health writer"): a name of up to four
# capitalised words, "is" and a newsroom job. Opened by a dash (the tag line's mark), the line
# is the tag whatever follows; without one, only an outlet may follow, or the writer's next
# sentence ("He was also ..."). Read only in a piece's last two paragraphs, alone in its
# paragraph: inside the story the same words can be news about a journalist.
WRITER_IS = (r"(?:[A-Z][\w'’.-]*\s+){1,4}is\s+(?:a|an|the|our)\s+(?:[\w'’-]+,?\s+){0,4}?"
             r"(?:correspondent|reporter|journalist|writer|editor|columnist|contributor|"
             r"commentator|photographer|photojournalist|producer|presenter|intern)s?\b")
WRITER_LINE = re.compile(
    rf"^\s*[-–—]\s*{WRITER_IS}|^\W*{WRITER_IS}"
    r"(?:\s+(?:at|with|for|of|in)\s+(?:the\s+)?[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*)*)?"
    r"(?:\W*$|\.\s+(?:He|She|They)\s)")
WRITER_LINE_MAX_WORDS = 60
# A date alone on a line, with or without its label ("Published: 4 March 2026", "Date:
# 2026-03-04"; not "Updated:", a later date than the publication's).
SHORT_DATE = re.compile(r"^\s*(?:(?i:published|posted|date|dated)(?:\s+on)?\s*:?\s*)?"
                        r"(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}"
                        r"\.?\s+\d{4}|\d{4}-\d{2}-\d{2})(?:\s+\d{1,2}[:.]\d{2}.*)?\s*$")
# Hard wraps: a file is hard-wrapped at the length its 90th-percentile line reaches, when at
# least 40 % of its lines end within 75 % of it and it is at most 160 columns (longer "lines"
# are paragraphs); a line that reaches 75 % of the width continues on the next. Chosen by
# hand on the reference story's wrapped files; the LocalNews dev set has no wrapped text.
WRAP_QUANTILE, WRAP_NEAR, WRAP_SHARE, WRAP_MAX = 0.9, 0.75, 0.4, 160
# A paragraph that repeats the title this closely (rapidfuzz ratio) is the headline again.
TITLE_REPEAT_RATIO = 90
# Longer lines are story text even when they match a pattern: a copyright notice is a short
# line, a promo a sentence or two, a photo caption with its credit a few sentences' worth of
# words. Set by hand to those sizes, not fitted; `newsweave eval cleaning` measures the result.
COPYRIGHT_MAX_WORDS, PROMO_MAX_WORDS, CAPTION_MAX_WORDS = 12, 25, 40


@dataclass(frozen=True)
class Line:
    text: str
    paragraph: int  # lines of one paragraph share this number


def clean_record(raw: RawRecord, settings: Settings) -> Article:
    """Clean one record by rules (captions need the parse: see claims.py). Raises InputError
    when no story text is left and no line of the record is as long as a sentence."""
    removed: list[Removal] = []
    meta: dict[str, str | None] = {}
    if raw.html:
        lines, meta = extract_html(raw)
    else:
        lines = text_lines(raw.body, removed)
    sure = len(removed)  # URL blocks and date markers: never story text
    title = raw.title or meta.get("title")
    kept = strip_boilerplate(lines, removed, settings)
    paragraphs = cut_credits(join_paragraphs(kept), removed)
    paragraphs, title, published = strip_front_matter(paragraphs, title, removed, settings)
    warning = guard_warning(lines, paragraphs, removed[sure:], settings)
    if warning:
        paragraphs = join_paragraphs(lines)
        del removed[sure:]
    if not paragraphs:
        reasons = ", ".join(sorted({r.reason for r in removed}))
        raise InputError(raw.path, "no story text left after cleaning (no line as long as a "
                                   "sentence" + (f"; removed {len(removed)} lines: {reasons})"
                                                 if removed else ")"))
    text = "\n\n".join(paragraphs)
    published_at = raw.published or meta.get("date") or published
    published_from = raw.published_from or ("metadata" if meta.get("date") else
                                             "text" if published else None)
    url = raw.url or meta.get("url")
    return Article(
        id=raw.source_id, path=raw.path, text=text, title=title or first_words(text),
        url=url, outlet=raw.outlet or meta.get("sitename") or outlet_from_url(url),
        published=published_at, published_from=published_from if published_at else None,
        language=raw.language or detect_language("\n".join(paragraphs)), removed=tuple(removed),
        content_hash=short_hash(text, 16), warnings=(warning,) if warning else ())


# Removals whose words stay in the article: a repeated line (its first copy is kept) and the
# headline (it becomes the title).
WORDS_KEPT_ELSEWHERE = ("duplicate", "headline")


def guard_warning(lines: list[Line], paragraphs: list[str], removed: list[Removal],
                  settings: Settings) -> str | None:
    """A warning when the rules would leave no text or lose more than the allowed share of the
    words (then the text is kept whole: losing a real article is worse than keeping a promo
    line); None when the cleaning stands, or when no line is as long as a sentence (headings
    or navigation alone, "Breaking news / Live updates", are no article)."""
    words = [count_words(line.text) for line in lines]
    total = sum(words)
    lost = sum(count_words(r.text) for r in removed if r.reason not in WORDS_KEPT_ELSEWHERE)
    if max(words, default=0) < settings.min_sentence_words or (
            paragraphs and lost <= settings.clean_max_removed_share * total):
        return None
    share = 1 - sum(count_words(p) for p in paragraphs) / total if total else 1.0
    reasons = ", ".join(sorted({r.reason for r in removed}))
    return (f"cleaning would have removed {share:.0%} of the words ({reasons}); "
            "the text is kept whole")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of one paragraph, surrounding spaces left out."""
    spans, start = [], 0
    for match in SENTENCE_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    stripped = []
    for begin, end in spans:
        piece = text[begin:end]
        left = len(piece) - len(piece.lstrip())
        if piece.strip():
            stripped.append((begin + left, begin + len(piece.rstrip())))
    return stripped


def cut_credits(paragraphs: list[str], removed: list[Removal]) -> list[str]:
    """An agency credit after a paragraph's last sentence ("... policy. REUTERS, AFP") is
    cut off and kept aside; the sentences stay."""
    result = []
    for text in paragraphs:
        if match := TRAILING_CREDIT.search(text):
            removed.append(Removal(match.group(1), "credit"))
            text = text[:match.start()].rstrip()
        result.append(text)
    return result


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
            if not (wrapped_width and len(raw[index].rstrip()) >= WRAP_NEAR * wrapped_width):
                paragraph += 1  # only a line that hit the wrap width continues on the next
        index += 1
    return lines


def hard_wrap_width(raw_lines: list[str]) -> int:
    """The column a file was hard-wrapped at, or 0 when its lines are whole paragraphs."""
    lengths = sorted(len(line.rstrip()) for line in raw_lines if line.strip())
    if len(lengths) < 6:
        return 0
    width = lengths[int(len(lengths) * WRAP_QUANTILE)]
    near = sum(1 for length in lengths if WRAP_NEAR * width <= length <= width)
    return width if width <= WRAP_MAX and near >= WRAP_SHARE * len(lengths) else 0


def strip_front_matter(paragraphs: list[str], title: str | None, removed: list[Removal],
                       settings: Settings) -> tuple[list[str], str | None, str | None]:
    """Headline, standfirst, byline and dateline at the top: metadata, not story text."""
    published = None
    keep_from = 0
    for index, text in enumerate(paragraphs[:6]):
        if is_story_text(text, settings):
            break
        if (dated := SHORT_DATE.match(text)) and published is None:
            published = normalise_date(text[dated.start("date"):])
            removed.append(Removal(text, "dateline"))
        elif title is None and index == 0:
            title = text
            removed.append(Removal(text, "headline"))
        elif title and fuzz.ratio(text.lower(), title.lower()) > TITLE_REPEAT_RATIO:
            removed.append(Removal(text, "headline"))
        else:
            removed.append(Removal(text, "standfirst" if count_words(text) > 4 else "byline"))
        keep_from = index + 1
    return paragraphs[keep_from:], title, published


def is_sentence(text: str, settings: Settings) -> bool:
    return bool(SENTENCE_END.search(text)) and count_words(text) >= settings.min_sentence_words


def is_story_text(text: str, settings: Settings) -> bool:
    """A paragraph of story text, not front matter: a sentence; or, whatever its last
    characters, longer than front matter ever is, or holding several sentences."""
    if is_sentence(text, settings) or count_words(text) > settings.front_matter_max_words:
        return True
    return complete_sentences(text, settings) >= 2


def complete_sentences(text: str, settings: Settings) -> int:
    return sum(1 for start, end in split_sentences(text) if is_sentence(text[start:end], settings))


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
    after_stamp = False
    about_at, bio = -1, -1  # paragraphs of an "About the author" heading and of the blurb
    closing = lines[-1].paragraph - 1 if lines else 0  # the last two paragraphs start here
    for line in lines:
        story_started = story_started or is_sentence(line.text, settings)
        reason = boilerplate_reason(line, sizes[line.paragraph] == 1, settings)
        if reason == "heading" and not story_started:
            reason = None
        stamp = bool(AGE_STAMP.match(line.text))
        if stamp or after_stamp and count_words(line.text) < settings.heading_max_words:
            reason = "related"
        after_stamp = stamp
        if ABOUT_HEADING.match(line.text):
            about_at = line.paragraph
        elif about_at >= 0 and line.paragraph != about_at:  # the paragraph after the heading
            about_at, bio = -1, line.paragraph
        if line.paragraph in (about_at, bio):
            reason = "about"
        if reason is None and line.paragraph >= closing and sizes[line.paragraph] == 1 and \
                writer_line(line.text):
            reason = "byline"
        if reason is None and is_duplicate(line, kept, seen, settings):
            reason = "duplicate"
        if reason:
            removed.append(Removal(line.text, reason))
        else:
            kept.append(line)
            seen.setdefault(line.text, line.paragraph)
    return kept


def writer_line(text: str) -> bool:
    """The writer's tag line (`WRITER_LINE`), short."""
    return count_words(text) <= WRITER_LINE_MAX_WORDS and WRITER_LINE.match(text) is not None


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
    words = count_words(text)
    if COPYRIGHT.match(text) and words <= COPYRIGHT_MAX_WORDS:
        return "copyright"
    if PROMO.search(text) and words <= PROMO_MAX_WORDS:
        return "promo"
    if EDITORS_NOTE.search(text) and words <= NOTE_MAX_WORDS:
        return "editor's note"
    # A caption is one sentence and its credit; on LocalNews dev the one paragraph of several
    # sentences taken for a caption was story text.
    if alone and CREDIT.search(text) and words <= CAPTION_MAX_WORDS \
            and complete_sentences(text, settings) < 2:
        return "caption"
    if alone and words < settings.heading_max_words and is_heading(text):
        return "heading"
    return None


def is_promo_sentence(text: str) -> bool:
    """A sentence addressed to the reader about the site (`READER_APPEAL`, `MORE_POINTER`)."""
    return bool(READER_APPEAL.search(text) or MORE_POINTER.search(text))


def is_heading(text: str) -> bool:
    """One line, no end mark: a heading, a list label, the headline of another article in a
    related-links list. A line that ends with a colon (it introduces what follows) or a web
    address, or that holds a sentence end inside ("... in the past. THE STAR"), is a
    sentence, unless it is titled like a heading (`is_titled_heading`)."""
    stripped = text.rstrip()
    if is_titled_heading(stripped):
        return True
    return not (SENTENCE_END.search(stripped) or stripped.endswith(":")
                or "." in stripped.split()[-1] or len(split_sentences(stripped)) > 1)


# A numbered question ("5. Where can I check my balance?") heads an FAQ's answer.
NUMBERED_QUESTION = re.compile(r"^\d{1,2}[.)]\s+\S.*\?$")
# Words shorter than this stay lower case in a title ("of", "to", "the", "and").
TITLE_WORD_MIN = 4
OPENERS = "\"'“‘(["


def is_titled_heading(text: str) -> bool:
    """A heading whatever its marks: a numbered question ("5. Where can I ...?"), or a line in
    title case, every word of four letters or more capitalised ("How Will This Change Affect
    Members?", "Government Announces Aid – Check If You Qualify!"); prose is in sentence
    case. A full stop or a colon at the end keeps the line a sentence, as in `is_heading`."""
    if NUMBERED_QUESTION.match(text):
        return True
    long_words = [w.lstrip(OPENERS) for w in WORD_TOKEN.findall(text)]
    long_words = [w for w in long_words if len(w) >= TITLE_WORD_MIN and w[0].isalpha()]
    return not text.endswith((".", ":")) and len(long_words) >= 3 and \
        all(w[0].isupper() for w in long_words)


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
        glued = re.search(r"[A-Za-z]-$", text) or (UNSPACED.match(text[-1]) and
                                                   UNSPACED.match(part[0]))
        text = text + part if glued else text + " " + part
    return text


def first_words(text: str, limit: int = 12) -> str:
    """The first `limit` words (characters, in scripts written without spaces)."""
    tokens = list(islice(WORD_TOKEN.finditer(text), limit + 1))
    if len(tokens) <= limit:
        return " ".join(text.split())
    return " ".join(text[:tokens[limit - 1].end()].split()) + "…"
