"""Usable with a keyboard alone, with a screen reader, and on a projector."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDockWidget

from tests.ide.conftest import run_to_end, set_code, start_run, stop_run


def test_every_action_dock_and_pane_has_an_accessible_name(window):
    for action in window.commands.all():
        assert action.text().replace("&", "").strip(), action.objectName()
    docks = window.findChildren(QDockWidget)
    assert {dock.objectName() for dock in docks} >= {"variables-dock", "call-stack-dock", "drawing_dock"}
    for dock in docks:
        assert dock.accessibleName(), dock.objectName()
    panes = [window.editor, window.console, window.shell, *window.debug.focus_panes(), window.drawing.view]
    for pane in panes:
        assert pane.accessibleName() and pane.accessibleDescription(), type(pane).__name__
    for action in window.toolbar.actions():
        button = window.toolbar.widgetForAction(action)
        if button is not None and not action.isSeparator():
            assert button.accessibleDescription(), action.text()
    assert window.status.label.accessibleName() == "Run status"
    assert window.find_bar.field.accessibleName() == "Text to find"


def test_ctrl_tab_goes_round_the_visible_panes_and_each_has_its_own_key(qtbot, window):
    window.editor.setFocus()
    qtbot.waitUntil(window.editor.hasFocus)
    window.debug.variables_dock.show()
    visited = []
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
        visited.append(QApplication.focusWidget())
    assert visited == [window.console, window.debug.variables, window.editor, window.console]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is window.editor
    qtbot.keyClick(window.editor, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.console
    qtbot.keyClick(window.console, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.editor


def test_run_started_finished_stopped_and_error_are_announced(qtbot, window):
    set_code(window, "print('hi')\n")
    run_to_end(qtbot, window)
    assert window.status.announced[-2:] == ["The program is running", window.status.label.text()]
    assert window.status.announced[-1].startswith("Finished in")
    set_code(window, "print('ready')\nwhile True:\n    pass\n")
    start_run(qtbot, window, "ready")
    stop_run(qtbot, window)
    assert window.status.announced[-1] == "Stopped"
    set_code(window, "print(1 / 0)\n")
    run_to_end(qtbot, window)
    assert window.status.announced[-1] == "Error: ZeroDivisionError on line 1"


def test_the_high_contrast_theme_recolours_every_pane(window):
    window.set_theme("contrast")
    entries = {entry.data(): entry for entry in window.menus.theme.actions()}
    assert entries["contrast"].isChecked() and entries["contrast"].text() == "High Contrast"
    palette = QApplication.palette()
    assert palette.window().color().name() == "#000000" and palette.text().color().name() == "#ffffff"
    assert window.editor.palette().base().color().name() == "#000000"
    assert window.console.palette().base().color().name() == "#000000"
    window.set_theme("light")


def test_one_zoom_scales_every_pane_together(qtbot, window):
    before = {pane: pane.font().pointSize() for pane in (window.console, window.shell, *window.debug.focus_panes())}
    size = window.editor.point_size
    window.commands["zoom_in"].trigger()
    window.commands["zoom_in"].trigger()
    assert window.editor.point_size == size + 2
    for pane, points in before.items():
        assert pane.font().pointSize() == points + 2, type(pane).__name__
