"""Code folding: the gutter's triangle hides a def's or a loop's body; the text never changes."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from ide.editor import CodeEditor
from tests.ide.conftest import run_to_end

CODE = '''def greet(name):
    """Say hello.

Twice, on two lines."""
    print("Hello", name)

    print("again")


for i in range(3):
    greet(i)
print("done")
'''


@pytest.fixture
def editor(qtbot) -> CodeEditor:
    widget = CodeEditor()
    qtbot.addWidget(widget)
    widget.setPlainText(CODE)
    widget.resize(600, 400)
    widget.show()
    return widget


def visible_lines(editor: CodeEditor) -> list[int]:
    lines, block = [], editor.document().firstBlock()
    while block.isValid():
        if block.isVisible():
            lines.append(block.blockNumber() + 1)
        block = block.next()
    return lines


def click_fold_marker(qtbot, editor: CodeEditor, line: int) -> None:
    block = editor.document().findBlockByNumber(line - 1)
    top = editor.blockBoundingGeometry(block).translated(editor.contentOffset()).top()
    qtbot.mouseClick(editor.gutter, Qt.MouseButton.LeftButton,
                     pos=QPoint(editor.gutter.width() - 5, int(top) + 5))


def test_clicking_the_triangle_hides_the_body_and_clicking_again_shows_it(qtbot, editor):
    click_fold_marker(qtbot, editor, 1)
    # The docstring's unindented line stays inside the function's body.
    assert visible_lines(editor) == [1, 8, 9, 10, 11, 12, 13]
    assert editor.toPlainText() == CODE
    assert not editor.breakpoints  # a click on the triangle is not a breakpoint
    click_fold_marker(qtbot, editor, 1)
    assert visible_lines(editor) == list(range(1, 14))


def test_only_compound_statements_with_a_body_fold(qtbot, editor):
    assert not editor.folding.toggle(5)     # print(...)
    assert not editor.folding.toggle(12)    # print("done")
    assert editor.folding.toggle(10)        # for ...:
    assert visible_lines(editor) == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13]


def test_a_click_on_the_line_number_still_sets_a_breakpoint(qtbot, editor):
    block = editor.document().findBlockByNumber(0)
    top = editor.blockBoundingGeometry(block).translated(editor.contentOffset()).top()
    qtbot.mouseClick(editor.gutter, Qt.MouseButton.LeftButton, pos=QPoint(10, int(top) + 5))
    assert editor.breakpoints == {1}
    assert visible_lines(editor) == list(range(1, 14))


def test_going_to_a_hidden_line_unfolds_it(qtbot, editor):
    editor.folding.toggle(1)
    editor.go_to_line(5)
    assert 5 in visible_lines(editor)
    assert editor.textCursor().blockNumber() == 4


def test_the_fold_keys_fold_and_unfold_where_the_cursor_is(qtbot, editor):
    editor.go_to_line(11)
    editor.folding.fold_at_cursor()
    assert 11 not in visible_lines(editor)
    assert editor.textCursor().blockNumber() == 9  # the cursor moved to the header
    editor.folding.unfold_at_cursor()
    assert visible_lines(editor) == list(range(1, 14))


def test_deleting_a_folded_header_shows_its_lines_again(qtbot, editor):
    editor.folding.toggle(10)
    editor.go_to_line(10)
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.StartOfBlock)
    cursor.movePosition(cursor.MoveOperation.EndOfBlock, cursor.MoveMode.KeepAnchor)
    cursor.insertText("x = 1")
    assert visible_lines(editor) == list(range(1, 14))


def test_the_program_that_runs_is_the_whole_text(qtbot, window):
    window.editor.setPlainText(CODE)
    window.editor.folding.toggle(1)
    window.editor.folding.toggle(10)
    assert run_to_end(qtbot, window).status == "finished"
    assert "Hello 2" in window.console.plain_text()


def test_view_menu_fold_and_unfold_all(qtbot, window):
    window.editor.setPlainText(CODE)
    window.editor.go_to_line(5)
    fold, unfold, unfold_all = (window.commands[i] for i in ("fold", "unfold", "unfold_all"))
    fold.trigger()
    assert visible_lines(window.editor) == [1, 8, 9, 10, 11, 12, 13]
    window.editor.folding.toggle(10)
    unfold_all.trigger()
    assert visible_lines(window.editor) == list(range(1, 14))
    assert [window.commands[i].text() for i in ("fold", "unfold", "unfold_all")] == ["&Fold", "U&nfold", "Unfold &All"]


def test_ctrl_shift_brackets_fold_and_unfold(qtbot, window):
    window.editor.setPlainText(CODE)
    window.editor.go_to_line(11)
    qtbot.keyClick(window.editor, Qt.Key.Key_BracketLeft,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert 11 not in visible_lines(window.editor)
    qtbot.keyClick(window.editor, Qt.Key.Key_BracketRight,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert 11 in visible_lines(window.editor)


def test_right_and_left_step_over_a_folded_body(qtbot, editor):
    editor.folding.toggle(1)
    editor.go_to_line(1)
    qtbot.keyClick(editor, Qt.Key.Key_End)
    qtbot.keyClick(editor, Qt.Key.Key_Right)
    assert editor.textCursor().blockNumber() + 1 == 8
    qtbot.keyClick(editor, Qt.Key.Key_Left)
    assert editor.textCursor().blockNumber() + 1 == 1
    assert visible_lines(editor) == [1, 8, 9, 10, 11, 12, 13]


def test_down_and_up_skip_a_folded_body(qtbot, editor):
    editor.folding.toggle(1)
    editor.go_to_line(1)
    qtbot.keyClick(editor, Qt.Key.Key_Down)
    assert editor.textCursor().blockNumber() + 1 == 8
    qtbot.keyClick(editor, Qt.Key.Key_Up)
    assert editor.textCursor().blockNumber() + 1 == 1
    assert visible_lines(editor) == [1, 8, 9, 10, 11, 12, 13]


def test_backspace_joining_a_line_onto_a_folded_body_shows_it(qtbot, editor):
    editor.setPlainText("def f():\n    return 1\nprint(f())\n")
    editor.folding.toggle(1)
    editor.go_to_line(3)
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    assert editor.toPlainText() == "def f():\n    return 1print(f())\n"
    assert visible_lines(editor) == [1, 2, 3]
