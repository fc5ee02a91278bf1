"""Keep Sprout's own frames out of the tracebacks a script sees.

An exception that passes through an engine function (a guard, ``exec``'s wrapper) would
show that frame in ``traceback.print_exc()`` or a ``unittest`` report, where plain
Python shows none. Engine functions unlink their frames from the traceback before
re-raising with a bare ``raise``, which adds no new entry.
"""
from __future__ import annotations

import os
from types import CodeType, TracebackType

ENGINE_FOLDER = os.path.dirname(os.path.abspath(__file__)) + os.sep


def is_engine_code(code: CodeType) -> bool:
    return code.co_filename.startswith(ENGINE_FOLDER)


def without_engine_frames(tb: TracebackType | None) -> TracebackType | None:
    while tb is not None and is_engine_code(tb.tb_frame.f_code):
        tb = tb.tb_next
    head = tb
    while tb is not None:
        following = tb.tb_next
        while following is not None and is_engine_code(following.tb_frame.f_code):
            following = following.tb_next
        tb.tb_next = following
        tb = following
    return head


def hide_engine_frames(error: BaseException) -> None:
    """Drop engine frames from ``error``'s traceback (call in an ``except``, then ``raise``)."""
    error.__traceback__ = without_engine_frames(error.__traceback__)
