"""Brackets and quotes close themselves, step over, delete in pairs and wrap a selection."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from ide.auto_pairs import Context, context_at_end
from ide.editor import CodeEditor


@pytest.fixture
def editor(qtbot) -> CodeEditor:
    widget = CodeEditor()
    qtbot.addWidget(widget)
    widget.resize(600, 300)
    widget.show()
    return widget


def text_with_cursor(editor: CodeEditor) -> str:
    """The text with a ``|`` where the cursor is."""
    text, at = editor.toPlainText(), editor.textCursor().position()
    return text[:at] + "|" + text[at:]


def test_brackets_close_themselves_and_the_closer_steps_over(qtbot, editor):
    qtbot.keyClicks(editor, "print(")
    assert text_with_cursor(editor) == "print(|)"
    qtbot.keyClicks(editor, "[1, {")
    assert text_with_cursor(editor) == "print([1, {|}])"
    qtbot.keyClicks(editor, "}])")
    assert text_with_cursor(editor) == "print([1, {}])|"


def test_typing_a_whole_call_gives_exactly_what_was_typed(qtbot, editor):
    qtbot.keyClicks(editor, 'print("Hello", name[0], {"a": (1, 2)})')
    assert editor.toPlainText() == 'print("Hello", name[0], {"a": (1, 2)})'


def test_quotes_close_themselves_and_step_over(qtbot, editor):
    qtbot.keyClicks(editor, "x = '")
    assert text_with_cursor(editor) == "x = '|'"
    qtbot.keyClicks(editor, "hi'")
    assert text_with_cursor(editor) == "x = 'hi'|"


def test_an_escaped_quote_is_typed_inside_the_string(qtbot, editor):
    qtbot.keyClicks(editor, 'print("say \\"hi\\"")')
    assert editor.toPlainText() == 'print("say \\"hi\\"")'


def test_three_quotes_open_a_docstring(qtbot, editor):
    qtbot.keyClicks(editor, '"""')
    assert text_with_cursor(editor) == '"""|"""'


def test_typing_a_whole_docstring_gives_exactly_what_was_typed(qtbot, editor):
    qtbot.keyClicks(editor, '"""Say hi."""')
    assert text_with_cursor(editor) == '"""Say hi."""|'


def test_string_prefixes_still_get_their_closing_quote(qtbot, editor):
    qtbot.keyClicks(editor, 'print(f"')
    assert text_with_cursor(editor) == 'print(f"|")'


def test_backspace_between_an_empty_pair_removes_both(qtbot, editor):
    qtbot.keyClicks(editor, "x = [")
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    assert text_with_cursor(editor) == "x = |"
    qtbot.keyClicks(editor, '"')
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    assert text_with_cursor(editor) == "x = |"


def test_backspace_after_a_finished_string_removes_one_quote(qtbot, editor):
    editor.setPlainText('x = "a""')
    cursor = editor.textCursor()
    cursor.setPosition(len('x = "a"'))
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    assert text_with_cursor(editor) == 'x = "a|"'


def test_a_selection_typed_over_with_a_quote_or_bracket_is_wrapped(qtbot, editor):
    editor.setPlainText("name")
    editor.selectAll()
    qtbot.keyClicks(editor, '"')
    assert editor.toPlainText() == '"name"'
    editor.selectAll()
    qtbot.keyClicks(editor, "(")
    assert editor.toPlainText() == '("name")'


def test_no_pairs_inside_comments_or_brackets_inside_strings(qtbot, editor):
    qtbot.keyClicks(editor, "# don't (really")
    assert editor.toPlainText() == "# don't (really"
    editor.setPlainText("")
    qtbot.keyClicks(editor, 'print("a (b')
    assert editor.toPlainText() == 'print("a (b")'


def test_an_apostrophe_inside_a_double_quoted_string_stays_single(qtbot, editor):
    qtbot.keyClicks(editor, 'print("it\'s')
    assert editor.toPlainText() == 'print("it\'s")'


def test_no_closer_before_a_name(qtbot, editor):
    editor.setPlainText("x")
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.keyClicks(editor, "(")
    assert editor.toPlainText() == "(x"


def test_a_docstring_spanning_lines_is_a_string_on_the_next_line(qtbot, editor):
    editor.setPlainText('"""Start\n')
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, "it's (fine")
    assert editor.toPlainText() == '"""Start\nit\'s (fine'


def test_one_undo_takes_back_an_inserted_pair(qtbot, editor):
    qtbot.keyClicks(editor, "x = (")
    editor.undo()
    assert "(" not in editor.toPlainText()


def test_turned_off_keys_type_only_themselves(qtbot, editor):
    editor.auto_pairs.enabled = False
    qtbot.keyClicks(editor, 'print("')
    assert editor.toPlainText() == 'print("'


@pytest.mark.parametrize(("source", "context"), [
    ('x = "ab', Context("string", '"')),
    ('x = "a"', Context()),
    ("x = 1  # it's", Context("comment")),
    ("# note\nx = (", Context()),
    ("x = '''ab\ncd", Context("string", "'''")),
    ("x = '''ab\ncd'''", Context()),
    ('x = "a\\"b', Context("string", '"')),
])
def test_context_at_end(source, context):
    assert context_at_end(source) == context


def test_brackets_typed_with_altgr_pair_too(qtbot, editor):
    altgr = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier  # as Windows reports it
    qtbot.keyClick(editor, "[", altgr)
    assert text_with_cursor(editor) == "[|]"
    qtbot.keyClick(editor, "]", altgr)
    assert text_with_cursor(editor) == "[]|"
