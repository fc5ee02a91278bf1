"""The debugger's panels: the paused program's variables and its call stack."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

import vm  # its inspector loads when values are first shown (vm's names load on first use)

from .i18n import tr

if TYPE_CHECKING:
    from vm import FrameSnapshot, Pause, PausedFrame, ValueNode

VALUE_ROLE = Qt.ItemDataRole.UserRole
LOADED_ROLE = Qt.ItemDataRole.UserRole + 1


class _Held:
    """A paused program's value as an item's data. Qt would convert a bare list or dict
    into its own copy, item by item: a list that contains itself would never end."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value


class VariablesPanel(QTreeWidget):
    """Locals and globals of the selected frame; lists, dicts and objects expand lazily."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(tr("Variables"))
        self.setAccessibleDescription(tr("The values of the selected frame's variables; expand a row to look inside."))
        self.setColumnCount(3)
        self.setHeaderLabels([tr("Name"), tr("Value"), tr("Type")])
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
            for name, value in vm.visible_globals(frame.local_values):
                self._add(self.invisibleRootItem(), name, value)
            return
        sections = [(tr("Local variables"), list(frame.local_values.items())),
                    (tr("Global variables"), vm.visible_globals(frame.global_values))]
        for title, pairs in sections:
            section = self._section(title)
            for name, value in pairs:
                self._add(section, name, value)
            section.setExpanded(True)

    def show_snapshot(self, frame: FrameSnapshot | None) -> None:
        """Values as they were when the run ended (a described copy, nothing live)."""
        self.clear()
        if frame is None:
            return
        if frame.function == "<module>":
            for node in frame.global_values:
                self._add_node(self.invisibleRootItem(), node)
            return
        for title, nodes in ((tr("Local variables"), frame.local_values), (tr("Global variables"), frame.global_values)):
            section = self._section(title)
            for node in nodes:
                self._add_node(section, node)
            section.setExpanded(True)

    def _section(self, title: str) -> QTreeWidgetItem:
        section = QTreeWidgetItem(self, [title])
        section.setFirstColumnSpanned(True)
        font = section.font(0)
        font.setBold(True)
        section.setFont(0, font)
        return section

    def _add_node(self, parent: QTreeWidgetItem, node: ValueNode) -> None:
        item = QTreeWidgetItem(parent, [node.name, node.summary, node.type_name])
        item.setToolTip(1, node.summary)
        item.setData(0, LOADED_ROLE, True)  # children are already here
        for child in node.children:
            self._add_node(item, child)

    def _add(self, parent: QTreeWidgetItem, name: str, value: Any) -> None:
        view = vm.describe(name, value)
        item = QTreeWidgetItem(parent, [view.name, view.summary, view.type_name])
        item.setToolTip(1, view.summary)
        item.setData(0, VALUE_ROLE, _Held(value))
        if view.expandable:
            item.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)

    def _load_children(self, item: QTreeWidgetItem) -> None:
        held = item.data(0, VALUE_ROLE)
        if item.data(0, LOADED_ROLE) or not isinstance(held, _Held):
            return  # a section heading, or a snapshot's node (its children came with it)
        item.setData(0, LOADED_ROLE, True)
        for label, child in vm.children_of(held.value):
            self._add(item, label, child)

    def item_named(self, name: str) -> QTreeWidgetItem | None:
        """The first item called ``name`` (searches expanded levels)."""
        matches = self.findItems(name, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive, 0)
        return matches[0] if matches else None


class CallStackPanel(QListWidget):
    """The user frames, innermost at the top; choosing one shows its variables."""

    frame_selected = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(tr("Call stack"))
        self.setAccessibleDescription(tr("The functions that are running, innermost first; choose one to see "
                                         "its variables."))
        self._frames: list[PausedFrame | FrameSnapshot] = []
        self.currentRowChanged.connect(self._on_row)

    def show_snapshot(self, frames: tuple[FrameSnapshot, ...]) -> None:
        """The frames as they were when the run ended, innermost at the top."""
        self._fill(list(reversed(frames)))

    def select_line(self, line: int) -> bool:
        """Select the innermost frame that was on ``line`` (a traceback link was clicked)."""
        for row, frame in enumerate(self._frames):
            if frame.line == line:
                self.setCurrentRow(row)
                return True
        return False

    def _fill(self, frames: list) -> None:
        self.blockSignals(True)
        self.clear()
        self._frames = frames
        for frame in frames:
            name = tr("main program") if frame.function == "<module>" else f"{frame.function}()"
            shown = tr("{function} — line {line}").format(function=name, line=frame.line) if frame.line else name
            QListWidgetItem(shown, self)
        self.blockSignals(False)
        if frames:
            self.setCurrentRow(0)  # emits frame_selected
        else:
            self.frame_selected.emit(None)

    def show_pause(self, pause: Pause | None) -> None:
        self._fill(list(reversed(pause.frames)) if pause else [])

    def _on_row(self, row: int) -> None:
        if 0 <= row < len(self._frames):
            self.frame_selected.emit(self._frames[row])
