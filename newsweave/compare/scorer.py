"""How likely a candidate disagreement is a real one: a logistic model over its signals
(`signals.py`), fitted on the tune half of the labelled stories (`newsweave.eval.fit`) and
shipped as plain numbers in `scorer.json`, so applying it needs numpy only.

A disagreement is shown in the report and the brief when its probability reaches `show` and,
when `gate` names a signal, that signal holds (the hand-written comparison rule: on the tune
half the model alone never reached the precision the rule gives, see scorer.json); any other
candidate from `floor` up is listed apart as a possible difference; below `floor` it is
dropped. The cuts were chosen on the tune half and are stored with the measurements that chose
them.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

SCORER_FILE = "scorer.json"


@dataclass(frozen=True)
class LogisticModel:
    """A logistic model over named signals, standardised as fitted (scikit-learn's
    StandardScaler + LogisticRegression, kept as numbers)."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float

    def probability(self, signals: Mapping[str, float]) -> float:
        score = self.intercept + sum(
            c * (signals.get(name, 0.0) - m) / s
            for name, m, s, c in zip(self.features, self.mean, self.scale, self.coef))
        return 1 / (1 + math.exp(-max(min(score, 40.0), -40.0)))

    def probabilities(self, signals: Mapping[str, np.ndarray]) -> np.ndarray:
        """The same for arrays of signals (every array of one shape)."""
        score = np.full(next(iter(signals.values())).shape, self.intercept, np.float64)
        for name, m, s, c in zip(self.features, self.mean, self.scale, self.coef):
            score += c * (signals[name] - m) / s
        return 1 / (1 + np.exp(-np.clip(score, -40, 40)))


@dataclass(frozen=True)
class Scorer(LogisticModel):
    show: float  # shown from this probability up
    floor: float  # possible differences from this probability up
    gate: str = ""  # a signal that must also hold for a disagreement to be shown

    def shows(self, probability: float, signals: Mapping[str, float]) -> bool:
        return probability >= self.show and (not self.gate or signals.get(self.gate, 0) > 0)

    def to_dict(self) -> dict[str, object]:
        return {"features": list(self.features), "mean": list(self.mean),
                "scale": list(self.scale), "coef": list(self.coef),
                "intercept": self.intercept, "show": self.show, "floor": self.floor,
                "gate": self.gate}


def scorer_from(data: Mapping[str, object]) -> Scorer:
    def numbers(key: str) -> tuple[float, ...]:
        return tuple(float(v) for v in data[key])  # type: ignore[attr-defined]

    return Scorer(tuple(str(f) for f in data["features"]),  # type: ignore[attr-defined]
                  numbers("mean"), numbers("scale"), numbers("coef"),
                  float(data["intercept"]), float(data["show"]),  # type: ignore[arg-type]
                  float(data["floor"]), str(data.get("gate", "")))  # type: ignore[arg-type]


@lru_cache(maxsize=1)
def packaged_scorer() -> Scorer:
    """The scorer shipped with the package (read once: it never changes while running)."""
    text = resources.files("newsweave.compare").joinpath(SCORER_FILE).read_text("utf-8")
    return scorer_from(json.loads(text)["model"])
