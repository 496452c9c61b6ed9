"""Brief sentences checked against their sources: no word, name or number that the cited
sources do not have (`check_sentence`), and the word sets the brief compares statements by."""

from __future__ import annotations

import re
from functools import lru_cache

from unidecode import unidecode

from .models import BriefSentence, Story
from .words import NUMBER_WORDS, stop_words

# Two statements sharing this share of the smaller one's content words say the same thing
# (paraphrases of one fact overlap 0.5-0.8 in the reference story; distinct facts on one
# event rarely pass 0.5).
NEAR_DUPLICATE = 0.6
# Words the brief itself adds around the sources' words (attribution).
FRAMING = frozenset({"only", "reports", "report", "that", "and"})
# A word: letters, or a figure with its separators ("1,200", "2.30"), so that "3,000" is not
# the figure 3.
WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")


# The same article texts are looked up for every candidate statement; a story's articles fit.
@lru_cache(maxsize=256)
def words_of(text: str) -> frozenset[str]:
    return frozenset(tokens(text))


def tokens(text: str) -> list[str]:
    """Words folded to ASCII lower case; figures without thousands commas ("1,200" = "1200")."""
    return [w.replace(",", "") if w[0].isdigit() else w
            for w in WORD.findall(unidecode(text).lower())]


def folded(text: str) -> str:
    return " ".join(tokens(text))


def unsupported(text: str, source: str, allowed: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """Words of `text` (case and accents folded) that `source` does not contain, apart from
    `allowed` ones."""
    have = words_of(source)
    return tuple(w for w in tokens(text)
                 if w not in have and w not in allowed)


def key_words(text: str) -> list[str]:
    """Names and numbers: capitalised words past the first, and figures (digits or words)."""
    raw = WORD.findall(text)
    keys = [w for i, w in enumerate(raw)
            if w[0].isdigit() or w.lower() in NUMBER_WORDS or (i > 0 and w[0].isupper())]
    return tokens(" ".join(keys))


def missing_keys(text: str, source: str, allowed: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """Names and numbers of `text` that `source` does not state ("five" and "5" are one)."""
    have = words_of(source)
    have = have | {NUMBER_WORDS[w] for w in have if w in NUMBER_WORDS}
    return tuple(k for k in key_words(text)
                 if k not in allowed and k not in have and NUMBER_WORDS.get(k) not in have)


def check_sentence(sentence: BriefSentence, story: Story) -> tuple[str, ...]:
    """Problems of one brief sentence (empty when it is faithful): no citation, a cited id
    that is not an article of the story, a word in none of the cited texts, a name or number
    missing from a cited text (for a conflict: from every cited text of its side, so from at
    least one cited text). The brief's own attribution words and the labels are allowed."""
    articles = {a.id: a for a in story.articles}
    cited = [articles[a] for a in sentence.citations if a in articles]
    if not sentence.citations:
        return ("no citation",)
    if len(cited) < len(sentence.citations):
        return ("cites an article that is not in the story",)
    allowed = FRAMING | frozenset(w for a in cited for w in words_of(a.label))
    union = "\n".join(a.text for a in cited)
    problems = [f"'{w}' is in no cited source" for w in unsupported(sentence.text, union,
                                                                     allowed)]
    sources = [union] if sentence.kind == "conflict" else [a.text for a in cited]
    for text in sources:
        problems += [f"'{k}' is missing from a cited source"
                     for k in missing_keys(sentence.text, text, allowed)]
    return tuple(dict.fromkeys(problems))


def content_words(text: str) -> frozenset[str]:
    return words_of(text) - stop_words()


def near_duplicate(a: str, b: str) -> bool:
    x, y = content_words(a), content_words(b)
    return bool(x and y) and len(x & y) / min(len(x), len(y)) >= NEAR_DUPLICATE

