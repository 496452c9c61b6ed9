"""The injectors of `newsweave eval conflicts` that move bounded figures and percentages: each
changes the figure beyond any tolerance and keeps the words around it."""

from __future__ import annotations

import pytest

from newsweave.eval.injection import BOUNDED, PERCENT, _figure_scaled


@pytest.mark.parametrize("pattern, text, changed", [
    (BOUNDED, "He faces up to 10 years in prison.", "up to 15 years"),
    (BOUNDED, "The port handled over 57,000 tonnes of grain.", "over 85,500 tonnes"),
    (BOUNDED, "At least 3 people died.", "At least 4 people"),
    (PERCENT, "Turnout was 62.5 per cent.", "93.8 per cent"),
    (PERCENT, "Prices rose by more than 80% in a year.", "48%"),
])
def test_a_bound_or_a_share_is_moved_and_keeps_its_words(pattern, text, changed):
    match = pattern.search(text)
    assert match is not None and _figure_scaled(match) == changed


def test_a_percentage_is_not_a_bounded_count_and_points_are_no_share():
    assert BOUNDED.search("more than 80 per cent of voters") is None
    assert PERCENT.search("Support fell 3 percentage points.") is None
