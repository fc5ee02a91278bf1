"""Safe, short descriptions of a paused program's values, for the Variables panel.

Nothing here runs the learner's code: objects of the learner's classes are shown
from their ``__dict__`` instead of their ``__repr__`` (which could loop forever or
fail), and every text is cut to a readable length.
"""
from __future__ import annotations

import reprlib
import types
from dataclasses import dataclass
from itertools import islice
from typing import Any

MAX_CHILDREN = 200
SUMMARY_LENGTH = 120
SAFE_TYPES = (int, float, complex, bool, str, bytes, bytearray, type(None), range)
CONTAINERS = (list, tuple, set, frozenset, dict)
_SAFE_OR_CONTAINER = SAFE_TYPES + CONTAINERS
_SMALL_INT = 10 ** 18


@dataclass(frozen=True)
class ValueView:
    name: str
    type_name: str
    summary: str
    expandable: bool


class _SafeRepr(reprlib.Repr):
    def __init__(self) -> None:
        super().__init__()
        self.maxstring = 80
        self.maxother = 60
        self.maxlist = self.maxtuple = self.maxset = self.maxdict = 8
        self.maxlevel = 3

    # reprlib sorts dict keys and set items first: slow on big ones, and unlike Python's
    # own repr, which keeps insertion order. These take the first few as they come.
    def repr_dict(self, x: dict, level: int) -> str:
        if not x:
            return "{}"
        if level <= 0:
            return "{...}"
        pieces = [f"{self.repr1(key, level - 1)}: {self.repr1(value, level - 1)}"
                  for key, value in islice(x.items(), self.maxdict)]
        return "{" + ", ".join(pieces + (["..."] if len(x) > self.maxdict else [])) + "}"

    def _items(self, x: Any, level: int) -> str:
        pieces = [self.repr1(item, level - 1) for item in islice(x, self.maxset)]
        return ", ".join(pieces + (["..."] if len(x) > self.maxset else []))

    def repr_set(self, x: set, level: int) -> str:
        if not x:
            return "set()"
        return "{...}" if level <= 0 else "{" + self._items(x, level) + "}"

    def repr_frozenset(self, x: frozenset, level: int) -> str:
        if not x:
            return "frozenset()"
        return "frozenset({...})" if level <= 0 else "frozenset({" + self._items(x, level) + "})"

    def repr_instance(self, obj: Any, level: int) -> str:
        if isinstance(obj, SAFE_TYPES):
            return super().repr_instance(obj, level)
        return summary_of(obj, level)


_SAFE = _SafeRepr()


def _is_plain_object(value: Any) -> bool:
    return not isinstance(value, _SAFE_OR_CONTAINER) and not isinstance(
        value, (types.ModuleType, types.FunctionType, types.BuiltinFunctionType, type))


def _scalar_text(value: Any) -> str | None:
    """``repr`` of the commonest values, as ``reprlib`` would cut it; None for the rest."""
    kind = type(value)
    if kind is float or kind is bool or value is None or (kind is int and -_SMALL_INT < value < _SMALL_INT):
        return repr(value)
    if kind is str and len(value) <= _SAFE.maxstring:
        text = repr(value)
        if len(text) <= _SAFE.maxstring:
            return text
    return None


def _sequence_of_scalars_text(value: list | tuple) -> str | None:
    """A list or tuple whose first items are all common values, as ``reprlib`` shows it."""
    pieces = []
    for item in islice(value, _SAFE.maxlist):
        text = _scalar_text(item)
        if text is None:
            return None
        pieces.append(text)
    if len(value) > _SAFE.maxlist:
        pieces.append("...")
    if type(value) is tuple:
        return "(" + ", ".join(pieces) + ("," if len(value) == 1 else "") + ")"
    return "[" + ", ".join(pieces) + "]"


def summary_of(value: Any, level: int = 3) -> str:
    """A one-line description that never calls the learner's methods."""
    # The commonest values first, without reprlib's dispatch (a snapshot describes
    # a hundred values as every run ends).
    text = _scalar_text(value)
    if text is not None:
        return text
    kind = type(value)
    if (kind is list or kind is tuple) and level > 0:
        text = _sequence_of_scalars_text(value)
        if text is not None:
            return text
    if isinstance(value, _SAFE_OR_CONTAINER):
        return _SAFE.repr(value) if level == 3 else _SAFE.repr1(value, level)
    if isinstance(value, types.ModuleType):
        return f"<module {value.__name__}>"
    if isinstance(value, (types.FunctionType, types.BuiltinFunctionType, types.MethodType)):
        return f"<function {getattr(value, '__qualname__', '?')}>"
    if isinstance(value, type):
        return f"<class {value.__qualname__}>"
    attributes = getattr(value, "__dict__", None)
    name = type(value).__name__
    if not isinstance(attributes, dict):
        return f"<{name} object>"
    if level <= 0:
        return f"{name}(...)"
    inner = ", ".join(f"{key}={summary_of(item, level - 1)}" for key, item in islice(attributes.items(), 6))
    more = ", ..." if len(attributes) > 6 else ""
    return f"{name}({inner}{more})"


def describe(name: str, value: Any) -> ValueView:
    return ValueView(name=name, type_name=type(value).__name__, summary=short_summary(value),
                     expandable=has_children(value))


def short_summary(value: Any) -> str:
    """``summary_of``, cut to what a line of the Variables panel shows."""
    summary = summary_of(value)
    if len(summary) > SUMMARY_LENGTH:
        summary = summary[:SUMMARY_LENGTH - 1] + "…"
    return summary


def children_of(value: Any, limit: int = MAX_CHILDREN) -> list[tuple[str, Any]]:
    """What a value contains, as (label, item) pairs: items, keys or attributes."""
    # islice: a million-item container costs no more than a small one to look at.
    if isinstance(value, (list, tuple)):
        return [(f"[{index}]", item) for index, item in enumerate(islice(value, limit))]
    if isinstance(value, (set, frozenset)):
        return [("·", item) for item in islice(value, limit)]
    if isinstance(value, dict):
        return [(summary_of(key, 1), item) for key, item in islice(value.items(), limit)]
    if _is_plain_object(value):
        attributes = getattr(value, "__dict__", None)
        if isinstance(attributes, dict):
            return [(key, item) for key, item in islice(attributes.items(), limit)]
    return []


def has_children(value: Any) -> bool:
    """Whether ``children_of`` would list anything, without building the list."""
    if isinstance(value, (list, tuple, set, frozenset, dict)):
        return len(value) > 0
    if _is_plain_object(value):
        attributes = getattr(value, "__dict__", None)
        return isinstance(attributes, dict) and len(attributes) > 0
    return False


def visible_globals(namespace: dict[str, Any]) -> list[tuple[str, Any]]:
    """A module's variables as a learner thinks of them: no dunders, no imports' noise."""
    return [(key, value) for key, value in namespace.items()
            if not (key.startswith("__") and key.endswith("__"))]
