"""The open file changed on disk: reloaded when nothing is unsaved, offered otherwise; a
deleted file is said so; Sprout's own saves change nothing."""
from __future__ import annotations

import os

from PySide6.QtCore import Qt

WAIT_MS = 10_000


def replace_on_disk(path, text: str) -> None:
    """What git and most editors do: write a new file, then rename it over the old one."""
    temporary = path.with_name(path.name + ".new")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def opened(window, tmp_path, text: str = "print('one')\n"):
    path = tmp_path / "program.py"
    path.write_text(text, encoding="utf-8")
    assert window.tabs.open(path)
    return path


def test_an_unmodified_buffer_follows_the_file(qtbot, window, tmp_path):
    path = opened(window, tmp_path, "a = 1\nb = 2\nc = 3\n")
    window.editor.go_to_line(2)
    replace_on_disk(path, "a = 1\nb = 20\nc = 3\n")
    qtbot.waitUntil(lambda: window.editor.toPlainText() == "a = 1\nb = 20\nc = 3\n", timeout=WAIT_MS)
    assert not window.document.modified
    assert window.editor.textCursor().blockNumber() == 1
    assert not window.file_watch.bar.isVisible()
    path.write_text("a = 1\n", encoding="utf-8")  # written in place, too
    qtbot.waitUntil(lambda: window.editor.toPlainText() == "a = 1\n", timeout=WAIT_MS)


def test_unsaved_changes_are_never_replaced_without_asking(qtbot, window, tmp_path):
    path = opened(window, tmp_path)
    window.editor.setFocus()
    qtbot.keyClicks(window.editor, "# mine")
    mine = window.editor.toPlainText()
    replace_on_disk(path, "print('theirs')\n")
    qtbot.waitUntil(window.file_watch.bar.isVisible, timeout=WAIT_MS)
    assert "changed by another program" in window.file_watch.bar.label.text()
    assert window.editor.toPlainText() == mine
    qtbot.mouseClick(window.file_watch.bar.keep_button, Qt.MouseButton.LeftButton)
    assert not window.file_watch.bar.isVisible()
    assert window.editor.toPlainText() == mine and window.document.modified


def test_reload_takes_the_version_on_disk(qtbot, window, tmp_path):
    path = opened(window, tmp_path)
    window.editor.setFocus()
    qtbot.keyClicks(window.editor, "# mine")
    replace_on_disk(path, "print('theirs')\n")
    qtbot.waitUntil(window.file_watch.bar.isVisible, timeout=WAIT_MS)
    qtbot.mouseClick(window.file_watch.bar.reload_button, Qt.MouseButton.LeftButton)
    assert window.editor.toPlainText() == "print('theirs')\n"
    assert not window.document.modified


def test_sprouts_own_saves_are_not_changes_from_outside(qtbot, window, tmp_path):
    path = opened(window, tmp_path)
    for number in range(3):
        window.editor.setPlainText(f"print({number})\n")
        window.editor.document().setModified(True)
        with qtbot.waitSignal(window.file_watch.checked, timeout=WAIT_MS):
            assert window.document.save()
        assert not window.file_watch.bar.isVisible()
        assert not window.document.modified
        assert window.editor.toPlainText() == f"print({number})\n"
    assert path.read_text(encoding="utf-8") == "print(2)\n"


def test_a_deleted_file_is_said_so_and_its_text_kept(qtbot, window, tmp_path, dialogs):
    path = opened(window, tmp_path)
    path.unlink()
    qtbot.waitUntil(window.file_watch.bar.isVisible, timeout=WAIT_MS)
    assert "program.py was deleted or moved away" in window.file_watch.bar.label.text()
    assert window.file_watch.bar.announced[-1] == window.file_watch.bar.label.text()  # for screen readers
    assert window.editor.toPlainText() == "print('one')\n"
    assert window.document.modified  # quitting asks before the text is lost
    qtbot.mouseClick(window.file_watch.bar.save_button, Qt.MouseButton.LeftButton)
    assert path.read_text(encoding="utf-8") == "print('one')\n"
    assert not window.file_watch.bar.isVisible()


def test_a_deleted_file_that_comes_back_unchanged_needs_no_saving(qtbot, window, tmp_path):
    path = opened(window, tmp_path)
    path.unlink()
    qtbot.waitUntil(window.file_watch.bar.isVisible, timeout=WAIT_MS)
    path.write_text("print('one')\n", encoding="utf-8")  # git checkout brings it back
    qtbot.waitUntil(lambda: not window.file_watch.bar.isVisible(), timeout=WAIT_MS)
    assert not window.document.modified
