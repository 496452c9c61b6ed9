"""Where a parsed sentence splits into claims, and the subject a split-off predicate shares.

A sentence carrying several facts is split at clauses that have a subject of their own ("A did
X, and B did Y"; "A wants X, while B wants Y") and before a second predicate of one subject ("A
accepted X and offered Y", which then names "A" as the subject it shares).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .config import Settings
from .words import REPORTING, fold

FINITE = {"VBD", "VBZ", "VBP", "MD"}

SPLIT_MARKS = {"while", "whereas", "but"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
PLURAL_PRONOUNS = {"we", "they", "these", "those", "both", "many", "others", "some"}
SINGULAR_PRONOUNS = {"he", "she", "it", "this", "that", "everyone", "someone", "each"}
# Why: a subject up to this long reads as one name or phrase in brackets; a longer one brings
# clauses ("the man, who had fled the scene on foot, ...") and is cut to its head.
SUBJECT_MAX_TOKENS = 8
PREDICATE_OPENERS = {"aux", "auxpass", "neg", "advmod"}
# Entities a relative clause after a comma is seldom about: "on Friday, which means ...".
NOT_ANTECEDENTS = {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}
# What a coordinated verb must govern to be a predicate of its own, not "came and went".
PREDICATE_PARTS = {"dobj", "xcomp", "ccomp", "attr", "acomp", "prep", "dative"}


@dataclass(frozen=True)
class Part:
    """The tokens of one claim of a sentence, and the subject it shares with the sentence's
    main verb ("" when it has one of its own or none can be named)."""
    tokens: tuple[Any, ...]
    subject: str


def claim_parts(sent: Any, settings: Settings) -> list[Part]:
    """The sentence cut at `split_points`, each part trimmed of the punctuation and link words
    at its edges. A split-off predicate that can name no subject ("... who was upset that his
    girlfriend had moved on ambushed | and raped her") stays with the part before it: alone it
    would be half a clause."""
    parts: list[Part] = []
    for number, (start, end) in enumerate(split_points(sent, settings)):
        tokens = trimmed([t for t in sent if start <= t.i < end], leading=number > 0)
        if not tokens:
            continue
        relative = antecedent(tokens[0]) if number else None
        if relative is not None:
            tokens, subject = tokens[1:], relative
        else:
            subject = shared_subject(tokens) if number else ""
        if parts and not subject and lacks_subject(tokens):
            first = parts[-1].tokens[0].i
            whole = trimmed([t for t in sent if first <= t.i <= tokens[-1].i], leading=False)
            parts[-1] = Part(tuple(whole), parts[-1].subject)
        else:
            parts.append(Part(tuple(tokens), subject))
    if parts and sent.text.rstrip().endswith(":"):
        parts[-1] = Part(without_dangling_participle(parts[-1].tokens), parts[-1].subject)
    return parts


def without_dangling_participle(tokens: tuple[Any, ...]) -> tuple[Any, ...]:
    """A sentence leading up to a colon may end in a participle after a comma whose object is
    what follows the colon ("He thanked the volunteers for their help, adding:", "The chairman
    highlighted the centre's milestones, including:"): the claim is what comes before it."""
    last = tokens[-1]
    if len(tokens) > 2 and last.tag_ == "VBG" and all(c.is_punct for c in last.children) and \
            tokens[-2].text == ",":
        return tokens[:-2]
    return tokens


def lacks_subject(tokens: list[Any]) -> bool:
    """The part is a predicate joined to a verb before it, with no subject of its own."""
    verb = joined_verb(tokens)
    return verb is not None and not has_subject(verb)


def joined_verb(tokens: list[Any]) -> Any:
    """The part's verb coordinated with one outside it, or None."""
    inside = {t.i for t in tokens}
    return next((t for t in tokens if t.pos_ in ("VERB", "AUX") and t.head.i not in inside
                 and t.dep_ == "conj"), None)


def trimmed(tokens: list[Any], leading: bool) -> list[Any]:
    """The tokens without the full stop or link word at the end and, for a part split off the
    sentence (`leading`), without the link word it starts with ("and it will ...", "while 45
    per cent supported keeping it")."""
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ == "cc") and len(tokens) > 1 \
            and not closes_inside(tokens):
        tokens.pop()
    while leading and len(tokens) > 1 and (tokens[0].is_punct or tokens[0].dep_ == "cc" or (
            tokens[0].dep_ == "mark" and tokens[0].lower_ in SPLIT_MARKS)):
        tokens.pop(0)
    return tokens


# Closing brackets and quotes, with what opens them.
CLOSERS = {")": "(", "]": "[", "”": "“", "’": "‘", '"': '"'}


def closes_inside(tokens: list[Any]) -> bool:
    """The last token closes a bracket or quote the claim opened ("the Balanced Budget Rule
    (BBR)."): it belongs to the claim, unlike the full stop after it."""
    last, before = tokens[-1].text, "".join(t.text for t in tokens[:-1])
    opener = CLOSERS.get(last)
    if opener is None:
        return False
    if opener == last:  # a straight quote opens and closes
        return before.count(last) % 2 == 1
    return before.count(opener) > before.count(last)


def shared_subject(tokens: list[Any]) -> str:
    """The subject a split-off predicate shares with the main verb it is coordinated with
    ("The mayor" for "offered to send Y" of "The mayor accepted X and offered to send Y"), or
    "" when the part has a subject of its own or is not joined to the sentence's main verb (a
    verb joined inside a clause, "a man who said his partner had left and attacked her",
    would borrow the clause's subject). A short subject whole ("the Road Safety Act"), a long
    one as its head and the words before it."""
    verb = joined_verb(tokens)
    if verb is None or has_subject(verb) or not opens_with(verb, tokens) or \
            attribution(verb):
        return ""
    main = joined_main(verb)
    subject = next((c for c in main.children if c.dep_ in SUBJECT_DEPS), None)
    if main.dep_ != "ROOT" or subject is None or not agrees(subject, verb) or \
            clause_between(main, verb):
        return ""
    whole = subject.doc[subject.left_edge.i:subject.right_edge.i + 1]
    if len(whole) <= SUBJECT_MAX_TOKENS and not any(t.is_punct for t in whole):
        return whole.text
    return subject.doc[subject.left_edge.i:subject.i + 1].text


def joined_main(verb: Any) -> Any:
    """The verb a split-off predicate is coordinated with: the first of its chain of
    conjuncts; or, when the parser hung it on a verb of another form, the sentence's main
    verb if that has the predicate's own form ("The court found that the claims were not
    warranted and dismissed the case": "dismissed" is no participle like "warranted", it
    goes with "found"; "crashed while chasing him and died"). Only a form marked for its
    tense: "cut" or "punish" may be an infinitive like the verb it hangs on."""
    main = verb
    while main.dep_ == "conj":
        main = main.head
    root = verb.sent.root
    if main.dep_ != "ROOT" and verb.tag_ in ("VBD", "VBZ") and not bare_form(verb) and \
            verb.head.tag_ != verb.tag_ and root.tag_ == verb.tag_:
        return root
    return main


def opens_with(verb: Any, tokens: list[Any]) -> bool:
    """The part starts with the verb, after its own auxiliaries, negation or adverbs ("then
    transferred", "has not paid"): a predicate. Starting with anything else ("that ...",
    "according to ..."), it is not one the subject can be put in front of."""
    return all(t.head.i == verb.i and t.dep_ in PREDICATE_OPENERS
               for t in tokens if t.i < verb.i)


def attribution(verb: Any) -> bool:
    """A verb of saying with no clause of what was said: the speaker follows it ("..., reported
    the newspaper"; "confirmed the head of the group"), it is no predicate of the subject."""
    return fold(verb.lemma_) in REPORTING and not any(c.dep_ in ("ccomp", "xcomp")
                                                      for c in verb.children)


def clause_between(main: Any, verb: Any) -> bool:
    """A relative clause with a subject of its own stands between the main verb and the
    split-off one ("blamed the man who pried the door open"; "a government that anticipates
    challenges, earns trust"): the parser may have hung that clause's next verb on the main
    one. (Reported clauses, "said that ...", were tried too: on the tune half they removed 3
    wrong subjects and 4 right ones, on the check half 4 and 9.)"""
    return any(t.pos_ in ("VERB", "AUX") and t.dep_ in ("relcl", "acl") and has_subject(t)
               for t in main.doc[main.i + 1:verb.i])


def agrees(subject: Any, verb: Any) -> bool:
    """Subject and verb agree in number, as a subject and its own verb do: a singular noun
    with "are" or "intend", a plural one with "offers", belong to different clauses."""
    form = next((c for c in verb.children if c.dep_ in ("aux", "auxpass")), verb)
    if form.tag_ == "VBZ":
        return subject.tag_ not in ("NNS", "NNPS") and subject.lower_ not in PLURAL_PRONOUNS
    if form.tag_ == "VBP":
        return subject.tag_ not in ("NN", "NNP") and subject.lower_ not in SINGULAR_PRONOUNS
    return True


def has_subject(verb: Any) -> bool:
    return any(c.dep_ in SUBJECT_DEPS or c.dep_ == "expl" for c in verb.children)


def split_points(sent: Any, settings: Settings) -> list[tuple[int, int]]:
    """Token ranges of the sentence's claims: split before coordinated or contrasted clauses
    that have their own subject ("A did X, and B did Y"; "A wants X, while B wants Y"), and
    before a second predicate of one subject ("A accepted X and offered Y"). A sentence holding
    a question is not split: its pieces ("I don't know why | but is it difficult to wait?")
    ask, they state nothing; whole, it reports what someone asked."""
    if len(sent) < settings.split_min_tokens or "?" in sent.text:
        return [(sent.start, sent.end)]
    cuts = [cut for token in sent
            if (cut := cut_before(token, sent) or relative_cut(token, sent)) is not None]
    cuts = [c for c in cuts if c - sent.start >= 4 and sent.end - c >= 4]
    bounds = [sent.start] + sorted(set(cuts)) + [sent.end]
    return [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1)]


