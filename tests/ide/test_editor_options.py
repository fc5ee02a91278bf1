"""Word wrap, indentation guides and self-closing pairs: menu toggles that are remembered."""
from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QPlainTextEdit

from ide.indent_guides import guide_levels
from ide.main_window import MainWindow


def test_word_wrap_wraps_a_long_line_and_is_remembered(qtbot, window, settings, recovery):
    window.editor.setPlainText("print(" + "'word ' * 3, " * 40 + ")\n")
    assert window.editor.document().firstBlock().layout().lineCount() == 1
    window.editor_options.word_wrap_action.trigger()
    qtbot.waitUntil(lambda: window.editor.document().firstBlock().layout().lineCount() > 1, timeout=5000)
    assert settings.word_wrap
    again = MainWindow(settings, recovery)
    qtbot.addWidget(again)
    assert again.editor_options.word_wrap_action.isChecked()
    assert again.editor.lineWrapMode() == QPlainTextEdit.LineWrapMode.WidgetWidth
    again.runner.shutdown()


def test_guide_levels_run_through_blank_lines_inside_a_block():
    lines = ["def f():", "    if x:", "        y = 1", "", "        z = 2", "", "    return z", "", "f()"]
    assert guide_levels(lines) == [0, 1, 2, 2, 2, 1, 1, 0, 0]


def _guide_pixel(window) -> QColor:
    """The colour where the first guide of the third line is drawn."""
    editor = window.editor
    editor.viewport().repaint()
    image = editor.viewport().grab().toImage()
    x = int(editor.contentOffset().x() + editor.document().documentMargin())
    block = editor.document().findBlockByNumber(2)
    geometry = editor.blockBoundingGeometry(block).translated(editor.contentOffset())
    return image.pixelColor(x, int(geometry.center().y()))


def test_indentation_guides_are_drawn_and_can_be_turned_off(qtbot, window, settings):
    window.editor.setPlainText("for i in range(3):\n    if i:\n        print(i)\n")
    window.editor.go_to_line(1)
    background = QColor(window.theme.base)
    assert _guide_pixel(window) != background
    window.editor_options.indent_guides_action.trigger()
    assert not settings.indent_guides
    assert _guide_pixel(window) == background


def test_auto_pairs_can_be_turned_off_in_the_edit_menu(qtbot, window, settings):
    window.editor.setPlainText("")
    window.editor.setFocus()
    qtbot.keyClicks(window.editor, "print(")
    assert window.editor.toPlainText() == "print()"
    window.editor_options.auto_pairs_action.trigger()
    assert not settings.auto_pairs
    window.editor.setPlainText("")
    qtbot.keyClicks(window.editor, "print(")
    assert window.editor.toPlainText() == "print("


def test_the_options_are_in_the_edit_and_view_menus(window):
    labels = {menu.text().replace("&", ""): [a.text().replace("&", "") for a in menu.menu().actions()]
              for menu in window.menuBar().actions() if menu.menu()}
    assert "Replace…" in labels["Edit"] and "Auto-close Brackets and Quotes" in labels["Edit"]
    assert {"Word Wrap", "Indentation Guides"} <= set(labels["View"])
