"""The learner's files: round trips, prompts, refusals and recovery after a crash."""
import os
import stat
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from ide.files import MAX_FILE_BYTES, RecoveryStore, read_source, save_atomically
from ide.main_window import MainWindow
from tests.ide.conftest import REAL_ASK


def typed(editor, text: str) -> None:
    """As if the learner had typed ``text``: the buffer is modified."""
    editor.setPlainText(text)
    editor.document().setModified(True)


Save, Discard, Cancel = (QMessageBox.StandardButton.Save, QMessageBox.StandardButton.Discard,
                         QMessageBox.StandardButton.Cancel)


def test_save_and_open_round_trip(qtbot, window, tmp_path):
    path = tmp_path / "hello.py"
    window.editor.setPlainText("print('héllo')\n")
    assert window.document.save_as(path)
    assert path.read_text(encoding="utf-8") == "print('héllo')\n"
    assert not window.document.modified
    assert window.windowTitle().startswith("hello.py")
    assert window.tabs.close_current()
    assert window.editor.toPlainText() == ""
    assert window.tabs.open(path)
    assert window.editor.toPlainText() == "print('héllo')\n"
    assert str(path.resolve()) in window.settings.recent_files


def test_title_shows_the_modified_mark(qtbot, window, tmp_path):
    window.document.save_as(tmp_path / "a.py")
    assert not window.windowTitle().startswith("*")
    qtbot.keyClicks(window.editor, "x = 1")
    assert window.windowTitle().startswith("*a.py")


def test_save_as_adds_the_py_suffix(qtbot, window, tmp_path):
    window.editor.setPlainText("x = 1\n")
    window.document.save_as(tmp_path / "program")
    assert (tmp_path / "program.py").read_text() == "x = 1\n"


def test_atomic_save_leaves_no_temporary_files_and_keeps_the_old_file_on_failure(tmp_path, monkeypatch):
    target = tmp_path / "keep.py"
    target.write_text("old\n")
    save_atomically(target, "new\n")
    assert target.read_text() == "new\n"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.py"]

    def broken_replace(*args):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr("os.replace", broken_replace)
    try:
        save_atomically(target, "half-written\n")
    except OSError:
        pass
    assert target.read_text() == "new\n"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.py"]


def test_failed_save_keeps_the_text_and_says_why(qtbot, window, tmp_path, dialogs):
    typed(window.editor, "precious = True\n")
    assert not window.document.save_as(tmp_path / "missing-folder" / "x.py")
    assert dialogs.shown and dialogs.shown[-1][0] == "critical"
    assert window.editor.toPlainText() == "precious = True\n"
    assert window.document.modified


def test_closing_a_tab_with_unsaved_changes_can_be_cancelled(qtbot, window, tmp_path, dialogs):
    typed(window.editor, "my work\n")
    dialogs.answers = [Cancel]
    assert not window.tabs.close_current()
    assert window.editor.toPlainText() == "my work\n"
    assert dialogs.shown[-1][1] == "Unsaved changes"


def test_closing_a_tab_with_unsaved_changes_can_save_first(qtbot, window, tmp_path, dialogs):
    mine, other = tmp_path / "mine.py", tmp_path / "other.py"
    other.write_text("print('other')\n")
    window.document.save_as(mine)
    qtbot.keyClicks(window.editor, "# more")
    assert window.tabs.open(other)  # a tab of its own: nothing asked, nothing lost
    assert window.editor.toPlainText() == "print('other')\n"
    assert dialogs.shown == []
    window.tabs.setCurrentIndex(0)
    dialogs.answers = [Save]
    assert window.tabs.close_current()
    assert mine.read_text().startswith("# more")
    assert window.editor.toPlainText() == "print('other')\n"


def test_unsaved_prompt_on_close_can_keep_the_window_open(qtbot, window, dialogs):
    typed(window.editor, "unsaved\n")
    dialogs.answers = [Cancel]
    window.close()
    assert window.isVisible()
    window.editor.document().setModified(False)


def test_bad_files_are_refused_with_a_reason(qtbot, window, tmp_path, dialogs):
    binary = tmp_path / "picture.py"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    latin = tmp_path / "latin.py"
    latin.write_bytes("print('café')\n".encode("latin-1"))
    huge = tmp_path / "huge.py"
    huge.write_bytes(b"#" * (MAX_FILE_BYTES + 1))
    window.editor.setPlainText("still here\n")
    window.editor.document().setModified(False)
    for path, reason in ((binary, "binary"), (latin, "UTF-8"), (huge, "MB"),
                         (tmp_path / "nowhere.py", "does not exist"), (tmp_path, "folder")):
        assert not window.tabs.open(path)
        assert reason in dialogs.shown[-1][2], dialogs.shown[-1]
        assert window.editor.toPlainText() == "still here\n"


def test_windows_line_endings_and_bom_are_read_cleanly(tmp_path):
    path = tmp_path / "crlf.py"
    path.write_bytes(b"\xef\xbb\xbfx = 1\r\ny = 2\r\n")
    assert read_source(path) == "x = 1\ny = 2\n"


