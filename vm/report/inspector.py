"""Safe, short descriptions of a paused program's values, for the Variables panel.

Nothing here runs the learner's code: objects of the learner's classes are shown
from their ``__dict__`` instead of their ``__repr__`` (which could loop forever or
fail), subclasses of built-in types (``turtle``'s ``Vec2D`` is a ``tuple``) through
their built-in base's own methods, and every text is cut to a readable length. A
value that still cannot be described (a ``__dict__`` that is a property that fails,
say) shows as ``PLACEHOLDER`` and never hides the values beside it.
"""
from __future__ import annotations

import reprlib
import types
from dataclasses import dataclass
from itertools import islice
from typing import Any

MAX_CHILDREN = 200
SUMMARY_LENGTH = 120
PLACEHOLDER = "<cannot be shown>"
SAFE_TYPES = (int, float, complex, bool, str, bytes, bytearray, type(None), range)
CONTAINERS = (list, tuple, set, frozenset, dict)
_SAFE_OR_CONTAINER = SAFE_TYPES + CONTAINERS
_BUILTINS = frozenset(_SAFE_OR_CONTAINER)
_OPAQUE = (types.ModuleType, types.FunctionType, types.BuiltinFunctionType, types.MethodType, type)
_SMALL_INT = 10 ** 18
# reprlib's own methods for these exact types (a learner's class named ``list`` is not one).
_EXACT_REPRS = {int: "repr_int", str: "repr_str", list: "repr_list", tuple: "repr_tuple",
                dict: "repr_dict", set: "repr_set", frozenset: "repr_frozenset"}


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

    def repr1(self, x: Any, level: int) -> str:
        # reprlib picks a method by the type's *name*: a subclass of ``tuple`` called
        # ``Vec2D`` would come back here through ``repr_instance`` for ever.
        method = _EXACT_REPRS.get(type(x))
        if method is not None:
            return getattr(self, method)(x, level)
        return self.repr_instance(x, level)

    def repr_int(self, x: int, level: int) -> str:
        if -_SMALL_INT < x < _SMALL_INT:
            return repr(x)
        try:
            return super().repr_int(x, level)
        except ValueError:  # more digits than ``sys.set_int_max_str_digits`` allows
            return f"<int of {x.bit_length()} bits>"

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
        if type(obj) in SAFE_TYPES:
            return super().repr_instance(obj, level)
        return _part_summary(obj, level)


_SAFE = _SafeRepr()


# A class's own name, order and namespace, read past any metaclass that redefines them.
_mro_of = type.__dict__["__mro__"].__get__
_name_of = type.__dict__["__name__"].__get__
_qualname_of = type.__dict__["__qualname__"].__get__
_namespace_of = type.__dict__["__dict__"].__get__


def _class_attribute(kind: type, name: str) -> Any:
    """What ``kind.name`` finds in the class's own namespaces, without running anything."""
    for klass in _mro_of(kind):
        namespace = _namespace_of(klass)
        if name in namespace:
            return namespace[name]
    return None


def _builtin_base(kind: type) -> type | None:
    """The built-in type a learner's class derives from (``tuple`` for ``Vec2D``), if any."""
    if kind in _BUILTINS:
        return kind
    for base in _mro_of(kind):
        if base in _SAFE_OR_CONTAINER:
            return base
    return None


def _plain_copy(value: Any, base: type, limit: int) -> Any:
    """The first ``limit`` items (or the scalar) of a subclass's value as the exact built-in
    type, taken with the base's own methods: the subclass's overrides never run."""
    if base in (list, tuple):
        return base.__getitem__(value, slice(0, limit))
    if base is dict:
        return dict(islice(dict.items(value), limit))
    if base in (set, frozenset):
        return base(islice(base.__iter__(value), limit))
    if base in (str, bytes, bytearray):
        return base.__getitem__(value, slice(0, SUMMARY_LENGTH + 1))
    if base is int:
        return int.__index__(value)
    if base is float:
        return float.__float__(value)
    if base is complex:
        return complex.__complex__(value)
    return None


def _length(value: Any, base: type) -> int:
    return base.__len__(value)  # type: ignore[attr-defined]


def _instance_dict(value: Any) -> dict | None:
    """``value.__dict__`` when it is the ordinary one, found without attribute lookup (which
    a learner's ``__getattribute__`` or a ``__dict__`` property would run)."""
    slot = _class_attribute(type(value), "__dict__")
    if type(slot) not in (types.GetSetDescriptorType, types.MemberDescriptorType):
        return None
    found = slot.__get__(value, type(value))
    return found if type(found) is dict else None


def _is_plain_object(value: Any) -> bool:
    kind = type(value)
    return not issubclass(kind, _SAFE_OR_CONTAINER) and not issubclass(kind, _OPAQUE)


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


