"""Walking and rewriting syntax trees at the speed every run needs.

Every run compiles the script with safe points, so the tree is walked several times
before the first line runs. ``ast``'s own helpers go through a generator per node
(``iter_fields``/``iter_child_nodes``) and visit leaves that hold nothing (names,
constants, the ``Load``/``Store`` markers); these do the same work with a stack and a
per-class table and skip the markers and leaves.
"""
from __future__ import annotations

import ast
from collections.abc import Callable, Iterator
from typing import Any

# Markers with no position and nothing inside: ``Load``/``Store``, operators.
MARKERS: frozenset[type] = frozenset({
    ast.Load, ast.Store, ast.Del, *ast.operator.__subclasses__(), *ast.unaryop.__subclasses__(),
    *ast.cmpop.__subclasses__(), *ast.boolop.__subclasses__()})
# Nodes with nothing inside that a visitor could change.
LEAVES: frozenset[type] = MARKERS | {ast.Name, ast.Constant, ast.Pass, ast.Break, ast.Continue,
                                     ast.Global, ast.Nonlocal, ast.alias}


def walk(node: ast.AST) -> Iterator[ast.AST]:
    """Every node under ``node`` (itself included) but the markers, in no set order."""
    stack = [node]
    pop, push, extend = stack.pop, stack.append, stack.extend
    while stack:
        node = pop()
        yield node
        for field in node._fields:
            value = getattr(node, field, None)
            if isinstance(value, list):
                extend(item for item in value if isinstance(item, ast.AST) and type(item) not in MARKERS)
            elif isinstance(value, ast.AST) and type(value) not in MARKERS:
                push(value)


_POSITION = ("lineno", "col_offset", "end_lineno", "end_col_offset")


def _placed(node: ast.AST, name: str, default: int) -> int:
    value = getattr(node, name, None)
    if value is None:
        setattr(node, name, default)
        return default
    return value


def fix_locations(tree: ast.AST) -> None:
    """``ast.fix_missing_locations``: a position a node lacks is its parent's."""
    stack: list[tuple[ast.AST, tuple[int, ...]]] = [(tree, (1, 0, 1, 0))]
    while stack:
        node, inherited = stack.pop()
        if "lineno" in node._attributes:
            own: tuple[int, ...] = ()
            try:  # the usual case: the parser or ``copy_location`` placed it
                own = (node.lineno, node.col_offset, node.end_lineno, node.end_col_offset)  # type: ignore[attr-defined]
            except AttributeError:
                pass
            if len(own) < 4 or None in own:
                own = tuple(_placed(node, name, default) for name, default in zip(_POSITION, inherited, strict=True))
            inherited = own
        for field in node._fields:
            value = getattr(node, field, None)
            if isinstance(value, list):
                stack.extend((item, inherited) for item in value
                             if isinstance(item, ast.AST) and type(item) not in MARKERS)
            elif isinstance(value, ast.AST) and type(value) not in MARKERS:
                stack.append((value, inherited))


class FastTransformer(ast.NodeTransformer):
    """``ast.NodeTransformer`` with the visitor looked up once per node class and leaves
    left alone (subclasses must not define ``visit_`` methods for ``LEAVES``)."""

    _dispatch: dict[type, Callable[[Any, Any], Any]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._dispatch = {}

    def visit(self, node: ast.AST) -> Any:
        kind = type(node)
        method = self._dispatch.get(kind)
        if method is None:
            method = getattr(type(self), "visit_" + kind.__name__, None) or FastTransformer.generic_visit
            self._dispatch[kind] = method
        return method(self, node)

    def generic_visit(self, node: ast.AST) -> ast.AST:
        for field in node._fields:
            value = getattr(node, field, None)
            if isinstance(value, list):
                if not any(isinstance(item, ast.AST) and type(item) not in LEAVES for item in value):
                    continue
                replaced: list[Any] = []
                for item in value:
                    if isinstance(item, ast.AST) and type(item) not in LEAVES:
                        item = self.visit(item)
                        if item is None:
                            continue
                        if not isinstance(item, ast.AST):
                            replaced.extend(item)
                            continue
                    replaced.append(item)
                value[:] = replaced
            elif isinstance(value, ast.AST) and type(value) not in LEAVES:
                new_node = self.visit(value)
                if new_node is None:
                    delattr(node, field)
                elif new_node is not value:
                    setattr(node, field, new_node)
        return node
