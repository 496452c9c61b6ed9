"""Corrections of the small English model, run as spaCy pipeline steps, so every stage reads the
same corrected parse.

Paragraphs: the parser runs a sentence on across a blank line now and then ("... in 2021." |
blank line | "38-year-old X pleaded guilty ..." read as one sentence), and whatever quotes a
sentence of a whole article (a plea, a part in an incident, a title, a quote's speaker) then
quoted the paragraph before as well, and took its subject for the next one's. A blank line
ends a sentence: the step marks the word after it as a sentence start before the parser runs,
and the parser keeps that. The claims are parsed paragraph by paragraph and never see one. On
the tune half's 210 articles, 196 of 5,373 sentences of the whole-article parse ran across one.

Money without a currency: the model tags a house number and its street ("112 Tanner Road") as
MONEY now and then, and money is never compared as a figure, so a house number two outlets
copy differently went unseen. An amount is money only with a currency beside or inside it (a
sign, "S$", a code such as "USD", a currency word); without one, the figures opening the
span are a CARDINAL and the words after them no entity. Read on the tune half's 5,780
sentences: 2 of 297 MONEY spans have no currency (a house address and a run of hashtags).
A share likewise needs its sign or word ("%", "per cent", "percent"): the model tags a house
number and its street as PERCENT too ("12 Tanner Road"), and the same step reads it as a figure.
"""

from __future__ import annotations

from itertools import pairwise

from spacy.language import Language
from spacy.tokens import Doc, Span

from .words import has_currency, has_percent

STEP = "newsweave_amounts_need_their_unit"
PARAGRAPH_STEP = "newsweave_paragraph_ends_sentence"
# What an amount of each entity type must have beside it to be one.
UNIT_OF = {"MONEY": has_currency, "PERCENT": has_percent}


def amount_or_not(ent: Span) -> list[Span]:
    """The entity as it stands, or, for MONEY with no currency in it or beside it (or
    PERCENT with no percent sign or word), the figures opening it as a CARDINAL (none when
    it opens with no figure). "Beside": two words either side ("a 110-billion-euro loan")."""
    doc = ent.doc
    around = doc[max(ent.start - 2, 0):min(ent.end + 2, len(doc))]
    if ent.label_ not in UNIT_OF or UNIT_OF[ent.label_](around):
        return [ent]
    end = ent.start
    while end < ent.end and (doc[end].like_num or doc[end].text in {",", "."}
                             and end + 1 < ent.end and doc[end + 1].like_num):
        end += 1
    return [Span(doc, ent.start, end, label="CARDINAL")] if end > ent.start else []


@Language.component(STEP)
def amounts_need_their_unit(doc: Doc) -> Doc:
    if any(e.label_ in UNIT_OF for e in doc.ents):
        doc.set_ents([s for e in doc.ents for s in amount_or_not(e)], default="outside")
    return doc


@Language.component(PARAGRAPH_STEP)
def paragraph_ends_sentence(doc: Doc) -> Doc:
    """The word after a blank line starts a sentence (see the module's note)."""
    for before, token in pairwise(doc):
        if before.is_space and "\n\n" in before.text:
            token.is_sent_start = True
    return doc


def add_fixes(nlp: Language) -> Language:
    """The corrections added to a loaded pipeline: paragraph ends before its parser, amounts
    after its recogniser."""
    if "parser" in nlp.pipe_names and PARAGRAPH_STEP not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_STEP, before="parser")
    if "ner" in nlp.pipe_names and STEP not in nlp.pipe_names:
        nlp.add_pipe(STEP, after="ner")
    return nlp
