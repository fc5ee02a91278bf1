"""When Sprout itself fails inside a UI slot: say so, log it, and keep going.

Qt calls Python slots from its event loop; an exception there would otherwise only
print to a terminal the learner never sees, and their click would silently do
nothing. The hook below shows a short message (the details can be copied), writes
the traceback to Sprout's log, and returns to the event loop so the IDE stays usable.
"""
from __future__ import annotations

import logging
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, QStandardPaths, Qt, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from .i18n import tr

log = logging.getLogger("sprout")
LOG_BYTES = 1_000_000


def log_file() -> Path:
    """``$XDG_STATE_HOME/Sprout/sprout.log`` on Linux (a log is state, not data); elsewhere
    the platform's application data folder."""
    if sys.platform.startswith("linux"):
        state = os.environ.get("XDG_STATE_HOME", "")
        return (Path(state) if os.path.isabs(state) else Path.home() / ".local" / "state") / "Sprout" / "sprout.log"
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".sprout") / "sprout.log"


def start_logging() -> Path | None:
    """Sprout's own log (rotated, never the learner's output); None if it cannot be written."""
    from logging.handlers import RotatingFileHandler  # after the window is shown (ide.warm_up)
    path = log_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=LOG_BYTES, backupCount=1, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return path


class InternalErrorReporter(QObject):
    """Installed as ``sys.excepthook`` for the IDE's own (UI-thread) failures."""

    failed = Signal(str)

    def __init__(self, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self._parent_widget = parent_widget
        self._previous_hook = sys.excepthook
        self.last_box: QMessageBox | None = None
        self.failed.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        sys.excepthook = self.hook

    def uninstall(self) -> None:
        if sys.excepthook == self.hook:
            sys.excepthook = self._previous_hook

    def hook(self, kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous_hook(kind, error, tb)
            return
        details = "".join(traceback.format_exception(kind, error, tb))
        log.error("internal problem in the IDE\n%s", details)
        self.failed.emit(details)

    @Slot(str)
    def _show(self, details: str) -> None:
        if self.last_box is not None and self.last_box.isVisible():
            self.last_box.setDetailedText(self.last_box.detailedText() + "\n" + details)
            return
        box = QMessageBox(QMessageBox.Icon.Warning, tr("Sprout hit an internal problem"),
                          tr("Sprout hit an internal problem; your code is safe.\n\n"
                             "What you just did may not have worked. You can keep working; "
                             "if it happens again, please report it with the details below."),
                          QMessageBox.StandardButton.Ok, self._parent_widget)
        box.setDetailedText(details)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()
        self.last_box = box
