"""Moving between panes by keyboard alone: Ctrl+Tab and Ctrl+Shift+Tab go round the
visible panes (the editor keeps Tab for indenting), and each has a key of its own."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from .actions import ActionRegistry, ActionSpec
from .i18n import tr


class PaneFocus:
    """``panes()`` lists the focusable panes in order; hidden ones are skipped."""

    def __init__(self, actions: ActionRegistry, panes: Callable[[], list[QWidget]],
                 named: dict[str, tuple[str, str, Callable[[], QWidget]]]) -> None:
        self._panes = panes
        specs = [ActionSpec("next_pane", tr("Next Pane"), lambda: self.move(1), ("Ctrl+Tab",), window_wide=True),
                 ActionSpec("previous_pane", tr("Previous Pane"), lambda: self.move(-1), ("Ctrl+Shift+Tab",),
                            window_wide=True)]
        for action_id, (label, key, widget) in named.items():
            specs.append(ActionSpec(action_id, label, self._focuser(widget), (key,), window_wide=True))
        self.actions = actions.add_all(specs)

    def move(self, step: int) -> None:
        panes = [pane for pane in self._panes() if pane.isVisible()]
        if not panes:
            return
        focused = QApplication.focusWidget()
        current = next((index for index, pane in enumerate(panes)
                        if focused is not None and pane.isAncestorOf(focused)), -1)  # itself included
        self.focus(panes[(current + step) % len(panes)])

    def _focuser(self, widget: Callable[[], QWidget]) -> Callable[[], None]:
        return lambda: self.focus(widget())

    @staticmethod
    def focus(widget: QWidget) -> None:
        if widget.isVisible():
            widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
