"""The Console and Shell tabs below the editor: a click on a tab brings the keyboard along."""
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from tests.ide.conftest import run_to_end, set_code


def _click_link(qtbot, console, words: str) -> None:
    block = console.document().begin()
    while block.isValid() and words not in block.text():
        block = block.next()
    assert block.isValid(), words
    rect = console.blockBoundingGeometry(block).translated(console.contentOffset())
    qtbot.mouseClick(console.viewport(), Qt.MouseButton.LeftButton, pos=rect.topLeft().toPoint() + QPoint(20, 5))


def test_clicking_the_shell_tab_after_a_traceback_link_types_at_the_prompt(qtbot, window):
    code = "def f(x):\n    return 1 / x\n\nf(0)\n"
    set_code(window, code)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    run_to_end(qtbot, window)
    _click_link(qtbot, window.console, "line 2")
    assert QApplication.focusWidget() is window.editor
    tabs = window.output_panel.tabBar()
    qtbot.mouseClick(tabs, Qt.MouseButton.LeftButton, pos=tabs.tabRect(1).center())
    assert window.output_panel.currentWidget() is window.shell
    qtbot.keyClicks(QApplication.focusWidget(), "6 * 7")
    assert window.editor.toPlainText() == code
    assert window.shell.toPlainText().rstrip().endswith(">>> 6 * 7")