def cut_before(token: Any, sent: Any) -> int | None:
    """Where a claim of its own starts at `token`, or None."""
    if token.pos_ not in ("VERB", "AUX") or token.i == sent.root.i or refers_back(token):
        return None
    own_clause = is_finite(token) and any(c.dep_ in SUBJECT_DEPS for c in token.children)
    on_root = token.head.i == sent.root.i
    contrast = on_root and token.dep_ == "advcl" and own_clause and any(
        c.dep_ == "mark" and c.lower_ in SPLIT_MARKS for c in token.children)
    # "accepted an invitation and offered to send an astronaut": two predicates of one subject
    # are two facts, each stated (or not) by other sources on its own. The parser often hangs
    # the second, finite verb on a non-finite one ("to visit ... and offered").
    predicate = token.dep_ == "conj" and token.tag_ in FINITE and \
        any(c.dep_ in PREDICATE_PARTS for c in token.children) and \
        (on_root or token.head.tag_ not in FINITE) and not second_infinitive(token) and \
        not modifier_read_as_verb(token)
    if not (contrast or token.dep_ == "conj" and (on_root and own_clause or predicate)) or \
            opens_subordinate(token) or trailing_attribution(token) or correlative(token) or \
            comma_joined(token):
        return None
    link = linking_word(token) if token.dep_ == "conj" else None
    return min(link.i, token.left_edge.i) if link is not None else token.left_edge.i


