"""A home folder Sprout cannot write to (read-only lab account, full disk): the learner
is told once, plainly, and the IDE still works."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QTextCursor

from ide.files import RecoveryStore
from ide.internal_errors import log_file
from ide.main_window import MainWindow
from ide.settings import Settings
from tests.ide.conftest import run_to_end, set_code


def _unwritable(tmp_path: Path) -> Path:
    """A folder that cannot be created, even by root: its parent is a file."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    return blocker / "inside"


def _window(qtbot, settings: Settings, recovery: RecoveryStore) -> MainWindow:
    window = MainWindow(settings, recovery)
    qtbot.addWidget(window)
    window.show()
    return window


def test_unkeepable_settings_and_autosaves_are_said_once_and_the_ide_still_runs(qtbot, tmp_path, dialogs):
    place = _unwritable(tmp_path)
    settings = Settings(QSettings(str(place / "settings.ini"), QSettings.Format.IniFormat))
    window = _window(qtbot, settings, RecoveryStore(place / "recovery"))
    try:
        window.check_storage()
        warnings = [shown for shown in dialogs.shown if shown[0] == "warning"]
        assert len(warnings) == 1
        text = warnings[0][2]
        assert "your settings" in text and "autosaved copies of your work" in text and str(place) in text

        set_code(window, "print('still works')\n")
        window.editor.moveCursor(QTextCursor.MoveOperation.End)
        qtbot.keyClicks(window.editor, "# edited")
        window.document.autosave()  # fails again: no second box
        window.check_storage()
        assert len([shown for shown in dialogs.shown if shown[0] == "warning"]) == 1
        run_to_end(qtbot, window)
        assert "still works" in window.console.plain_text()
    finally:
        window.document.editor.document().setModified(False)
        window.runner.shutdown()


def test_a_failed_autosave_is_said_once_even_when_the_start_found_nothing_wrong(qtbot, tmp_path, dialogs, settings):
    recovery_folder = tmp_path / "recovery"
    window = _window(qtbot, settings, RecoveryStore(recovery_folder))
    try:
        window.check_storage()
        assert not [shown for shown in dialogs.shown if shown[0] == "warning"]
        assert recovery_folder.is_dir()  # the check made it
        recovery_folder.rmdir()
        recovery_folder.write_text("")  # the folder is gone; writes there now fail
        qtbot.keyClicks(window.editor, "x = 1")
        window.document.autosave()
        qtbot.keyClicks(window.editor, "2")
        window.document.autosave()
        warnings = [shown for shown in dialogs.shown if shown[0] == "warning"]
        assert len(warnings) == 1 and "autosaved copies of your work" in warnings[0][2]
    finally:
        window.document.editor.document().setModified(False)
        window.runner.shutdown()


def test_sprouts_log_is_state_kept_where_xdg_state_home_says(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    assert log_file() == tmp_path / "Sprout" / "sprout.log"
    monkeypatch.delenv("XDG_STATE_HOME")
    assert log_file() == Path.home() / ".local" / "state" / "Sprout" / "sprout.log"
