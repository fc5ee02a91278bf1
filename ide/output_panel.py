"""Below the editor: the Console (the program's output) and the Shell, as two tabs."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QMessageBox, QTabWidget, QToolButton, QWidget

from . import resources
from .console import Console
from .i18n import tr
from .shell import Shell
from .themes import Theme


class OutputPanel(QTabWidget):
    """The two tabs, with Clear (either tab) and Reset (the Shell's variables) beside them."""

    reset_requested = Signal()
    message = Signal(str)       # for the status bar

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(tr("Output"))
        self.console = Console(theme=theme)
        self.shell = Shell(theme=theme)
        self.addTab(self.console, tr("Console"))
        self.addTab(self.shell, tr("Shell"))
        self.setDocumentMode(True)
        corner = QWidget()
        buttons = QHBoxLayout(corner)
        buttons.setContentsMargins(0, 0, 4, 0)
        self.reset_button = QToolButton()
        self.reset_button.setText(tr("Reset"))
        self.reset_button.setToolTip(tr("Start the Shell again from fresh variables"))
        self.reset_button.setAutoRaise(True)
        self.reset_button.clicked.connect(self.reset_requested)
        self.clear_button = QToolButton()
        self.clear_button.setIcon(resources.icon("clear"))
        self.clear_button.setToolTip(tr("Clear this tab"))
        self.clear_button.setAutoRaise(True)
        self.clear_button.clicked.connect(lambda: self.current_console().clear_output())
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.clear_button)
        self.setCornerWidget(corner)
        self.currentChanged.connect(self._on_tab)
        self.tabBarClicked.connect(self._focus_clicked_tab)
        self._on_tab(0)

    def _focus_clicked_tab(self, index: int) -> None:
        """A click on a tab moves the keyboard there too: Qt only moves it when the old
        tab had it, so after a click in the editor typing would still go to the code."""
        if index < 0:
            return
        self.setCurrentIndex(index)
        self.current_console().setFocus(Qt.FocusReason.MouseFocusReason)

    def _on_tab(self, index: int) -> None:
        self.reset_button.setVisible(self.widget(index) is self.shell)

    def current_console(self) -> Console:
        """The tab in front (the Shell is a console too)."""
        return self.shell if self.currentWidget() is self.shell else self.console

    def apply_theme(self, theme: Theme) -> None:
        self.console.apply_theme(theme)
        self.shell.apply_theme(theme)

    def show_console(self) -> None:
        """A program's output is in front when it runs (the keyboard stays where it was)."""
        self.setCurrentWidget(self.console)

    def show_shell(self) -> None:
        self.setCurrentWidget(self.shell)
        self.shell.setFocus()

    def save_output(self, console: Console | None, folder: Path, name: str) -> bool:
        """Write everything ``console`` (else the current tab) has shown, trimmed and
        squeezed text included, to a file the learner picks; False if nothing was saved."""
        console = console or self.current_console()
        suggested = folder / f"{Path(name).stem or 'output'}-output.txt"
        path, _ = QFileDialog.getSaveFileName(self, tr("Save Output"), str(suggested),
                                              tr("Text files (*.txt);;All files (*)"))
        if not path:
            return False
        try:
            console.log.save_to(path)
        except OSError as error:
            QMessageBox.warning(self, tr("Save Output"), tr("Could not save the output to {path}: {error}").format(
                path=path, error=error.strerror or error))
            return False
        if console.log.error:
            QMessageBox.warning(self, tr("Save Output"), tr(
                "Some output could not be kept ({error}): the saved file ends where keeping it stopped.").format(
                error=console.log.error))
        self.message.emit(tr("Output saved to {path}").format(path=path))
        return True
