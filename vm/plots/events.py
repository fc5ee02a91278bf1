"""The backend's event loop: timers (animations) run on the script's thread, the
figures are sent between them, and every wait is a stop-aware sleep, so Stop and
Pause land within one slice (20 ms) however long ``plt.pause`` or ``show()`` waits."""
from __future__ import annotations

import threading
import time
from collections.abc import Callable

from ..core.run_binding import current_run
from ..stop.waits import stop_aware_sleep

WAIT_SLICE = 0.02


class _Loop(threading.local):
    stopping = False  # stop_event_loop() was called inside the loop


_loop = _Loop()


def stop_current_loop() -> None:
    _loop.stopping = True


def run_events(timeout: float | None, until_idle: bool, on_pass: Callable[[], None]) -> None:
    """Run timers and send figures for ``timeout`` seconds (None: until
    ``stop_event_loop``, or with ``until_idle`` until no timer runs)."""
    run = current_run()
    link = getattr(run, "plots", None)
    deadline = None if timeout is None else time.monotonic() + timeout
    _loop.stopping = False
    while True:
        timers = list(link.timers) if link is not None else []
        now = time.monotonic()
        for timer in timers:
            if timer.due <= now and timer in link.timers:  # type: ignore[union-attr]
                timer.due = now + max(timer.interval, 1) / 1000
                if timer.single_shot:
                    timer.stop()
                timer._on_timer()
        on_pass()
        now = time.monotonic()
        if _loop.stopping or (deadline is not None and now >= deadline):
            break
        running = list(link.timers) if link is not None else []
        if until_idle and not running:
            break
        wait = WAIT_SLICE if deadline is None else deadline - now
        if running:
            wait = min(wait, max(0.0, min(timer.due for timer in running) - now))
        if run is None:
            time.sleep(wait)
        elif wait > 0:
            stop_aware_sleep(run, wait, "plots")
        else:
            run.checkpoint()
    _loop.stopping = False
