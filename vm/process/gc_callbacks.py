"""A script's ``gc.callbacks`` are called on its own threads only, and go with its run.

The collector calls every entry of ``gc.callbacks`` on whichever thread happens to
collect: while a script runs, the IDE's window thread too, where no safe point can stop
a callback that loops (the window would freeze with Stop in it). While runs are active
Sprout's own callback sits first in the list; at each collection it wraps what scripts
added in a ``RunThreadsOnly``, which calls them on runs' threads and does nothing on the
IDE's. The wrapper compares equal to the callback it wraps, so the script's
``gc.callbacks.remove(callback)`` and ``callback in gc.callbacks`` behave as in Python.
After the last run the list is as it was before the first.
"""
from __future__ import annotations

import gc
from collections.abc import Callable
from typing import Any

from ..core.run_binding import this_thread

_host_callbacks: list[Any] = []  # the entries that were there before the runs began


class RunThreadsOnly:
    """A script's gc callback, called on runs' threads only."""

    __slots__ = ("callback",)

    def __init__(self, callback: Callable[..., Any]) -> None:
        self.callback = callback

    def __call__(self, phase: str, info: dict) -> None:
        if this_thread.run is not None:
            self.callback(phase, info)

    def __eq__(self, other: object) -> bool:
        return other is self or other == self.callback

    def __hash__(self) -> int:
        return hash(self.callback)

    def __repr__(self) -> str:
        return repr(self.callback)


def _wrap_scripts_callbacks(phase: str, info: dict) -> None:
    """Sprout's callback, first in the list: what scripts added becomes ``RunThreadsOnly``."""
    callbacks = gc.callbacks
    for index, callback in enumerate(callbacks):
        if type(callback) is not RunThreadsOnly and callback is not _wrap_scripts_callbacks and \
                not any(callback is host for host in _host_callbacks):
            callbacks[index] = RunThreadsOnly(callback)


class GcCallbacks:
    """``gc.callbacks`` before the runs began; Sprout's wrapper first while they run."""

    def __init__(self) -> None:
        self.before = list(gc.callbacks)
        _host_callbacks[:] = self.before
        gc.callbacks.insert(0, _wrap_scripts_callbacks)

    def restore(self) -> None:
        gc.callbacks[:] = self.before
