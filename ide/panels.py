"""What a pane brings to the window, through one small protocol (as Mu's modes do).

The debugger (Variables and Call stack), the Drawing, the Plots and the Plotter each
register their commands, make their docks, give the View menu their toggles, name the
panes Ctrl+Tab visits, follow the window's zoom and react to the run's state. The
window adds their docks and forwards each ``RunInfo`` to them; it knows none of them
by name, so a new pane is one more entry in its list of panels.
"""
from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from .actions import ActionRegistry
from .run_state import RunInfo


class Panel(Protocol):
    dock_area: Qt.DockWidgetArea  # where the window docks it

    def add_commands(self, commands: ActionRegistry) -> None:
        """Register its commands; ``ide/menus.py`` and the toolbar place them by id."""

    def docks(self) -> list[QDockWidget]:
        """Its docks, in order: the window adds them to ``dock_area``, hidden."""

    def view_toggles(self) -> list[QAction]:
        """The View menu's entries that show and hide its docks."""

    def focus_panes(self) -> list[QWidget]:
        """Its panes in the order Ctrl+Tab visits them (none if the keyboard has no use there)."""

    def set_text_size(self, points: int) -> None:
        """Follow the window's zoom (a pane that shows no text leaves it)."""

    def run_state_changed(self, run: RunInfo) -> None:
        """Follow the run: called with every ``RunInfo`` the runner announces."""


def add_to_window(panels: list[Panel], host: QMainWindow, commands: ActionRegistry) -> None:
    """Each panel's commands into the registry and its docks into ``host``, hidden."""
    for panel in panels:
        panel.add_commands(commands)
        for dock in panel.docks():
            host.addDockWidget(panel.dock_area, dock)
            dock.hide()
