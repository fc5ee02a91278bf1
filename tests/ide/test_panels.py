"""Panels plug into the window through one protocol: commands, docks, View toggles, run state."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QLabel, QWidget

from ide.actions import ActionRegistry, ActionSpec
from ide.panels import Panel, add_to_window
from ide.run_state import RunInfo, RunState
from tests.ide.conftest import run_to_end, set_code


class NotesPanel:
    """A panel the window has never heard of: what any new pane would bring."""

    dock_area = Qt.DockWidgetArea.LeftDockWidgetArea

    def __init__(self, host: QWidget) -> None:
        self.view = QLabel("notes")
        self.dock = QDockWidget("Notes", host)
        self.dock.setWidget(self.view)
        self.seen: list[RunInfo] = []

    def add_commands(self, commands: ActionRegistry) -> None:
        commands.add(ActionSpec("clear_notes", "Clear &Notes", self.view.clear))

    def docks(self) -> list[QDockWidget]:
        return [self.dock]

    def view_toggles(self) -> list[QAction]:
        return [self.dock.toggleViewAction()]

    def focus_panes(self) -> list[QWidget]:
        return [self.view]

    def set_text_size(self, points: int) -> None:
        pass

    def run_state_changed(self, run: RunInfo) -> None:
        self.seen.append(run)


def test_each_panel_brings_its_view_toggles_and_docks(window):
    view = next(top.menu() for top in window.menuBar().actions() if top.text() == "&View")
    entries = view.actions()
    for panel in window.panels:
        for toggle in panel.view_toggles():
            assert toggle in entries
        for dock in panel.docks():
            assert dock.parent() is window and dock.isHidden()
            assert window.dockWidgetArea(dock) == panel.dock_area


def test_a_new_panel_plugs_in_and_follows_the_run_without_the_window_knowing_it(qtbot, window):
    notes = NotesPanel(window)
    panel: Panel = notes  # the protocol is all it has to satisfy
    add_to_window([panel], window, window.commands)
    window.panels.append(panel)
    assert notes.dock.isHidden() and window.dockWidgetArea(notes.dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    window.commands["clear_notes"].trigger()
    assert notes.view.text() == ""
    set_code(window, "print('hi')\n")
    run_to_end(qtbot, window)
    assert [run.state for run in notes.seen] == [RunState.RUNNING, RunState.FINISHED]
    assert notes.seen[-1].result is not None and notes.seen[-1].result.status == "finished"
