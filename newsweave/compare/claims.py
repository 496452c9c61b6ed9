"""Claim slots: the polarity of each predicate a statement makes. One source asserts what
another denies when, in one fact, the same predicate about the same participants is affirmed
in one statement and negated in the other ("he incited the riot" / "denied that he incited
the riot"; "X is responsible" / "X is not responsible").

Hedged statements ("may have", "reportedly") are marked, not counted as a denial: softening a
claim is a weaker disagreement than contradicting it, and is not reported.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from ..words import REPORTING, fold
from .kind import SlotKind, compatible_subjects
from .parse import PRONOUNS, slot_base
from .slots import ClaimSlot, Said, Slot

# Verbs whose clausal complement they deny: "denied that he had incited".
DENIALS = {"deny", "reject", "dispute", "refute", "rebut", "dismiss"}
NEGATORS = {"not", "n't", "never", "no", "neither", "nor", "without"}
# "not just a plan (but also ...)": the claim is made and more is added; nothing is denied.
NOT_ONLY = {"just", "only", "merely", "simply", "solely"}
HEDGE_WORDS = {"may", "might", "could", "reportedly", "allegedly", "possibly", "perhaps",
               "likely", "apparently", "suspect", "believe", "seem", "appear"}
# Words that negate the verb they govern: "unable to refuel", "failed to comply", "failure
# to comply"; "unlikely to meet" denies the meeting as "expected to meet" asserts it.
NEGATING_HEADS = {"unable", "fail", "refuse", "decline", "neglect", "failure", "inability",
                  "refusal", "unlikely"}
# Verbs of intent: negated, they negate what they govern ("do not plan to attend").
INTENT_VERBS = {"want", "plan", "intend", "wish", "mean", "try", "seek", "agree", "aim",
                "hope", "need", "expect"}
# Predicates of relative and adjectival clauses describe a thing ("sentences that he had not
# commuted"), they do not state the claim.
DESCRIPTIVE_DEPS = {"relcl", "acl", "amod", "advcl", "pcomp"}
WH_WORDS = {"why", "how", "what", "whether", "who", "when", "where", "which"}
# Auxiliaries that continue a negated verb phrase rather than open one ("not ..., be asked").
NON_FINITE = {"VB", "VBN", "VBG"}
# Predicates too general to carry a claim on their own.
WEAK_PREDICATES = {"be", "have", "do", "get", "make", "go", "come", "take", "include"}
# Pronouns a claim's subject can be: two different ones are two different subjects.
PERSONAL = PRONOUNS | {"you", "me", "us", "him", "her", "them", "this", "these", "those"}


def claim_slots(doc: Any) -> list[ClaimSlot]:
    slots: list[ClaimSlot] = []
    if is_question(doc):
        return slots
    for token in doc:
        predicate = predicate_of(token)
        if predicate is None or token.dep_ in DESCRIPTIVE_DEPS or asked(token):
            continue
        lemma = fold(predicate.lemma_)
        if lemma in WEAK_PREDICATES or lemma in REPORTING or lemma in DENIALS:
            continue
        verb = token  # the clause's verb (the copula for "is not responsible")
        base = slot_base(verb)
        # "were not present" and "evidence presented": a state is no act of one lemma.
        claim = lemma if predicate is verb else f"is {lemma}"
        slots.append(ClaimSlot(key=f"whether {claim}", value=not negated(verb, predicate),
                               shown=doc[verb.left_edge.i:verb.right_edge.i + 1].text[:120],
                               hedged=hedged(verb) or under_negated_verb(verb),
                               context=frozenset({claim}),
                               **{**base, "event": claim}))
    return slots


def is_question(doc: Any) -> bool:
    words = [t for t in doc if not t.is_punct]
    return doc.text.rstrip().endswith("?") or bool(words) and words[0].lower_ in WH_WORDS


def clause_heads(verb: Any) -> list[Any]:
    """The verb and the verbs it is the complement or conjunct of, up to the root."""
    chain = [verb]
    while chain[-1].dep_ in ("ccomp", "xcomp", "conj") and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    return chain


def asked(verb: Any) -> bool:
    """The clause is a question, not a statement: "Why was it right to pardon them",
    "Should everyone shower in the morning"."""
    # An auxiliary opening the sentence before the subject ("nor can it" is no question).
    first = next((t for t in verb.doc if not t.is_punct), verb)
    for node in clause_heads(verb):
        children = list(node.children)
        if any(c.lower_ in WH_WORDS and c.dep_ == "advmod" and c.i < node.i for c in children):
            return True
        subjects = [c.i for c in children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects and first.pos_ == "AUX" and first.head.i == node.i and first.i < subjects[0]:
            return True
    return False


def under_negated_verb(verb: Any) -> bool:
    """The clause is the object of a negated or negating verb that is not a denial ("did not
    ensure that doctors avoid it", "failed to ensure that doctors avoid it"): whether it holds
    is not stated either way."""
    chain = clause_heads(verb)
    for below, node in pairwise(chain):
        if below.dep_ != "ccomp" or fold(node.lemma_) in DENIALS:
            continue
        if fold(node.lemma_) in NEGATING_HEADS or any(c.dep_ == "neg" for c in node.children) \
                or node.dep_ in ("xcomp", "acl") and fold(node.head.lemma_) in NEGATING_HEADS:
            return True
    return False


def predicate_of(token: Any) -> Any:
    """The word that carries the clause's claim: the verb itself, or the complement of a
    copula ("is responsible")."""
    if token.pos_ == "VERB":
        return token
    if token.pos_ == "AUX" and token.lemma_ == "be":
        complements = [c for c in token.children if c.dep_ in ("acomp", "attr")
                       and c.pos_ in ("ADJ", "NOUN")]
        return complements[0] if complements else None
    return None


def negated(verb: Any, predicate: Any) -> bool:
    """Negated by its own words or by a governing denial ("denied that ..."); two negations
    cancel."""
    count = 0
    for node in {verb, predicate}:
        count += sum(1 for c in node.children if (c.dep_ == "neg" or c.lower_ in NEGATORS
                     and c.dep_ in ("neg", "advmod", "preconj")) and not not_only(c))
    subject = subject_of(verb)
    if subject and any(c.lower_ == "no" for c in subject[0].children if c.dep_ == "det"):
        count += 1
    if any(c.lower_ == "nor" for c in verb.children) or \
            verb.dep_ == "conj" and any(c.lower_ == "nor" for c in verb.head.children):
        count += 1  # "it was not foolproof, nor can it guarantee ..."
    elif shares_negation(verb):
        count += 1  # "did not document and maintain the records": neither was done
    node = verb
    # "acl": "failure to ensure its doctors refer" negates "refer" like "failed to ensure".
    while node.dep_ in ("ccomp", "xcomp", "conj", "acl") and node.head.i != node.i:
        step, node = node.dep_, node.head
        if fold(node.lemma_) in DENIALS | NEGATING_HEADS:
            # "denied the allegations and was reviewing the matter": a predicate coordinated
            # with the denial is a second statement, not what is denied; "it is not disputed
            # that he pushed her": a denial negated denies nothing.
            count += step != "conj" and not any(c.dep_ == "neg" for c in node.children)
            break
        if step == "xcomp" and fold(node.lemma_) in ("have", "be") \
                and any(c.lower_ == "yet" for c in node.children):
            count += 1  # "has yet to open", "is yet to be released": not (yet) done
            break
        if step == "xcomp" and fold(node.lemma_) in INTENT_VERBS \
                and any(c.dep_ == "neg" for c in node.children):
            count += 1  # "do not want to negotiate" says as much as "will not negotiate"
            break
    return count % 2 == 1


def not_only(negation: Any) -> bool:
    """"not just", "not only": an addition, not a denial."""
    following = negation.nbor() if negation.i + 1 < len(negation.doc) else None
    return following is not None and following.lower_ in NOT_ONLY


def shares_negation(verb: Any) -> bool:
    """A verb coordinated with a negated one, with no subject, negation or finite auxiliary
    of its own, is negated with it, along the whole list ("did not document and maintain";
    "will not receive a request, be asked to pay, or install an app"; but "was not arrested
    and was charged")."""
    if verb.dep_ != "conj" or verb.head.i == verb.i:
        return False
    own = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "neg")
           or c.dep_ in ("aux", "auxpass") and c.tag_ not in NON_FINITE]
    head = verb.head
    return not own and (any(c.dep_ == "neg" for c in head.children) or shares_negation(head))


