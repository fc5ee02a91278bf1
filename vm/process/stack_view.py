"""The stack a script inspects: its own frames only, as under ``python``.

Below the script's first frame lie the engine's (the run, the thread that carries it),
and a thread the script starts passes through one of Sprout's. ``traceback``'s stack
functions (``print_stack``, ``extract_stack``, ``format_stack``, ``walk_stack``) and
``inspect.stack``/``getouterframes`` leave them out on a run's threads, and
``sys._getframe(depth)`` counts the script's frames only: past the first one it raises
Python's ``ValueError``, as at the bottom of a ``python`` stack.
"""
from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from types import FrameType
from typing import TYPE_CHECKING

from ..core.engine_frames import is_engine_code

if TYPE_CHECKING:
    from ..core.script_run import ScriptRun


def _scripts(run: ScriptRun) -> Callable[[FrameType], bool]:
    floor = run.recursion.floor  # the engine's frame that runs the script's first one

    def own(frame: FrameType) -> bool:
        return frame is not floor
    return own


def walk_stack(run: ScriptRun, real: Callable[..., Iterator[tuple[FrameType, int]]],
               f: FrameType | None = None) -> Iterator[tuple[FrameType, int]]:
    """``traceback.walk_stack``, iterated by C (``filter``, ``takewhile``) so that the
    real one, when it finds its starting frame from its caller's, finds the same."""
    own = _scripts(run)
    return filter(lambda entry: not is_engine_code(entry[0].f_code),
                  itertools.takewhile(lambda entry: own(entry[0]), real(f)))


def outer_frames(run: ScriptRun, real: Callable[..., list], frame: FrameType, context: int = 1) -> list:
    """``inspect.getouterframes``."""
    own = _scripts(run)
    kept = []
    for info in real(frame, context):
        if not own(info.frame):
            break
        if not is_engine_code(info.frame.f_code):
            kept.append(info)
    return kept


def frame_at(run: ScriptRun, real: Callable[[int], FrameType], depth: int = 0) -> FrameType:
    """``sys._getframe(depth)``. The engine's own calls keep the real stack's depths."""
    caller = real(2)  # below this function and the dispatcher that called it
    if is_engine_code(caller.f_code):
        return real(depth.__index__() + 2)
    own = _scripts(run)
    frame: FrameType | None = caller
    for _ in range(depth.__index__()):
        frame = frame.f_back if frame is not None else None
        while frame is not None and own(frame) and is_engine_code(frame.f_code):
            frame = frame.f_back
        if frame is None or not own(frame):
            raise ValueError("call stack is not deep enough")
    assert frame is not None
    return frame


def frame_at_host(real: Callable[[int], FrameType]) -> Callable[..., FrameType]:
    """``sys._getframe`` for threads that are not a run's: the real one, its depth
    counted from the caller (below this and the dispatcher)."""
    def host_frame(depth: int = 0) -> FrameType:
        return real(depth.__index__() + 2)
    return host_frame
