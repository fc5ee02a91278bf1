"""A run's side of a stop: the exception the script raises, where it was when the stop
reached it, what it was waiting in, and the values to show afterwards."""
from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import TYPE_CHECKING, Any

from .report.results import HaltReason
from .report.snapshot import snapshot_globals, snapshot_of_error, snapshot_of_stack
from .report.tracebacks import frames_from_live, frames_from_traceback
from .stop.interrupt import ScriptStopped

if TYPE_CHECKING:
    from .report.halt_sites import HaltSites
    from .report.results import Frame
    from .report.snapshot import FrameSnapshot
    from .report.tracebacks import SourceBook
    from .stop.interrupt import StopSignal


class RunHalt:
    """Mixed into ``vm.run.Run``, which owns the state named below."""

    stop: StopSignal
    book: SourceBook
    sites: HaltSites
    filename: str
    script_thread: threading.Thread | None
    halt_frames: tuple[Frame, ...] | None
    halt_site: FrameType | None
    halt_activity: str | None
    activity: str | None
    engine_busy: bool
    snapshot: tuple[FrameSnapshot, ...]

    def halt(self) -> ScriptStopped:
        """The exception to raise now; the first one records where the program was."""
        if self.halt_frames is None and self.stop.reason is not HaltReason.ENDED:
            if threading.current_thread() is self.script_thread:
                self._record_halt(self.halt_site or sys._getframe(1))
            else:  # where the main code was is what the learner needs: kept in reserve
                self.sites.note_other_thread(sys._getframe(1), self.activity)
        handled = sys.exc_info()[1]
        if isinstance(handled, ScriptStopped):
            # A bare ``except:`` caught the stop and carried on: raise the same one again.
            # A new exception would chain onto the old (``__context__``), and CPython walks
            # that chain at every raise: unwinding deep recursion would take quadratic time.
            return handled
        return ScriptStopped(self.stop.message())

    def _record_halt(self, frame: Any) -> None:
        """Where the script's own thread was when the stop reached it."""
        # Recording a 50,000-frame stack takes a while: the watchdog's push must not
        # interrupt it (it would start over at the next safe point, forever).
        self.engine_busy = True
        try:
            frames = frames_from_live(self.book, frame)
            error = sys.exc_info()[1]
            if not frames and error is not None and not isinstance(error, ScriptStopped):
                # Stopped while paused on an error that left the program's code: show it.
                self.halt_frames = frames_from_traceback(self.book, error.__traceback__)
                self.halt_activity = self.activity
                self.snapshot = snapshot_of_error(self.book.is_user_code, error)
                return
            sighting = None if frames else self.sites.fallback()
            if sighting is not None:
                self.halt_frames, activity, self.snapshot = sighting
                self.halt_activity = activity or self.activity
            else:
                self.halt_frames = frames
                self.halt_activity = self.activity
                self.snapshot = snapshot_of_stack(self.book.is_user_code, frame)
        finally:
            self.engine_busy = False

    def _take_snapshot(self, outcome: BaseException | None, namespace: dict) -> None:
        """The values to show after the run, taken before anything is cleared."""
        if self.halt_frames is not None or isinstance(outcome, ScriptStopped):
            if not self.snapshot and outcome is not None:
                self.snapshot = snapshot_of_error(self.book.is_user_code, outcome)
        elif outcome is None or isinstance(outcome, SystemExit):
            self.snapshot = snapshot_globals(namespace, self.filename)
        else:
            self.snapshot = snapshot_of_error(self.book.is_user_code, outcome)

    @contextmanager
    def doing(self, activity: str, at: FrameType | None = None) -> Iterator[None]:
        """The script waits in ``activity`` (``input``, ``sleep``, ``wait``, ``paused``)
        meanwhile, so a stop there is explained as what it interrupted; ``at``: the frame
        a stop is reported in instead of the running one (a debugger showing a caller)."""
        before, site_before = self.activity, self.halt_site
        self.activity = before or activity  # the outermost says what the program waits for
        self.halt_site = site_before or at
        try:
            yield
        finally:
            self.activity, self.halt_site = before, site_before