def relative_cut(verb: Any, sent: Any) -> int | None:
    """Where a relative clause set off by a comma starts, when it ends the sentence and states
    something of its own ("..., the club, which has placed its captain on the injured list";
    "arrested the man, who had fled the scene"): a claim about the noun it follows, which
    other sources may state as a sentence of its own. Its relative pronoun is its subject; a
    clause about a whole clause ("..., which means ...") has no noun to name."""
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN") or \
            not is_finite(verb) or not any(c.dep_ in PREDICATE_PARTS for c in verb.children):
        return None
    pronoun = verb.left_edge
    if antecedent(pronoun) is None or pronoun.i == sent.start or \
            verb.doc[pronoun.i - 1].text != "," or \
            any(not t.is_punct for t in verb.doc[verb.right_edge.i + 1:sent.end]):
        return None
    return pronoun.i


def antecedent(pronoun: Any) -> str | None:
    """The noun a relative pronoun subject ("who", "which") stands for, as the subject of its
    clause: a name whole, else the noun with the words before it when short, else its head;
    None for any other word, or when the clause has a subject besides it ("X, who officials
    said brokered the deal": the pronoun belongs to the reported clause, and the split-off
    words would read "[X] officials said brokered ...")."""
    verb = pronoun.head
    if pronoun.tag_ not in ("WP", "WDT") or pronoun.dep_ not in SUBJECT_DEPS or \
            verb.dep_ != "relcl" or \
            any(c.dep_ in SUBJECT_DEPS and c.i != pronoun.i for c in verb.children):
        return None
    noun = verb.head
    # "the driver of the lorry, who had fled": the parser hangs the clause on the nearer noun.
    if pronoun.lower_ == "who" and noun.dep_ == "pobj" and noun.head.lower_ == "of" and \
            noun.head.head.pos_ == "NOUN" and noun.pos_ != "PROPN":
        noun = noun.head.head
    if noun.ent_type_ in NOT_ANTECEDENTS:
        return None  # "on Friday, which means ...": about the clause, not the day
    if plural(verb) and (every := conjoined(noun, pronoun.i)) is not None:
        return every  # "Ardmore and Belcross, which have shared one hospital"
    if noun.ent_iob_ != "O":
        entity = next(e for e in noun.doc.ents if e.start <= noun.i < e.end)
        return entity.text
    whole = noun.doc[noun.left_edge.i:noun.i + 1]
    if len(whole) <= SUBJECT_MAX_TOKENS and not any(t.is_punct for t in whole):
        return whole.text
    return noun.text


