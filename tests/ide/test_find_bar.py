"""Find and Replace: Ctrl+H, replace one, replace all in one undo, the options and the count."""
from __future__ import annotations

from PySide6.QtCore import Qt

CODE = "total = 0\nfor i in range(3):\n    total += i\nprint(Total, subtotal)\n"


def open_replace(qtbot, window, find: str, replace: str) -> None:
    window.editor.setPlainText(CODE)
    window.editor.go_to_line(1)
    qtbot.keyClick(window.editor, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible() and window.find_bar.replace_field.isVisible()
    qtbot.keyClicks(window.find_bar.field, find)
    window.find_bar.replace_field.setFocus()
    qtbot.keyClicks(window.find_bar.replace_field, replace)


def test_ctrl_f_shows_only_the_find_row(qtbot, window):
    qtbot.keyClick(window.editor, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible()
    assert not window.find_bar.replace_field.isVisible()


def test_replace_all_is_one_undo_step(qtbot, window):
    open_replace(qtbot, window, "total", "score")
    qtbot.mouseClick(window.find_bar.replace_all_button, Qt.MouseButton.LeftButton)
    assert window.editor.toPlainText() == "score = 0\nfor i in range(3):\n    score += i\nprint(score, subscore)\n"
    assert window.find_bar.result_label.text() == "replaced 4"
    window.editor.undo()
    assert window.editor.toPlainText() == CODE


def test_match_case_and_whole_word(qtbot, window):
    open_replace(qtbot, window, "total", "score")
    window.find_bar.match_case.setChecked(True)
    assert window.find_bar.result_label.text() == "3 found"
    window.find_bar.whole_word.setChecked(True)
    assert window.find_bar.result_label.text() == "2 found"
    window.find_bar.replace_all()
    assert window.editor.toPlainText() == "score = 0\nfor i in range(3):\n    score += i\nprint(Total, subtotal)\n"


def test_enter_in_the_replace_field_replaces_one_match_at_a_time(qtbot, window):
    open_replace(qtbot, window, "total", "score")
    window.find_bar.whole_word.setChecked(True)
    qtbot.keyClick(window.find_bar.replace_field, Qt.Key.Key_Return)  # finds the first
    assert window.find_bar.result_label.text() == "1 of 3"
    qtbot.keyClick(window.find_bar.replace_field, Qt.Key.Key_Return)  # replaces it, finds the next
    assert window.editor.toPlainText().startswith("score = 0\n")
    assert window.editor.textCursor().selectedText() == "total"
    assert window.find_bar.result_label.text() == "1 of 2"


def test_regular_expression_with_groups_in_the_replacement(qtbot, window):
    open_replace(qtbot, window, r"print\((\w+), (\w+)\)", r"print(\2, \1)")
    window.find_bar.regex.setChecked(True)
    assert window.find_bar.replace_all() == 1
    assert window.editor.toPlainText().endswith("print(subtotal, Total)\n")


def test_an_unfinished_regular_expression_is_explained_not_raised(qtbot, window):
    open_replace(qtbot, window, "range(", "x")
    window.find_bar.regex.setChecked(True)
    assert window.find_bar.result_label.text().startswith("invalid pattern:")
    assert window.find_bar.replace_all() == 0
    assert window.editor.toPlainText() == CODE


def test_the_find_keys_still_work_with_the_replace_row_open(qtbot, window):
    open_replace(qtbot, window, "total", "score")
    window.find_bar.field.setFocus()
    lines = []
    for _ in range(3):
        qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return)
        lines.append(window.editor.textCursor().blockNumber() + 1)
    assert lines == [1, 3, 4]
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert window.editor.textCursor().blockNumber() + 1 == 3
    assert window.editor.toPlainText() == CODE
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()


def test_replacing_next_to_an_emoji_keeps_the_emoji(qtbot, window):
    window.editor.setPlainText('print("🌱 total 🌱 total")\n')
    qtbot.keyClick(window.editor, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.find_bar.field, "total")
    window.find_bar.replace_field.setText("sum")
    assert window.find_bar.replace_all() == 2
    assert window.editor.toPlainText() == 'print("🌱 sum 🌱 sum")\n'
