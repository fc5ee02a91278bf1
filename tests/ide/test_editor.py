"""Editing comforts a learner expects, and highlighting that stays right."""
import time

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from ide.editor import DEFAULT_POINT_SIZE, CodeEditor, find_matching_bracket


def _editor(qtbot, text: str = "") -> CodeEditor:
    editor = CodeEditor()
    qtbot.addWidget(editor)
    editor.setPlainText(text)
    editor.resize(600, 400)
    editor.show()
    return editor


def _cursor_to_end(editor: CodeEditor) -> None:
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)


def test_auto_indent_after_colon_and_keep_indent(qtbot):
    editor = _editor(qtbot)
    qtbot.keyClicks(editor, "for i in range(3):")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "print(i)")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "x = i")
    assert editor.toPlainText() == "for i in range(3):\n    print(i)\n    x = i"


def test_dedent_after_return(qtbot):
    editor = _editor(qtbot)
    qtbot.keyClicks(editor, "def f():")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "return 1")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "y = 2")
    assert editor.toPlainText() == "def f():\n    return 1\ny = 2"


def test_tab_inserts_four_spaces_and_shift_tab_dedents(qtbot):
    editor = _editor(qtbot)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    qtbot.keyClicks(editor, "x")
    assert editor.toPlainText() == "    x"
    qtbot.keyClick(editor, Qt.Key.Key_Backtab)
    assert editor.toPlainText() == "x"


def test_backspace_removes_a_whole_indent_step(qtbot):
    editor = _editor(qtbot)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    assert editor.toPlainText() == "    "


def test_tab_and_shift_tab_on_a_selection(qtbot):
    editor = _editor(qtbot, "a = 1\nb = 2\n")
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.toPlainText() == "    a = 1\n    b = 2\n"
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Backtab)
    assert editor.toPlainText() == "a = 1\nb = 2\n"


def test_ctrl_slash_toggles_comments(qtbot):
    editor = _editor(qtbot, "if x:\n    y = 1\n    z = 2\n")
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == "# if x:\n#     y = 1\n#     z = 2\n"
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == "if x:\n    y = 1\n    z = 2\n"


def test_zoom_in_out_and_reset(qtbot):
    editor = _editor(qtbot)
    editor.zoom(2)
    assert editor.point_size == DEFAULT_POINT_SIZE + 2
    editor.zoom(-5)
    assert editor.point_size == DEFAULT_POINT_SIZE - 3
    editor.reset_zoom()
    assert editor.point_size == DEFAULT_POINT_SIZE


def test_zoom_shortcuts_in_the_window(qtbot, window):
    start = window.editor.point_size
    window.commands["zoom_in"].trigger()
    assert window.editor.point_size == start + 1
    assert window.settings.font_size == start + 1
    window.commands["zoom_reset"].trigger()
    assert window.editor.point_size == DEFAULT_POINT_SIZE


def test_matching_brackets():
    text = "print((1 + 2) * [3])"
    assert find_matching_bracket(text, 5) == len(text) - 1
    assert find_matching_bracket(text, 6) == 12
    assert find_matching_bracket(text, 12) == 6
    assert find_matching_bracket("(()", 0) is None


def test_bracket_under_the_cursor_is_highlighted(qtbot):
    editor = _editor(qtbot, "x = (1, [2])")
    cursor = editor.textCursor()
    cursor.setPosition(4)
    editor.setTextCursor(cursor)
    highlighted = sorted(s.cursor.selectionStart() for s in editor.extraSelections()
                         if s.cursor.hasSelection())
    assert highlighted == [4, 11]


def _token_colour(editor: CodeEditor, line: int, column: int) -> str:
    block = editor.document().findBlockByNumber(line)
    for fmt in block.layout().formats():
        if fmt.start <= column < fmt.start + fmt.length:
            return fmt.format.foreground().color().name()
    return ""


def test_highlighting_follows_multiline_strings_and_edits_inside_them(qtbot):
    editor = _editor(qtbot, 'x = 1\ntext = """\nwhile True:\n"""\nwhile True:\n    pass\n')
    string_colour = _token_colour(editor, 1, 8)
    keyword_colour = _token_colour(editor, 4, 0)
    assert string_colour and keyword_colour and string_colour != keyword_colour
    assert _token_colour(editor, 2, 0) == string_colour  # inside the string: not a keyword
    # Close the string early, in the middle: the later 'while' becomes code again.
    cursor = QTextCursor(editor.document().findBlockByNumber(1))
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    cursor.insertText('"""')
    assert _token_colour(editor, 2, 0) == keyword_colour
    assert _token_colour(editor, 3, 0) == string_colour  # the old closer now opens a string
    assert _token_colour(editor, 4, 0) == string_colour


