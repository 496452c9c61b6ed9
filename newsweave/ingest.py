"""Files, folders and JSON/JSONL records -> RawRecords, with metadata sniffed from the text.

Nothing here raises on bad input: every unusable file or record becomes a `Skipped` with a
reason that names what is wrong, and the run goes on.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlparse

from .config import Settings
from .errors import InputError
from .models import RawRecord, Skipped

TEXT_EXTENSIONS = (".txt", ".text")
HTML_EXTENSIONS = (".html", ".htm")
JSON_EXTENSIONS = (".json", ".jsonl", ".ndjson")
SUPPORTED = TEXT_EXTENSIONS + HTML_EXTENSIONS + JSON_EXTENSIONS

# A scraper's leading "date 2023-09-17" marker, possibly on the same line as the first sentence.
DATE_PREFIX = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*", re.IGNORECASE)
ORIGINAL_URL = re.compile(r"^\s*(?:original\s+url|source\s+url|source)\s*:\s*$", re.IGNORECASE)
URL_LINE = re.compile(r"^\s*https?://\S+\s*$")
URL_PATH_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|$|[^0-9])")
COPYRIGHT = re.compile(r"^\s*(?:copyright|\(c\)|©)\s*(?:©\s*)?((?:19|20)\d{2})?\s*[,.]?\s*(.*)$",
                       re.IGNORECASE)

FIELD_NAMES = {
    "text": ("text", "maintext", "content", "body", "article", "raw_text"),
    "html": ("html", "raw_html", "raw"),
    "title": ("title", "headline_title", "name"),
    "url": ("url", "source_url", "link", "canonical_url"),
    "outlet": ("outlet", "source_domain", "hostname", "sitename", "source", "publisher"),
    "published": ("published", "date_publish", "date", "date_published", "published_at",
                  "pubdate", "publish_date"),
    "language": ("language", "lang"),
}
CONTAINER_KEYS = ("articles", "documents", "records", "items")


def shown(path: str | Path) -> str:
    """A path as printable text: bytes of a file name that are not UTF-8 become U+FFFD (the
    raw name would make the record unstorable and the report unwritable)."""
    return os.fsencode(path).decode("utf-8", errors="replace")


def short_hash(text: str, length: int = 12) -> str:
    normalised = " ".join(text.split()).lower()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:length]


def record_key(raw: RawRecord) -> str:
    """Same record content and metadata -> same key, wherever the file lives."""
    payload = json.dumps([raw.source_id, raw.body, raw.html, raw.title, raw.url, raw.outlet,
                          raw.published, raw.language], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class InputFiles:
    files: tuple[Path, ...]
    skipped: tuple[Skipped, ...]


def find_input_files(paths: Iterable[str | Path], exclude: Iterable[str] = ()) -> InputFiles:
    """Expand files and folders (recursively, symlink loops cut) into supported files.
    `exclude`: files that are not input (the run's own database and its journals)."""
    files: list[Path] = []
    skipped: list[Skipped] = []
    seen: set[str] = {os.path.realpath(p) for p in exclude}
    for given in paths:
        path = Path(given)
        if not path.exists():
            skipped.append(Skipped(shown(path), "no such file or folder"))
        elif path.is_dir():
            _walk_folder(path, files, skipped, seen)
        else:
            _add_file(path, files, skipped, seen)
    return InputFiles(tuple(files), tuple(skipped))


def _walk_folder(folder: Path, files: list[Path], skipped: list[Skipped], seen: set[str]) -> None:
    visited_dirs: set[str] = set()
    for root, dirs, names in os.walk(folder, followlinks=True, onerror=None):
        real_root = os.path.realpath(root)
        if real_root in visited_dirs:
            skipped.append(Skipped(shown(root),
                                   "folder already read (symlink loop), not read again"))
            dirs[:] = []
            continue
        visited_dirs.add(real_root)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if not name.startswith("."):
                _add_file(Path(root) / name, files, skipped, seen)


def _add_file(path: Path, files: list[Path], skipped: list[Skipped], seen: set[str]) -> None:
    real = os.path.realpath(path)
    if real in seen:
        return  # the same file reached twice through a link, or excluded: nothing lost
    if path.suffix.lower() not in SUPPORTED:
        reason = f"unsupported file type '{path.suffix or '(none)'}'; use {', '.join(SUPPORTED)}"
        skipped.append(Skipped(shown(path), reason))
        return
    seen.add(real)
    files.append(path)


def read_file(path: Path, settings: Settings) -> tuple[list[RawRecord], list[Skipped]]:
    """Read one file into records. Whole-file problems come back as one Skipped."""
    name = shown(path)
    try:
        data = _read_bytes(path, settings)
        text = decode_bytes(data, name)
        suffix = path.suffix.lower()
        if suffix in JSON_EXTENSIONS:
            return read_json_records(text, name, jsonl=suffix != ".json", settings=settings)
        if not text.strip():
            raise InputError(name, "empty file (no text)")
        if suffix in HTML_EXTENSIONS:
            return [RawRecord(path=name, source_id=shown(path.stem), body=text, html=True)], []
        return [sniff_plain_text(text, name, shown(path.stem))], []
    except InputError as err:
        return [], [Skipped(err.path, err.reason)]
    except OSError as err:
        return [], [Skipped(name, f"cannot be read: {err.strerror or err}")]


def _read_bytes(path: Path, settings: Settings) -> bytes:
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):  # reading a pipe or device would block or never end
        raise InputError(shown(path), "not a regular file (a pipe, socket or device)")
    size = info.st_size
    limit = settings.max_file_mb * 1024 * 1024
    if path.suffix.lower() not in (".jsonl", ".ndjson") and size > limit:
        raise InputError(shown(path), f"file is {size / 1048576:.1f} MB, over the "
                                    f"{settings.max_file_mb} MB limit for one article "
                                    "(raise it with --max-file-mb)")
    return path.read_bytes()


