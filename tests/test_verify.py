""""Only one source" checked before it is said: a single-source fact found in another article
joins that article's fact; one found nowhere else stays single-source. Small hand-built
stories (sentences written for these tests), and one through the whole chain."""

from __future__ import annotations

import numpy as np

from newsweave.align import ClaimTable, build_table
from newsweave.brief import single_candidates, write_brief
from newsweave.chain import analyze_articles
from newsweave.config import Settings
from newsweave.models import Article, Claim, Conflict, Fact, Mention, Position, RawRecord
from newsweave.verify import (
    Verifier,
    best_in_articles,
    claim_verbs,
    packaged_verifier,
    pair_signals,
    renamed_facts,
    story_bags,
    verify_facts,
)

# p = sigmoid(12 * cosine - 6): 0.5 at cosine 0.5
BY_COSINE = Verifier(("cosine",), (0.0,), (1.0,), (12.0,), -6.0)

FERRY = "The evening ferry to the island was cancelled because of strong winds"
FERRY_AGAIN = "Strong winds forced the island ferry to be cancelled in the evening"
FERRY_B = "Strong winds led the operator to cancel the evening ferry to the island"
MARKET = "A farmers market will open in the harbour square next month"


def article(key: str, *sentences: str, language: str = "en") -> Article:
    text = ". ".join(sentences) + "."
    return Article(key, f"{key}.txt", text, None, None, f"Outlet {key.upper()}", "2025-05-02",
                   "metadata", language)


def claims_of(a: Article, *sentences: str) -> tuple[Claim, ...]:
    return tuple(Claim(f"{a.id}:{k}.0", a.id, k, s, a.text.index(s),
                       a.text.index(s) + len(s), keywords=tuple(s.lower().split()))
                 for k, s in enumerate(sentences))


def unit(*values: float) -> np.ndarray:
    v = np.asarray(values, np.float32)
    return v / np.linalg.norm(v)


def fact(key: str, *claims: Claim, status: str | None = None) -> Fact:
    articles = tuple(dict.fromkeys(c.article for c in claims))
    status = status or ("corroborated" if len(articles) > 1 else "single_source")
    return Fact(key, claims[0].text, status, articles, len(articles),  # type: ignore[arg-type]
                tuple(Mention(c.article, c.text, c.start, c.end, c.id) for c in claims))


def ferry_story(status: str | None = None, language: str = "en"
                ) -> tuple[list[Fact], ClaimTable]:
    """Article a states the cancellation twice, b once; alignment put a's first statement
    with b's (the fact's place for a is taken) and left a's second one alone."""
    a = article("a", FERRY, MARKET, FERRY_AGAIN)
    b = article("b", FERRY_B, language=language)
    ca, cb = claims_of(a, FERRY, MARKET, FERRY_AGAIN), claims_of(b, FERRY_B)
    vectors = {ca[0].id: unit(1, 0.1, 0), ca[1].id: unit(0, 0, 1), ca[2].id: unit(1, 0.2, 0),
               cb[0].id: unit(1, 0.11, 0)}
    table = build_table([a, b], {"a": ca, "b": cb}, vectors)
    facts = [fact("f_ferry", ca[0], cb[0], status=status), fact("f_market", ca[1]),
             fact("f_again", ca[2])]
    return facts, table


def test_a_single_source_claim_found_in_another_article_joins_that_fact():
    facts, table = ferry_story()
    verbs = tuple(frozenset() for _ in table.claims)
    kept, renamed = verify_facts(facts, table, verbs, (), BY_COSINE, (0.5, 1.0))
    ferry = next(f for f in kept if f.id == "f_ferry")
    assert ferry.status == "corroborated" and set(ferry.articles) == {"a", "b"}
    assert FERRY_AGAIN in {m.text for m in ferry.mentions}
    assert FERRY_B in {m.text for m in ferry.mentions}
    assert renamed == {"f_again": "f_ferry"}
    assert [f.id for f in kept] == ["f_ferry", "f_market"]


def test_a_claim_found_nowhere_else_stays_single_source():
    facts, table = ferry_story()
    verbs = tuple(frozenset() for _ in table.claims)
    kept, _ = verify_facts(facts, table, verbs, (), BY_COSINE, (0.5, 1.0))
    market = next(f for f in kept if f.id == "f_market")
    assert market.status == "single_source" and market.articles == ("a",)
    assert [m.text for m in market.mentions] == [MARKET]


