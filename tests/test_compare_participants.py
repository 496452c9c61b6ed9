"""Who acts and what is acted on: a passive with no agent acts on its subject ("X was signed"
as "signed X"), and a predicate split off its sentence is read with the subject it shares
("[Y] was signed on Wednesday")."""

from __future__ import annotations

from conftest import analysed_story, story_of_two_facts
from test_compare import conflicts_of

from newsweave.claims import parse_articles
from newsweave.compare import SLOT_KINDS, find_conflicts
from newsweave.compare.engine import read_mentions
from newsweave.compare.parse import patients
from newsweave.models import Article, Fact, Mention, Story

SIGNED_TUESDAY = "The Hawks signed guard Tom Arlen on Tuesday."


def test_a_passive_acts_on_its_subject_so_two_named_things_are_two_acts(toolkit, settings):
    assert not conflicts_of(toolkit, settings, SIGNED_TUESDAY,
                            "Guard Ben Cole was signed on Wednesday.")
    found = conflicts_of(toolkit, settings, SIGNED_TUESDAY,
                         "Guard Tom Arlen was signed on Wednesday.")
    assert [c.kind for c in found] == ["date"]


def test_what_a_passive_with_no_agent_acts_on(toolkit):
    """Its subject; for a relative pronoun, the noun the clause hangs on without the clause;
    nothing when an agent is named (`participants` reads that) or the subject is a pronoun."""
    doc = toolkit.nlp("The guards are Tom Arlen, who was signed on Tuesday, and Ben Cole.")
    verb = next(t for t in doc if t.lemma_ == "sign")
    assert patients(verb) == {"tom", "arlen"}
    by = toolkit.nlp("Tom Arlen was signed by the Hawks on Tuesday.")
    assert patients(next(t for t in by if t.lemma_ == "sign")) == frozenset()
    it = toolkit.nlp("It was signed on Tuesday.")
    assert patients(next(t for t in it if t.lemma_ == "sign")) == frozenset()


def test_statements_of_two_facts_acting_on_two_named_things_are_two_acts(toolkit, settings):
    """Across facts one event needs shared objects when both name some; a passive's subject
    is what it acts on, so a signing of one player is not the signing of another named in
    the same sentence."""
    def comparable(second: str) -> bool:
        story = story_of_two_facts(toolkit, settings,
                                   "The Hawks signed guard Ben Cole on Wednesday.", second)
        (a, x), (b, y) = [(d, s) for d in read_mentions(story, toolkit, SLOT_KINDS)
                          for s in d.slots if s.kind == "date"]
        return SLOT_KINDS["date"].comparable(a, x, b, y)

    assert not comparable("The guards are Tom Arlen, who was signed on Tuesday, and Ben Cole.")
    assert comparable("The guards are Ben Cole, who was signed on Tuesday, and Sam Roy.")


def split_off_story(toolkit, settings, first: str, second: str) -> Story:
    """One fact of `first`'s first claim and `second`'s last claim (a split-off predicate),
    each mention made as alignment makes it."""
    articles = [Article(f"a{i}", f"a{i}.txt", text, None, None, None, "2023-09-17", "metadata",
                        "en") for i, text in enumerate((first, second))]
    parsed = parse_articles(articles, toolkit, settings)
    claims = [parsed[0].claims[0], parsed[1].claims[-1]]
    mentions = tuple(Mention(c.article, c.text, c.start, c.end, c.id, c.subject)
                     for c in claims)
    fact = Fact("f1", claims[0].text, "corroborated", ("a0", "a1"), 2, mentions)
    return Story("s1", "test", tuple(p.article for p in parsed), (fact,))


def test_a_split_off_predicate_is_read_with_the_subject_it_shares(toolkit, settings):
    other = split_off_story(toolkit, settings, SIGNED_TUESDAY,
                            "The only other guards are Sam Roy and rookie Ben Cole, who was "
                            "signed on Wednesday from the Falcons practice squad.")
    assert other.facts[0].mentions[1].subject == "rookie Ben Cole"
    assert not find_conflicts(other, toolkit, settings)
    same = split_off_story(toolkit, settings, SIGNED_TUESDAY,
                           "The only other guards are Sam Roy and rookie Tom Arlen, who was "
                           "signed on Wednesday from the Falcons practice squad.")
    assert [c.kind for c in find_conflicts(same, toolkit, settings)] == ["date"]


def test_alignment_keeps_the_shared_subject_on_the_mention(toolkit, settings):
    story = analysed_story(toolkit, settings,
                           "The Hawks placed their captain on the injured list and signed "
                           "guard Ben Cole from the Falcons practice squad.",
                           "Guard Ben Cole joined the Hawks from the Falcons practice squad.")
    split = [m for f in story.facts for m in f.mentions if m.text.startswith("signed")]
    assert [m.subject for m in split] == ["The Hawks"]
    assert split[0].stated.startswith("The Hawks signed")