def decode_bytes(data: bytes, path: str) -> str:
    """Bytes -> text: BOMs honoured, UTF-8 first, then Windows-1252; binary is refused."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    head = data[:8192]
    if b"\x00" in head or _control_ratio(head) > 0.05:
        raise InputError(path, "binary data, not text (NUL or control bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _control_ratio(head: bytes) -> float:
    if not head:
        return 0.0
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(head)


def read_json_records(text: str, path: str, jsonl: bool,
                      settings: Settings) -> tuple[list[RawRecord], list[Skipped]]:
    records: list[RawRecord] = []
    skipped: list[Skipped] = []
    for where, value in _json_values(text, path, jsonl, skipped):
        for position, obj in _expand_containers(value, where):
            try:
                records.append(record_from_json(obj, position, settings))
            except InputError as err:
                skipped.append(Skipped(err.path, err.reason))
    if not records and not skipped:
        skipped.append(Skipped(path, "no records in file"))
    return records, skipped


def _json_values(text: str, path: str, jsonl: bool,
                 skipped: list[Skipped]) -> Iterator[tuple[str, object]]:
    if not jsonl:
        try:
            yield path, json.loads(text)
        except json.JSONDecodeError as err:
            skipped.append(Skipped(path, f"invalid JSON: {err.msg} at line {err.lineno}"))
        except (ValueError, RecursionError) as err:
            skipped.append(Skipped(path, f"invalid JSON: {_json_limit(err)}"))
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield f"{path}:{number}", json.loads(line)
        except json.JSONDecodeError as err:
            skipped.append(Skipped(f"{path}:{number}", f"invalid JSON line: {err.msg}"))
        except (ValueError, RecursionError) as err:
            skipped.append(Skipped(f"{path}:{number}", f"invalid JSON line: {_json_limit(err)}"))


def _json_limit(err: Exception) -> str:
    """Valid JSON syntax past Python's limits: nesting too deep, an integer too long."""
    if isinstance(err, RecursionError):
        return "nested too deeply to read"
    return "number too long to read" if "digits" in str(err) else str(err).split(";")[0]


def _expand_containers(value: object, where: str) -> Iterator[tuple[str, object]]:
    """A list of records, or an object holding one under 'articles'/'documents', is unpacked."""
    if isinstance(value, list):
        for index, item in enumerate(value):
            yield f"{where}[{index}]", item
        return
    if isinstance(value, dict) and not _field(value, "text") and not _field(value, "html"):
        for key in CONTAINER_KEYS:
            inner = value.get(key)
            if isinstance(inner, list):
                for index, item in enumerate(inner):
                    yield f"{where}/{key}[{index}]", item
                return
    yield where, value


def _field(obj: dict, name: str) -> object:
    for key in FIELD_NAMES[name]:
        value = obj.get(key)
        if value not in (None, ""):
            return value
    return None


