"""The debugger's panels: the paused program's variables and its call stack."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from vm import Pause, PausedFrame, children_of, describe, visible_globals

VALUE_ROLE = Qt.ItemDataRole.UserRole
LOADED_ROLE = Qt.ItemDataRole.UserRole + 1


class VariablesPanel(QTreeWidget):
    """Locals and globals of the selected frame; lists, dicts and objects expand lazily."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(3)
        self.setHeaderLabels(["Name", "Value", "Type"])
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.itemExpanded.connect(self._load_children)
        # Fit the dock's width: the value column takes what is left and elides; no
        # horizontal scroll bar, and the type is never clipped.
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def show_frame(self, frame: PausedFrame | None) -> None:
        self.clear()
        if frame is None:
            return
        if frame.function == "<module>":
            # The main program's variables are its globals: list them without a heading
            # that would only repeat the panel's title.
            for name, value in visible_globals(frame.local_values):
                self._add(self.invisibleRootItem(), name, value)
            return
        sections = [("Local variables", list(frame.local_values.items())),
                    ("Global variables", visible_globals(frame.global_values))]
        for title, pairs in sections:
            section = QTreeWidgetItem(self, [title])
            section.setFirstColumnSpanned(True)
            font = section.font(0)
            font.setBold(True)
            section.setFont(0, font)
            for name, value in pairs:
                self._add(section, name, value)
            section.setExpanded(True)

    def _add(self, parent: QTreeWidgetItem, name: str, value: Any) -> None:
        view = describe(name, value)
        item = QTreeWidgetItem(parent, [view.name, view.summary, view.type_name])
        item.setToolTip(1, view.summary)
        item.setData(0, VALUE_ROLE, value)
        if view.expandable:
            item.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)

    def _load_children(self, item: QTreeWidgetItem) -> None:
        if item.data(0, LOADED_ROLE) or item.data(0, VALUE_ROLE) is None and item.parent() is None:
            return
        item.setData(0, LOADED_ROLE, True)
        for label, child in children_of(item.data(0, VALUE_ROLE)):
            self._add(item, label, child)

    def find(self, name: str) -> QTreeWidgetItem | None:
        """The first item called ``name`` (searches expanded levels)."""
        matches = self.findItems(name, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive, 0)
        return matches[0] if matches else None


class CallStackPanel(QListWidget):
    """The user frames, innermost at the top; choosing one shows its variables."""

    frame_selected = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._frames: list[PausedFrame] = []
        self.currentRowChanged.connect(self._on_row)

    def show_pause(self, pause: Pause | None) -> None:
        self.blockSignals(True)
        self.clear()
        self._frames = list(reversed(pause.frames)) if pause else []
        for frame in self._frames:
            name = "main program" if frame.function == "<module>" else f"{frame.function}()"
            QListWidgetItem(f"{name} — line {frame.line}", self)
        self.blockSignals(False)
        if self._frames:
            self.setCurrentRow(0)  # emits frame_selected
        else:
            self.frame_selected.emit(None)

    def _on_row(self, row: int) -> None:
        if 0 <= row < len(self._frames):
            self.frame_selected.emit(self._frames[row])