def _subclass_summary(value: Any, base: type, level: int) -> str:
    """``Vec2D(10.0, 0.0)``, ``Point(x=1, y=2)``, ``Counter({'a': 2})``: the built-in
    value inside, under the subclass's name."""
    name = _name_of(type(value))
    copy = _plain_copy(value, base, _SAFE.maxlist + 1)
    if level <= 0:
        return f"{name}(...)"
    if base is tuple:
        fields = _class_attribute(type(value), "_fields")  # a namedtuple
        items = [_part_summary(item, level - 1) for item in copy[:_SAFE.maxtuple]]
        count = _length(value, tuple)
        if type(fields) is tuple and len(fields) == count and all(type(f) is str for f in fields):
            items = [f"{field}={item}" for field, item in zip(fields, items, strict=False)]
        more = ", ..." if count > _SAFE.maxtuple else ""
        return f"{name}({', '.join(items)}{more})"
    return f"{name}({summary_of(copy, level)})"


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
    if kind in _SAFE_OR_CONTAINER:
        return _SAFE.repr(value) if level == 3 else _SAFE.repr1(value, level)
    base = _builtin_base(kind)
    if base is not None:
        return _subclass_summary(value, base, level)
    if issubclass(kind, types.ModuleType):
        name = (_instance_dict(value) or {}).get("__name__")
        return f"<module {name if type(name) is str else '?'}>"
    if issubclass(kind, (types.FunctionType, types.BuiltinFunctionType, types.MethodType)):
        return f"<function {getattr(value, '__qualname__', '?')}>"
    if issubclass(kind, type):
        return f"<class {_qualname_of(value)}>"
    attributes = _instance_dict(value)
    name = _name_of(kind)
    if attributes is None:
        return f"<{name} object>"
    if level <= 0:
        return f"{name}(...)"
    inner = ", ".join(f"{key if type(key) is str else _key_label(key)}={_part_summary(item, level - 1)}"
                      for key, item in islice(attributes.items(), 6))
    more = ", ..." if len(attributes) > 6 else ""
    return f"{name}({inner}{more})"


def _part_summary(value: Any, level: int) -> str:
    """A value inside another: one that cannot be described does not hide its container."""
    try:
        return summary_of(value, level)
    except RecursionError:
        raise  # the container is as deep as the stack allows: give up on it as a whole
    except Exception:  # noqa: BLE001
        return PLACEHOLDER


def describe(name: str, value: Any) -> ValueView:
    summary = short_summary(value)
    return ValueView(name=name, type_name=_name_of(type(value)), summary=summary,
                     expandable=summary != PLACEHOLDER and has_children(value))


def short_summary(value: Any) -> str:
    """``summary_of``, cut to what a line of the Variables panel shows; never raises."""
    try:
        summary = summary_of(value)
    except Exception:  # noqa: BLE001 - RecursionError, a failing descriptor...
        return PLACEHOLDER
    if len(summary) > SUMMARY_LENGTH:
        summary = summary[:SUMMARY_LENGTH - 1] + "…"
    return summary


def children_of(value: Any, limit: int = MAX_CHILDREN) -> list[tuple[str, Any]]:
    """What a value contains, as (label, item) pairs: items, keys or attributes."""
    try:
        return _children(value, limit)
    except Exception:  # noqa: BLE001 - shown without its inside, beside the others
        return []


def _children(value: Any, limit: int) -> list[tuple[str, Any]]:
    # islice: a million-item container costs no more than a small one to look at.
    base = _builtin_base(type(value))
    if base in (list, tuple):
        return [(f"[{index}]", item) for index, item in enumerate(_plain_copy(value, base, limit))]
    if base in (set, frozenset):
        return [("·", item) for item in _plain_copy(value, base, limit)]
    if base is dict:
        return [(_key_label(key), item) for key, item in islice(dict.items(value), limit)]
    if _is_plain_object(value):
        attributes = _instance_dict(value)
        if attributes is not None:
            return [(key if type(key) is str else _key_label(key), item)
                    for key, item in islice(attributes.items(), limit)]
    return []


def _key_label(key: Any) -> str:
    try:
        return summary_of(key, 1)
    except Exception:  # noqa: BLE001
        return PLACEHOLDER


def has_children(value: Any) -> bool:
    """Whether ``children_of`` would list anything, without building the list."""
    try:
        base = _builtin_base(type(value))
        if base in CONTAINERS:
            return _length(value, base) > 0
        if _is_plain_object(value):
            attributes = _instance_dict(value)
            return attributes is not None and len(attributes) > 0
    except Exception:  # noqa: BLE001
        pass
    return False


def type_label(value: Any) -> str:
    """``list, 5 items``; the type's name alone for values that are not containers."""
    kind = type(value)
    name = _name_of(kind)
    base = _builtin_base(kind)
    if base in (list, tuple, dict, set, frozenset, str, bytes):
        try:
            count = _length(value, base)
        except Exception:  # noqa: BLE001
            return name
        unit = "character" if base is str else "item"
        return f"{name}, {count} {unit}{'' if count == 1 else 's'}"
    return name


def visible_globals(namespace: dict[str, Any]) -> list[tuple[str, Any]]:
    """A module's variables as a learner thinks of them: no dunders, no imports' noise."""
    return [(key if type(key) is str else _key_label(key), value) for key, value in namespace.items()
            if not (type(key) is str and key.startswith("__") and key.endswith("__"))]