def conjoined(noun: Any, end: int) -> str | None:
    """The nouns joined with `noun` by "and" before `end`, whole ("Ardmore and Belcross" of
    "the towns of Ardmore and Belcross"), when there are several and they are short; else
    None."""
    first = noun
    while first.dep_ == "conj" and first.head.pos_ in ("NOUN", "PROPN"):
        first = first.head
    last = first
    while (after := next((c for c in last.children if c.dep_ == "conj" and c.i < end), None)):
        last = after
    if last.i == first.i:
        return None
    every = noun.doc[first.left_edge.i:min(last.right_edge.i + 1, end)]
    return every.text.rstrip(" ,") if len(every) <= SUBJECT_MAX_TOKENS else None


def plural(verb: Any) -> bool:
    """The verb's own form is plural ("are", "have", "plan"): its subject is several."""
    form = next((c for c in verb.children if c.dep_ in ("aux", "auxpass")), verb)
    return form.tag_ == "VBP" or form.lower_ in ("are", "were")


def is_finite(verb: Any) -> bool:
    """The verb is no bare participle: a participle with no auxiliary ("youths and students
    lured by the promise of cash") is a noun and its modifier the parser has read as a clause.
    (A bare form with a subject, "while treehouses provide a retreat", is a present tense the
    tagger took for an infinitive.)"""
    return verb.tag_ not in ("VBN", "VBG") or any(c.dep_ in ("aux", "auxpass")
                                                 for c in verb.children)


def linking_word(verb: Any) -> Any:
    """The "and", "but" or "or" joining a coordinated verb to the conjunct before it (not one
    further back: "can and will inform X, but you have to ..." is joined by "but"), or None
    when only a comma joins them."""
    head = verb.head
    after = max([head.i] + [c.i for c in head.children if c.dep_ == "conj" and c.i < verb.i])
    return next((c for c in head.children if c.dep_ == "cc" and after < c.i < verb.i), None)


def comma_joined(verb: Any) -> bool:
    """A coordinated clause joined by a comma alone, no "and", "but" or semicolon: mostly the
    parser's misreading of what a speaker says ("..., with one remarking, “We need ...”") or
    of the speaker ("..., the minister said on Monday")."""
    if verb.dep_ != "conj" or linking_word(verb) is not None:
        return False
    start = verb.left_edge.i
    return start > verb.sent.start and verb.doc[start - 1].text != ";"


