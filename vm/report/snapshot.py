"""What the program's variables held when it ended: a copy made of words, not objects.

After a run the Variables panel keeps showing values (the failing frame's at an
error, the globals after any run). Keeping the objects themselves would keep the
run's memory alive and let their ``__del__`` run later on the window's thread, so
the values are described once, on the script thread as the run ends, with the same
safe descriptions as the debugger (never calling the learner's methods) and a bounded
depth and size.
"""
from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from types import CodeType, FrameType
from typing import Any

from .inspector import PLACEHOLDER, children_of, has_children, short_summary, type_label, visible_globals

MAX_DEPTH = 2          # levels below a variable that can be expanded afterwards
MAX_NODES = 400        # values described per run end, in all (a couple of ms)
MAX_ITEMS = 50         # items described per container
FINISHED_NODES = 100   # after a run that simply finished: its variables, lightly
MAX_FRAMES = 100       # innermost frames kept of a deep recursion (and the outermost one)


@dataclass(frozen=True)
class ValueNode:
    name: str
    type_name: str
    summary: str
    children: tuple[ValueNode, ...] = ()


@dataclass(frozen=True)
class FrameSnapshot:
    """One frame as it was: its locals (empty for the main program) and globals."""

    function: str
    filename: str
    line: int
    local_values: tuple[ValueNode, ...]
    global_values: tuple[ValueNode, ...]


class _Budget:
    def __init__(self, nodes: int = MAX_NODES) -> None:
        self.left = nodes

    def take(self) -> bool:
        self.left -= 1
        return self.left >= 0


class _Draft:
    """A node being described; its children are filled in level by level."""

    __slots__ = ("value", "expandable", "name", "type_name", "summary", "children")

    def __init__(self, name: str, value: Any) -> None:
        self.value, self.expandable = value, has_children(value)
        self.name, self.type_name, self.summary = name, type_label(value), short_summary(value)
        self.children: list[_Draft] = []
        if self.summary == PLACEHOLDER:
            self.expandable = False  # what could not be described is not opened up either

    def freeze(self) -> ValueNode:
        return ValueNode(self.name, self.type_name, self.summary,
                         tuple(child.freeze() for child in self.children))


def _nodes(pairs: Iterable[tuple[str, Any]], budget: _Budget) -> tuple[ValueNode, ...]:
    """Breadth first: every variable is listed before any of them is opened up."""
    top: list[_Draft] = []
    for name, value in pairs:
        if not budget.take():
            break
        top.append(_Draft(name, value))
    level = top
    for _ in range(MAX_DEPTH):
        following: list[_Draft] = []
        for draft in level:
            if not draft.expandable:
                continue
            for label, child in children_of(draft.value, MAX_ITEMS):
                if not budget.take():
                    return tuple(node.freeze() for node in top)
                kid = _Draft(label, child)
                draft.children.append(kid)
                following.append(kid)
        level = following
    return tuple(node.freeze() for node in top)


def snapshot_frames(frames: list[tuple[FrameType, int]]) -> tuple[FrameSnapshot, ...]:
    """``frames`` are (frame, line) pairs of user code, outermost first."""
    budget = _Budget()
    taken: list[FrameSnapshot] = []
    if len(frames) > MAX_FRAMES + 1:
        frames = frames[:1] + frames[-MAX_FRAMES:]
    for frame, line in reversed(frames):  # innermost first: it matters most
        code = frame.f_code
        module_level = code.co_name == "<module>"
        local_values = () if module_level else _nodes(list(frame.f_locals.items()), budget)
        global_values = _nodes(visible_globals(frame.f_globals), budget)
        taken.append(FrameSnapshot(code.co_name, code.co_filename, line, local_values, global_values))
    return tuple(reversed(taken))


def _safely(take: Callable[[], tuple[FrameSnapshot, ...]]) -> tuple[FrameSnapshot, ...]:
    """A snapshot must never change how the run ends (a stop may land inside it).

    The collector waits meanwhile: the descriptions are small and free of cycles, and a
    collection they set off would walk the program's own data (a dict of 500 lists of
    300 numbers: 0.6 ms, more than describing it)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        return take()
    except BaseException:  # noqa: BLE001
        return ()
    finally:
        if collecting:
            gc.enable()


def snapshot_globals(namespace: dict[str, Any], filename: str) -> tuple[FrameSnapshot, ...]:
    """The main program's variables after it finished."""
    return _safely(lambda: (FrameSnapshot("<module>", filename, 0, (),
                                          _nodes(visible_globals(namespace), _Budget(FINISHED_NODES))),))


def snapshot_of_stack(is_user: Callable[[CodeType], bool], frame: FrameType | None) -> tuple[FrameSnapshot, ...]:
    """The user frames of a live stack (a stop or pause), described now."""
    collected = []
    while frame is not None:
        if is_user(frame.f_code):
            collected.append((frame, frame.f_lineno))
        frame = frame.f_back
    return _safely(lambda: snapshot_frames(collected[::-1]))


def snapshot_of_error(is_user: Callable[[CodeType], bool], error: BaseException) -> tuple[FrameSnapshot, ...]:
    """The user frames an exception passed through, as they were at the raise."""
    collected, tb = [], error.__traceback__
    while tb is not None:
        if is_user(tb.tb_frame.f_code):
            collected.append((tb.tb_frame, tb.tb_lineno))
        tb = tb.tb_next
    return _safely(lambda: snapshot_frames(collected))
