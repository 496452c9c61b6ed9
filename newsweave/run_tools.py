"""What every step of the chain may use besides its state (`Tools`: models, settings,
memory, progress) and what a run counts as it goes (`RunStats`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .config import Settings
from .memory import Memory
from .toolkit import Toolkit

ProgressFn = Callable[[str, int, int], None]  # (step, done, total)


@dataclass
class RunStats:
    """What a run did rather than found in memory: counters a test or summary can read."""

    articles_cleaned: int = 0
    texts_encoded: int = 0
    stories_analysed: int = 0
    stories_reused: int = 0  # analysis found in memory: same members, settings and code
    stories_saved: int = 0  # stories written (new or changed)


@dataclass
class Tools:
    """What every step may use besides the state: models, settings, memory, reporting."""

    toolkit: Toolkit
    settings: Settings
    memory: Memory
    progress: ProgressFn = field(default=lambda step, done, total: None)
    stats: RunStats = field(default_factory=RunStats)
    strict: bool = False  # a failing story stops the run (tests) instead of being skipped
    until: str | None = None  # last step to run (a step of STEPS or STORY_STEPS)
