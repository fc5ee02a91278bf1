"""A drawing: commands on their way to the window, events on their way back.

A session starts when a program imports turtle and lives as long as that turtle
module (a shell entry can go on drawing after its program ended). The script's thread
appends drawing commands (``vm.drawing`` lists them) and hands
them over in batches — when turtle updates the screen, before it waits, at the
engine's heartbeat and when the run ends — so the window never waits for the script
nor the script for the window. Key presses, clicks and the window closing arrive from
any thread (``post``) and are handled on the script's thread whenever turtle lets
Tk process events: in ``update()`` and in ``mainloop()``, which waits for them.
Waits look at the stop and a pause of whichever run is drawing every 20 ms.
"""
from __future__ import annotations

import heapq
import itertools
import threading
import time
from collections import deque
from collections.abc import Callable
from contextlib import nullcontext
from typing import TYPE_CHECKING, Any

from ..core.run_binding import current_run
from ..stop.waits import stop_aware_sleep

if TYPE_CHECKING:
    from ..core.script_run import ScriptRun

Command = tuple
Emit = Callable[[list[Command]], None]
FRAME_SECONDS = 1 / 60   # update() hands over at most this often; waits always hand over
WAIT_SLICE = 0.02        # how long a wait sleeps between looks at a stop or a pause


class DrawingSession:
    """The link between one turtle module's canvas and the window showing it."""

    def __init__(self, emit: Emit | None) -> None:
        self._emit = emit
        self._lock = threading.Lock()
        self._pending: list[Command | None] = []
        self._latest: dict[tuple[str, int], int] = {}  # (command, item) -> index in _pending
        self._last_handover = 0.0
        self._arrived: deque[tuple] = deque()
        self._arrival = threading.Condition()
        self._timers: list[tuple[float, int, str, Callable[[], Any]]] = []
        self._cancelled: set[str] = set()
        self._timer_ids = itertools.count(1)
        self.dispatch: Callable[[tuple], None] = lambda event: None         # the canvas's
        self.dispatch_window: Callable[[tuple], None] = lambda event: None  # the window's
        self.listening = False  # keys reach the canvas once turtle's listen() gave it focus
        self.has_handlers: Callable[[], bool] = lambda: False
        self.closed = False
        self._woken_by: object = None  # the run whose stop wakes mainloop at once

    # ---- commands -------------------------------------------------------------
    def send(self, command: Command) -> None:
        """Queue one command. Only the end state of a batch is ever shown, so an item's
        new coordinates replace ones not yet handed over, its options merge, and only
        its latest raise counts (item numbers are never reused)."""
        kind = command[0]
        with self._lock:
            if kind in ("coords", "config", "raise"):
                key = (kind, command[1])
                at = self._latest.get(key)
                if at is not None:
                    if kind == "coords":
                        self._pending[at] = command
                        return
                    earlier = self._pending[at]
                    if kind == "config" and earlier is not None:
                        earlier[2].update(command[2])
                        return
                    self._pending[at] = None
                self._latest[key] = len(self._pending)
            self._pending.append(command)

    def hand_over(self, now: bool = True) -> None:
        """Give the window what was drawn; with ``now=False`` only if a frame has passed."""
        moment = time.monotonic()
        if not now and moment - self._last_handover < FRAME_SECONDS:
            return
        with self._lock:
            batch = [command for command in self._pending if command is not None]
            self._pending = []
            self._latest.clear()
        self._last_handover = moment
        if batch and self._emit is not None:
            self._emit(batch)

    # ---- events ---------------------------------------------------------------
    def post(self, event: tuple) -> None:
        """Any thread: a key, a click or the window closing, for the script to handle."""
        with self._arrival:
            self._arrived.append(event)
            self._arrival.notify_all()

    def _wake(self) -> None:
        with self._arrival:
            self._arrival.notify_all()

    def after(self, milliseconds: int, callback: Callable[[], Any]) -> str:
        """Call ``callback`` when events are next handled ``milliseconds`` from now; Tk's
        timer name, for ``after_cancel``. Timers due together run in the order set."""
        number = next(self._timer_ids)
        name = f"after#{number}"
        heapq.heappush(self._timers, (time.monotonic() + max(milliseconds, 0) / 1000, number, name, callback))
        return name

    def cancel(self, name: str) -> None:
        if any(entry[2] == name for entry in self._timers):
            self._cancelled.add(name)

    def process_events(self) -> None:
        """Handle what arrived and the timers that are due (Tk's ``update``)."""
        while True:
            with self._arrival:
                event = self._arrived.popleft() if self._arrived else None
            if event is None:
                break
            if event[0] == "close":
                self.dispatch_window(event)
            elif event[0] != "key" or self.listening:
                self.dispatch(event)
        now = time.monotonic()
        while self._timers and self._timers[0][0] <= now:
            _, _, name, callback = heapq.heappop(self._timers)
            if name in self._cancelled:
                self._cancelled.discard(name)
                continue
            callback()

    def mainloop(self) -> None:
        """Handle events until the window closes; return at once when nothing could
        ever happen (no handler bound, no timer set), leaving the drawing on screen."""
        run = current_run()
        self.hand_over()
        if run is not None and self._woken_by is not run:
            self._woken_by = run
            run.stop.add_waker(self._wake)
        with run.doing("turtle_events") if run is not None else nullcontext():
            while not self.closed:
                self.process_events()
                if self.closed or not (self._timers or self._arrived or self.has_handlers()):
                    break
                self.hand_over(now=False)
                self._wait_for_arrival(self._until_next_timer(), run)
                if run is not None:
                    run.checkpoint()

    def _until_next_timer(self) -> float:
        if not self._timers:
            return WAIT_SLICE
        return max(0.0, min(WAIT_SLICE, self._timers[0][0] - time.monotonic()))

    def _wait_for_arrival(self, timeout: float, run: ScriptRun | None) -> None:
        with self._arrival:
            if not self._arrived and timeout > 0 and not (run is not None and run.stop.stopped):
                self._arrival.wait(timeout)

    def sleep(self, milliseconds: float) -> None:
        """Tk's ``after(ms)``: the script waits (no events are handled), a stop wakes it."""
        run = current_run()
        self.hand_over()
        if run is None:
            time.sleep(max(milliseconds, 0) / 1000)
        else:
            stop_aware_sleep(run, milliseconds / 1000, "turtle")
