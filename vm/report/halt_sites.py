"""Where the program was when a stop reached it, whichever thread met the stop first.

The script's own thread records where it was when it raises the stop. When it has
nothing of the learner's to show at that moment (its code has ended: a pipe read the
stop unblocked returned and the script finished), two other sightings stand in, best
first: where the script thread was when Stop came (taken by the stopping thread), and
where a thread the script started (``asyncio.to_thread``) met the stop.
"""
from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import Any

from .results import Frame
from .snapshot import snapshot_of_stack
from .tracebacks import SourceBook, frames_from_live

DEEPEST_NOTED = 500  # frames: describing a deep recursion would hold up the stopping thread
Sighting = tuple[tuple[Frame, ...], "str | None", tuple]  # frames, activity, snapshot


class HaltSites:
    def __init__(self, book: SourceBook, script_thread: Callable[[], threading.Thread | None]) -> None:
        self._book = book
        self._script_thread = script_thread
        self._at_request: tuple[Frame, ...] = ()
        self._on_thread: Sighting | None = None

    def note_request(self) -> None:
        """A stop waker, on the stopping thread: where the script thread is now."""
        thread = self._script_thread()
        if thread is None or thread.ident is None:
            return
        frame = sys._current_frames().get(thread.ident)
        below = frame
        for _ in range(DEEPEST_NOTED):
            if below is None:
                break
            below = below.f_back
        else:
            return  # deep: it is still running code of its own, and reports from there
        self._at_request = frames_from_live(self._book, frame)

    def note_other_thread(self, frame: Any, activity: str | None) -> None:
        """Another of the program's threads raises the stop at ``frame``; the first counts."""
        if self._on_thread is None:
            self._on_thread = (frames_from_live(self._book, frame), activity,
                               snapshot_of_stack(self._book.is_user_code, frame))

    def fallback(self) -> Sighting | None:
        """What to show when the script thread itself has no frame of the learner's."""
        if self._at_request:
            return self._at_request, None, ()
        return self._on_thread
