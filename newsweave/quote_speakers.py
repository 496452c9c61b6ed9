"""Who says each quotation of an article, from the dependency parse and the article around it.

A quotation's own attribution comes first: a speech verb outside the quote ("said", "told",
"described ... as", "according to") and its subject, climbing from a verb without a subject to
the clause it hangs on ("issued a statement saying"); a sentence that only attributes the quote
just before it ('“Can we?” Jane Doe said.'); or a name and a colon ('Jane Doe: “...”'). A
"he"/"she" subject stands for a person only when the nearest sentence naming people outside
quotation marks makes it clear (`antecedent`); names inside the quote never count. A quote
whose own attribution cannot be resolved ("the retiree said", "another added") keeps no
speaker.

A quote with no attribution of its own takes one from the article only where news writing
leaves no doubt: a quotation continued over paragraphs is one speaker's; a quote that is a
sentence of its own right after an attributed quote of the same paragraph, or opening the
paragraph after one, goes on with that speaker; a quote opening a paragraph right after a
sentence reporting what someone said ("Lee said there are no plans ...", "Lee said in a
statement:") is that person's. Speakers get the canonical name of their merged entity.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .entities import contains
from .entity_forms import capitalised_part, form_key, name_tokens, normalise, not_a_name
from .entity_spans import after_title
from .models import Entity
from .words import TITLES

# Pronoun subjects look back this many sentences (not counting sentences that are all quoted
# words) for the person they stand for; further back a "he" is as likely to mean someone
# named in between without a recognised name.
PRONOUN_LOOKBACK = 3

SPEECH_LEMMAS = {
    "say", "tell", "add", "state", "declare", "announce", "describe", "characterize",
    "characterise", "call", "label", "write", "note", "explain", "insist", "claim", "warn",
    "argue", "indicate", "report", "quote", "ask", "reply", "respond", "stress", "emphasize",
    "emphasise", "comment", "confirm", "deny", "acknowledge", "admit", "suggest", "tweet",
    "post", "urge", "promise", "vow", "predict", "recall", "assert", "maintain", "observe",
    "remark", "conclude", "accord", "testify", "shout", "cry", "agree", "plead",
    # verbs the LocalNews dev stories use for "said" beside a quote ('“...,” shared X')
    "share", "question", "elaborate", "reiterate", "recount", "lament", "mention", "concede",
    "quip", "joke", "exclaim", "caution", "complain", "contend", "reveal", "disclose",
    "highlight", "point", "express", "retort", "pledge", "inform",
}
PERSON_PRONOUNS = {"he", "she", "him", "her"}
# Clauses describing a subject ("sitting next to X", "who met X"): the names in them are not
# the subject's.
CLAUSES = {"acl", "relcl", "advcl", "ccomp"}
# Speech verbs whose passive subject is the listener ("he was told: ..."), not the speaker.
LISTENER_VERBS = {"tell", "ask", "inform", "urge", "warn", "promise"}
# Which recognised name in a subject phrase is the speaker: a person before an organisation
# before a place ("a spokesperson for the Foreign Ministry of X": the ministry, not X).
SPEAKER_LABELS = {"PERSON": 0, "ORG": 1, "NORP": 2, "GPE": 3, "FAC": 4}
SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
# Clauses that carry what was said, and tense or negation ("has since responded", "did not
# say"): a speech verb with one of them says something of its own, so its sentence does not
# merely attribute a quotation next to it.
CONTENT = {"ccomp", "xcomp", "parataxis", "aux", "neg"}
OPENERS = "“«„\"`"
PARAGRAPH = re.compile(r"\n\s*\n")
CLOSERS = "”»“\"'"


@dataclass(frozen=True)
class Span:
    """Content of one quotation (marks excluded) in article offsets."""

    start: int
    end: int
    paragraph: int = 0
    continued: bool = False  # left open at its paragraph's end, reopened in the next one
    alone: bool = False  # the quotation is its whole paragraph


@dataclass(frozen=True)
class Said:
    """A quotation's speaker as its own sentence gives it. `own` without a `speaker`: the
    quote is attributed in words that name nobody ("the retiree said"), so no speaker may
    be borrowed from the article around it."""

    speaker: str | None = None
    label: str = ""
    own: bool = False


@dataclass(frozen=True)
class Page:
    """One parsed article: its text, parse, quotations and the story's name index."""

    text: str
    doc: Any
    spans: Sequence[Span]
    index: Mapping[str, Entity]

    def quoted(self, start: int, end: int) -> bool:
        """Characters start..end lie within one quotation, its marks (up to two characters
        each side) included."""
        return any(s.start - 2 <= start and end <= s.end + 2 for s in self.spans)


