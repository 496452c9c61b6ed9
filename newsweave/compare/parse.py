"""What the slot readers share: how a parsed mention names its event (the governing verb) and
that event's participants.

Every reader takes a spaCy Doc of one mention and returns Slots (`slots.py`); the kinds decide
which slots speak of one thing and whether they agree.
"""

from __future__ import annotations

from typing import Any

from ..claims import quoted
from ..words import FACILITY_HEADS, HONORIFICS, fold

# Plain English synonyms for the events news reports date; one name per group.
EVENT_GROUPS = (
    ("leave", "depart", "exit", "quit"), ("arrive", "reach", "land", "enter"),
    ("begin", "start", "commence", "launch"), ("end", "conclude", "finish", "wrap"),
    ("visit", "tour", "inspect"), ("meet", "talk"), ("give", "gift", "present", "hand"),
    ("receive", "get", "accept"), ("kill", "die"), ("sign", "ink"),
    ("announce", "unveil"), ("arrest", "detain"), ("open", "inaugurate"))
EVENT_OF = {lemma: group[0] for group in EVENT_GROUPS for lemma in group}
# Verbs that name an arrival only when what they take is a place: "reached the border",
# "entered Russia", "landed in Tokyo"; "entered a guilty plea", "reached an agreement", "landed
# a contract" are acts of their own.
ARRIVING = {"reach", "land", "enter"}
# Common nouns of places (beside `FACILITY_HEADS` and the recogniser's places).
PLACE_NOUNS = frozenset({"country", "city", "town", "village", "area", "region", "province",
                         "state", "territory", "waters", "airspace", "border", "coast",
                         "island", "premises", "house", "home", "room", "office", "site",
                         "zone", "scene", "shore", "capital", "compound"})
PLACES = PLACE_NOUNS | FACILITY_HEADS
PLACE_ENTS = {"GPE", "LOC", "FAC"}
# Verbs of a movement up and of a movement down (one family of `ACT_FAMILIES` below).
RISING = {"rise", "gain", "climb", "increase", "grow", "surge", "jump", "soar", "rally",
          "advance", "rebound", "recover", "spike", "swell", "expand"}
FALLING = {"fall", "drop", "lose", "decline", "decrease", "slide", "slip", "sink", "plunge",
           "tumble", "dip", "shrink", "shed", "slump", "plummet", "retreat", "contract"}
MOVEMENTS = RISING | FALLING
# Those that name a movement as nouns too ("an increase of 54 points", "a 5% drop"); "a $160
# million contract", "an advance of $5,000", "a garden shed" name none.
MOVEMENT_NOUNS = frozenset({"increase", "rise", "gain", "jump", "surge", "climb", "rebound",
                            "rally", "decrease", "fall", "drop", "decline", "plunge", "slump",
                            "dip", "slide", "tumble"})
# Families of acts whose members are never one act told two ways, by the event names
# `EVENT_OF` gives ("started" and "launched" are "begin"): a rise and a fall ("rose by 8%" /
# "fell by 2%": two days' trading), and steps that follow one another ("arrested on Monday" /
# "charged on Wednesday", "closed on Friday" / "reopened on Sunday", "left" / "arrived").
# Plain English, not any story's wording.
STOPPED = frozenset({"suspend", "halt", "close", "shut", "stop", "ground", "block"})
RESUMED = frozenset({"resume", "reopen", "restore", "restart"})
ACT_FAMILIES = ((RISING, FALLING), ({"begin"}, {"end", "extinguish"}), ({"leave"}, {"arrive"}),
                (STOPPED, RESUMED | {"open"}),
                ({"arrest"}, {"charge"}, {"convict", "acquit"}, {"sentence", "jail"}))
# Event name -> (family, member): every name belongs to one member of one family.
ACT_OF = {event: (f, m) for f, family in enumerate(ACT_FAMILIES)
          for m, member in enumerate(family) for event in member}
# Verbs that only frame another verb ("started getting calls", "is set to plead"): the event
# is the verb they govern.
FRAME_VERBS = {"begin", "start", "continue", "set", "try", "attempt", "go", "plan", "due",
               "schedule", "expect", "seek", "want", "decide", "agree", "refuse", "fail"}
