"""The open file's state: a buffer that is back to what was saved has nothing to save."""
from __future__ import annotations

from PySide6.QtCore import Qt


def test_typing_a_letter_and_deleting_it_leaves_nothing_to_save(qtbot, window, tmp_path, dialogs):
    path = tmp_path / "hello.py"
    path.write_text("print('hi')\n", encoding="utf-8")
    assert window.tabs.open(path)
    window.editor.setFocus()
    qtbot.keyClicks(window.editor, "x")
    assert window.document.modified and window.windowTitle().startswith("*")
    qtbot.keyClick(window.editor, Qt.Key.Key_Backspace)
    assert not window.document.modified
    assert not window.windowTitle().startswith("*")
    shown = len(dialogs.shown)
    assert window.tabs.new()
    assert len(dialogs.shown) == shown  # no "Save changes?"


def test_a_different_text_of_the_same_length_is_still_modified(qtbot, window, tmp_path):
    path = tmp_path / "hello.py"
    path.write_text("print('hi')\n", encoding="utf-8")
    assert window.tabs.open(path)
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_Delete)
    qtbot.keyClicks(window.editor, "q")
    assert window.editor.toPlainText() == "qrint('hi')\n"
    assert window.document.modified


def test_saving_keeps_no_break_spaces_and_other_characters_exactly(qtbot, window, tmp_path):
    path = tmp_path / "pasted.py"
    original = 'print("a\u00a0b")  # pasted from a web page\nprint("🌱 ok")\n'
    path.write_text(original, encoding="utf-8")
    assert window.tabs.open(path)
    window.editor.setFocus()
    qtbot.keyClicks(window.editor, "x")
    qtbot.keyClick(window.editor, Qt.Key.Key_Backspace)
    assert not window.document.modified
    window.editor.document().setModified(True)
    assert window.document.save()
    assert path.read_text(encoding="utf-8") == original