def alias_index(entities: tuple[Entity, ...]) -> dict[str, Entity]:
    """Folded name tokens of every name and alias -> its entity."""
    index: dict[str, Entity] = {}
    for entity in entities:
        for name in (entity.name, *entity.aliases):
            index.setdefault(form_key(normalise(name)), entity)
    return index


def article_speakers(page: Page) -> list[str | None]:
    """The speaker of each of the page's quotations, None where unclear."""
    said: list[Said] = []
    last_person: str | None = None
    for span in page.spans:
        found = own_speaker(page, span, last_person)
        if found.speaker and found.label == "PERSON":
            last_person = found.speaker
        said.append(found)
    speakers = [s.speaker for s in said]
    spans = page.spans
    for i in reversed(range(len(spans) - 1)):  # one quotation over paragraphs: one speaker
        if speakers[i] is None and not said[i].own and spans[i].continued \
                and spans[i + 1].paragraph == spans[i].paragraph + 1:
            speakers[i] = speakers[i + 1]
    for i, span in enumerate(spans):
        if speakers[i] is None and not said[i].own:
            speakers[i] = context_speaker(page, i, speakers)
    return [s if s is None or a_name(s) else None for s in speakers]


def a_name(speaker: str) -> bool:
    """A speaker found is a name, not a title or a code the parser took for one ("Deputy Prime
    Minister II said": "II"; "Datuk"; "RON95" as the antecedent of a "she")."""
    tokens = name_tokens(speaker)
    return any(t.isalpha() for t in tokens) and not not_a_name(tokens, "ORG", speaker)


# --- a quotation's own attribution -----------------------------------------------------------


def own_speaker(page: Page, span: Span, last_person: str | None) -> Said:
    """The speaker the quote's own sentence (or the sentence right after it, or a name and
    colon before it) gives. A "he"/"she" with no sentence naming people in the lookback
    stands for `last_person`, the person last quoted in the article (the way news writing
    goes on); with an unclear one it stands for nobody."""
    sentences = [s for s in page.doc.sents if s.start_char < span.end and s.end_char > span.start]
    for verb in speech_verbs(page, sentences, span):
        subject = subject_of(verb, quote_before=span.end <= verb.idx)
        if subject is None or span.start <= subject.idx < span.end \
                or coordinated_away(page, verb, span):
            continue
        return resolve(page, subject, last_person)
    after = attribution_after(page, span)
    if after is not None:
        verb, bare = after
        subject = subject_of(verb, quote_before=True)
        if bare and subject is not None:
            return resolve(page, subject, last_person)
        return Said(own=True)  # says more than who spoke: the quote's speaker is unclear
    return colon_name(page, span)


def resolve(page: Page, subject: Any, last_person: str | None = None) -> Said:
    """The speaker a subject token names; a pronoun's antecedent; else attributed to nobody."""
    name = named_in(page, subject) or proper_noun(subject)
    if name is not None:
        return Said(canonical(*name, page.index), name[1], own=True)
    if subject.lower_ in PERSON_PRONOUNS:
        person, named = antecedent(page, subject)
        return Said(person if named else last_person, "PERSON", own=True)
    return Said(own=True)


def speech_verbs(page: Page, sentences: list[Any], span: Span) -> list[Any]:
    """Speech verbs outside quotations in the sentences the quote touches, within its
    paragraph (the parser may run a sentence over a paragraph break), nearest first."""
    start, end = paragraph_of(page.text, span)
    outside = [t for sent in sentences for t in sent if start <= t.idx < end
               and not span.start - 1 <= t.idx < span.end + 1
               and not page.quoted(t.idx, t.idx + len(t))]
    verbs = [t for t in outside if t.lemma_.lower() in SPEECH_LEMMAS
             and (t.pos_ in ("VERB", "AUX") or t.lower_ == "according")]
    return sorted(verbs, key=lambda t: min(abs(t.idx - span.start), abs(t.idx - span.end)))


def coordinated_away(page: Page, verb: Any, span: Span) -> bool:
    """The quote lies in a clause joined to the verb with a subject of its own, both outside
    the quote ("X expressed concern, and Y issued a “strong warning”"): the words are Y's."""
    words = page.doc.char_span(span.start, span.end, alignment_mode="expand")
    if words is None or not len(words):
        return False
    for token in [words.root, *words.root.ancestors]:
        if token == verb:
            return False
        subject = nearest_subject(token) if token.dep_ == "conj" else None
        if subject is not None and token.head == verb and not (
                span.start <= subject.idx < span.end or span.start <= token.idx < span.end):
            return True
    return False


