"""What an analysis depends on besides its inputs and settings: the code of the chain.

A stored analysis is reused only while this version is unchanged. It hashes the modules the
chain imports, directly or not, so editing the CLI, a renderer, the web UI or an evaluation
does not make every stored story be analysed again.
"""

from __future__ import annotations

import ast
import hashlib
from importlib import resources
from pathlib import Path


def analysis_modules(package: Path, roots: tuple[str, ...] = ("chain",)) -> list[Path]:
    """The package's modules the `roots` import, directly or not: for the chain, the code an
    analysis depends on (the CLI, renderers, web and evals are not among them)."""
    seen: set[Path] = set()
    todo = [package / f"{root}.py" for root in roots]
    while todo:
        path = todo.pop()
        if path in seen or not path.exists():
            continue
        seen.add(path)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level:
                todo += module_paths(package, path, node)
    return sorted(seen)


def module_paths(package: Path, source: Path, node: ast.ImportFrom) -> list[Path]:
    """Files a relative import (`from .x import y`, `from .. import z`) may name."""
    base = source.parent
    for _ in range(node.level - 1):
        base = base.parent
    target = base.joinpath(*(node.module or "").split(".")) if node.module else base
    found = [target.with_suffix(".py"), target / "__init__.py"]
    found += [target / f"{alias.name}.py" for alias in node.names]
    return [p for p in found if p.exists()]


def code_version(package: Path | None = None, roots: tuple[str, ...] = ("chain",)) -> str:
    """A hash of the code `roots` run: a result made by other code is not reused."""
    package = package or Path(str(resources.files("newsweave")))
    digest = hashlib.sha256()
    for path in analysis_modules(package, roots):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


# The code this process runs, hashed once at import (editing a file afterwards does not change
# the running code, so it must not change the version either).
CODE_VERSION = code_version()
# The code that cleans and parses an article: a kept article cleaned by other code is cleaned
# again when its file is read again.
CLEANING_VERSION = code_version(roots=("clean", "claims"))
