"""Named steps that declare what they need and make, and the runner that holds them to it.

A step is a pure function from a frozen state record to the next one (spaCy's components are
the model). The runner checks, before a step, that what it needs has been made (a field that is
not None) and, after it, that it made every field it declares and changed no other one, so the
order of a chain is data that can be printed (`describe`) and checked, not a comment.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from typing import Any, TypeVar

from .errors import NewsweaveError, StageError

State = TypeVar("State")


@dataclass(frozen=True)
class Step:
    name: str
    needs: tuple[str, ...]
    makes: tuple[str, ...]
    run: Callable[[Any, Any], Any]  # (state, tools) -> state

    @property
    def summary(self) -> str:
        """The first paragraph of the step function's docstring, on one line."""
        return " ".join((self.run.__doc__ or "").strip().split("\n\n")[0].split())


class StepContractError(NewsweaveError):
    """A step broke its declaration: a programming error, reported as such."""


def run_steps(steps: Sequence[Step], state: State, tools: Any) -> State:
    """Run `steps` in order on `state`. A step's own failure is wrapped in a StageError naming
    it; a NewsweaveError (a user-facing error) passes through unchanged."""
    for step in steps:
        missing = [n for n in step.needs if getattr(state, n) is None]
        if missing:
            raise StepContractError(f"step '{step.name}' needs {', '.join(missing)}, which no "
                                    "earlier step made")
        try:
            after = step.run(state, tools)
        except NewsweaveError:
            raise
        except Exception as err:
            raise StageError(step.name, err) from err
        check_makes(step, state, after)
        state = after
    return state


def check_makes(step: Step, before: Any, after: Any) -> None:
    """`after` holds every field `step` declares and differs from `before` in no other."""
    if type(after) is not type(before):
        raise StepContractError(f"step '{step.name}' returned a {type(after).__name__}, "
                                f"not a {type(before).__name__}")
    for field in fields(after):
        new = getattr(after, field.name)
        if field.name in step.makes:
            if new is None:
                raise StepContractError(f"step '{step.name}' did not make {field.name}")
        elif new is not getattr(before, field.name):
            raise StepContractError(f"step '{step.name}' changed {field.name}, which it does "
                                    "not declare")


def steps_until(steps: Sequence[Step], last: str | None) -> tuple[Step, ...]:
    """The steps up to and including the one named `last` (all of them when None)."""
    if last is None:
        return tuple(steps)
    names = [s.name for s in steps]
    return tuple(steps[:names.index(last) + 1]) if last in names else tuple(steps)


def describe(steps: Sequence[Step], indent: str = "") -> list[str]:
    """One line per step: name, needs -> makes, and what it does."""
    import textwrap

    width = max((len(s.name) for s in steps), default=0)
    pad = indent + " " * (width + 2)
    return [f"{indent}{s.name:<{width}}  {', '.join(s.needs) or '-'} -> {', '.join(s.makes)}\n"
            + textwrap.fill(s.summary, 96, initial_indent=pad, subsequent_indent=pad)
            for s in steps]