def subject_of(verb: Any, quote_before: bool) -> Any | None:
    """The verb's subject ("according to X": X); a verb without one hangs on a clause that
    has it ("issued a statement saying", "and said"): climb up to three heads. After a quote
    the parser sometimes takes an inverted subject for an object ('"...," noted the agency').
    """
    token = verb
    for level in range(4):
        if token.lower_ == "according":
            return next((g for c in token.children if c.dep_ == "prep"
                         for g in c.children), None)  # the parser varies below "to"
        subject = nearest_subject(token)
        agent = next((g for c in token.children if c.dep_ == "agent"
                      for g in c.children if g.dep_ == "pobj"), None)
        if agent is not None and token.lemma_ != "quote":
            return agent
        quoted = next((c for c in token.children if c.dep_ == "dobj"), None)
        if level == 0 and token.lemma_ == "quote" and quoted is not None:
            return quoted  # "the agency quoted Jane Doe as saying"
        if subject is not None:
            listener = subject.dep_ == "nsubjpass" and token.lemma_.lower() in LISTENER_VERBS
            return None if listener else subject
        inverted = next((c for c in token.children if c.dep_ == "dobj" and c.i > token.i), None)
        if level == 0 and quote_before and inverted is not None:
            return inverted
        if token.head.i == token.i:  # the root (Token objects are new per access)
            return None
        token = token.head
    return None


def nearest_subject(verb: Any) -> Any | None:
    """The verb's subject; of two (a parse that takes "Minister X (ORG) Jane Doe" for two
    subjects), the one nearest the verb."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    return min(subjects, key=lambda c: abs(c.i - verb.i)) if subjects else None


def attribution_after(page: Page, span: Span) -> tuple[Any, bool] | None:
    """(speech verb, bare) of the sentence right after the quote in its paragraph when its
    main verb is a speech verb: the parser ends a sentence at a quote's own "?", "!" or "."
    ('“Can we?” Jane Doe said.'). `bare`: the sentence says nothing of its own (no clause
    of content, no auxiliary or negation, no quotation), so it only attributes the quote.
    The next paragraph's first sentence does not count: in LocalNews dev stories such a
    sentence ("X has since responded.", "X, a volunteer, said ...") was the next speaker's,
    not the quote's."""
    sent = next((s for s in page.doc.sents if s.start_char >= span.end), None)
    first = next((t for t in sent if not t.is_space and t.text not in CLOSERS), None) \
        if sent is not None else None
    if sent is None or first is None:
        return None
    gap = page.text[span.end:first.idx]
    if gap.strip(CLOSERS + ".!? \t") or "\n" in gap:
        return None
    root = sent.root
    if root.lemma_.lower() not in SPEECH_LEMMAS or root.pos_ not in ("VERB", "AUX"):
        return None
    bare = not any(c.dep_ in CONTENT for c in root.children) and not any(
        s.start < sent.end_char and s.end > sent.start_char for s in page.spans)
    return root, bare


def colon_name(page: Page, span: Span) -> Said:
    """'Jane Doe: “...”': a name (titles allowed) and a colon, alone since the line or the
    last sentence began, introduce the quotation."""
    head = page.text[:span.start].rstrip(OPENERS + " \t")
    if not head.endswith(":"):
        return Said()
    begin = max(head.rfind("\n"), head.rfind(". "), head.rfind("? "), head.rfind("! ")) + 1
    tokens = [t for t in page.doc if begin <= t.idx and t.idx + len(t) < len(head)]
    while tokens and tokens[0].lower_.rstrip(".") in TITLES:
        tokens = tokens[1:]
    ents = [e for e in page.doc.ents
            if tokens and tokens[0].i <= e.start and e.end <= tokens[-1].i + 1]
    labels = {label_of(e, page.index) for e in ents}
    if not tokens or any(t.pos_ != "PROPN" for t in tokens) or len(labels) != 1 \
            or not labels <= {"PERSON", "ORG"}:
        return Said()
    name, label = page.text[tokens[0].idx:tokens[-1].idx + len(tokens[-1])], labels.pop()
    return Said(canonical(name, label, page.index), label, own=True)


# --- names ------------------------------------------------------------------------------------


