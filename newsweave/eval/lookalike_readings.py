"""Our reading of the labelled look-alikes: do a look-alike's two sides state one thing (in
other words, rounded, converted, less precise: one fact citing both is right) or different
things (two events, two times, a part and its total, two lists: one fact citing both is a false
corroboration)? The labels say only why a pair is no disagreement; this reading, made once
from each label's `why_not` and sides and kept in `lookalike_readings.json`, tells the two
apart so "look-alikes shown as agreeing" can be counted where it is wrong.

Each reading is keyed by story and look-alike index and carries the first 8 hex digits of the
SHA-256 of the label's `why_not`: a label that changed is left unread (None), never misread.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path

READINGS_FILE = Path(__file__).with_name("lookalike_readings.json")
CLASSES = {"same": True, "different": False}


def note_digest(note: str) -> str:
    return hashlib.sha256(note.encode("utf-8")).hexdigest()[:8]


def load_readings(path: Path = READINGS_FILE) -> dict[tuple[str, int], tuple[str, bool]]:
    """(story key, look-alike index) -> (digest of its why_not, same thing?)."""
    if not path.exists():
        return {}
    rows = json.loads(path.read_text(encoding="utf-8"))["readings"]
    return {(story, int(index)): (digest, CLASSES[reading])
            for story, index, digest, reading in rows}


def same_thing(readings: Mapping[tuple[str, int], tuple[str, bool]], story: str, index: int,
               note: str) -> bool | None:
    """The reading of one look-alike; None when unread or when its label has changed."""
    found = readings.get((story, index))
    if found is None or found[0] != note_digest(note):
        return None
    return found[1]
