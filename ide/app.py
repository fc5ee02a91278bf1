"""Start the IDE: ``python main.py [FILE]``."""
from __future__ import annotations

import os
import sys
from typing import cast

# Before Qt: PySide6 reads the source of every module imported after it (to see whether
# it uses PySide6), which slows pygments and the importlib.metadata it loads for its
# plugins by some 7 ms. The highlighter and the themes use them.
import pygments.lexers.python  # noqa: F401
import pygments.styles  # noqa: F401
from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtWidgets import QApplication

from .internal_errors import InternalErrorReporter, log, start_logging
from .main_window import MainWindow
from .runner import configure_process
from .themes import THEMES, apply_palette
from .warm_up import after_first_paint


def create_app(argv: list[str] | None = None) -> QApplication:
    QCoreApplication.setOrganizationName("Sprout")
    QCoreApplication.setApplicationName("Sprout")
    app = cast(QApplication, QApplication.instance() or QApplication(argv or [sys.argv[0]]))
    app.setStyle("Fusion")
    configure_process()
    return app


def _after_first_paint(window: MainWindow) -> None:
    """The rest of starting up, once the learner sees the window (``ide.warm_up``)."""
    import platform
    start_logging()
    log.info("Sprout started: Python %s, Qt %s, %s", platform.python_version(), qVersion(), sys.executable)
    window.runner.prepare()
    window.check_storage()


def main(args: list[str]) -> int:
    app = create_app()
    window = MainWindow()
    InternalErrorReporter(window).install()
    apply_palette(app, THEMES.get(window.settings.theme, THEMES["light"]))
    window.open_initial(args[0] if args else None)
    window.show()
    after_first_paint(window.editor.viewport(), lambda: _after_first_paint(window))
    code = app.exec()
    if not window.runner.shutdown():
        # A run stuck in a blocking call would keep its thread alive forever; the
        # learner's work is saved (or in the recovery folder), so leave at once.
        sys.stdout.flush()
        os._exit(code)
    return code