def canonical(text: str, label: str, index: Mapping[str, Entity]) -> str:
    """The merged entity's name for a speaker's words; a bare surname finds the one person
    whose name ends or starts with it; otherwise the words themselves, titles off."""
    clean = normalise(capitalised_part(text) or text)
    tokens = name_tokens(clean)
    if " ".join(tokens) in index:
        return index[" ".join(tokens)].name
    if label == "PERSON" and tokens:
        found = {e.name for key, e in index.items()
                 if e.type == "PERSON" and contains(tuple(key.split()), tokens)}
        if len(found) == 1:
            return found.pop()
    return clean


def label_of(ent: Any, index: Mapping[str, Entity]) -> str:
    """The recogniser's label, corrected to a person after a personal title ("Mr Tan", which
    the small model often tags as a place) or when the story's merged entity is a person."""
    if after_title(ent):
        return "PERSON"
    known = index.get(form_key(normalise(ent.text)))
    return "PERSON" if known is not None and known.type == "PERSON" else str(ent.label_)


def named_in(page: Page, token: Any) -> tuple[str, str] | None:
    """(name, label) of the recognised name a subject token is part of (the whole proper
    noun when the recogniser caught only part of it: "Jane" of "Jane Doe"), else of the best
    person or organisation in its phrase ("the mayor, Jane Doe,", "a spokesman for the
    ministry"); a person who owns or modifies the subject is not the speaker ("Jane Doe's
    agent"), nor is a place."""
    outside = [e for e in token.doc.ents if not page.quoted(e.start_char, e.end_char)]
    labelled = [(e, label_of(e, page.index)) for e in outside]
    flat = proper_noun(token)
    for ent, label in labelled:
        if ent.start <= token.i < ent.end:
            return (ent.text, label) if label in SPEAKER_LABELS else None
        if flat is not None and label in SPEAKER_LABELS and ent.text in flat[0] \
                and token.i >= ent.end and all(t.head.i == token.i for t in ent):
            return flat[0], label
    subtree = list(token.subtree)
    first, last = subtree[0].i, subtree[-1].i
    names = [(e, label) for e, label in labelled if first <= e.start and e.end - 1 <= last
             and (label == "ORG" or label == "PERSON" and e.root.dep_ not in ("poss", "compound"))
             and not in_clause(e.root, token)]
    if not names:
        return None
    ent, label = min(names, key=lambda n: (SPEAKER_LABELS[n[1]], abs(n[0].start - token.i)))
    return ent.text, label


def in_clause(word: Any, subject: Any) -> bool:
    """`word` sits in a clause that describes the subject, not in its name: "the president,
    sitting next to Prime Minister X, said" names the president, not X."""
    while word.i != subject.i and word.head.i != word.i:
        if word.dep_ in CLAUSES:
            return True
        word = word.head
    return False


def proper_noun(token: Any) -> tuple[str, str] | None:
    """A proper-noun subject the recogniser missed, with its compound words ("Wak Lan")."""
    if token.pos_ != "PROPN":
        return None
    words = sorted([token, *(c for c in token.children if c.dep_ == "compound"
                             and c.pos_ == "PROPN")], key=lambda t: t.i)
    return " ".join(t.text for t in words), "PROPN"


def antecedent(page: Page, pronoun: Any) -> tuple[str | None, bool]:
    """(person, named): the person a "he"/"she" stands for, from the nearest sentence before
    it that names people outside quotation marks: the only person who is its main clause's
    subject; else, unless another "he"/"she" is that subject before any name ("He did not
    say what Reid ..." is not about Reid), the only person who is a subject there, or the
    only one named when it is not the pronoun's own sentence ("Agreeing with X, she said"
    is not X).
    `named`: such a sentence was found within the lookback, so a None person means unsure.
    Sentences that are all quoted words are passed over."""
    sents = [s for s in pronoun.doc.sents if s.start <= pronoun.i
             and not page.quoted(s.start_char, s.start_char + len(s.text.rstrip()))]
    for sent in reversed(sents[-(PRONOUN_LOOKBACK + 1):]):
        named = [e for e in sent.ents if e.end <= pronoun.i
                 and not page.quoted(e.start_char, e.end_char)
                 and label_of(e, page.index) == "PERSON"]
        if not named:
            continue
        people = {canonical(e.text, "PERSON", page.index) for e in named}
        main = {canonical(e.text, "PERSON", page.index) for e in named
                if any(main_subject(t) for t in e)}
        subjects = {canonical(e.text, "PERSON", page.index) for e in named
                    if any(t.dep_ in SUBJECTS or (t.dep_ == "conj" and t.head.dep_ in SUBJECTS)
                           for t in e)}
        other = any(t.lower_ in PERSON_PRONOUNS and main_subject(t) and t.i != pronoun.i
                    and t.i < named[0].start for t in sent)
        own = sent.start <= pronoun.i < sent.end
        if len(main) == 1:
            return main.pop(), True
        if not other and len(subjects) == 1:
            return subjects.pop(), True
        if not other and not subjects and len(people) == 1 and not own:
            return people.pop(), True
        return None, True
    return None, False


