"""Claims stated as expectations: "unlikely to meet" denies what "expected to meet" asserts;
"likely to meet" only softens it."""

from __future__ import annotations

from test_compare import claims_of

from newsweave.compare.claims import claim_slots

EXPECTED = "He is expected to meet the Queen during the three-day visit."


def test_unlikely_to_denies_what_expected_to_asserts(toolkit, settings):
    found = claims_of(toolkit, settings, EXPECTED,
                      "As the visit is not a state one, he is unlikely to meet the Queen during "
                      "the three-day visit.")
    assert [(c.topic, sorted(p.value for p in c.positions)) for c in found] == \
        [("whether meet", ["asserted", "denied"])]
    assert not claims_of(toolkit, settings, EXPECTED,
                         "He is likely to meet the Queen during the three-day visit.")


def test_an_infinitive_under_an_adjective_takes_the_copulas_subject(toolkit):
    doc = toolkit.nlp("The minister is unlikely to attend the summit.")
    meet = [s for s in claim_slots(doc) if s.key == "whether attend"]
    assert [(s.value, sorted(s.subjects)) for s in meet] == [(False, ["minister"])]
