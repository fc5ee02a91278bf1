"""Every thread of a run gets a C stack that holds the deepest recursion Sprout allows.

The recursion limit is capped (``vm.process.recursion_room``) to what a 256 MB stack holds with
room to spare, measured for plain, ``lru_cache``, ``__getattr__``, property, operator and
``map`` recursion: on CPython 3.11 50,000 levels take at most 36 MB; 3.12 and 3.13 raise
``RecursionError`` for C recursion long before. A thread started with the platform's
default stack (8 MB) would crash the whole IDE with a segmentation fault at a fifth of
that, so the script's thread and every thread it starts get the large stack: it is
reserved address space, memory is used only as deep as the recursion goes.

``threading.stack_size()`` on a run's threads answers what the script asked for (a
smaller stack could not hold the capped limit, so it is not applied).
"""
from __future__ import annotations

import _thread
import threading
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from ..core.script_run import ScriptRun

SCRIPT_STACK_BYTES = 256 * 1024 * 1024
Started = TypeVar("Started")
_lock = threading.Lock()
_real_stack_size = _thread.stack_size  # taken before Sprout patches it
_asked: weakref.WeakKeyDictionary[Any, int] = weakref.WeakKeyDictionary()


def start_with_large_stack(start: Callable[[], Started], at_least: int = 0) -> Started:
    """Call ``start`` (which starts one thread) with the stack size set for it."""
    with _lock:
        previous = _real_stack_size()
        try:
            _real_stack_size(max(SCRIPT_STACK_BYTES, at_least))
        except (ValueError, RuntimeError):
            pass  # a platform without adjustable stacks keeps its default
        try:
            return start()
        finally:
            _real_stack_size(previous)


def start_run_thread(run: ScriptRun, start: Callable[[], Started]) -> Started:
    """``start`` a thread for ``run``: the large stack, or a larger one the script asked for."""
    return start_with_large_stack(start, _asked.get(run, 0))


def stack_size(run: ScriptRun, real: Callable, *size: Any) -> int:
    """``threading.stack_size`` on a run's threads: remembered for the run, Python's checks."""
    previous = _asked.get(run, 0)
    if size:
        with _lock:
            real(real(*size))  # Python's own errors for a size it refuses; then put back
        _asked[run] = size[0]
    return previous