def test_below_the_cut_nothing_is_joined():
    facts, table = ferry_story()
    verbs = tuple(frozenset() for _ in table.claims)
    kept, renamed = verify_facts(facts, table, verbs, (), BY_COSINE, (0.9999, 1.0))
    assert kept == tuple(facts) and renamed == {}


def test_a_likely_partner_below_the_cut_is_named_on_the_single_source_fact():
    facts, table = ferry_story()
    verbs = tuple(frozenset() for _ in table.claims)
    # The ferry statement again: cosine about 0.99 with b's, p about 0.998 under BY_COSINE.
    kept, renamed = verify_facts(facts, table, verbs, (), BY_COSINE, (0.9999, 0.5))
    again = next(f for f in kept if f.id == "f_again")
    assert renamed == {} and again.status == "single_source" and again.maybe_also == ("b",)
    # The market is like nothing in b (p about 0.0025): the search came back empty.
    assert next(f for f in kept if f.id == "f_market").maybe_also == ()


def test_a_disputed_fact_stays_disputed_when_a_statement_joins_it():
    facts, table = ferry_story(status="disputed")
    verbs = tuple(frozenset() for _ in table.claims)
    kept, _ = verify_facts(facts, table, verbs, (), BY_COSINE, (0.5, 1.0))
    assert next(f for f in kept if f.id == "f_ferry").status == "disputed"


def test_claims_of_different_languages_are_not_partners():
    facts, table = ferry_story(language="es")
    verbs = tuple(frozenset() for _ in table.claims)
    kept, renamed = verify_facts(facts, table, verbs, (), BY_COSINE, (0.5, 1.0))
    assert renamed == {} and next(f for f in kept if f.id == "f_again").status == \
        "single_source"


def test_possible_differences_name_the_fact_a_statement_joined():
    side = Position("evening", FERRY_AGAIN, ("a",))
    other = Position("morning", "The morning ferry sailed", ("c",))
    possible = (Conflict("c1", "claim", "ferry", (side, other), facts=("f_again", "f_x")),
                Conflict("c2", "claim", "market", (side, other), facts=("f_market",)))
    moved = renamed_facts(possible, {"f_again": "f_ferry"})
    assert moved[0].facts == ("f_ferry", "f_x") and moved[1] == possible[1]


def test_an_article_stating_a_claim_twice_is_compared_past_the_place_taken():
    _, table = ferry_story()
    groups = [0, 1, 2, 0]  # claim rows: a's ferry, a's market, a's ferry again, b's ferry
    signals = pair_signals(np.array([2]), table, story_bags(table, [frozenset()] * 4),
                           best_in_articles(table, groups))
    # b's statement is most like a's first one, which already holds a's place in b's fact:
    # among the rest of a, a's second statement is b's best, so the two are mutual best.
    assert signals["mutual"][0, 3] == 1.0
    alone = pair_signals(np.array([2]), table, story_bags(table, [frozenset()] * 4),
                         best_in_articles(table, [0, 1, 2, 3]))
    assert alone["mutual"][0, 3] == 0.0


def test_shared_content_verbs_count_and_saying_does_not(toolkit):
    a = article("a", "The operator cancelled the ferry", "The mayor said the port is busy")
    b = article("b", "Officials cancelled the late crossing", "A spokesman said nothing more")
    ca = claims_of(a, "The operator cancelled the ferry", "The mayor said the port is busy")
    cb = claims_of(b, "Officials cancelled the late crossing", "A spokesman said nothing more")
    table = build_table([a, b], {"a": ca, "b": cb},
                        {c.id: unit(1, k, 0) for k, c in enumerate(ca + cb)})
    docs = dict(zip(("a", "b"), toolkit.parse([a.text, b.text])))
    verbs = claim_verbs([a, b], table, docs)
    signals = pair_signals(np.arange(4), table, story_bags(table, verbs),
                           best_in_articles(table, [0, 1, 2, 3]))
    assert signals["predicate"][0, 2] == 1.0  # cancelled / cancelled
    assert signals["predicate"][1, 3] == 0.0  # said / said


