"""Errors a user can act on. The CLI turns these into one line and a non-zero exit."""

from __future__ import annotations


class NewsweaveError(Exception):
    """Base class: anything newsweave reports to the user without a traceback."""


class InputError(NewsweaveError):
    """An input file or record that cannot be used; the run goes on without it."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class StageError(NewsweaveError):
    """A pipeline stage failed; names the stage so the user knows where."""

    def __init__(self, stage: str, cause: BaseException) -> None:
        super().__init__(f"stage '{stage}' failed: {type(cause).__name__}: {cause}")
        self.stage = stage
        self.cause = cause


class StoreError(NewsweaveError):
    """The database cannot be opened or is of an incompatible version."""
