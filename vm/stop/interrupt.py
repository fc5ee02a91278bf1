"""The stop request: sticky, thread-safe, and cheap to check.

``StopSignal.request()`` may be called from any thread at any time. It records the
first reason, raises the attention flag the instrumented script checks at every safe
point, sets an event that blocking waits (``input``, ``sleep``, a debugger pause)
sleep on, and calls any registered wakers.

The stop is *sticky*: the flag is never lowered again while the stop stands, so every
later safe point raises too. A bare ``except:``, ``except KeyboardInterrupt:
continue`` or a ``finally:`` that loops only reaches the next safe point, which
raises again. The flag is also raised briefly by the engine's heartbeat so the
script flushes buffered output; ``safe_point()`` lowers it first and then looks at
the stop, so a stop that lands in between is never lost.
"""
from __future__ import annotations

import builtins
import threading
from collections.abc import Callable

from ..core.i18n import _
from ..core.run_binding import active_runs
from ..instrument.compiler import ATTENTION
from ..report.results import HaltReason, halt_message

_flags = vars(builtins)
_flags.setdefault(ATTENTION, False)


class ScriptStopped(KeyboardInterrupt):
    """Raised inside the script at a safe point once its run has been stopped."""




class StopSignal:
    """One run's stop request, and the process-wide attention flag it raises.

    The flag lives in the real ``builtins`` (the script's checks find it there with a
    cached ``LOAD_GLOBAL``). It is shared by every run in the process, so lowering it
    looks at all of them: a stop that stands for any run keeps it raised.
    """

    def __init__(self, before: Callable[[], None] | None = None) -> None:
        self._before = before  # called when the stop arrives, before the script can see it
        self._lock = threading.Lock()
        self._wakers: list[Callable[[], None]] = []
        self.reason: HaltReason | None = None
        self.event = threading.Event()

    @staticmethod
    def attention() -> bool:
        return _flags[ATTENTION]

    @property
    def stopped(self) -> bool:
        return self.reason is not None

    def request(self, reason: HaltReason = HaltReason.USER) -> bool:
        """Stop the run; the first reason wins. Returns whether this call stopped it."""
        with self._lock:
            if self.reason is not None:
                return False
            self.reason = HaltReason(reason)  # the IDE may still pass the value's string
            wakers = list(self._wakers)
        if self._before is not None:
            self._before()
        _flags[ATTENTION] = True
        self.event.set()
        for wake in wakers:
            wake()
        return True

    def add_waker(self, wake: Callable[[], None]) -> None:
        """``wake`` is called (from the stopping thread) when the stop arrives."""
        with self._lock:
            self._wakers.append(wake)

    @staticmethod
    def ask_attention() -> None:
        """Make the next safe point call in (to flush output); never lowers a stop."""
        _flags[ATTENTION] = True

    def take_attention(self) -> bool:
        """Lower the flag unless a stop stands; returns whether this run is stopped."""
        _flags[ATTENTION] = False
        if self.reason is not None:
            _flags[ATTENTION] = True
            return True
        if any(run.stop.reason is not None for run in active_runs()):
            _flags[ATTENTION] = True
        return False

    def message(self) -> str:
        return _(halt_message(self.reason or HaltReason.USER))