def test_the_packaged_verifier_reads_signals_the_pairs_have():
    _, table = ferry_story()
    signals = pair_signals(np.array([0]), table, story_bags(table, [frozenset()] * 4),
                           best_in_articles(table, [0, 1, 2, 0]))
    verifier = packaged_verifier()
    assert set(verifier.features) <= set(signals)
    probability = verifier.probabilities({k: signals[k] for k in verifier.features})
    assert probability.shape == (1, 4) and ((probability >= 0) & (probability <= 1)).all()


BUDGET_A = ("The town council of Millbrook approved a budget of 6.5 million dollars on Tuesday "
            "evening. Most of the money will go to repairing the old stone bridge over the "
            "river. Council members said the bridge had been closed to trucks since the spring "
            "floods.\n\nThe mayor, Ruth Okafor, said the vote followed months of debate. Most of "
            "the money will go to repairing the old stone bridge over the river, she said. A "
            "local bakery donated bread to the volunteers who cleaned the riverbank.")
BUDGET_B = ("Millbrook's council passed a 6.5 million dollar budget on Tuesday. Most of the "
            "money will pay for repairing the old stone bridge over the river. Trucks have not "
            "been allowed on the bridge since the floods in spring, officials said.\n\nMayor "
            "Ruth Okafor said the decision came after months of argument.")
RESTATED = "Most of the money will go to repairing the old stone bridge over the river, she said"
BAKERY = "A local bakery donated bread to the volunteers who cleaned the riverbank"


def budget_story(toolkit, cut: float, maybe: float = 1.01):
    records = [RawRecord(f"{key}.txt", key, text, title=f"Millbrook budget ({key})",
                         outlet=f"Outlet {key.upper()}")
               for key, text in (("a", BUDGET_A), ("b", BUDGET_B))]
    report = analyze_articles(records, toolkit, Settings(verify_cut=cut, verify_maybe=maybe),
                              strict=True)
    assert len(report.stories) == 1
    return report.stories[0]


def test_a_claim_an_article_states_twice_is_not_left_to_one_source(toolkit):
    # Alignment keeps one claim per article in a fact: a's second statement of the bridge
    # repairs is left alone. Without the check it is a single-source fact; with it (at a
    # cut below this pair's probability) it joins the fact a and b share.
    unchecked = budget_story(toolkit, 1.01)
    alone = [f for f in unchecked.facts if RESTATED in {m.text for m in f.mentions}]
    assert [f.status for f in alone] == ["single_source"]
    checked = budget_story(toolkit, 0.1)
    joined = [f for f in checked.facts if RESTATED in {m.text for m in f.mentions}]
    assert [f.status for f in joined] == ["corroborated"]
    assert set(joined[0].articles) == {"a", "b"} and len(joined[0].mentions) == 3
    assert not any(s.kind == "single_source" and "stone bridge" in s.text
                   for s in write_brief(checked, 9)[0])
    bakery = [f for f in checked.facts if BAKERY in {m.text for m in f.mentions}]
    assert [f.status for f in bakery] == ["single_source"]


def test_the_brief_does_not_say_only_x_of_a_fact_found_elsewhere(toolkit):
    story = budget_story(toolkit, 1.01, maybe=0.1)
    restated = next(f for f in story.facts if RESTATED in {m.text for m in f.mentions})
    assert restated.status == "single_source" and restated.maybe_also == ("b",)
    bakery = next(f for f in story.facts if BAKERY in {m.text for m in f.mentions})
    assert bakery.maybe_also == ()
    # What the brief may say of the bridge repairs: not "Only Outlet A reports that ...".
    said = {c.sentence.facts[0]: c.sentence.text for c in single_candidates(story)}
    assert said[restated.id].startswith("Outlet A reports that most of the money")
    # With no search the fact names no partner, and still the brief does not write "Only":
    # Outlet B has every name and figure of it (it has none; `brief.own_detail`).
    unchecked = budget_story(toolkit, 1.01)
    assert [f.maybe_also for f in unchecked.facts if RESTATED in f.text] == [()]
    said = [c.sentence.text for c in single_candidates(unchecked)]
    assert len(said) == 1 and said[0].startswith("Outlet A reports that most of the money")
