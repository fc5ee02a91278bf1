"""The parameters of the call being typed, the current one in bold."""
from __future__ import annotations

import importlib.util

import pytest
from PySide6.QtCore import Qt

from ide.completion import Parameter, Signature
from ide.editor import CodeEditor
from ide.signature_help import signature_html

# Not importorskip: importing jedi here would raise this process's recursion limit (jedi does on import).
pytestmark = pytest.mark.skipif(importlib.util.find_spec("jedi") is None, reason="jedi is not installed")
ANSWER_MS = 60_000


@pytest.fixture
def editor(qtbot) -> CodeEditor:
    widget = CodeEditor()
    qtbot.addWidget(widget)
    widget.resize(700, 400)
    widget.show()
    widget.setFocus()
    # A busy test machine can take longer than a learner's laptop; DEADLINE_S is tested on its own.
    widget.completion.deadline = ANSWER_MS / 1000
    return widget


def shown(editor: CodeEditor) -> str:
    help_line = editor.completion.signature_help
    return help_line.text() if help_line.isVisible() else ""


def test_an_open_bracket_shows_print_with_its_first_parameter_bold(qtbot, editor):
    qtbot.keyClicks(editor, "print(")
    qtbot.waitUntil(lambda: "<b>*values</b>" in shown(editor), timeout=ANSWER_MS)
    assert shown(editor).startswith("print(<b>*values</b>, sep=' ', end=")  # no annotations: what a learner needs
    assert editor.toPlainText() == "print()"  # the bracket still closes itself


def test_a_comma_moves_the_bold_to_the_next_parameter_and_the_closer_hides_it(qtbot, editor):
    editor.setPlainText("def area(width, height=1):\n    return width * height\n")
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, "area(")
    qtbot.waitUntil(lambda: shown(editor) == "area(<b>width</b>, height=1)", timeout=ANSWER_MS)
    qtbot.keyClicks(editor, "3, ")
    qtbot.waitUntil(lambda: shown(editor) == "area(width, <b>height=1</b>)", timeout=ANSWER_MS)
    qtbot.keyClicks(editor, "4)")
    assert not editor.completion.signature_help.isVisible()
    assert editor.toPlainText().endswith("area(3, 4)")


def test_a_call_closed_before_its_answer_came_shows_no_parameters(qtbot, editor):
    answers = []
    editor.completion.replies.answered.connect(answers.append)  # after the editor's own handler
    qtbot.keyClicks(editor, 'print("second tab")')  # the closer comes before jedi answers the opener
    qtbot.waitUntil(lambda: any(answer.question.kind == "signature" for answer in answers), timeout=ANSWER_MS)
    assert not editor.completion.signature_help.isVisible()
    assert editor.toPlainText() == 'print("second tab")'


def test_escape_hides_the_signature(qtbot, editor):
    qtbot.keyClicks(editor, "print(")
    qtbot.waitUntil(lambda: bool(shown(editor)), timeout=ANSWER_MS)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not editor.completion.signature_help.isVisible()
    assert editor.toPlainText() == "print()"


def test_markers_show_which_parameters_go_by_position_and_by_name():
    signature = Signature("f", (Parameter("a", "POSITIONAL_ONLY"), Parameter("b", "POSITIONAL_OR_KEYWORD"),
                                Parameter("c=1", "KEYWORD_ONLY")), 2)
    assert signature_html(signature) == "f(a, /, b, *, <b>c=1</b>)"