def main_subject(token: Any) -> bool:
    """The token is a subject of its sentence's main verb, or joined to one ("X and Y")."""
    if token.dep_ == "conj":
        return main_subject(token.head)
    return token.dep_ in SUBJECTS and token.head == token.sent.root


# --- speakers from the article around a quotation ---------------------------------------------


def context_speaker(page: Page, i: int, speakers: list[str | None]) -> str | None:
    """A speaker for quotation `i`, which names none of its own, from the quotes and the
    sentence before it (module docstring); None when the article leaves doubt."""
    span, text = page.spans[i], page.text
    previous = page.spans[i - 1] if i else None
    opens = is_paragraph_start(text, span.start)
    if opens and (span.alone or own_sentence(text, span)):
        intro = introduced_by(page, span)
        if intro is not None:
            return intro
    if previous is None or speakers[i - 1] is None:
        return None
    if previous.paragraph == span.paragraph - 1 and opens and (
            previous.continued or span.alone or own_sentence(text, span)):
        return speakers[i - 1]
    if previous.paragraph == span.paragraph and own_sentence(text, span) \
            and attributes_between(page, previous, span):
        return speakers[i - 1]
    return None


def introduced_by(page: Page, span: Span) -> str | None:
    """The speaker of the paragraph's last sentence before the quote when it reports what
    someone said (a speech verb with a clause of content, or ending on a colon) and holds
    no quotation ("Lee said there are no plans ...", "Lee said in a statement:")."""
    end = len(page.text[:span.start].rstrip(OPENERS + " \t\n"))
    sent = next((s for s in page.doc.sents if s.start_char < end <= s.end_char), None)
    if sent is None or any(s.start < end and s.end > sent.start_char for s in page.spans):
        return None  # (the parser may run a sentence on into the quote's paragraph)
    root = sent.root
    subject = nearest_subject(root)
    reports = any(c.dep_ in ("ccomp", "parataxis") for c in root.children) \
        or page.text[:end].endswith(":")  # "called customer service" reports nothing
    if root.lemma_.lower() not in SPEECH_LEMMAS or root.pos_ != "VERB" or root.idx > end \
            or not reports \
            or subject is None or subject.dep_ != "nsubj":  # "he was told that": the listener
        return None
    return resolve(page, subject).speaker


def attributes_between(page: Page, previous: Span, span: Span) -> bool:
    """Between two quotations of one paragraph there is only the attribution of the first:
    one sentence end and a speech verb ('“...,” she said. “...”')."""
    gap = page.text[previous.end:span.start]
    ends = sum(gap.count(c) for c in ".!?")
    verbs = [t for t in page.doc if previous.end <= t.idx < span.start
             and t.lemma_.lower() in SPEECH_LEMMAS and t.pos_ == "VERB"]
    return ends <= 1 and bool(verbs)


def own_sentence(text: str, span: Span) -> bool:
    """The quotation is a sentence (or several) of its own: only marks between it and the
    paragraph's start or the last sentence's end, and a full stop (inside or outside the
    marks) before the next sentence or the paragraph's end."""
    before = text[:span.start].rstrip(OPENERS + " \t").rstrip(CLOSERS)
    if before and before[-1] not in "\n.!?":
        return False
    end = span.end
    while end < len(text) and text[end] in CLOSERS + ".!?":
        end += 1
    rest = text[end:].lstrip(" \t")
    ended = any(c in ".!?" for c in text[span.end - 1:end])
    return ended and (not rest or rest[0] == "\n" or rest[0].isupper() or rest[0] in OPENERS)


def paragraph_of(text: str, span: Span) -> tuple[int, int]:
    """Start and end offsets of the paragraph holding the quote."""
    before = list(PARAGRAPH.finditer(text, 0, span.start))
    after = PARAGRAPH.search(text, span.end)
    return (before[-1].end() if before else 0), (after.start() if after else len(text))


def is_paragraph_start(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(OPENERS + " \t")
    return not before or before.endswith("\n")
