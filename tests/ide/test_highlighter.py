"""Opening a string in a long file: the window keeps answering while the rest of the
file is recoloured, and every line ends up the right colour."""
from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCursor

from ide.editor import CodeEditor

LINES = 20_000  # far more than one pass's budget recolours, on any machine
TIMEOUT_MS = 60_000


def _long_editor(qtbot) -> CodeEditor:
    editor = CodeEditor()
    qtbot.addWidget(editor)
    editor.setPlainText("".join(f"while value_{i} > 0:\n    value_{i} -= 1\n" for i in range(LINES // 2)))
    editor.resize(600, 400)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def _last_while(editor: CodeEditor) -> int:
    return editor.blockCount() - 3  # the last ``while`` line (then its body, then the empty end)


def _colour(editor: CodeEditor, line: int) -> str:
    """The colour of the first character of ``line`` (0-based), as drawn."""
    block = editor.document().findBlockByNumber(line)
    for fmt in block.layout().formats():
        if fmt.start == 0:
            return fmt.format.foreground().color().name()
    return ""


def _type_at_start(qtbot, editor: CodeEditor, line: int, text: str) -> None:
    cursor = QTextCursor(editor.document().findBlockByNumber(line))
    editor.setTextCursor(cursor)
    editor.auto_pairs.enabled = False  # the quotes as typed, nothing added
    for char in text:
        qtbot.keyClick(editor, char)


def test_the_window_answers_while_a_long_file_turns_into_a_string(qtbot):
    editor = _long_editor(qtbot)
    last = _last_while(editor)
    keyword = _colour(editor, last)
    answered: list[str] = []
    QTimer.singleShot(0, lambda: answered.append(_colour(editor, last)))
    _type_at_start(qtbot, editor, 2, '"""')
    string = _colour(editor, 4)
    assert string != keyword  # the lines just below the key are recoloured at once
    qtbot.waitUntil(lambda: bool(answered), timeout=TIMEOUT_MS)
    assert answered == [keyword]  # the event loop ran before the end of the file was reached
    qtbot.waitUntil(lambda: _colour(editor, last) == string, timeout=TIMEOUT_MS)


def test_edits_while_the_file_is_being_recoloured_end_with_every_line_right(qtbot):
    editor = _long_editor(qtbot)
    keyword = _colour(editor, _last_while(editor))
    _type_at_start(qtbot, editor, 2, '"""')
    # More edits before recolouring has caught up: one far down, then the string closed.
    _type_at_start(qtbot, editor, LINES - 100, "# ")
    _type_at_start(qtbot, editor, 6, '"""')
    reference = CodeEditor()  # the same text opened as a file: coloured all at once
    qtbot.addWidget(reference)
    reference.setPlainText(editor.toPlainText())
    expected = _states(reference)
    qtbot.waitUntil(lambda: _states(editor) == expected, timeout=TIMEOUT_MS)
    assert _colour(editor, 4) != keyword  # inside the string
    assert _colour(editor, 8) == keyword  # code again after it


def _states(editor: CodeEditor) -> list[tuple[str, ...]]:
    """Each line's end state as the highlighter stacks it (what the next line starts from)."""
    states = []
    block = editor.document().firstBlock()
    while block.isValid():
        states.append(editor.highlighter._stacks[block.userState()])
        block = block.next()
    return states


def test_catching_up_keeps_the_halted_line_marker(qtbot):
    editor = _long_editor(qtbot)
    _type_at_start(qtbot, editor, 2, '"""')
    editor.set_halted_line(10)  # a run that failed at once, before recolouring caught up
    last = _last_while(editor)
    string = _colour(editor, 4)
    qtbot.waitUntil(lambda: _colour(editor, last) == string, timeout=TIMEOUT_MS)
    assert editor.halted_line == 10


def test_names_in_any_script_are_found_as_pygments_finds_them():
    from pygments.lexers import PythonLexer

    from ide.highlighter import QuickPythonLexer, lex_line
    source = ("名字 = 1\nπ = 3.14\nclass Über:\n    def größe(self, _x1):\n        return f'{self.größe} {名字!r}'\n"
              "@décorateur\ndef données(): pass\nfrom café.thé import théière as t\nprint(π, 名字)\n")
    theirs, ours = ("root",), ("root",)
    for line in source.splitlines(keepends=True):
        expected, theirs = lex_line(PythonLexer(), line, theirs)
        found, ours = lex_line(QuickPythonLexer(), line, ours)
        assert found == expected and ours == theirs
