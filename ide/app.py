"""Start the IDE: ``python main.py [FILE]``."""
from __future__ import annotations

import os
import platform
import sys
from typing import cast

from PySide6.QtCore import QCoreApplication, QTimer, qVersion
from PySide6.QtWidgets import QApplication

from .internal_errors import InternalErrorReporter, log, start_logging
from .main_window import MainWindow
from .runner import configure_process
from .themes import THEMES, apply_palette


def create_app(argv: list[str] | None = None) -> QApplication:
    QCoreApplication.setOrganizationName("Sprout")
    QCoreApplication.setApplicationName("Sprout")
    app = cast(QApplication, QApplication.instance() or QApplication(argv or [sys.argv[0]]))
    app.setStyle("Fusion")
    configure_process()
    return app


def main(args: list[str]) -> int:
    app = create_app()
    start_logging()
    window = MainWindow()
    InternalErrorReporter(window).install()
    apply_palette(app, THEMES.get(window.settings.theme, THEMES["light"]))
    window.open_initial(args[0] if args else None)
    window.show()
    QTimer.singleShot(0, window.check_storage)
    log.info("Sprout started: Python %s, Qt %s, %s", platform.python_version(), qVersion(), sys.executable)
    code = app.exec()
    if not window.runner.shutdown():
        # A run stuck in a blocking call would keep its thread alive forever; the
        # learner's work is saved (or in the recovery folder), so leave at once.
        sys.stdout.flush()
        os._exit(code)
    return code
