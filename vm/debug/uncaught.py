"""Will this exception be caught? Asked at the raise, so a debugger can pause there, live.

CPython only knows at the end of unwinding whether an exception was handled. Each
frame's exception table says which instructions an ``except`` protects, so walking
the stack from the raise outward to the script's main frame answers it well enough:
a handler that tests the exception type (``except E:``) or takes everything
(``except:``) counts as catching; ``with`` and ``finally`` clean up and re-raise, so
they do not.
"""
from __future__ import annotations

import dis
from collections.abc import Callable
from functools import cache
from types import CodeType, FrameType

NEVER_PAUSE = (StopIteration, StopAsyncIteration, GeneratorExit, KeyboardInterrupt, SystemExit)
LOOK_AHEAD = 6


@cache
def _catching_ranges(code: CodeType) -> tuple[tuple[int, int], ...]:
    """Byte ranges of ``code`` guarded by a handler that may catch (not with/finally)."""
    parse = getattr(dis, "_parse_exception_table", None)
    if parse is None:
        return ()
    instructions = list(dis.get_instructions(code))
    at = {instruction.offset: index for index, instruction in enumerate(instructions)}
    ranges = []
    for entry in parse(code):
        index = at.get(entry.target)
        if index is None:
            continue
        names = [i.opname for i in instructions[index:index + LOOK_AHEAD]]
        typed = "CHECK_EXC_MATCH" in names or "CHECK_EG_MATCH" in names
        bare = names[:2] == ["PUSH_EXC_INFO", "POP_TOP"]
        if typed or bare:
            ranges.append((entry.start, entry.end))
    return tuple(ranges)


def _protected(frame: FrameType) -> bool:
    lasti = frame.f_lasti
    return any(start <= lasti < end for start, end in _catching_ranges(frame.f_code))


def will_be_uncaught(error: BaseException, frame: FrameType,
                     is_outermost: Callable[[FrameType], bool]) -> bool:
    """True if nothing from ``frame`` out to the script's main frame looks able to catch it."""
    if isinstance(error, NEVER_PAUSE):
        return False
    current: FrameType | None = frame
    while current is not None:
        if _protected(current):
            return False
        if is_outermost(current):
            return True
        current = current.f_back
    return True
