"""Python 3.11's "Did you mean" for ``NameError`` and ``AttributeError``.

3.11 computes its suggestion in C, only while it prints an error to ``sys.stderr``;
Sprout reports errors through its own result, so on 3.11 the same search runs here
(later versions' ``traceback`` module does it itself, and ``vm.report.error_message`` asks it).
A port of 3.11's ``Python/suggestions.c``: the closest name by an edit distance that
counts a change of case as half a change, among at most 750 candidates, no more than a
third of the characters changed.
"""
from __future__ import annotations

import sys
from collections.abc import Iterable
from types import TracebackType

MAX_CANDIDATE_ITEMS = 750
MAX_STRING_SIZE = 40
MOVE_COST = 2
CASE_COST = 1


def suggestion_for(error: BaseException) -> str | None:
    """The name 3.11 would suggest for ``error``, if any."""
    name = getattr(error, "name", None)
    if not isinstance(name, str):
        return None
    if isinstance(error, AttributeError):
        try:
            return _closest(dir(error.obj), name)
        except Exception:  # noqa: BLE001 - as Python: no suggestion
            return None
    if isinstance(error, NameError):
        tb: TracebackType | None = error.__traceback__
        if tb is None:
            return None
        while tb.tb_next is not None:
            tb = tb.tb_next
        frame = tb.tb_frame
        for names in (frame.f_code.co_varnames + frame.f_code.co_cellvars + frame.f_code.co_freevars,
                      frame.f_globals, frame.f_builtins):
            found = _closest(list(names), name)
            if found is not None:
                return found
    return None


def _closest(candidates: Iterable[object], name: str) -> str | None:
    items = [item for item in candidates if isinstance(item, str)]
    if len(items) >= MAX_CANDIDATE_ITEMS:
        return None
    best, best_distance = None, sys.maxsize
    for item in items:
        if item == name:
            continue
        most = min((len(name) + len(item) + 3) * MOVE_COST // 6, best_distance - 1)
        distance = _distance(name, item, most)
        if distance > most:
            continue
        if best is None or distance < best_distance:
            best, best_distance = item, distance
    return best


def _substitution(a: str, b: str) -> int:
    if a == b:
        return 0
    return CASE_COST if a.lower() == b.lower() else MOVE_COST


def _distance(a: str, b: str, most: int) -> int:
    """Levenshtein distance in ``MOVE_COST`` units, or ``most + 1`` once it exceeds ``most``."""
    if a == b:
        return 0
    while a and b and a[0] == b[0]:
        a, b = a[1:], b[1:]
    while a and b and a[-1] == b[-1]:
        a, b = a[:-1], b[:-1]
    if not a or not b:
        return MOVE_COST * (len(a) + len(b))
    if len(a) > MAX_STRING_SIZE or len(b) > MAX_STRING_SIZE:
        return most + 1
    if len(b) < len(a):
        a, b = b, a
    if (len(b) - len(a)) * MOVE_COST > most:
        return most + 1
    row = list(range(MOVE_COST, MOVE_COST * (len(a) + 1), MOVE_COST))
    result = 0
    for b_index, b_char in enumerate(b):
        distance = result = b_index * MOVE_COST
        minimum = sys.maxsize
        for index, a_char in enumerate(a):
            substitute = distance + _substitution(b_char, a_char)
            distance = row[index]
            result = min(min(result, distance) + MOVE_COST, substitute)
            row[index] = result
            minimum = min(minimum, result)
        if minimum > most:
            return most + 1
    return result
