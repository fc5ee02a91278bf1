"""What Sprout loads once its window has been painted, not before.

The learner sees the window as soon as the editor, console and toolbar can be drawn;
the engine (~0.1 s of imports and a thread), the log file and the like come right
after, while the learner reads the first screen. Each part also loads on its own when
it is first used earlier (``Runner.prepare`` is what the first Run would do anyway).
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _FirstPaint(QObject):
    """Calls back once, in the event-loop pass after ``widget``'s first paint."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self._widget and event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            # A zero timer fires after this pass: the painted window is on screen first.
            QTimer.singleShot(0, self._callback)
            self.deleteLater()
        return False


def after_first_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    """Run ``callback`` once ``widget`` has been painted for the first time."""
    _FirstPaint(widget, callback)