# Verbs too general to name an event.
LIGHT_VERBS = {"be", "have", "do", "make", "take", "go", "come", "become", "seem", "expect"}
PRONOUNS = {"he", "she", "they", "it", "we", "i", "who", "which", "that"}
# "also sold", "again met": the statement adds another event of the same kind, so it cannot
# contradict one stated elsewhere.
ADDITIVE = {"also", "again", "too", "further", "additionally"}
NAME_ENTS = ("PERSON", "ORG", "GPE", "NORP", "LOC")
# A plan or an expectation, not what happened: "will open", "would resume", "is expected /
# scheduled / set / due to begin".
FUTURE_AUX = {"will", "shall", "'ll", "would"}
PLANNING = {"expect", "schedule", "plan", "set", "due", "slate", "intend", "aim"}
# Verbs whose object is what someone asks for, not what is: "recommended 10 days of leave",
# "prosecutors sought nine years' jail".
PROPOSING = {"propose", "recommend", "urge", "seek", "demand", "request"}
MIN_INITIALS = 3
RELATIVES = {"which", "who", "that", "whom"}
# Verbs by which a speaker tells of itself ("the police said they were alerted"), not the
# verbs by which outlets report on others ("reported", "wrote"): `speaker_for`.
TELLING = {"say", "tell", "state", "add", "confirm", "announce", "claim", "insist", "explain",
           "reiterate", "stress", "assure"}
# Entity types of an amount: "by two hours", "by 5%", "by $2 million" say how much, not who.
AMOUNT_ENTS = {"TIME", "DATE", "PERCENT", "MONEY", "QUANTITY", "CARDINAL"}


def doc_names(doc: Any) -> frozenset[str]:
    """The words of a statement's names; an honorific ("Ms", "Mr") is not one: two people so
    titled share no name."""
    words = {fold(t.text) for t in doc if t.ent_type_ in NAME_ENTS and t.is_alpha
             and not honorific(t)}
    return frozenset(words | {a for e in doc.ents if e.label_ in NAME_ENTS
                              if (a := initials(e))})


def honorific(token: Any) -> bool:
    """"Ms", "Mr.", "Dr": a courtesy title, no part of anyone's name."""
    return token.lower_.rstrip(".") in HONORIFICS


def initials(span: Any) -> str:
    """"Harbour Safety Board" -> "hsb": outlets name one body in full and by its acronym. Three
    capitalised words at least; a two-letter acronym would match names by chance."""
    capitals = [t.text[0] for t in span if t.is_alpha and t.text[0].isupper()]
    return fold("".join(capitals)) if len(capitals) >= MIN_INITIALS else ""


def event_of(token: Any) -> Any:
    """The verb (or event noun) that governs a token: climb through objects and clauses; a
    frame verb ("started getting calls") hands over to the verb it governs. A movement named
    by a noun is the event of its own figure (`movement_of`)."""
    node, below = token, None  # spaCy makes a new Token object per access: compare positions
    for _ in range(8):
        if node.pos_ == "VERB" and node.i != token.i:
            return framed(node)
        event_noun = node.pos_ == "NOUN" and \
            (node.lemma_.lower() in EVENT_OF or movement_of(node, below))
        if node.head.i == node.i:  # the root: a verb, an event noun, or no event
            if node.pos_ == "VERB":
                return framed(node)
            return node if event_noun else None
        if event_noun and node.i != token.i:
            return node
        node, below = node.head, node
    return None


def movement_of(noun: Any, below: Any) -> bool:
    """A noun of movement measured by the figure under it: "an increase of 54 points", "a
    5% drop". Not every such noun: "a monsoon surge", "a rally in the square" name no
    movement of a figure."""
    return noun.lemma_.lower() in MOVEMENT_NOUNS and below is not None and \
        (below.lower_ == "of" or below.dep_ in ("nummod", "compound"))


def framed(verb: Any) -> Any:
    if verb.lemma_.lower() not in FRAME_VERBS:
        return verb
    inner = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
    return inner[0] if inner else verb