def _string_field(obj: dict, name: str, where: str) -> str | None:
    value = _field(obj, name)
    if value is None:
        return None
    if isinstance(value, (int, float)) and name == "published":
        return str(value)
    if not isinstance(value, str):
        raise InputError(where, f"field '{name}' should be a string, got {type(value).__name__}")
    return value


def record_from_json(obj: object, where: str, settings: Settings) -> RawRecord:
    if not isinstance(obj, dict):
        raise InputError(where, f"record is a JSON {type(obj).__name__}, not an object")
    text = _string_field(obj, "text", where)
    html = _string_field(obj, "html", where) if text is None else None
    if not (text or html or "").strip():
        known = ", ".join(FIELD_NAMES["text"] + FIELD_NAMES["html"])
        raise InputError(where, f"record has no article text (looked for fields: {known})")
    body = text or html or ""
    if len(body) > settings.max_file_mb * 1024 * 1024:
        raise InputError(where, f"record text over the {settings.max_file_mb} MB limit")
    record_id = obj.get("id", obj.get("doc_id"))
    url = _string_field(obj, "url", where)
    published = normalise_date(_string_field(obj, "published", where))
    record = RawRecord(
        path=where, source_id=str(record_id) if record_id not in (None, "") else short_hash(body),
        body=body, html=html is not None or looks_like_html(body),
        title=_string_field(obj, "title", where), url=url,
        outlet=_string_field(obj, "outlet", where) or outlet_from_url(url),
        published=published, published_from="metadata" if published else None,
        language=_string_field(obj, "language", where))
    if not record.published and url and (from_url := date_from_url(url)):
        record = replace(record, published=from_url, published_from="url")
    return record


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:500].lower()
    return head.startswith(("<!doctype html", "<html")) or bool(
        re.search(r"<(p|div|body|article|head)[\s>]", head))


def normalise_date(value: str | None) -> str | None:
    """Any date-like metadata value -> 'YYYY-MM-DD', or None when it is not a date."""
    if not value or not value.strip():
        return None
    value = value.strip()
    try:
        return datetime.fromisoformat(value).date().isoformat()
    except ValueError:
        pass
    import dateparser  # slow to import: only when a non-ISO date needs it

    parsed = dateparser.parse(value, settings={"PREFER_DAY_OF_MONTH": "first",
                                               "REQUIRE_PARTS": ["year"]})
    return parsed.date().isoformat() if parsed else None


def date_from_url(url: str) -> str | None:
    try:
        match = URL_PATH_DATE.search(urlparse(url).path)
    except ValueError:  # not a URL after all ("http://[bad")
        return None
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
    except ValueError:
        return None


def outlet_from_url(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlparse(url).hostname or ""
    except ValueError:  # not a URL after all ("http://[bad")
        return None
    return host.removeprefix("www.") or None


def sniff_plain_text(text: str, path: str, source_id: str) -> RawRecord:
    """Metadata a scraped text file carries: a date marker, a source URL block, a copyright."""
    published, published_from = None, None
    if match := DATE_PREFIX.match(text):
        published, published_from = normalise_date(match[1]), "text"
    url = first_source_url(text)
    if not published and url and (from_url := date_from_url(url)):
        published, published_from = from_url, "url"
    outlet = outlet_from_url(url) or outlet_from_copyright(text)
    return RawRecord(path=path, source_id=source_id, body=text, url=url, outlet=outlet,
                     published=published, published_from=published_from)


def joined_url_lines(lines: list[str], start: int) -> tuple[str, int]:
    """A URL starting at lines[start], with the continuation lines a hard wrap split off."""
    url = lines[start].strip()
    end = start + 1
    while end < len(lines) and re.fullmatch(r"[^\s<>\"]+", lines[end].strip() or " ") \
            and not lines[end].strip().lower().startswith("http"):
        url += lines[end].strip()
        end += 1
    return url, end


def first_source_url(text: str) -> str | None:
    lines = text.splitlines()
    for index, line in enumerate(lines):
        if ORIGINAL_URL.match(line):
            for later in range(index + 1, min(index + 4, len(lines))):
                if URL_LINE.match(lines[later]):
                    return joined_url_lines(lines, later)[0]
    return None


def outlet_from_copyright(text: str) -> str | None:
    for line in text.splitlines()[-15:]:
        match = COPYRIGHT.match(line)
        if match and match[1]:
            name = match[2].strip(" .,;:-")
            if name and len(name.split()) <= 6 and not name.lower().startswith("all rights"):
                return re.sub(r"\.?\s*all rights reserved.*$", "", name, flags=re.IGNORECASE) or None
    return None
