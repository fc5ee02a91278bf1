"""Which of the built-in names the compiler relies on a script binds itself.

The compiler routes ``print(...)`` calls and guards ``range(...)`` only while those
names still mean the built-ins; a script that assigns, defines, imports or declares
them (or imports ``*``, which could bring any name) keeps them as written.
"""
from __future__ import annotations

import ast
import re

from .fast_ast import walk

WATCHED = frozenset({"print", "range"})
# Text where a watched name might be bound: the name not called right away, a ``def``
# or ``class`` of that name, or ``import *`` (comments and strings count too).
_MAY_BIND = re.compile(r"\b(?:print|range)\b(?!\s*\()|\b(?:def|class)\s+(?:print|range)\b|\bimport\s*\*")


def builtins_rebound(tree: ast.AST, source: str | bytes | None = None) -> set[str]:
    """The watched names the code binds, and ``"*"`` for an ``import *``. With the
    ``source`` at hand, a text that only ever calls them needs no walk of the tree (a
    quarter of the time spent planting safe points)."""
    # Only plain ASCII text: identifiers are NFKC-normalised, so ``ｐｒｉｎｔ = 1`` binds print.
    if isinstance(source, str) and source.isascii() and not _MAY_BIND.search(source):
        return set()
    return bound_names(tree) & (WATCHED | {"*"})


def bound_names(tree: ast.AST) -> set[str]:
    """Every name the code assigns, deletes, defines, imports or declares anywhere, and
    ``"*"`` for an ``import *`` (which could bring any name)."""
    names: set[str] = set()
    for node in walk(tree):
        if isinstance(node, ast.Name):
            if not isinstance(node.ctx, ast.Load):
                names.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.alias):
            names.add(node.asname or node.name)
        elif isinstance(node, ast.arg):
            names.add(node.arg)
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            names.update(node.names)
        elif isinstance(node, (ast.ExceptHandler, ast.MatchAs, ast.MatchStar)) and node.name:
            names.add(node.name)
        elif isinstance(node, ast.MatchMapping) and node.rest:
            names.add(node.rest)
    return names
