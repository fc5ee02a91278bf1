"""Emoji, CJK and combining characters: Qt counts UTF-16 units, learners count characters."""
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from tests.ide.conftest import run_to_end, set_code

SPROUT = "\U0001F331"          # 🌱: one character, two UTF-16 units
COMBINING_E = "e\u0301"        # é written as e + combining acute: two characters


def _put_cursor(window, line: int, text_before: str) -> None:
    """Cursor on ``line`` right after ``text_before`` (counted in Qt units, as Qt does)."""
    block = window.editor.document().findBlockByNumber(line - 1)
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + len(text_before.encode("utf-16-le")) // 2)
    window.editor.setTextCursor(cursor)


def test_run_works_with_an_emoji_and_the_cursor_beside_a_bracket(qtbot, window):
    set_code(window, f"plant = '{SPROUT}'\nprint(plant, len(plant))\n")
    _put_cursor(window, 2, "print(plant, len(plant)")   # right after a closing bracket
    result = run_to_end(qtbot, window)
    assert result.status == "finished"
    assert f"{SPROUT} 1" in window.console.plain_text()


def test_bracket_matching_lands_on_the_partner_after_emoji(qtbot, window):
    set_code(window, f"x = ['{SPROUT}{SPROUT}', ('中文', 1)]")
    _put_cursor(window, 1, "x = ")   # before the opening square bracket
    selected = sorted(s.cursor.selectedText() for s in window.editor.extraSelections()
                      if s.cursor.hasSelection())
    assert selected == ["[", "]"]


def test_status_bar_column_counts_characters(qtbot, window):
    set_code(window, f"s = '{SPROUT}{COMBINING_E}中' + t")
    _put_cursor(window, 1, f"s = '{SPROUT}{COMBINING_E}中' ")
    # s, space, =, space, ', 🌱, e, ◌́, 中, ', space: eleven characters before the cursor.
    assert window.status.position_label.text() == "Line 1, Column 12"


def test_auto_indent_and_comment_toggle_on_lines_with_emoji(qtbot, window):
    set_code(window, "")
    editor = window.editor
    editor.setFocus()
    # Qt's test keyboard cannot type characters beyond 16 bits: paste those, type the rest.
    editor.insertPlainText(f"if '{SPROUT}' in garden:")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "print('")
    editor.insertPlainText(SPROUT)
    qtbot.keyClicks(editor, "')")
    assert editor.toPlainText() == f"if '{SPROUT}' in garden:\n    print('{SPROUT}')"
    editor.selectAll()
    editor.toggle_comment()
    assert editor.toPlainText() == f"# if '{SPROUT}' in garden:\n#     print('{SPROUT}')"
    editor.selectAll()
    editor.toggle_comment()
    assert editor.toPlainText() == f"if '{SPROUT}' in garden:\n    print('{SPROUT}')"


def test_error_column_and_traceback_link_land_on_the_right_character(qtbot, window):
    set_code(window, f"words = ['{SPROUT}', '{COMBINING_E}', '中文']\nprint(words[0] + missing)\n")
    result = run_to_end(qtbot, window)
    assert result.status == "error"
    frame = result.frames[-1]
    window.console.line_activated.emit(frame.line, frame.column)
    cursor = window.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.KeepAnchor, 7)
    assert cursor.selectedText() == "missing"
    window.editor.go_to_line(1, len(f"words = ['{SPROUT}', '{COMBINING_E}', '") + 1)
    cursor = window.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.KeepAnchor, 2)
    assert cursor.selectedText() == "中文"


def test_highlighting_never_splits_an_emoji(qtbot, window):
    set_code(window, f"garden = ['{SPROUT}', '{SPROUT}', '花']  # {SPROUT}\n")
    block = window.editor.document().firstBlock()
    layout_formats = block.layout().formats()
    units = block.text().encode("utf-16-le")   # what Qt's positions count
    assert len(layout_formats) > 3
    for piece in layout_formats:
        for edge in (piece.start, piece.start + piece.length):
            unit = int.from_bytes(units[2 * edge:2 * edge + 2], "little")
            assert not 0xDC00 <= unit <= 0xDFFF, f"a colour change falls inside an emoji at {edge}"
