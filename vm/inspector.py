"""Safe, short descriptions of a paused program's values, for the Variables panel.

Nothing here runs the learner's code: objects of the learner's classes are shown
from their ``__dict__`` instead of their ``__repr__`` (which could loop forever or
fail), and every text is cut to a readable length.
"""
from __future__ import annotations

import reprlib
import types
from dataclasses import dataclass
from typing import Any

MAX_CHILDREN = 200
SUMMARY_LENGTH = 120
SAFE_TYPES = (int, float, complex, bool, str, bytes, bytearray, type(None), range)
CONTAINERS = (list, tuple, set, frozenset, dict)


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

    def repr_instance(self, obj: Any, level: int) -> str:
        if isinstance(obj, SAFE_TYPES):
            return super().repr_instance(obj, level)
        return summary_of(obj, level)


_SAFE = _SafeRepr()


def _is_plain_object(value: Any) -> bool:
    return not isinstance(value, SAFE_TYPES + CONTAINERS) and not isinstance(
        value, (types.ModuleType, types.FunctionType, types.BuiltinFunctionType, type))


def summary_of(value: Any, level: int = 3) -> str:
    """A one-line description that never calls the learner's methods."""
    if isinstance(value, SAFE_TYPES + CONTAINERS):
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
    inner = ", ".join(f"{key}={summary_of(item, level - 1)}" for key, item in list(attributes.items())[:6])
    more = ", ..." if len(attributes) > 6 else ""
    return f"{name}({inner}{more})"


def describe(name: str, value: Any) -> ValueView:
    summary = summary_of(value)
    if len(summary) > SUMMARY_LENGTH:
        summary = summary[:SUMMARY_LENGTH - 1] + "…"
    return ValueView(name=name, type_name=type(value).__name__, summary=summary,
                     expandable=bool(children_of(value)))


def children_of(value: Any) -> list[tuple[str, Any]]:
    """What a value contains, as (label, item) pairs: items, keys or attributes."""
    if isinstance(value, (list, tuple)):
        return [(f"[{index}]", item) for index, item in enumerate(value[:MAX_CHILDREN])]
    if isinstance(value, (set, frozenset)):
        return [("·", item) for item in list(value)[:MAX_CHILDREN]]
    if isinstance(value, dict):
        return [(summary_of(key, 1), item) for key, item in list(value.items())[:MAX_CHILDREN]]
    if _is_plain_object(value):
        attributes = getattr(value, "__dict__", None)
        if isinstance(attributes, dict):
            return [(key, item) for key, item in list(attributes.items())[:MAX_CHILDREN]]
    return []


def visible_globals(namespace: dict[str, Any]) -> list[tuple[str, Any]]:
    """A module's variables as a learner thinks of them: no dunders, no imports' noise."""
    return [(key, value) for key, value in namespace.items()
            if not (key.startswith("__") and key.endswith("__"))]
