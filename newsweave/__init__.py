"""newsweave: many news reports in, one cited account out.

    newsweave.analyze_paths(paths)       files and folders -> Report
    newsweave.analyze_articles(records)  RawRecords -> Report

(see `newsweave.chain`; imported on first use, so `import newsweave` stays cheap)."""

from typing import Any

__version__ = "0.1.0"
__all__ = ["analyze_articles", "analyze_paths"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import chain

        return getattr(chain, name)
    raise AttributeError(f"module 'newsweave' has no attribute {name!r}")
