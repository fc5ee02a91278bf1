"""Below the editor: the Console (the program's output) and the Shell, as two tabs."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QTabWidget, QToolButton, QWidget

from . import resources
from .console import Console
from .i18n import tr
from .shell import Shell
from .themes import Theme


class OutputPanel(QTabWidget):
    """The two tabs, with Clear (either tab) and Reset (the Shell's variables) beside them."""

    reset_requested = Signal()

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
        self.clear_button.clicked.connect(lambda: self.currentWidget().clear_output())
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.clear_button)
        self.setCornerWidget(corner)
        self.currentChanged.connect(self._on_tab)
        self._on_tab(0)

    def _on_tab(self, index: int) -> None:
        self.reset_button.setVisible(self.widget(index) is self.shell)

    def apply_theme(self, theme: Theme) -> None:
        self.console.apply_theme(theme)
        self.shell.apply_theme(theme)

    def show_shell(self) -> None:
        self.setCurrentWidget(self.shell)
        self.shell.setFocus()
