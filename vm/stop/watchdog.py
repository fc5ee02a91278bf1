"""The run's watchdog: output flushes, limits, and stops that need a push.

Every beat (~30 a second) it raises the attention flag so the script's next safe point
flushes buffered output, and it enforces the time and memory limits. It runs on the
thread that called ``VM.run`` (the IDE's worker, the terminal's main thread), which
would otherwise only wait for the script thread: a run starts and ends one thread
fewer (~0.2 ms of every run).

Code the engine did not instrument (the standard library's own loops, ``code``
module sessions, modules from an unusual place) has no safe points. When a stop has
stood for ``PUSH_AFTER`` seconds without the run ending, the watchdog asks CPython's
own eval breaker to raise the stop in the run's threads
(``PyThreadState_SetAsyncExc``); it re-arms that every beat until the run ends, so it
is sticky too. Only threads that are inside the script are ever pushed, and the push
is taken back before the engine's own code runs again on the script thread.
"""
from __future__ import annotations

import ctypes
import sys
import threading
import time
import traceback
from typing import TYPE_CHECKING

from ..report.results import HaltReason
from .interrupt import ScriptStopped
from .memory import resident_bytes

if TYPE_CHECKING:
    from ..core.script_run import ScriptRun

HEARTBEAT_SECONDS = 1 / 30
PUSH_AFTER = 0.2
_set_async_exc = ctypes.pythonapi.PyThreadState_SetAsyncExc


def push_stop(ident: int | None) -> None:
    """Raise ``ScriptStopped`` in thread ``ident`` at its next bytecode boundary."""
    if ident is not None:
        _set_async_exc(ctypes.c_ulong(ident), ctypes.py_object(ScriptStopped))


class _Beat:
    """What the beats remember from one to the next."""

    __slots__ = ("serviced", "stopped_at", "failed")

    def __init__(self) -> None:
        self.serviced = -1
        self.stopped_at: float | None = None
        self.failed = False  # a beat raised (reported once)


class Watchdog:
    """One per run. The caller of ``VM.run`` ``watch``es while the script thread runs;
    the script thread ``arm``s it once the script is about to run and ``stop``s it
    when the run has ended."""

    def __init__(self, run: ScriptRun) -> None:
        self._run = run
        self._armed = False
        self._done = threading.Event()
        self._lock = threading.Lock()
        self._beating = threading.Lock()  # held through a beat: ``stop`` waits for it
        self._in_script = False
        self._script_ident: int | None = None
        self.pushes = 0

    def arm(self) -> None:
        """The script is about to run: beats count from now."""
        self._started = time.monotonic()
        self._memory_base = resident_bytes() if self._run.limits.memory else 0
        self._armed = True

    def stop(self) -> None:
        """On the script thread: no beat touches the run after this returns."""
        self._done.set()
        with self._beating:
            pass

    def watch(self, script_thread: threading.Thread) -> None:
        """On the calling thread: beat until the run has ended (or its thread has gone)."""
        state = _Beat()
        while not self._done.wait(HEARTBEAT_SECONDS):
            with self._beating:
                if self._done.is_set():
                    break
                if self._armed:
                    try:
                        self._beat(state)
                    except Exception:  # noqa: BLE001 - the host's callback failed: keep watching
                        if not state.failed:
                            state.failed = True
                            traceback.print_exc(file=vars(sys)["__stderr__"])
            if not script_thread.is_alive():
                break

    def script_entered(self) -> None:
        with self._lock:
            self._script_ident = threading.get_ident()
            self._in_script = True

    def script_left(self) -> None:
        """Call in a loop that catches ``ScriptStopped``: a push may land on the way in.

        A push still pending must not land in the engine's own code. Withdrawing it
        (``SetAsyncExc(id, NULL)``) leaves CPython 3.11's eval breaker stuck on, so
        instead one last push is made on purpose and taken here.
        """
        with self._lock:
            self._in_script = False  # from here on the watchdog pushes no more
            pushed = self.pushes > 0
        if pushed:
            try:
                push_stop(self._script_ident)  # replaces any push still pending
                while True:
                    pass
            except ScriptStopped:
                pass

    def _beat(self, state: _Beat) -> None:
        run = self._run
        limits = run.limits
        if run.stop.stopped:
            state.stopped_at = state.stopped_at or time.monotonic()
            if time.monotonic() - state.stopped_at > PUSH_AFTER:
                self._push()
            return
        if state.serviced == run.serviced:
            # No safe point since the last beat, yet this thread got the GIL: the
            # script waits in a blocking call, so show what it printed before it.
            run.flush_stdout()
        state.serviced = run.serviced
        run.stop.ask_attention()
        if limits.time is not None and time.monotonic() - self._started > limits.time:
            run.stop.request(HaltReason.TIME_LIMIT)
        if limits.memory is not None and resident_bytes() - self._memory_base > limits.memory:
            run.stop.request(HaltReason.MEMORY_LIMIT)

    def _push(self) -> None:
        with self._lock:
            self.pushes += 1
            if self._in_script and not self._run.engine_busy:
                push_stop(self._script_ident)
        for thread in self._run.threads:
            if thread.is_alive():
                push_stop(thread.ident)