def test_recovery_after_a_crash(qtbot, settings, tmp_path, dialogs):
    store = RecoveryStore(tmp_path / "recovery")
    crashed = MainWindow(settings, store)
    qtbot.addWidget(crashed)
    typed(crashed.editor, "work that was never saved\n")
    crashed.document.autosave()
    assert store.pending()
    # The process "dies": no closeEvent, the recovery entry stays behind.
    crashed.document._autosave_timer.stop()
    crashed.editor.document().setModified(False)
    restarted = MainWindow(settings, RecoveryStore(tmp_path / "recovery"))
    qtbot.addWidget(restarted)
    dialogs.answers = [QMessageBox.StandardButton.Yes]
    restarted.open_initial(None)
    assert restarted.editor.toPlainText() == "work that was never saved\n"
    assert restarted.document.modified
    assert dialogs.shown[-1][1] == "Recover unsaved work?"
    restarted.editor.document().setModified(False)
    crashed.runner.shutdown()
    restarted.runner.shutdown()


def test_autosave_happens_before_each_run_and_a_clean_close_clears_it(qtbot, window, recovery):
    typed(window.editor, "print('autosaved')\n")
    with qtbot.waitSignal(window.runner.finished, timeout=10_000):
        window.commands["run"].trigger()
    assert [entry.text for entry in recovery.pending()] == ["print('autosaved')\n"]
    window.editor.document().setModified(False)
    window.close()
    assert recovery.pending() == []


def test_first_start_opens_the_welcome_example(qtbot, window):
    window.open_initial(None)
    assert "Welcome to Sprout" in window.editor.toPlainText()
    assert window.document.path is None


def test_examples_open_as_untitled_copies(qtbot, window):
    titles = [action.text() for action in window.menus.examples.actions()]
    assert len(titles) >= 8
    infinite = next(a for a in window.menus.examples.actions() if "infinite" in a.text().lower())
    infinite.trigger()
    assert "while" in window.editor.toPlainText()
    assert window.document.path is None and window.document.display_name == "infinite_loop.py"


def test_theme_and_font_size_persist(qtbot, settings, recovery):
    first = MainWindow(settings, recovery)
    qtbot.addWidget(first)
    first.set_theme("dark")
    first.editor.zoom(3)
    first.runner.shutdown()
    second = MainWindow(settings, recovery)
    qtbot.addWidget(second)
    assert second.theme.name == "dark"
    assert second.editor.point_size == first.editor.point_size
    second.runner.shutdown()


def test_last_file_reopens_on_start(qtbot, settings, recovery, tmp_path):
    path = tmp_path / "last.py"
    path.write_text("print('last')\n")
    first = MainWindow(settings, recovery)
    qtbot.addWidget(first)
    first.tabs.open(path)
    first.runner.shutdown()
    second = MainWindow(settings, recovery)
    qtbot.addWidget(second)
    second.open_initial(None)
    assert second.document.path == Path(path).resolve()
    second.runner.shutdown()


def test_a_file_named_on_the_command_line_opens(qtbot, window, tmp_path):
    path = tmp_path / "given.py"
    path.write_text("print('given')\n")
    window.open_initial(str(path))
    assert window.document.path == path.resolve()
    assert window.editor.toPlainText() == "print('given')\n"


def test_new_files_get_the_users_usual_mode_and_existing_files_keep_theirs(qtbot, window, tmp_path):
    mask = os.umask(0o022)
    try:
        typed(window.editor, "print('hi')\n")
        new_file = tmp_path / "fresh.py"
        assert window.document.save_as(new_file)
        assert stat.S_IMODE(new_file.stat().st_mode) == 0o644
        shared = tmp_path / "shared.py"
        shared.write_text("old\n")
        shared.chmod(0o664)
        save_atomically(shared, "new\n")
        assert stat.S_IMODE(shared.stat().st_mode) == 0o664
    finally:
        os.umask(mask)


def test_menus_mark_the_current_theme_and_title_examples_properly(qtbot, window):
    checked = [entry.text() for entry in window.menus.theme.actions() if entry.isChecked()]
    assert checked == ["Light"]
    window.set_theme("dark")
    checked = [entry.text() for entry in window.menus.theme.actions() if entry.isChecked()]
    assert checked == ["Dark"]
    titles = [entry.text() for entry in window.menus.examples.actions()]
    assert "Welcome to Sprout" in titles


def test_question_buttons_have_keyboard_mnemonics(qtbot, qapp, monkeypatch):
    seen = {}

    def answer(box):
        seen["labels"] = sorted(button.text() for button in box.buttons())
        return int(QMessageBox.StandardButton.Cancel)
    monkeypatch.setattr(QMessageBox, "exec", answer)
    result = REAL_ASK(None, "Unsaved changes", "Save first?",
                 QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                 | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
    assert result == QMessageBox.StandardButton.Cancel
    assert seen["labels"] == ["&Cancel", "&Don't Save", "&Save"]
