"""View > Language: follow the system, or English, or 简体中文, remembered; the new
language takes over when Sprout starts again (offered at once)."""
from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QProcess
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from vm.core.i18n import current_language

from . import dialogs
from .i18n import LANGUAGES, SYSTEM, resolve, tr
from .settings import Settings


class LanguageMenu:
    """The submenu and what choosing in it does."""

    def __init__(self, window: QMainWindow, settings: Settings, menu: QMenu,
                 file_path: Callable[[], Path | None]) -> None:
        self.window = window
        self.settings = settings
        self.menu = menu
        self._file_path = file_path
        group = QActionGroup(window)
        choices = [(SYSTEM, tr("System Default ({language})").format(language=LANGUAGES[resolve(SYSTEM)]))]
        choices += list(LANGUAGES.items())  # each language named in itself, so anyone can find theirs
        for code, label in choices:
            action = QAction(label, window)
            action.setCheckable(True)
            action.setChecked(code == settings.language)
            action.setData(code)
            action.triggered.connect(lambda checked=False, chosen=code: self.choose(chosen))
            group.addAction(action)
            self.menu.addAction(action)
        if not any(action.isChecked() for action in group.actions()):
            group.actions()[0].setChecked(True)

    def choose(self, code: str) -> None:
        running = current_language()
        self.settings.language = code
        self.settings.sync()
        after = resolve(code)
        if after == running:
            return
        answer = dialogs.ask(self.window, tr("Language"),
                             tr("Sprout will speak {language} after it restarts. Restart now?").format(
                                 language=LANGUAGES[after]),
                             QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                             QMessageBox.StandardButton.Yes)
        if answer == QMessageBox.StandardButton.Yes:
            self.restart()

    def restart(self) -> None:
        """Close as usual (unsaved work is asked about), then start a new Sprout."""
        path = self._file_path()
        if self.window.close():
            QProcess.startDetached(sys.executable, [sys.argv[0], *([str(path)] if path else [])])
