"""Which expressions of literals CPython's compiler computes itself.

``"hi" * 2`` and ``(1, 2) * 2`` are folded into constants when a file is compiled (so
``"hi" * 2 is "hihi"`` holds); a guard around them would make them run-time operations
and new objects. The compiler leaves folded expressions unguarded: they are small by
CPython's own limits, which are mirrored here.
"""
from __future__ import annotations

import ast
import operator
from collections.abc import Callable
from typing import Any

NOT_CONSTANT = object()
FOLDED_SIZE = 4096   # CPython's optimizer folds sequences up to this length...
FOLDED_BITS = 128    # ...and int products and powers up to this many bits
_FOLDED_OPERATORS: dict[type, Callable[[Any, Any], Any]] = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
                     ast.Pow: operator.pow, ast.Mod: operator.mod, ast.FloorDiv: operator.floordiv,
                     ast.BitAnd: operator.and_, ast.BitOr: operator.or_, ast.BitXor: operator.xor}
_FOLDED_UNARY: dict[type, Callable[[Any], Any]] = {ast.USub: operator.neg, ast.UAdd: operator.pos, ast.Invert: operator.invert}


def folded(node: ast.expr) -> Any:
    """The value CPython's compiler gives an expression of literals, or ``NOT_CONSTANT``
    (a product or power too large to fold is computed, so guarded, at run time).

    Kept on the node: the planter asks at every operator, innermost first, so a chain
    of 2,000 additions costs 2,000 steps, not 2,000 squared."""
    known = getattr(node, "_sprout_folded", _UNKNOWN)
    if known is _UNKNOWN:
        known = _fold(node)
        node._sprout_folded = known  # type: ignore[attr-defined]
    return known


_UNKNOWN = object()


def _fold(node: ast.expr) -> Any:
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Tuple) and isinstance(node.ctx, ast.Load):
        items = [folded(item) for item in node.elts]
        return NOT_CONSTANT if any(item is NOT_CONSTANT for item in items) else tuple(items)
    if isinstance(node, ast.UnaryOp) and type(node.op) in _FOLDED_UNARY:
        value = folded(node.operand)
        if value is NOT_CONSTANT or not isinstance(value, (int, float, complex)):
            return NOT_CONSTANT
        return _attempt(_FOLDED_UNARY[type(node.op)], value)
    if isinstance(node, ast.BinOp) and type(node.op) in _FOLDED_OPERATORS:
        left, right = folded(node.left), folded(node.right)
        if left is NOT_CONSTANT or right is NOT_CONSTANT or not _folds(node.op, left, right):
            return NOT_CONSTANT
        return _attempt(_FOLDED_OPERATORS[type(node.op)], left, right)
    return NOT_CONSTANT


def _folds(op: ast.operator, left: Any, right: Any) -> bool:
    """CPython's own limits (``safe_multiply``, ``safe_power``, ``safe_mod``)."""
    if isinstance(op, ast.Mult):
        if type(left) is int and type(right) is int:
            return not (left and right) or left.bit_length() + right.bit_length() <= FOLDED_BITS
        for sequence, times in ((left, right), (right, left)):
            if isinstance(sequence, (str, bytes, tuple)) and type(times) is int:
                return not sequence or times <= 0 or len(sequence) <= FOLDED_SIZE // times
        return isinstance(left, (int, float, complex)) and isinstance(right, (int, float, complex))
    if isinstance(op, ast.Pow):
        if type(left) is int and type(right) is int:
            return right < 0 or not left or left.bit_length() * right <= FOLDED_BITS
        return isinstance(left, (int, float, complex)) and isinstance(right, (int, float, complex))
    if isinstance(op, ast.Mod):
        return not isinstance(left, (str, bytes))  # a format, never folded
    return True  # the other operators have no limit of their own


def _attempt(function: Callable[..., Any], *values: Any) -> Any:
    """The value, or ``NOT_CONSTANT`` where Python leaves the error for run time."""
    try:
        return function(*values)
    except Exception:  # noqa: BLE001 - ``1 // 0`` is not folded; it raises when it runs
        return NOT_CONSTANT
