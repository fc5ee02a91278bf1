"""The threads a run started, and making sure none of them outlives it.

At exit Python first shuts down ``concurrent.futures`` workers (pending work still
runs), then waits for non-daemon threads. A run does the same when its script ends,
stop-aware, and then ends whatever is left: ``threading`` threads and raw
``_thread.start_new_thread`` ones alike.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from ..core.i18n import _

GRACE_SECONDS = 1.0


class RunThreads:
    def __init__(self) -> None:
        self.started: list[threading.Thread] = []
        self._raw = 0
        self._raw_changed = threading.Condition()

    def __iter__(self):
        return iter(list(self.started))

    def adopt(self, thread: threading.Thread) -> None:
        self.started.append(thread)

    def raw_began(self) -> None:
        with self._raw_changed:
            self._raw += 1

    def raw_ended(self) -> None:
        with self._raw_changed:
            self._raw -= 1
            self._raw_changed.notify_all()

    def any_alive(self) -> bool:
        return self._raw > 0 or any(thread.is_alive() for thread in self.started)

    def wait_as_python_exits(self) -> None:
        """Executors' workers finish their queued work and go; then non-daemon threads
        are joined. Joins are the script's (stop-aware), as a learner's program waits."""
        for thread in self.started:
            _shut_down_executor_worker(thread)
        for thread in list(self.started):
            if not thread.daemon:
                thread.join()

    def end(self, stop: Callable[[], Any]) -> list[str]:
        """Stop what is still running and give it a moment; returns what would not go."""
        alive = [thread for thread in self.started if thread.is_alive()]
        if not alive and self._raw == 0:
            return []
        stop()
        deadline = time.monotonic() + GRACE_SECONDS
        for thread in alive:
            thread.join(max(0.0, deadline - time.monotonic()))
        with self._raw_changed:
            self._raw_changed.wait_for(lambda: self._raw == 0, max(0.0, deadline - time.monotonic()))
            raw = self._raw
        still = [thread.name for thread in alive if thread.is_alive()]
        if raw:
            still.append(_("{count} started with _thread.start_new_thread").format(count=raw))
        return [_("threads still running: {names}").format(names=", ".join(still))] if still else []


def _shut_down_executor_worker(thread: threading.Thread) -> None:
    """What ``concurrent.futures.thread``'s exit hook does, for this run's executors only
    (its own hook would shut executors down for the whole process, the IDE's included)."""
    target = getattr(thread, "_target", None)
    if getattr(target, "__qualname__", "") != "_worker" or \
            getattr(target, "__module__", "") != "concurrent.futures.thread":
        return
    arguments: tuple[Any, ...] = tuple(getattr(thread, "_args", ()))
    if len(arguments) < 2:
        return
    executor = arguments[0]() if callable(arguments[0]) else None
    if executor is not None:
        executor._shutdown = True
    arguments[1].put(None)