def test_a_five_thousand_line_file_opens_and_scrolls(qtbot):
    text = "".join(f"def function_{i}(value):\n    '''doc {i}'''\n    return value * {i}\n\n"
                   for i in range(1250))
    started = time.perf_counter()
    editor = _editor(qtbot, text)
    qtbot.waitExposed(editor)
    assert editor.blockCount() >= 5000
    bar = editor.verticalScrollBar()
    for value in range(0, bar.maximum(), max(1, bar.maximum() // 50)):
        bar.setValue(value)
        editor.viewport().repaint()
    # "It ends": under a second on an idle laptop; highlighting that went quadratic in
    # the file's length would take minutes.
    assert time.perf_counter() - started < 20.0


def test_clicking_the_gutter_toggles_a_breakpoint(qtbot):
    editor = _editor(qtbot, "a = 1\nb = 2\nc = 3\n")
    rect = editor.blockBoundingGeometry(editor.document().findBlockByNumber(1)).translated(
        editor.contentOffset())
    y = int(rect.top() + rect.height() / 2)
    from PySide6.QtCore import QPoint
    qtbot.mouseClick(editor.gutter, Qt.MouseButton.LeftButton, pos=QPoint(5, y))
    assert editor.breakpoints == {2}
    qtbot.mouseClick(editor.gutter, Qt.MouseButton.LeftButton, pos=QPoint(5, y))
    assert editor.breakpoints == set()


def test_a_breakpoint_moves_with_its_line_when_lines_are_added_above(qtbot):
    editor = _editor(qtbot, "a = 1\nb = 2\nc = 3\n")
    editor.toggle_breakpoint(3)
    cursor = QTextCursor(editor.document())
    cursor.insertText("# a new first line\n# and another\n")
    assert editor.breakpoints == {5}
    assert editor.document().findBlockByNumber(4).text() == "c = 3"


def test_ctrl_f_finds_text_and_wraps_around(qtbot, window):
    window.editor.setPlainText("total = 0\nfor i in range(3):\n    total += i\nprint(total)\n")
    window.editor.go_to_line(1)
    qtbot.keyClick(window.editor, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible()
    qtbot.keyClicks(window.find_bar.field, "total")
    found_on = []
    for _ in range(4):
        qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return)
        found_on.append(window.editor.textCursor().blockNumber() + 1)
    assert found_on == [1, 3, 4, 1]  # the last one wrapped to the top
    assert window.editor.textCursor().selectedText() == "total"
    window.find_bar.field.setText("missing")
    assert not window.find_bar.find_next()
    assert window.find_bar.result_label.text() == "not found"
    qtbot.keyClick(window.find_bar, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()


def test_one_zoom_scales_editor_console_and_panels_together(qtbot, window):
    before = {name: widget.font().pointSize() for name, widget in
              (("editor", window.editor), ("console", window.console),
               ("variables", window.debug.variables), ("stack", window.debug.call_stack))}
    window.commands["zoom_in"].trigger()
    window.commands["zoom_in"].trigger()
    after = {name: widget.font().pointSize() for name, widget in
             (("editor", window.editor), ("console", window.console),
              ("variables", window.debug.variables), ("stack", window.debug.call_stack))}
    assert after["editor"] == before["editor"] + 2
    assert after["console"] == after["variables"] == after["stack"] == after["editor"] - 1
    window.commands["zoom_reset"].trigger()
    assert window.console.font().pointSize() == DEFAULT_POINT_SIZE - 1


def test_changing_the_theme_keeps_the_line_where_the_program_stopped(qtbot):
    from ide.themes import THEMES
    editor = _editor(qtbot, "x = 1\ny = 1 / 0\nz = 3\n")
    editor.set_halted_line(2)
    editor.apply_theme(THEMES["dark"])
    assert editor.halted_line == 2
    marked = [s for s in editor.extraSelections()
              if s.format.background().color().name() == THEMES["dark"].halted_line]
    assert [s.cursor.blockNumber() + 1 for s in marked] == [2]
    qtbot.keyClicks(editor, "a")  # a real edit still clears it
    assert editor.halted_line is None