def subject_of(verb: Any) -> list[Any]:
    """The verb's subject, or the one it shares with the verb it is coordinated with."""
    own = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if own or verb.dep_ not in ("conj", "xcomp") or verb.head.i == verb.i:
        return own
    return subject_of(verb.head)


def hedged(verb: Any) -> bool:
    near = [c for c in verb.children if c.dep_ in ("aux", "advmod")]
    near += [verb.head] if verb.dep_ in ("ccomp", "xcomp") else []
    return any(fold(t.lemma_) in HEDGE_WORDS or t.lower_ in HEDGE_WORDS for t in near)


class Claims(SlotKind):
    name = "claim"
    # Listed as possible differences only: on the labelled stories no claim difference has
    # matched a real disagreement on either half (0 of 10 and 0 of 17 labelled claims found),
    # and on the unlabelled LocalNews dev stories every shown one read by hand was false (two
    # speakers' quotes; two legs of one trip, "no deals expected on this visit" / "a deal
    # expected in the second city"). Asserted-versus-denied needs more than the parse gives.
    possible_only = True
    reason = "one statement asserts what the other denies"

    def read(self, doc: Any, published: str | None) -> list[Slot]:
        del published
        return list(claim_slots(doc))

    def comparable(self, a: Said, x: Slot, b: Said, y: Slot) -> bool:
        """One fact, about the same participants, each with a stated subject."""
        if a.fact != b.fact or not x.subjects or not y.subjects:
            return False
        if x.subjects <= PERSONAL and y.subjects <= PERSONAL and not x.subjects & y.subjects:
            return False  # "I don't know" and "you know", "that's not true" and "it is true"
        if x.objects and y.objects and not (x.objects & y.objects):
            return False
        return compatible_subjects(x.subjects, y.subjects)

    def agree(self, a: Said, x: ClaimSlot, b: Said, y: ClaimSlot) -> bool:
        """The same polarity, or a side that does not state it firmly (hedged, or the object
        of a negated verb): softening a claim is not contradicting it."""
        return x.value == y.value or x.hedged or y.hedged

    def shown(self, slot: ClaimSlot) -> str:  # type: ignore[override]
        return "asserted" if slot.value else "denied"