def correlative(verb: Any) -> bool:
    """The verb is the second half of "not only ... but (also)", "either ... or", "both ...
    and": the first half ("These crimes not only cause financial harm") says nothing whole
    without it."""
    head = verb.head
    return any(c.dep_ == "preconj" for c in head.children) or any(
        t.lower_ == "only" and t.i > t.sent.start and t.nbor(-1).lower_ == "not"
        for t in verb.doc[head.left_edge.i:verb.i])


def opens_subordinate(verb: Any) -> bool:
    """The clause opens with a word that makes it part of another ("but that he should stop
    messaging her", "and whether residents can get support", "and how they will pay"): it
    continues what the sentence reports or asks, it states nothing on its own. "while" and
    "but" open contrasts that do."""
    first = verb.left_edge
    return first.dep_ == "mark" and first.lower_ not in SPLIT_MARKS or \
        first.tag_ in ("WDT", "WP", "WRB")


def trailing_attribution(verb: Any) -> bool:
    """A verb of saying after a comma, with no clause of its own, names the source of what
    came before ("... under the Act, reported The Daily Example"; "Public interest must come
    first, the minister said on Monday", joined by no "and" or "but"): it is no claim apart
    from the words it attributes. ("... and reported the theft to the police" is a
    predicate.)"""
    return attribution(verb) and verb.i > verb.sent.start and (
        verb.nbor(-1).text == "," or verb.dep_ == "conj" and linking_word(verb) is None)


def second_infinitive(verb: Any) -> bool:
    """A verb in its bare form joined to an infinitive after "to" is a second infinitive
    ("to assert his dominance and punish her", "wanted to seize the bridge and cut the
    lines"), whatever tense the tagger gave it: the forms are one word. A marked form ("to
    visit the city and offered to send") is a predicate of its own."""
    return bare_form(verb) and verb.head.tag_ == "VB" and \
        any(c.tag_ == "TO" for c in verb.head.children)


def modifier_read_as_verb(verb: Any) -> bool:
    """A past form joined to a verb in the present or bare form, with no subject of its own
    and its object's noun right after it, is a modifier of that noun the parser read as a
    second verb ("gives police and authorized officers the power", "don't miss its prawn
    rolls, salted egg fish skin and ..."): one predicate and its list of objects, not two."""
    following = verb.nbor() if verb.i + 1 < len(verb.doc) else None
    return verb.dep_ == "conj" and verb.tag_ in ("VBD", "VBN") and \
        present_or_order(verb.head) and following is not None and \
        following.tag_.startswith("NN") and \
        not any(c.dep_ in SUBJECT_DEPS for c in verb.children) and \
        any(c.dep_ == "dobj" and following.i in range(c.left_edge.i, c.i + 1)
            for c in verb.children)


def present_or_order(verb: Any) -> bool:
    """The verb is in the present ("gives") or gives an order ("don't miss"): no past
    auxiliary, modal or "to" carries another tense for it ("didn't stop", "to threaten"),
    so a past form joined to it is not a second verb of one time."""
    helpers = [c.tag_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.tag_ in ("VB", "VBZ", "VBP") and \
        not any(tag in ("VBD", "MD", "TO") for tag in helpers)


def bare_form(verb: Any) -> bool:
    """The verb reads as its dictionary form ("cut", "punish"), so it may be an infinitive."""
    return verb.lower_ == verb.lemma_.lower()


def refers_back(verb: Any) -> bool:
    """A clause about "the other", "another" or "the rest" of what the sentence began with
    ("one victim lost $1 million while the other lost $4.9 million"): no claim on its own."""
    for subject in (c for c in verb.children if c.dep_ in SUBJECT_DEPS):
        words = [t.lower_ for t in subject.subtree]
        if words[:2] in (["the", "other"], ["the", "others"], ["the", "rest"]) or \
                words[:1] == ["another"]:
            return True
    return False
