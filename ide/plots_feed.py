"""Figures from the script's thread to the window, never more than the window can take.

The engine hands a figure's picture over each time it is shown (``vm.plots``); an
animation can do that faster than the window paints. Pictures wait here, under a
lock, one per figure (a newer picture of the same figure replaces the one waiting),
and the window takes everything waiting at most every ``TAKE_GAP_MS``, in the order
the figures first came. Memory stays bounded whatever the program does, and the
script never waits for the window. A picture from an abandoned run is dropped.
"""
from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, QObject, QTimer, Signal, Slot

TAKE_GAP_MS = 30  # the window takes pictures at most ~33 times a second


class PlotsFeed(QObject):
    """``put`` on any thread; ``arrived(messages)`` on the window's thread."""

    arrived = Signal(object)   # a list of vm.plots messages
    _waiting = Signal()

    def __init__(self, generation: Callable[[], int], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._generation = generation
        self._lock = threading.Lock()
        self._pending: list[tuple] = []
        self._figure_at: dict[int, int] = {}  # figure key -> index in _pending
        self._asked = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.take)
        self._since = QElapsedTimer()
        self._since.start()
        self._waiting.connect(self._on_waiting)

    def put(self, generation: int, messages: list[tuple]) -> None:
        """The script's (or the engine's) thread: keep the messages, ask the window once."""
        with self._lock:
            if generation != self._generation():
                return
            for message in messages:
                if message[0] == "clear":
                    self._pending, self._figure_at = [message], {}
                elif message[0] == "figure":
                    at = self._figure_at.get(message[1].key)
                    if at is None:
                        self._figure_at[message[1].key] = len(self._pending)
                        self._pending.append(message)
                    else:
                        self._pending[at] = message
            ask, self._asked = not self._asked, True
        if ask:
            self._waiting.emit()

    @Slot()
    def _on_waiting(self) -> None:
        if not self._timer.isActive():
            self._timer.start(max(0, TAKE_GAP_MS - self._since.elapsed()))

    @Slot()
    def take(self) -> None:
        """Hand everything waiting to the pane now."""
        self._timer.stop()
        self._since.start()
        with self._lock:
            messages, self._pending, self._figure_at = self._pending, [], {}
            self._asked = False
        if messages:
            self.arrived.emit(messages)
