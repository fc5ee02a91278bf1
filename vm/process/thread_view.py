"""The threads a script sees: its own, as in a process of its own.

Plain ``python`` lists ``MainThread`` and the threads the program started. Sprout's
process also holds the IDE's threads and the other runs'; on a run's threads
``threading.enumerate()`` and ``threading.active_count()`` answer with the run's
main thread and the threads it started only.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..core.patching import original

if TYPE_CHECKING:
    from ..core.script_run import ScriptRun


def enumerate_threads(run: ScriptRun, real: Callable[[], list[threading.Thread]]) -> list[threading.Thread]:
    started = set(run.threads)
    return [thread for thread in real()
            if thread is run.script_thread or thread in started]


def active_count(run: ScriptRun, real: Callable[[], int]) -> int:
    return len(enumerate_threads(run, original(threading, "enumerate")))
