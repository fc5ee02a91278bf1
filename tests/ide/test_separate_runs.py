"""Run > Run Programs in a Separate Process: F5 runs the program in a worker process,
and everything a run shows works as in Sprout's own process (or says why not)."""
from __future__ import annotations

import os

from PySide6.QtCore import Qt

from ide.main_window import MainWindow
from ide.menus import menu_definitions
from tests.ide.conftest import run_to_end, set_code, start_run, stop_run
from tests.vm.separate_harness import worker_pids_fixture  # noqa: F401 - a fixture

C_SPIN = "rows = [[0]] * 200_000\nprint('ready', flush=True)\ntotal = sum(rows, [])\n"


def _choose_separate(window: MainWindow) -> None:
    action = window.commands["separate_process"]
    if not action.isChecked():
        action.trigger()
    assert action.isChecked() and window.run.separate_processes


def test_the_choice_is_in_the_run_menu_and_remembered(qtbot, window, settings, recovery, worker_pids):
    run_menu = next(menu for menu in menu_definitions() if menu.title == "&Run")
    assert "separate_process" in run_menu.entries
    assert not window.commands["separate_process"].isChecked()
    _choose_separate(window)
    assert settings.separate_process
    window.runner.shutdown()
    again = MainWindow(settings, recovery)
    qtbot.addWidget(again)
    try:
        assert again.commands["separate_process"].isChecked() and again.run.separate_processes
        again.commands["separate_process"].trigger()
        assert not settings.separate_process and not again.run.separate_processes
    finally:
        again.runner.shutdown()


def test_f5_runs_the_program_in_another_process(qtbot, window, worker_pids):
    _choose_separate(window)
    set_code(window, "import os\nprint('pid', os.getpid())\n")
    with qtbot.waitSignal(window.runner.finished, timeout=15_000):
        qtbot.keyClick(window.editor, Qt.Key.Key_F5)
    pid = int(window.console.plain_text().split("pid ")[1].split()[0])
    assert pid != os.getpid() and pid in worker_pids
    assert "Finished in" in window.console.plain_text()


def test_output_input_traceback_and_hint_as_in_process(qtbot, window, worker_pids):
    _choose_separate(window)
    set_code(window, "name = input('Your name? ')\nprint('Hi', name)\nprint(undefined_name)\n")
    with qtbot.waitSignal(window.runner.finished, timeout=15_000) as blocker:
        window.commands["run"].trigger()
        qtbot.waitUntil(lambda: window.console.awaiting_input, timeout=10_000)
        assert window.status.label.text().startswith("Waiting for your input")
        qtbot.keyClicks(window.console, "Ada")
        qtbot.keyClick(window.console, Qt.Key.Key_Return)
    separate = window.console.plain_text()
    assert blocker.args[0].error_type == "NameError" and window.editor.halted_line == 3
    assert "Your name? Ada\nHi Ada\n" in separate
    window.commands["separate_process"].trigger()  # the same program in Sprout's own process
    with qtbot.waitSignal(window.runner.finished, timeout=15_000):
        window.commands["run"].trigger()
        qtbot.waitUntil(lambda: window.console.awaiting_input, timeout=10_000)
        qtbot.keyClicks(window.console, "Ada")
        qtbot.keyClick(window.console, Qt.Key.Key_Return)
    in_process = window.console.plain_text()
    assert separate.split("Hi Ada\n")[1].split("Error")[0] == in_process.split("Hi Ada\n")[1].split("Error")[0]
    assert "NameError: name 'undefined_name' is not defined" in separate


def test_stop_ends_a_c_call_holding_the_lock_and_the_window_keeps_going(qtbot, window, heartbeat, worker_pids):
    _choose_separate(window)
    set_code(window, C_SPIN)
    start_run(qtbot, window, "ready")
    assert window.status.label.text().startswith("Running in a separate process")
    assert not window.commands["pause"].isEnabled()  # Pause cannot reach the other process yet
    ticks = heartbeat.ticks
    result = stop_run(qtbot, window)
    assert heartbeat.ticks > ticks  # the window answered while the program was stuck
    assert result.status == "halted" and "stuck inside a call" in window.console.plain_text()
    assert window.status.label.text() == "Stopped"
    assert window.commands["run"].isEnabled()
    set_code(window, "print('next')\n")
    assert run_to_end(qtbot, window).status == "finished"  # the next run starts


def test_a_crash_of_the_program_leaves_the_window_and_the_next_run(qtbot, window, worker_pids):
    _choose_separate(window)
    set_code(window, "import ctypes\nctypes.string_at(0)\n")
    result = run_to_end(qtbot, window)
    assert result.error_type == "ProcessCrashed" and "SIGSEGV" in window.console.plain_text()
    set_code(window, "print('alive')\n")
    assert run_to_end(qtbot, window).status == "finished"
    assert "alive" in window.console.plain_text()


def test_debug_runs_in_process_and_says_so(qtbot, window, worker_pids):
    _choose_separate(window)
    set_code(window, "import os\nprint('pid', os.getpid())\n")
    with qtbot.waitSignal(window.runner.finished, timeout=15_000):
        window.commands["debug"].trigger()
    text = window.console.plain_text()
    assert "this debug run is not in a separate process" in text
    assert f"pid {os.getpid()}" in text


def test_the_shell_says_it_cannot_see_a_separate_programs_variables(qtbot, window, worker_pids):
    _choose_separate(window)
    set_code(window, "secret = 42\n")
    run_to_end(qtbot, window)
    assert "ran in a separate process: the shell cannot see its variables" in window.shell.plain_text()
