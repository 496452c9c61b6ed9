"""Alignment: which sentences of different articles are put in one fact."""

from __future__ import annotations

from dataclasses import replace

from newsweave.eval.data import analyse_files

BUDGET = ("The council approved a new budget for the town on Monday after a long debate "
          "about road repairs and school funding.")
BUDGET_AGAIN = ("On Monday the council approved the town's new budget following a lengthy "
                "debate over school funding and road repairs.")


def facts_of(texts: list[str], toolkit, settings) -> dict[str, set[str]]:
    """Each article's sentences, by the sentences of other articles sharing its fact as
    alignment made them (the "only one source" search, `verify.py`, is off)."""
    records = [{"id": f"a{i}", "title": "Council budget", "text": t, "url": None,
                "outlet": f"Outlet {i}", "published": "2025-03-04"} for i, t in enumerate(texts)]
    report = analyse_files(records, toolkit, replace(settings, one_story=True, verify_cut=2.0,
                                                    verify_maybe=2.0), "jsonl").report
    together: dict[str, set[str]] = {}
    for fact in report.stories[0].facts:
        for mention in fact.mentions:
            together[mention.text] = {m.text for m in fact.mentions} - {mention.text}
    return together


def test_a_short_claim_is_not_stated_by_a_long_sentence_that_merely_holds_its_words(
        toolkit, settings):
    """"The mayor resigned" is not what "Two councillors resigned last year after the mayor
    criticised ..." says, though it holds both of its words; a paraphrase of about its
    length is still the same fact, and so are the two long sentences about the budget."""
    short, paraphrase = "The mayor resigned.", "The town's mayor has resigned."
    holds_its_words = ("Two councillors resigned last year after the mayor criticised their "
                       "spending on the new library and the sports hall.")
    together = facts_of([f"{BUDGET} {short}", f"{BUDGET_AGAIN} {holds_its_words}"], toolkit,
                        settings)
    assert together[BUDGET.rstrip(".")] == {BUDGET_AGAIN.rstrip(".")}
    assert together[short.rstrip(".")] == set()
    together = facts_of([f"{BUDGET} {short}", f"{BUDGET_AGAIN} {paraphrase}"], toolkit,
                        settings)
    assert together[short.rstrip(".")] == {paraphrase.rstrip(".")}


def test_a_short_claim_is_stated_by_a_long_sentence_that_gives_its_figure(toolkit, settings):
    """"The mayor will be 61 in May" is what the long sentence says in its relative clause:
    the figure both give keeps them one fact, however much else the long one says (without
    that exception the two would be kept apart like the pair above)."""
    short = "The mayor will be 61 in May."
    long_ = ("The mayor, who turns 61 on May 3, has led the council of the old market town for "
             "nine years through floods, strikes, budget crises and two recessions.")
    together = facts_of([f"{BUDGET} {short}", f"{BUDGET_AGAIN} {long_}"], toolkit, settings)
    assert together[short.rstrip(".")] == {long_.rstrip(".")}
