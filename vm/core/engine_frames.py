"""Keep Sprout's own frames out of the tracebacks a script sees.

An exception that passes through an engine function (a guard, ``exec``'s wrapper) would
show that frame in ``traceback.print_exc()`` or a ``unittest`` report, where plain
Python shows none. Engine functions unlink their frames from the traceback before
re-raising with a bare ``raise``, which adds no new entry.
"""
from __future__ import annotations

import os
from types import CodeType, TracebackType

ENGINE_FOLDER = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep  # vm/, every subfolder


def is_engine_code(code: CodeType) -> bool:
    return code.co_filename.startswith(ENGINE_FOLDER)


def without_engine_frames(tb: TracebackType | None) -> TracebackType | None:
    """The traceback without engine entries, in linear time.

    Relinking in place (``tb.tb_next = ...``) makes CPython check the rest of the chain
    for loops at every assignment: quadratic on the 100,000-entry tracebacks of a deep
    recursion being stopped. New entries are built from the end instead.
    """
    kept = []
    engine_seen = False
    while tb is not None:
        if is_engine_code(tb.tb_frame.f_code):
            engine_seen = True
        else:
            kept.append(tb)
        tb = tb.tb_next
    if not engine_seen:
        return kept[0] if kept else None
    rebuilt: TracebackType | None = None
    for entry in reversed(kept):
        rebuilt = TracebackType(rebuilt, entry.tb_frame, entry.tb_lasti, entry.tb_lineno)
    return rebuilt


def hide_engine_frames(error: BaseException) -> None:
    """Drop engine frames from ``error``'s traceback (call in an ``except``, then ``raise``)."""
    error.__traceback__ = without_engine_frames(error.__traceback__)