def phrase_words(node: Any, before: int | None = None) -> set[str]:
    """A participant: its head noun and the names in it ("the train" -> train; "leader Jane
    Doe" -> leader, jane, doe). Modifiers of common nouns are left out: "a battery"
    and "an e-bike fitted with a battery" are different things. With `before`, only the
    words before that token: a relative clause's noun without the clause and what follows
    it ("X, who was signed on Tuesday, and Y": X alone)."""
    end = node.right_edge.i + 1 if before is None else min(before, node.right_edge.i + 1)
    words = {fold(t.text) for t in node.subtree if t.pos_ == "PROPN" and not honorific(t)
             and t.i < end}
    words |= {a for e in node.doc.ents if e.label_ in NAME_ENTS
              and node.left_edge.i <= e.start and e.end <= end
              if (a := initials(e))}
    if node.pos_ in ("NOUN", "PRON"):
        words.add(fold(node.lemma_))
    # "Jane Doe, a sales manager": the apposed noun names the same participant.
    words |= {fold(c.lemma_) for c in node.children if c.dep_ == "appos" and c.pos_ == "NOUN"
              and c.i < end}
    for conj in node.conjuncts:
        if conj.pos_ in ("NOUN", "PROPN") and conj.i < end:
            words.add(fold(conj.lemma_ if conj.pos_ == "NOUN" else conj.text))
    return words


def patients(verb: Any) -> frozenset[str]:
    """What a passive verb with no agent acts on: its subject ("X was signed on Wednesday",
    as "signed X" names it), or for a relative pronoun the noun the clause hangs on, without
    the clause ("X, who was signed on Wednesday"); a pronoun names nothing. `participants`
    keeps such a subject among who acts, as the fitted scorer has always read it."""
    if verb is None or any(c.dep_ == "agent" for c in verb.children):
        return frozenset()
    words: set[str] = set()
    for child in verb.children:
        if child.dep_ != "nsubjpass":
            continue
        if child.lower_ in RELATIVES and verb.dep_ == "relcl":
            words |= phrase_words(verb.head, before=verb.left_edge.i)
        else:
            words |= phrase_words(child)
    return frozenset(words - PRONOUNS)  # "it was injured": what, it does not say


def speaker_for(pronoun: Any, verb: Any) -> Any:
    """"The police said they were alerted", "the ministry said it would open", "Ms Lee said
    she left": a pronoun subject of what a speaker tells (`TELLING`) stands for the speaker
    when it can: "he" or "she" a person the recogniser names, "they" a plural, two speakers
    or a body, "it" one thing. Otherwise the pronoun stands for itself ("police said he was
    arrested"; "the paper reported that they were sold": outlets report on others; in the
    quotation "He did not wait," the speaker said, the speaker would say "I")."""
    head = verb.head
    if pronoun.tag_ != "PRP" or verb.dep_ != "ccomp" or fold(head.lemma_) not in TELLING or \
            quoted(pronoun, pronoun.sent):
        return pronoun
    speaker = next((c for c in head.children if c.dep_ == "nsubj" and c.pos_ != "PRON"), None)
    return speaker if speaker is not None and can_stand_for(pronoun, speaker) else pronoun


def can_stand_for(pronoun: Any, speaker: Any) -> bool:
    """The pronoun agrees with the speaker: in person (a named person is "he" or "she") and
    in number ("they" many, "it" one)."""
    word = pronoun.lower_
    if speaker.ent_type_ == "PERSON":
        return word in ("he", "she")
    if word == "they":  # a body is "they" too: "the Civil Defence Force said they were"
        return speaker.tag_ in ("NNS", "NNPS") or bool(speaker.conjuncts) or \
            speaker.ent_type_ == "ORG"
    return word == "it" and speaker.tag_ in ("NN", "NNP") and not speaker.conjuncts


def participants(verb: Any) -> tuple[frozenset[str], frozenset[str]]:
    if verb is None:
        return frozenset(), frozenset()
    subjects, objects = set(), set()
    # "delayed by two hours", "cut by 5%": an amount after "by" is not who acts ("stormed by
    # 5,000 protesters" is: the recogniser marks the figure, not the protesters).
    agents = {w for child in verb.children if child.dep_ == "agent"
              for target in child.children if target.dep_ == "pobj"
              and not (target.like_num or target.ent_type_ in AMOUNT_ENTS)
              for w in phrase_words(target)}
    for child in verb.children:
        if child.dep_ == "nsubjpass" and agents:
            # "X was appointed by the party": the party acts on X, as in "the party appointed X";
            # "the bridge, which was hit by a barge": the barge hit the bridge.
            relative = child.lower_ in RELATIVES and verb.dep_ == "relcl"
            objects |= phrase_words(verb.head if relative else child)
        elif child.dep_ in ("nsubj", "nsubjpass"):
            subjects |= phrase_words(speaker_for(child, verb))
        elif child.dep_ == "poss":
            subjects |= phrase_words(child)
        elif child.dep_ in ("dobj", "attr") or (child.dep_ == "prep" and child.lower_ == "with"):
            targets = [child] if child.dep_ != "prep" else [c for c in child.children
                                                            if c.dep_ == "pobj"]
            for target in targets:
                objects |= phrase_words(target)
    if not subjects:
        # "as announced by the minister": the agent of a passive acts.
        subjects = agents
    if not subjects and verb.dep_ in ("xcomp", "conj", "acomp") and verb.head.i != verb.i:
        # "is set to plead", "arrived and met", "is unlikely to meet": the subject sits on
        # the governing verb (or the copula of the adjective governing it).
        subjects = set(participants(verb.head)[0])
    return frozenset(subjects), frozenset(objects)


