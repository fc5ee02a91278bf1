"""Trace functions that deliver only the learner's frames to a debugger's callback."""
from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

TraceCallback = Callable[[str, Any, Any], None]


def tracers(is_user_code: Callable[[Any], bool], callback: TraceCallback) -> tuple[Callable, Callable]:
    """The global and local trace functions delivering user frames' events to ``callback``."""
    def local(frame: Any, event: str, arg: Any) -> Callable | None:
        callback(event, frame, arg)
        return local

    def global_trace(frame: Any, event: str, arg: Any) -> Callable | None:
        if not is_user_code(frame.f_code):
            return None
        callback(event, frame, arg)
        return local
    return global_trace, local


def trace_running_frames(is_user_code: Callable[[Any], bool], callback: TraceCallback, frame: Any) -> None:
    """On the script thread, mid-run: trace from now on, the frames already running too.

    A plain run pays nothing for debugging until a pause turns into stepping.
    """
    global_trace, local = tracers(is_user_code, callback)
    while frame is not None:
        if is_user_code(frame.f_code):
            frame.f_trace = local
            frame.f_trace_lines = True
        frame = frame.f_back
    sys.settrace(global_trace)


def untrace_running_frames(is_user_code: Callable[[Any], bool], frame: Any) -> None:
    """On the script thread: trace no more, so the rest of the run costs what a plain one
    does (``bdb`` does the same when continuing with no breakpoints)."""
    sys.settrace(None)
    while frame is not None:
        if is_user_code(frame.f_code):
            frame.f_trace = None
        frame = frame.f_back
