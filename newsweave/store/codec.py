"""Records <-> JSON text for the database: frozen dataclasses rebuilt from their annotations."""

from __future__ import annotations

import json
from dataclasses import asdict, fields, is_dataclass
from types import UnionType
from typing import Any, Union, get_args, get_origin, get_type_hints

import numpy as np

from ..models import Article, Claim, Removal, Story


def article_from_json(text: str) -> Article:
    data = json.loads(text)
    data["removed"] = tuple(Removal(**r) for r in data.get("removed", []))
    data["warnings"] = tuple(data.get("warnings", ()))  # older rows have none (issue 14)
    return Article(**data)


def claims_from_json(text: str) -> tuple[Claim, ...]:
    return tuple(claim_from_dict(c) for c in json.loads(text))


def claim_from_dict(data: dict) -> Claim:
    for key in ("keywords", "numbers", "names"):
        data[key] = tuple(data.get(key, ()))
    return Claim(**data)


def story_to_json(story: Story) -> str:
    """A Story as JSON, articles included; numpy scalars become plain numbers."""
    return json.dumps(asdict(story), ensure_ascii=False, default=_plain)


def story_from_json(text: str) -> Story:
    story = from_data(Story, json.loads(text))
    assert isinstance(story, Story)
    return story


def _plain(value: object) -> object:
    if isinstance(value, np.generic):
        return value.item()
    raise TypeError(f"cannot store a {type(value).__name__} as JSON")


def from_data(kind: Any, value: Any) -> Any:
    """Rebuild a (nested) frozen dataclass from what `asdict` + JSON made of it, guided by the
    type annotations in models.py: tuples, optionals and nested records."""
    if is_dataclass(kind) and isinstance(kind, type):
        hints = get_type_hints(kind)
        return kind(**{f.name: from_data(hints[f.name], value[f.name])
                       for f in fields(kind) if f.name in value})
    origin, args = get_origin(kind), get_args(kind)
    if origin is tuple and value is not None:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(from_data(args[0], v) for v in value)
        return tuple(from_data(a, v) for a, v in zip(args, value))
    if origin in (Union, UnionType) and value is not None:
        options = [a for a in args if a is not type(None)]
        return from_data(options[0], value) if len(options) == 1 else value
    return value
