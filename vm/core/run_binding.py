"""Which run each thread belongs to, and which runs are going: the bottom of the engine.

Every protection Sprout installs into the real modules asks ``this_thread.run`` first:
None (the IDE's own threads) means plain Python. This module imports nothing of the
engine's, so anything may ask it without an import cycle.
"""
from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .script_run import ScriptRun


class _ThreadState(threading.local):
    run: ScriptRun | None = None


this_thread = _ThreadState()  # read ``this_thread.run`` where a call per check costs too much
lock = threading.RLock()  # held while the active runs change, and while ``sys``'s streams follow them
_active: list[ScriptRun] = []


def current_run() -> ScriptRun | None:
    """The run the calling thread belongs to, or None for the host's own threads."""
    return this_thread.run


def bind(run: ScriptRun | None) -> None:
    """Make the calling thread belong to ``run`` (None: to the host again)."""
    this_thread.run = run


def active_runs() -> list[ScriptRun]:
    """The runs going now, oldest first (more than one while an abandoned run is still stuck)."""
    with lock:
        return list(_active)


def add(run: ScriptRun) -> None:
    with lock:
        _active.append(run)


def remove(run: ScriptRun) -> None:
    with lock:
        if run in _active:
            _active.remove(run)