def slot_base(verb: Any) -> dict[str, Any]:
    subjects, objects = participants(verb)
    return {"event": event_name(verb), "subjects": subjects, "objects": objects,
            "patients": patients(verb), "additive": additive(verb), "planned": planned(verb)}


def event_name(verb: Any) -> str:
    """The event a verb names: its lemma in `EVENT_OF`'s words; none for a light verb ("had",
    "took"), unless the light verb completes a verb that names one: "was appointed to take up
    the post with effect from Jan 23" dates the appointment."""
    if verb is not None and verb.lemma_ in LIGHT_VERBS:
        head = verb.head
        light_head = head.lemma_ in LIGHT_VERBS or head.lemma_.lower() in FRAME_VERBS
        verb = head if verb.dep_ == "xcomp" and head.pos_ == "VERB" and not light_head \
            else None
    lemma = fold(verb.lemma_) if verb is not None else ""
    if lemma in ARRIVING and not reaches_a_place(verb):
        return lemma
    return EVENT_OF.get(lemma, lemma)


def reaches_a_place(verb: Any) -> bool:
    """The verb's direct object, if it has one, is a place: a place's name, or a noun of a
    place or a building (`PLACES`)."""
    return all(t.ent_type_ in PLACE_ENTS or fold(t.lemma_) in PLACES or t.lower_ in PLACES
               for t in verb.children if t.dep_ == "dobj")


def two_acts(event: str, other: str) -> bool:
    """The two events are two members of one family of acts (`ACT_FAMILIES`): a rise and a
    fall, or two steps of one sequence."""
    mine, theirs = ACT_OF.get(event), ACT_OF.get(other)
    return mine is not None and theirs is not None and mine[0] == theirs[0] and mine != theirs


def planned(verb: Any) -> bool:
    """"will open on Monday", "is expected to begin operations on Feb 1", "said it would
    reopen": the event is a plan or an expectation, which the event itself may not keep; and
    "recommended 10 days of leave", "sought nine years' jail", "proposed to extend it to 10
    days": a proposal, what someone asks for and not what is."""
    node = verb
    if node is not None and fold(node.lemma_) in PROPOSING:
        return True
    for _ in range(3):  # "is expected to formally begin": begin <- expected
        if node is None:
            return False
        if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in node.children):
            return True
        if not infinitive_under(node):
            return False
        if fold(node.head.lemma_) in PLANNING | PROPOSING:
            return True
        node = node.head
    return False


def infinitive_under(verb: Any) -> bool:
    """The verb is an infinitive its head governs: "expected to begin" (xcomp), and "expects
    it to strengthen", which the parser gives as a clause of its own with "it" its subject."""
    return verb.dep_ == "xcomp" or (verb.dep_ == "ccomp" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children))


def additive(verb: Any) -> bool:
    """"also sold", "is also accused of selling", "received another call": another event of
    the kind. In a relative clause "also" adds to what the thing involved ("an accident that
    also involved two lorries"), not another event."""
    if verb is None or verb.dep_ == "relcl":
        return False
    if any(c.dep_ == "dobj" and any(d.lower_ == "another" for d in c.children)
           for c in verb.children):
        return True
    node = verb
    for _ in range(3):  # "accused of selling": selling <- of <- accused
        if any(c.lower_ in ADDITIVE for c in node.children if c.dep_ == "advmod"):
            return True
        if node.dep_ not in ("xcomp", "pcomp", "prep") or node.head.i == node.i:
            return False
        node = node.head
    return False
