"""Clean Articles -> sentences -> claims, from one spaCy parse per article.

English articles are parsed once: that parse drops photo captions (one-sentence paragraphs with
no finite verb, or in the present tense in a story told in the past) and the site's appeals to
the reader ("Please consider subscribing now.", and the paragraph such a sentence opens or
closes: removed as "promo"), splits sentences, and splits a sentence carrying several facts at
clauses that have a subject of their own (clauses.py). Other languages get a punctuation
sentence splitter that knows the end marks of every script (clean.split_sentences) and no parse
(the English model would invent structure). Offsets index into the returned Article's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from unidecode import unidecode

from .clauses import FINITE, SUBJECT_DEPS, claim_parts, modifier_read_as_verb
from .clean import READER_APPEAL, is_promo_sentence, split_sentences
from .config import Settings
from .models import Article, Claim, Removal
from .toolkit import Toolkit
from .words import NUMBER_WORDS, count_words, fold

CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}
NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART"}
# Verbs that only say something: on their own, with no clause or quote, a sentence of them is
# a speaker without words ("she said"), not a statement. Narrower than REPORTING ("the video
# was posted on Monday" states something).
SAYING = {"say", "add", "tell", "write", "state", "explain"}
# A caption is one short sentence: a photo line rarely runs past 40 tokens.
CAPTION_MAX_TOKENS = 40
# A story told in the past (this share of its finite verbs past tense) describes pictures in
# the present ("Kim waves from the train"): such a present-tense line is a caption. Set by hand
# on the reference story's captions; not measured beyond it.
PAST_STORY_SHARE = 0.7
# A statement has a verb and at least this many words; a verbless line this long or longer is
# kept too (the small parser misses verbs in long headlines-like sentences; a dateline,
# byline or label is a few words).
STATEMENT_MIN_WORDS, VERBLESS_MIN_WORDS = 3, 8
# A listing's field name ("Opening hours", "Address") is a few words.
FIELD_NAME_MAX_WORDS = 3
# A social-media post embedded in the page: "— Jane Doe (@janedoe) March 3, 2024", a
# pic.twitter.com link, a caption opening with its account's handle ("@janedoe Hundreds
# gathered ...", in whatever language the post is written), the frame around one ("A post
# shared by Jane Doe (@janedoe)", "View this post on Instagram").
EMBEDDED_POST = re.compile(r"\(@\w+\)\s+\w+ \d{1,2}, \d{4}|pic\.twitter\.com/|\bt\.co/\w+|"
                           r"^\W*@\w{3,}\s|\ba post shared by\b|\bview this post on\b",
                           re.IGNORECASE)
CAPTIONS_WARNING = ("every paragraph reads like a photo caption; kept as story text, since no "
                    "other text is left")
WORD = re.compile(r"\w[\w'-]*\w|\w", re.UNICODE)


@dataclass(frozen=True)
class ParsedArticle:
    article: Article
    claims: tuple[Claim, ...]


def parse_articles(articles: list[Article], toolkit: Toolkit,
                   settings: Settings) -> list[ParsedArticle]:
    """Parse every article; English ones through spaCy in one batch."""
    english = [a for a in articles if a.language == "en"]
    parsed: dict[str, ParsedArticle] = {}
    paragraphs = [(a, p) for a in english for p in a.text.split("\n\n")]
    docs = toolkit.nlp.pipe((p for _, p in paragraphs), batch_size=64)
    by_article: dict[str, list[Any]] = {}
    for (article, _), doc in zip(paragraphs, docs):
        by_article.setdefault(article.id, []).append(doc)
    for article in english:
        parsed[article.id] = parse_english(article, by_article.get(article.id, []), settings)
    for article in articles:
        if article.id not in parsed:
            parsed[article.id] = parse_plain(article)
    return [parsed[a.id] for a in articles]


def parse_english(article: Article, docs: list[Any], settings: Settings) -> ParsedArticle:
    past_share = past_tense_share(docs)
    captions = [is_caption(doc, past_share) for doc in docs]
    if docs and all(captions):  # a one-sentence article is news, not a lone caption
        captions = [False] * len(docs)
        article = replace(article, warnings=(*article.warnings, CAPTIONS_WARNING))
    embedded = [EMBEDDED_POST.search(doc.text) is not None for doc in docs]
    kept = [doc for doc, c, e in zip(docs, captions, embedded) if not (c or e)]
    removed = list(article.removed) + [
        Removal(doc.text, "embedded post" if post else "caption")
        for doc, caption, post in zip(docs, captions, embedded) if caption or post]
    text = "\n\n".join(doc.text for doc in kept)
    claims: list[Claim] = []
    offset, sentence_index = 0, 0
    for doc in kept:
        sents = whole_sentences(doc)
        block = is_promo_block(sents)
        for sent in sents:
            if not any(t.is_alpha for t in sent):
                continue
            if block or is_promo_sentence(sent.text):
                removed.append(Removal(sent.text, "promo"))
            elif addresses_reader(sent):
                removed.append(Removal(sent.text, "address to the reader"))
            elif is_statement(sent) and not is_lead_in(sent):
                claims.extend(sentence_claims(article.id, sentence_index, sent, offset,
                                              settings))
            else:
                removed.append(Removal(sent.text, "not a statement"))
            sentence_index += 1
        offset += len(doc.text) + 2
    article = replace(article, text=text, removed=tuple(removed))
    return ParsedArticle(article, tuple(claims))


def is_promo_block(sents: list[Any]) -> bool:
    """A paragraph that opens with a promo sentence ("Follow us everywhere ... The site has
    responsive design ...", "For more information on scams, visit ... Fighting scams is a
    community effort.") or closes with an appeal to the reader ("... there are 3 stocks you
    can consider buying. ... Just click here.") is the site's appeal as a whole. On the 576
    LocalNews dev articles all 10 such paragraphs of two or more sentences were appeals,
    disclaimers or "about us" blurbs. A pointer to more information closing a paragraph
    ("Applications open in March. For more details, visit ...") leaves the news before it."""
    return len(sents) > 1 and (is_promo_sentence(sents[0].text) or
                               bool(READER_APPEAL.search(sents[-1].text)))


def whole_sentences(doc: Any) -> list[Any]:
    """The parser's sentences of one paragraph, with a break the parser put inside a sentence
    mended: after a word and before a capital ("... stations at Marsiling and Yew | Tee, as
    well as long queues"), after a comma ("..., with one remarking, | “We need ...”"), or
    before a small letter ("“Why was it allowed?” | the minister asked"; "call 1800 339 6963
    if you are in Singapore, or +65 6339 6963 | if you are overseas"): inside a paragraph a
    sentence ends with a mark and opens with a capital."""
    spans: list[Any] = []
    for sent in doc.sents:
        if spans and runs_on(spans[-1][-1], sent[0]):
            spans[-1] = doc[spans[-1].start:sent.end]
        else:
            spans.append(sent)
    return spans


def runs_on(last: Any, first: Any) -> bool:
    """A sentence ending in `last` runs on into one opening with `first`."""
    return last.is_alpha and first.is_alpha or last.text == "," or first.is_lower


def is_statement(sent: Any) -> bool:
    """A sentence that states something: a verb and a few words ("SINGAPORE", "By Jane Doe",
    "Photo: AFP" and headings are not), or a long verbless line the parser may have misread;
    not a speaker without what was said (`says_nothing`), a question (`is_question`), a
    label (`is_label`, `is_field`)."""
    words = [t for t in sent if t.is_alpha]
    verbs = any(t.pos_ in ("VERB", "AUX") for t in sent)
    return (len(words) >= STATEMENT_MIN_WORDS and verbs or len(words) >= VERBLESS_MIN_WORDS) \
        and not says_nothing(sent) and not is_question(sent) and not is_label(sent) and \
        not is_field(sent)


# Words an order to the reader may open with before its verb ("Do not click", "Please call",
# "Just head to", "And don't miss").
ORDER_OPENERS = {"do", "please", "just", "also", "and", "so", "then", "now"}
# A label before an order in a list of steps ("CHECK –", "Step two:"): a few words and a mark.
LABEL_MARKS = {"-", "–", "—", ":"}
LABEL_MAX_WORDS = 3


def addresses_reader(sent: Any) -> bool:
    """An order to the reader in the writer's voice ("Visit the website to learn more",
    "Don't miss its prawn rolls", "If you spot one, call the hotline"): a verb in its bare
    form opening the sentence or following a condition put to the reader, with no subject; it
    tells, it states nothing about the story. An order in quotation marks is someone's,
    reported, and stays; so does one whose object is a "that" clause ("Remember that he has a long
    record of broken promises"): it states that clause. A subject right after the verb, or a
    finite verb with no subject hung on it, is a misparse of a noun opening a statement
    ("Leave provisions ... directly impact ...")."""
    body = after_label(sent)
    root = body.root
    words = [t for t in body if t.is_alpha]
    after = root.nbor() if root.i + 1 < len(root.doc) else root
    if root.tag_ != "VB" or not words or quoted(root, sent) or \
            after.dep_ in SUBJECT_DEPS or any(
                c.dep_ in (*SUBJECT_DEPS, "expl", "csubj") or states_that_clause(c)
                or subjectless_finite(c) for c in root.children if c.i >= body.start):
        return False
    condition = {t.i for c in root.children if reader_condition(c) for t in c.subtree}
    return all(t.i in condition or t.head.i == root.i and t.lower_ in ORDER_OPENERS | {"not"}
               for t in words if t.i < root.i)


def quoted(verb: Any, sent: Any) -> bool:
    """The verb stands inside quotation marks (an odd number of them before it): someone's
    order, reported ("“Stay at home.”"); marks around a number or a button's name after it
    ("dial ‘999’", "click ‘Accept’") quote no one."""
    return sum(1 for t in sent if t.is_quote and t.i < verb.i) % 2 == 1


def after_label(sent: Any) -> Any:
    """The sentence after a label of a few words set off by a dash or a colon, as a list of
    steps writes them ("- CHECK – Verify the link ...", "Step two: call the bank"); the whole
    sentence when it has none."""
    marks = [t for t in list(sent)[:LABEL_MAX_WORDS + 3] if t.text in LABEL_MARKS]
    if not marks or marks[-1].i + 1 >= sent.end:
        return sent
    label = [t for t in sent if t.i < marks[-1].i and t.is_alpha]
    return sent.doc[marks[-1].i + 1:sent.end] if 1 <= len(label) <= LABEL_MAX_WORDS else sent


def reader_condition(clause: Any) -> bool:
    """A condition put to the reader before an order ("If it's snacks you're after, | don't
    miss ...", "If you spot one, | call ..."): an "if" or "when" clause on the order; or a
    phrase of time, purpose or topic set off by a comma before it ("For urgent assistance, |
    dial 999", "This Chinese New Year, | take advantage of ...")."""
    if clause.i > clause.head.i:
        return False
    if clause.dep_ == "advcl":
        return any(c.dep_ == "mark" and c.lower_ in ("if", "when") for c in clause.children)
    after = clause.right_edge.i + 1
    return clause.dep_ in ("prep", "npadvmod") and after == clause.head.i - 1 and \
        clause.doc[after].text == ","


def states_that_clause(clause: Any) -> bool:
    """The order's object is a "that" clause with its own subject ("Remember that | he has
    ..."; not "Ensure your vouchers are used"): the order states it."""
    children = list(clause.children)
    return clause.dep_ == "ccomp" and any(g.dep_ in SUBJECT_DEPS for g in children) and \
        any(g.dep_ == "mark" and g.lower_ == "that" for g in children)


def subjectless_finite(verb: Any) -> bool:
    """A finite verb with no subject hung on the "order": only a misparse makes one (the
    auxiliary "Do" of "Don't miss" is no such verb)."""
    return verb.tag_ in ("VBP", "VBZ", "VBD") and verb.dep_ not in ("aux", "auxpass") and \
        not any(g.dep_ in SUBJECT_DEPS for g in verb.children) and \
        not modifier_read_as_verb(verb)


def is_label(sent: Any) -> bool:
    """A few words opening with their main verb, a participle with no subject and no
    auxiliary, are a label ("Closed on Monday", "Selling homemade goodies to neighbours",
    "Updated on March 3"): nobody is said to do anything. A long line of that shape is a
    list entry that says something ("- Failing to ensure its doctors refer patients to
    specialists ..."). The opening word guards against a misparse: in "..., a mechanic
    continued buying newspapers" the parser once read "continued" as a participle and
    "mechanic" as no subject."""
    root = sent.root
    words = [t for t in sent if t.is_alpha]
    bare = not any(c.dep_ in (*SUBJECT_DEPS, "expl", "csubj", "aux", "auxpass")
                   for c in root.children)
    return len(words) < VERBLESS_MIN_WORDS and root.i == words[0].i and \
        root.tag_ in ("VBN", "VBG") and bare


def is_field(sent: Any) -> bool:
    """A field of a listing: a name of a few words, a colon and a value with no verb
    ("Opening hours: 10am to 7pm (Tue - Sun)", "Address: 12 Main Street"). A colon before a
    clause ("- Appeal process: Victims can appeal to the Commissioner") opens a statement."""
    colon = next((t for t in sent if t.text == ":"), None)
    if colon is None or any(t.is_quote for t in sent):
        return False  # 'Mr Tan said: "A great day."' is a speaker and his words
    name = [t for t in sent if t.i < colon.i and t.is_alpha]
    return 0 < len(name) <= FIELD_NAME_MAX_WORDS and not any(t.tag_ in FINITE for t in name) \
        and not any(t.pos_ in ("VERB", "AUX") for t in sent if t.i > colon.i)


def is_question(sent: Any) -> bool:
    """A question in the writer's voice asks, it states nothing: a heading ("How is the
    pollution harmful?"), an FAQ entry, a rhetorical question ("Where did we get our food
    from?"). A question inside quotes with its speaker is what someone asked, and stays
    ("“Why now?” he asked."); a sentence that is nothing but a quoted question (a paragraph of
    quoted speech or writing, "“Who will help me?") asks, like the writer's own."""
    words = [t for t in sent if not t.is_space]
    while words and words[-1].is_quote:
        words.pop()
    if not words or words[-1].text != "?":
        return False
    quotes = [t for t in words if t.is_quote]
    return not quotes or quotes == words[:1]


# Words that point at what comes after a colon: "Here are some examples:", "the following
# measures:", "are detailed below:".
FORWARD_POINTER = re.compile(r"\bhere(?:['’]s|\s+(?:is|are))\b|\bthe\s+following\b|"
                             r"\bbelow\s*:|\bas\s+follows\b", re.IGNORECASE)
# What a verb before a colon lacks when the list or quote after it is its object or complement.
COMPLEMENTS = {"dobj", "attr", "ccomp", "xcomp", "acomp", "oprd", "dative"}


def is_lead_in(sent: Any) -> bool:
    """A sentence ending in a colon that only introduces what comes next, a list or a quote:
    it points forward ("Here are some examples:", "The minister issued the following
    reminder:"), or its verb lacks the object or complement that follows the colon ("The
    violations include:", "The four chairpersons are:", "Looking ahead, he revealed:"). A
    sentence stating something before its list ("The bill puts in place four safeguards:")
    stays, as does one whose reported clause comes first ("The ministry will act, it said,
    adding:")."""
    if not sent.text.rstrip().endswith(":"):
        return False
    if FORWARD_POINTER.search(sent.text):
        return True
    root = sent.root
    return not any(c.dep_ in COMPLEMENTS or c.i > root.i and c.dep_ == "prep" and any(
        g.dep_ == "pobj" for g in c.children) for c in root.children)


def says_nothing(sent: Any) -> bool:
    """"According to the post, she said:", "Expressing her gratitude, he added:", "The
    minister said on Monday in a Facebook post.": a speaker whose words went to the next
    sentence or a quote block. Its root is a verb of saying with a subject, and no other verb
    or quote holds what was said (a clause leading up to the speaker doesn't)."""
    root = sent.root
    if fold(root.lemma_) not in SAYING or any(t.is_quote for t in sent) or \
            not any(c.dep_ == "nsubj" for c in root.children) or \
            any(c.dep_ in ("dobj", "dative") or (c.dep_ == "prep" and c.lower_ == "to"
                                                  and root.lemma_ == "add")
                for c in root.children):
        return False  # "These details add credibility", "adds to its appeal": not saying
    # "Expressing her gratitude, ...": a leading gerund with no subject of its own.
    leading = {t.i for c in root.children if c.dep_ == "advcl" and c.i < root.i
               and c.tag_ == "VBG" and not any(g.dep_ == "nsubj" for g in c.children)
               for t in c.subtree}
    return not any(t.pos_ in ("VERB", "AUX") and t.i != root.i and t.i not in leading
                   and t.dep_ not in ("aux", "auxpass", "neg", "prep", "pcomp")
                   for t in sent)


def past_tense_share(docs: list[Any]) -> float:
    tags = [t.tag_ for doc in docs for t in doc if t.tag_ in ("VBD", "VBZ", "VBP")]
    return sum(1 for tag in tags if tag == "VBD") / len(tags) if tags else 0.0


def is_caption(doc: Any, past_share: float) -> bool:
    """A one-sentence paragraph describing a picture."""
    if len(list(doc.sents)) != 1 or len(doc) > CAPTION_MAX_TOKENS or \
            any(t.text in "\"“”" for t in doc):
        return False
    if not any(t.is_alpha for t in doc):
        return False
    if not any(token.tag_ in FINITE for token in doc):
        return True
    root = next(iter(doc.sents)).root
    starts_with_name = doc[0].pos_ == "PROPN" or (
        doc[0].pos_ == "ADJ" and any(t.ent_type_ for t in doc[:4]))
    reports_or_states = root.lemma_ == "be" or any(
        child.dep_ in ("ccomp", "acomp", "attr") for child in root.children)
    return (past_share >= PAST_STORY_SHARE and root.tag_ in ("VBZ", "VBP") and starts_with_name
            and not reports_or_states)


def sentence_claims(article_id: str, index: int, sent: Any, offset: int,
                    settings: Settings) -> list[Claim]:
    claims = []
    for number, part in enumerate(claim_parts(sent, settings)):
        tokens = part.tokens
        char_start = tokens[0].idx - sent.doc[0].idx + offset
        char_end = tokens[-1].idx + len(tokens[-1].text) - sent.doc[0].idx + offset
        text = sent.doc[tokens[0].i:tokens[-1].i + 1].text
        claims.append(Claim(
            id=f"{article_id}:{index}.{number}", article=article_id, sentence=index, text=text,
            start=char_start, end=char_end, keywords=content_keywords(tokens),
            numbers=numbers_in(tokens), names=names_in(tokens), subject=part.subject))
    return claims


def content_keywords(tokens: list[Any]) -> tuple[str, ...]:
    words = set()
    for token in tokens:
        if token.pos_ in CONTENT_POS and not token.is_stop and (token.is_alpha or token.like_num):
            words.add(NUMBER_WORDS.get(token.lower_, unidecode(token.lemma_.lower())))
    return tuple(sorted(words))


def numbers_in(tokens: list[Any]) -> tuple[str, ...]:
    values = set()
    for token in tokens:
        if token.like_num or token.lower_ in NUMBER_WORDS:
            raw = NUMBER_WORDS.get(token.lower_, token.text.replace(",", ""))
            if re.fullmatch(r"\d+(?:\.\d+)?", raw):
                values.add(raw)
    return tuple(sorted(values))


def names_in(tokens: list[Any]) -> tuple[str, ...]:
    names = set()
    for token in tokens:
        if token.ent_type_ in NAME_LABELS and token.is_alpha:
            names.add(unidecode(token.text.lower()))
    return tuple(sorted(names))


def parse_plain(article: Article) -> ParsedArticle:
    """Sentence split by punctuation in any script, for languages the parser does not cover."""
    claims = []
    for match in re.finditer(r"[^\n]+", article.text):
        for begin, end in split_sentences(match.group(0)):
            start, stop = match.start() + begin, match.start() + end
            text = article.text[start:stop]
            if count_words(text) < 3:
                continue
            words = [unidecode(w.lower()) for w in WORD.findall(text)]
            index = len(claims)
            claims.append(Claim(
                id=f"{article.id}:{index}.0", article=article.id, sentence=index, text=text,
                start=start, end=stop,
                keywords=tuple(sorted({w for w in words if len(w) > 3 or w.isdigit()})),
                numbers=tuple(sorted({w for w in words if w.isdigit()}))))
    return ParsedArticle(article, tuple(claims))
