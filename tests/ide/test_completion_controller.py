"""Suggestions in the editor: after a dot and on Ctrl+Space, filtered by typing, never blocking it."""
from __future__ import annotations

import importlib.util
import threading

import pytest
from PySide6.QtCore import Qt

from ide import completion
from ide.editor import CodeEditor

# Not importorskip: importing jedi here would raise this process's recursion limit (jedi does on import).
pytestmark = pytest.mark.skipif(importlib.util.find_spec("jedi") is None, reason="jedi is not installed")
ANSWER_MS = 60_000  # the first answer loads jedi and the standard library's stubs: slow on a busy machine


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


def suggestions(editor: CodeEditor) -> list[str]:
    popup = editor.completion.popup
    if not popup.isVisible():
        return []
    return [popup.list.item(row).text() for row in range(popup.list.count())]


@pytest.fixture
def questions(monkeypatch) -> list[completion.Question]:
    """Every question the editor asks the worker (which still answers them)."""
    asked: list[completion.Question] = []
    real_ask = completion.CompletionService.ask

    def ask(self, question):
        asked.append(question)
        real_ask(self, question)
    monkeypatch.setattr(completion.CompletionService, "ask", ask)
    return asked


def test_a_dot_after_a_module_lists_its_names_and_enter_inserts_one(qtbot, editor):
    qtbot.keyClicks(editor, "import math")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "math.")
    qtbot.waitUntil(lambda: "sqrt" in suggestions(editor), timeout=ANSWER_MS)
    qtbot.keyClicks(editor, "sq")
    assert suggestions(editor) == ["sqrt"]
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert editor.toPlainText() == "import math\nmath.sqrt"
    assert not editor.completion.popup.isVisible()


def test_the_selected_suggestion_shows_its_docstring(qtbot, editor):
    qtbot.keyClicks(editor, "import math")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "math.sqr")
    qtbot.keyClick(editor, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "square root" in editor.completion.popup.preview.text(), timeout=ANSWER_MS)


def test_ctrl_space_completes_a_name_defined_in_the_script(qtbot, editor):
    editor.setPlainText("total_score = 3\n")
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, "print(total_s")
    qtbot.keyClick(editor, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "total_score" in suggestions(editor), timeout=ANSWER_MS)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.toPlainText() == "total_score = 3\nprint(total_score)"


def test_escape_closes_the_list_and_leaves_the_text(qtbot, editor):
    qtbot.keyClicks(editor, "import math")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "math.")
    qtbot.waitUntil(lambda: bool(suggestions(editor)), timeout=ANSWER_MS)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not editor.completion.popup.isVisible()
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # Enter is a new line again
    assert editor.toPlainText() == "import math\nmath.\n"


def test_typing_a_character_that_ends_the_word_closes_the_list(qtbot, editor):
    qtbot.keyClicks(editor, "import math")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "math.")
    qtbot.waitUntil(lambda: bool(suggestions(editor)), timeout=ANSWER_MS)
    qtbot.keyClicks(editor, "pi ")
    assert not editor.completion.popup.isVisible()
    assert editor.toPlainText() == "import math\nmath.pi "


def test_a_dot_in_a_string_a_comment_or_a_number_asks_nothing(qtbot, editor, questions):
    qtbot.keyClicks(editor, 'import math')
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, 'print("math.')
    qtbot.keyClick(editor, Qt.Key.Key_End)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "# see math.")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "x = 3.")
    assert [q for q in questions if q.kind == "complete"] == []
    assert not editor.completion.popup.isVisible()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "math.")  # in code it does ask
    assert [q.kind for q in questions if q.kind == "complete"] == ["complete"]


def test_typing_goes_on_while_jedi_is_slow(qtbot, editor, monkeypatch):
    started, release, finished_early = threading.Event(), threading.Event(), threading.Event()

    def slow_answer(self, question):
        started.set()
        if not release.wait(timeout=30):  # a UI thread that waited for this would still be stuck
            finished_early.set()
        return completion.Answer(question)
    monkeypatch.setattr(completion.CompletionService, "answer", slow_answer)
    try:
        qtbot.keyClicks(editor, "math.")
        qtbot.waitUntil(started.is_set, timeout=ANSWER_MS)
        qtbot.keyClicks(editor, "sqrt(2) + 1")
        assert editor.toPlainText() == "math.sqrt(2) + 1"
        assert not finished_early.is_set()
    finally:
        release.set()


def test_an_answer_after_the_deadline_is_dropped(qtbot, editor, monkeypatch):
    monkeypatch.setattr(completion.service(), "warm", True)
    editor.completion.deadline = 0.0  # every answer comes too late
    qtbot.keyClicks(editor, "import math")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    with qtbot.waitSignal(editor.completion.replies.answered, timeout=ANSWER_MS):
        qtbot.keyClicks(editor, "math.")
    assert not editor.completion.popup.isVisible()


def test_the_list_follows_the_text_when_it_scrolls(qtbot, editor):
    editor.setPlainText("import math\n" + "\n" * 200)
    editor.moveCursor(editor.textCursor().MoveOperation.Start)
    editor.moveCursor(editor.textCursor().MoveOperation.Down)
    qtbot.keyClicks(editor, "math.")
    qtbot.waitUntil(lambda: bool(suggestions(editor)), timeout=ANSWER_MS)
    top = editor.completion.popup.y()
    editor.verticalScrollBar().setValue(1)
    assert editor.completion.popup.isVisible()
    assert editor.completion.popup.y() < top
    editor.verticalScrollBar().setValue(100)  # the cursor's line is out of view
    assert not editor.completion.popup.isVisible()
