"""How the panes docked on the right share the window's height.

Qt gives a dock that appears beside others whatever height is left over: with
Variables and Call stack open, the Drawing came up a few lines tall. Each pane has a
floor it never goes under, and when one appears the right-hand panes are shared out
by weight, the drawing (a picture to look at) getting the most.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow

WEIGHTS = {"drawing_dock": 5, "variables-dock": 3, "call-stack-dock": 2}  # by object name
MINIMUM_HEIGHTS = {"drawing_dock": 160, "variables-dock": 110, "call-stack-dock": 70}
DEFAULT_WEIGHT = 3


def set_minimum_height(dock: QDockWidget) -> None:
    """The floor for ``dock``'s contents, so no sharing or dragging makes it useless."""
    dock.widget().setMinimumHeight(MINIMUM_HEIGHTS.get(dock.objectName(), 80))


def share_right_height(host: QMainWindow) -> None:
    """Share the right dock area's height among its visible panes by their weights, once
    the pane just shown has been laid out (before that Qt would undo the sizes)."""
    QTimer.singleShot(0, host, lambda: _share(host))


def right_docks(host: QMainWindow) -> list[QDockWidget]:
    """The panes shown docked on the right, top to bottom as Qt made them."""
    return [dock for dock in host.findChildren(QDockWidget)
            if not dock.isHidden() and not dock.isFloating()
            and host.dockWidgetArea(dock) == Qt.DockWidgetArea.RightDockWidgetArea]


def _share(host: QMainWindow) -> None:
    docks = right_docks(host)
    if len(docks) < 2:
        return
    central = host.centralWidget()
    total = central.height() if central is not None else host.height()
    weights = [WEIGHTS.get(dock.objectName(), DEFAULT_WEIGHT) for dock in docks]
    host.resizeDocks(docks, [total * weight // sum(weights) for weight in weights], Qt.Orientation.Vertical)
