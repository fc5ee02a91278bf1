"""Several files open at once: each tab keeps its own text, undo, markers and unsaved work,
and Run, tracebacks and the debugger follow the file that ran."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox, QTabBar

from ide.files import RecoveryStore
from ide.main_window import MainWindow
from tests.ide.conftest import RUN_TIMEOUT_MS, run_to_end, start_run, stop_run

Save, Discard, Cancel = (QMessageBox.StandardButton.Save, QMessageBox.StandardButton.Discard,
                         QMessageBox.StandardButton.Cancel)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def typed(editor, text: str) -> None:
    """As if the learner had typed ``text``: the buffer is modified."""
    editor.setPlainText(text)
    editor.document().setModified(True)


def tab_titles(window) -> list[str]:
    return [window.tabs.tabText(index) for index in range(window.tabs.count())]


def click_console_line(qtbot, console, text: str) -> None:
    """Click the first console line holding ``text`` (a traceback link)."""
    block = console.document().begin()
    while block.isValid() and text not in block.text():
        block = block.next()
    assert block.isValid(), console.plain_text()
    console.setTextCursor(QTextCursor(block))  # scrolled into view
    console.ensureCursorVisible()
    rect = console.blockBoundingGeometry(block).translated(console.contentOffset())
    qtbot.mouseClick(console.viewport(), Qt.MouseButton.LeftButton, pos=rect.topLeft().toPoint() + QPoint(20, 5))


def test_two_files_open_in_two_tabs_each_with_its_own_undo(qtbot, window, tmp_path):
    first, second = write(tmp_path, "first.py", "a = 1\n"), write(tmp_path, "second.py", "b = 2\n")
    assert window.tabs.open(first)
    assert window.tabs.count() == 1  # the untouched empty tab made way for the file
    assert window.tabs.open(second)
    assert tab_titles(window) == ["first.py", "second.py"]
    first_editor = window.tabs.tab_for_path(first).editor
    second_editor = window.tabs.tab_for_path(second).editor
    window.tabs.setCurrentIndex(0)
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(window.editor, "x")
    window.tabs.setCurrentIndex(1)
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(window.editor, "y")
    assert tab_titles(window) == ["first.py*", "second.py*"]
    assert window.windowTitle().startswith("*second.py")
    window.commands["undo"].trigger()
    assert second_editor.toPlainText() == "b = 2\n"
    assert first_editor.toPlainText() == "a = 1\nx"
    assert tab_titles(window) == ["first.py*", "second.py"]


def test_opening_an_open_file_goes_to_its_tab(qtbot, window, tmp_path):
    first, second = write(tmp_path, "first.py", "a = 1\n"), write(tmp_path, "second.py", "b = 2\n")
    window.tabs.open(first)
    window.tabs.open(second)
    assert window.tabs.open(str(first))
    assert window.tabs.count() == 2
    assert window.document.path == first.resolve()
    window.menus.recent.actions()[0].trigger()  # the newest recent file: second.py
    assert window.document.path == second.resolve()
    assert window.tabs.count() == 2


def test_new_close_and_switching_tabs_by_keyboard(qtbot, window, dialogs):
    window.editor.setFocus()
    qtbot.keyClicks(window.editor, "one = 1")
    qtbot.keyClick(window.editor, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert tab_titles(window) == ["untitled.py*", "untitled2.py"]
    assert window.tabs.currentIndex() == 1 and window.editor.hasFocus()
    qtbot.keyClicks(window.editor, "two = 2")
    qtbot.keyClick(window.editor, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.toPlainText() == "one = 1"
    qtbot.keyClick(window.editor, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.toPlainText() == "two = 2"
    dialogs.answers = [Cancel]
    qtbot.keyClick(window.editor, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert dialogs.shown[-1][1:] == ("Unsaved changes",
                                     "untitled2.py has changes that are not saved. Save them first?")
    assert window.tabs.count() == 2
    dialogs.answers = [Discard]
    qtbot.keyClick(window.editor, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert tab_titles(window) == ["untitled.py*"]
    assert window.editor.hasFocus()  # typing goes on in the tab now in front
    window.editor.document().setModified(False)


def test_the_close_button_on_a_tab_closes_it(qtbot, window, tmp_path, dialogs):
    window.tabs.open(write(tmp_path, "first.py", "a = 1\n"))
    window.tabs.open(write(tmp_path, "second.py", "b = 2\n"))
    bar = window.tabs.tabBar()
    button = bar.tabButton(0, QTabBar.ButtonPosition.RightSide) or bar.tabButton(0, QTabBar.ButtonPosition.LeftSide)
    assert button is not None and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert tab_titles(window) == ["second.py"]
    assert dialogs.shown == []  # nothing unsaved, nothing asked


def test_closing_a_tab_behind_leaves_the_learner_on_the_tab_in_front(qtbot, window, tmp_path, dialogs):
    for name in ("first.py", "second.py", "third.py"):
        window.tabs.open(write(tmp_path, name, "pass\n"))
    window.tabs.setCurrentIndex(0)
    bar = window.tabs.tabBar()
    button = bar.tabButton(1, QTabBar.ButtonPosition.RightSide) or bar.tabButton(1, QTabBar.ButtonPosition.LeftSide)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert tab_titles(window) == ["first.py", "third.py"]
    assert window.tabs.currentIndex() == 0 and dialogs.shown == []


def test_closing_the_last_tab_leaves_an_empty_one(qtbot, window):
    window.tabs.close_current()
    assert window.tabs.count() == 1 and window.editor.toPlainText() == ""


def test_closing_the_window_asks_once_for_every_unsaved_tab(qtbot, window, tmp_path, dialogs):
    first, second = write(tmp_path, "first.py", "a = 1\n"), write(tmp_path, "second.py", "b = 2\n")
    window.tabs.open(first)
    window.tabs.open(second)
    window.tabs.open(write(tmp_path, "third.py", "c = 3\n"))
    for path in (first, second):
        typed(window.tabs.tab_for_path(path).editor, "changed\n")
    dialogs.answers = [Cancel]
    window.close()
    assert window.isVisible()
    assert len(dialogs.shown) == 1
    assert "first.py" in dialogs.shown[0][2] and "second.py" in dialogs.shown[0][2]
    assert "third.py" not in dialogs.shown[0][2]
    dialogs.answers = [Save]
    window.close()
    assert not window.isVisible()
    assert first.read_text() == "changed\n" and second.read_text() == "changed\n"


def test_run_runs_the_tab_in_front_and_marks_it_while_it_runs(qtbot, window, tmp_path):
    window.tabs.open(write(tmp_path, "looping.py", "print('looping')\nwhile True:\n    pass\n"))
    window.tabs.open(write(tmp_path, "other.py", "print('other')\n"))
    window.tabs.setCurrentIndex(0)
    start_run(qtbot, window, wait_for_output="looping")
    assert tab_titles(window) == ["▶ looping.py", "other.py"]
    window.tabs.setCurrentIndex(1)  # the learner looks at another file while it runs
    stop_run(qtbot, window)
    assert tab_titles(window) == ["looping.py", "other.py"]
    looping = window.tabs.tab(0).editor
    assert looping.halted_line in (2, 3)  # the stop is marked in the file that ran
    assert window.editor.halted_line is None
    assert window.tabs.currentIndex() == 1
    result = run_to_end(qtbot, window)
    assert result.status == "finished"
    assert "▶ Running other.py" in window.console.plain_text()
    assert "other\n" in window.console.plain_text()


def test_a_traceback_link_goes_to_the_file_that_ran(qtbot, window, tmp_path):
    window.tabs.open(write(tmp_path, "broken.py", "x = 1\n\nprint(undefined_name)\n"))
    run_to_end(qtbot, window)
    window.tabs.new()  # somewhere else when the link is clicked
    click_console_line(qtbot, window.console, 'line 3')
    assert window.document.display_name == "broken.py"
    assert window.editor.textCursor().blockNumber() == 2


def test_a_traceback_link_opens_the_imported_file_it_names(qtbot, window, tmp_path):
    write(tmp_path, "helper.py", "def greet():\n    return 1 / 0\n")
    window.tabs.open(write(tmp_path, "main.py", "import helper\n\nhelper.greet()\n"))
    result = run_to_end(qtbot, window)
    assert result.error_type == "ZeroDivisionError"
    assert window.editor.halted_line == 3
    click_console_line(qtbot, window.console, 'helper.py", line 2')
    assert tab_titles(window) == ["main.py", "helper.py"]
    assert window.document.path == (tmp_path / "helper.py").resolve()
    assert window.editor.textCursor().blockNumber() == 1
    click_console_line(qtbot, window.console, 'line 3')
    assert window.document.display_name == "main.py"


def test_the_debugger_pauses_in_the_tab_that_ran(qtbot, window, tmp_path):
    window.tabs.open(write(tmp_path, "steps.py", "a = 1\nb = 2\nc = 3\n"))
    window.editor.toggle_breakpoint(2)
    window.tabs.open(write(tmp_path, "other.py", "z = 0\n"))
    window.tabs.setCurrentIndex(0)
    with qtbot.waitSignal(window.runner.paused, timeout=RUN_TIMEOUT_MS):
        window.commands["debug"].trigger()
    window.tabs.setCurrentIndex(1)
    with qtbot.waitSignal(window.runner.paused, timeout=RUN_TIMEOUT_MS):
        window.commands["step_over"].trigger()
    steps = window.tabs.tab(0).editor
    assert steps.paused_line == 3
    assert window.tabs.tab(1).editor.paused_line is None
    assert window.tabs.currentIndex() == 0  # stepping brings the paused file to the front
    with qtbot.waitSignal(window.runner.finished, timeout=RUN_TIMEOUT_MS):
        window.commands["continue"].trigger()
    assert steps.paused_line is None


def test_stepping_into_a_module_that_is_not_open_opens_it_at_the_paused_line(qtbot, window, tmp_path):
    write(tmp_path, "helper.py", "def add(a, b):\n    total = a + b\n    return total\n")
    window.tabs.open(write(tmp_path, "main.py", "import helper\ny = helper.add(1, 2)\nprint(y)\n"))
    window.editor.toggle_breakpoint(2)
    with qtbot.waitSignal(window.runner.paused, timeout=RUN_TIMEOUT_MS):
        window.commands["debug"].trigger()
    with qtbot.waitSignal(window.runner.paused, timeout=RUN_TIMEOUT_MS):
        window.commands["step_into"].trigger()
    helper = window.tabs.tab_for_path(tmp_path / "helper.py")
    assert helper is not None and window.tabs.current_tab is helper
    assert helper.editor.paused_line in (1, 2)  # the call, or its first line (as Python's version reports)
    with qtbot.waitSignal(window.runner.finished, timeout=RUN_TIMEOUT_MS):
        window.commands["continue"].trigger()


def test_a_pause_in_the_program_whose_tab_was_closed_reopens_it(qtbot, window, tmp_path, dialogs):
    window.tabs.open(write(tmp_path, "loop.py", "print('ready')\nwhile True:\n    pass\n"))
    window.tabs.open(write(tmp_path, "other.py", "z = 0\n"))
    window.tabs.setCurrentIndex(0)
    start_run(qtbot, window, "ready")
    window.tabs.close_current()
    assert tab_titles(window) == ["other.py"]
    with qtbot.waitSignal(window.runner.paused, timeout=RUN_TIMEOUT_MS):
        window.runner.pause()
    loop = window.tabs.tab_for_path(tmp_path / "loop.py")
    assert loop is not None and loop.editor.paused_line in (2, 3)
    assert stop_run(qtbot, window).status == "halted"


def test_each_file_on_disk_is_watched_in_its_own_tab(qtbot, window, tmp_path):
    first, second = write(tmp_path, "first.py", "a = 1\n"), write(tmp_path, "second.py", "b = 2\n")
    window.tabs.open(first)
    window.tabs.open(second)
    first_tab = window.tabs.tab_for_path(first)
    first.write_text("a = 100\n", encoding="utf-8")
    qtbot.waitUntil(lambda: first_tab.editor.toPlainText() == "a = 100\n", timeout=10_000)
    assert window.editor.toPlainText() == "b = 2\n"
    second.unlink()
    qtbot.waitUntil(lambda: window.file_watch.bar.isVisible(), timeout=10_000)
    assert "second.py was deleted" in window.file_watch.bar.label.text()
    window.tabs.setCurrentIndex(0)
    assert not window.file_watch.bar.isVisible()
    window.tabs.tab(1).editor.document().setModified(False)


def test_unsaved_text_of_every_tab_comes_back_after_a_crash(qtbot, settings, tmp_path, dialogs):
    saved = write(tmp_path, "saved.py", "original\n")
    crashed = MainWindow(settings, RecoveryStore(tmp_path / "recovery"))
    qtbot.addWidget(crashed)
    crashed.tabs.open(saved)
    typed(crashed.editor, "edited but not saved\n")
    crashed.tabs.new()
    typed(crashed.editor, "typed in a new tab\n")
    for tab in crashed.tabs.tabs():
        tab.document.autosave()
        tab.document.close()  # the process "dies": no closeEvent, the recovery entries stay behind
    for tab in crashed.tabs.tabs():
        tab.editor.document().setModified(False)
    crashed.runner.shutdown()
    restarted = MainWindow(settings, RecoveryStore(tmp_path / "recovery"))
    qtbot.addWidget(restarted)
    dialogs.answers = [QMessageBox.StandardButton.Yes]
    restarted.open_initial(None)
    assert len(dialogs.shown) == 1
    assert "these files were kept:\n    saved.py\n    an untitled file\n" in dialogs.shown[0][2]
    texts = {tab.document.display_name: tab.editor.toPlainText() for tab in restarted.tabs.tabs()}
    assert texts == {"saved.py": "edited but not saved\n", "untitled.py": "typed in a new tab\n"}
    assert all(tab.document.modified for tab in restarted.tabs.tabs())
    assert restarted.tabs.tab_for_path(saved).document.path == saved.resolve()
    for tab in restarted.tabs.tabs():
        tab.editor.document().setModified(False)
    restarted.runner.shutdown()


def test_the_open_tabs_and_the_one_in_front_reopen_at_start(qtbot, settings, recovery, tmp_path):
    paths = [write(tmp_path, f"{name}.py", f"{name} = 1\n") for name in ("one", "two", "three")]
    first = MainWindow(settings, recovery)
    qtbot.addWidget(first)
    for path in paths:
        first.tabs.open(path)
    first.tabs.new()
    first.tabs.setCurrentIndex(1)
    first.close()
    second = MainWindow(settings, recovery)
    qtbot.addWidget(second)
    second.open_initial(None)
    assert tab_titles(second) == ["one.py", "two.py", "three.py"]
    assert second.document.path == paths[1].resolve()
    second.runner.shutdown()


def test_editor_features_work_in_every_tab(qtbot, window, tmp_path):
    window.tabs.open(write(tmp_path, "first.py", "x = 1\n"))
    window.editor_options.word_wrap_action.setChecked(True)
    window.set_theme("dark")
    window.commands["zoom_in"].trigger()
    window.tabs.open(write(tmp_path, "second.py", "total = 0\ntotal = total + 1\n"))
    for editor in window.tabs.editors():
        assert editor.lineWrapMode() == editor.LineWrapMode.WidgetWidth
        assert editor.theme.name == "dark"
        assert editor.point_size == window.settings.font_size
    window.find_bar.open()
    window.find_bar.field.setText("total")
    assert window.find_bar.result_label.text() == "3 found"
    window.tabs.setCurrentIndex(0)
    assert window.find_bar.result_label.text() == "not found"
    window.tabs.setCurrentIndex(1)
    window.find_bar.replace_field.setText("sum")
    window.find_bar.replace_all()
    assert window.editor.toPlainText() == "sum = 0\nsum = sum + 1\n"
    assert window.tabs.tab(0).editor.toPlainText() == "x = 1\n"
    window.editor.document().setModified(False)


def test_closing_every_file_means_none_comes_back(qtbot, settings, recovery, tmp_path):
    path = write(tmp_path, "once.py", "x = 1\n")
    first = MainWindow(settings, recovery)
    qtbot.addWidget(first)
    first.tabs.open(path)
    first.tabs.close_current()
    first.close()
    second = MainWindow(settings, recovery)
    qtbot.addWidget(second)
    second.open_initial(None)
    assert second.document.path is None
    assert "Welcome to Sprout" in second.editor.toPlainText()
    second.runner.shutdown()


def test_each_tab_saves_in_its_own_encoding(qtbot, window, tmp_path):
    latin = tmp_path / "latin.py"
    latin.write_bytes("# -*- coding: latin-1 -*-\nprint('café')\n".encode("latin-1"))
    plain = write(tmp_path, "plain.py", "print('thé')\n")
    window.tabs.open(latin)
    window.tabs.open(plain)
    for tab in window.tabs.tabs():
        tab.editor.setPlainText(tab.editor.toPlainText().replace("print", "print('ü'); print"))
        assert tab.document.save()
    assert latin.read_bytes() == "# -*- coding: latin-1 -*-\nprint('ü'); print('café')\n".encode("latin-1")
    assert plain.read_bytes() == "print('ü'); print('thé')\n".encode()


def test_folding_from_the_view_menu_folds_in_the_tab_in_front(qtbot, window, tmp_path):
    code = "def first():\n    return 1\n\n\nx = first()\n"
    window.tabs.open(write(tmp_path, "first.py", code))
    window.tabs.open(write(tmp_path, "second.py", code))
    window.editor.go_to_line(1)
    fold = window.commands["fold"]
    fold.trigger()
    assert not window.editor.document().findBlockByNumber(1).isVisible()
    assert window.tabs.tab(0).editor.document().findBlockByNumber(1).isVisible()


@pytest.mark.skipif(importlib.util.find_spec("jedi") is None, reason="jedi is not installed")
def test_signature_help_answers_in_a_second_tab(qtbot, window):
    window.tabs.new()
    window.editor.completion.deadline = 60  # a busy machine; the deadline is tested on its own
    window.editor.setFocus()
    qtbot.keyClicks(window.editor, "print(")
    help_line = window.editor.completion.signature_help
    qtbot.waitUntil(lambda: help_line.isVisible() and "<b>*values</b>" in help_line.text(), timeout=60_000)
    window.editor.document().setModified(False)


def test_a_traceback_link_reopens_the_program_after_its_tab_was_closed(qtbot, window, tmp_path):
    window.tabs.open(write(tmp_path, "broken.py", "x = 1\n\nprint(undefined_name)\n"))
    run_to_end(qtbot, window)
    window.tabs.close_current()
    click_console_line(qtbot, window.console, 'line 3')
    assert window.document.display_name == "broken.py"
    assert window.editor.textCursor().blockNumber() == 2
