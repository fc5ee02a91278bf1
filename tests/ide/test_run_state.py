"""One run state, owned by the runner: each transition, and what the window derives from it."""
import dataclasses

import pytest
from PySide6.QtGui import QKeySequence

from ide.run_state import InvalidTransition, RunState, check_transition
from tests.ide.conftest import RUN_TIMEOUT_MS, run_to_end, set_code, start_run, stop_run
from vm.core import run_binding

F5 = QKeySequence("F5")


class StateLog:
    def __init__(self, window) -> None:
        self.states: list[RunState] = []
        window.runner.state_changed.connect(lambda run: self.states.append(run.state))


def _enabled(window) -> dict[str, bool]:
    return {name: window.commands[name].isEnabled()
            for name in ("run", "debug", "stop", "abandon", "continue", "step_over", "pause")}


def test_idle_running_finished_and_the_actions_that_follow(qtbot, window):
    log = StateLog(window)
    assert window.runner.state is RunState.IDLE and window.status.label.text() == "Ready"
    set_code(window, "print('ready')\nimport time\ntime.sleep(30)\n")
    start_run(qtbot, window, "ready")
    assert window.runner.state is RunState.RUNNING
    assert _enabled(window) == {"run": False, "debug": False, "stop": True, "abandon": False,
                                "continue": False, "step_over": False, "pause": True}
    assert window.status.label.text().startswith("Running…")
    stop_run(qtbot, window)
    set_code(window, "print('done')\n")
    run_to_end(qtbot, window)
    assert log.states == [RunState.RUNNING, RunState.STOPPING, RunState.STOPPED,
                          RunState.RUNNING, RunState.FINISHED]
    assert _enabled(window)["run"] and not _enabled(window)["stop"]
    assert window.status.label.text().startswith("Finished in")


def test_waiting_for_input_and_back_to_running(qtbot, window):
    log = StateLog(window)
    set_code(window, "name = input('Name? ')\nprint('Hi', name)\n")
    start_run(qtbot, window)
    qtbot.waitUntil(lambda: window.runner.state is RunState.WAITING_FOR_INPUT, timeout=RUN_TIMEOUT_MS)
    assert window.status.label.text().startswith("Waiting for your input")
    assert _enabled(window)["stop"]
    with qtbot.waitSignal(window.runner.finished, timeout=RUN_TIMEOUT_MS):
        window.console.input_submitted.emit("Ada")
    assert log.states == [RunState.RUNNING, RunState.WAITING_FOR_INPUT, RunState.RUNNING,
                          RunState.FINISHED]


def test_stop_while_waiting_for_input(qtbot, window):
    log = StateLog(window)
    set_code(window, "input('Name? ')\n")
    start_run(qtbot, window)
    qtbot.waitUntil(lambda: window.runner.state is RunState.WAITING_FOR_INPUT, timeout=RUN_TIMEOUT_MS)
    result = stop_run(qtbot, window)
    assert result.status == "halted"
    assert log.states[-2:] == [RunState.STOPPING, RunState.STOPPED]
    assert window.status.label.text() == "Stopped"


def test_error_state_and_a_new_run_from_it(qtbot, window):
    set_code(window, "x = 1\nprint(x / 0)\n")
    run_to_end(qtbot, window)
    assert window.runner.state is RunState.ERROR
    assert window.status.label.text() == "Error: ZeroDivisionError on line 2"
    assert _enabled(window)["run"]
    set_code(window, "print('again')\n")
    run_to_end(qtbot, window)
    assert window.runner.state is RunState.FINISHED


def test_paused_gives_f5_to_continue_and_stop_from_paused(qtbot, window):
    log = StateLog(window)
    set_code(window, "for i in range(4):\n    print(i)\n")
    window.editor.toggle_breakpoint(2)
    assert F5 in window.commands["run"].shortcuts()
    with qtbot.waitSignal(window.runner.paused, timeout=RUN_TIMEOUT_MS):
        window.commands["debug"].trigger()
    assert window.runner.state is RunState.PAUSED
    assert F5 in window.commands["continue"].shortcuts() and F5 not in window.commands["run"].shortcuts()
    assert _enabled(window)["continue"] and _enabled(window)["step_over"] and not _enabled(window)["pause"]
    assert window.status.label.text().startswith("Paused on line 2 at a breakpoint")
    with qtbot.waitSignal(window.runner.paused, timeout=RUN_TIMEOUT_MS):
        window.commands["continue"].trigger()
    assert log.states[:4] == [RunState.RUNNING, RunState.PAUSED, RunState.RUNNING, RunState.PAUSED]
    result = stop_run(qtbot, window)
    assert result.status == "halted"
    assert log.states[-2:] == [RunState.STOPPING, RunState.STOPPED]
    assert F5 in window.commands["run"].shortcuts() and F5 not in window.commands["continue"].shortcuts()


def test_pause_is_offered_while_a_debug_run_runs(qtbot, window):
    set_code(window, "print('ready')\nwhile True:\n    pass\n")
    window.commands["debug"].trigger()
    qtbot.waitUntil(lambda: "ready" in window.console.plain_text(), timeout=RUN_TIMEOUT_MS)
    assert _enabled(window)["pause"]
    with qtbot.waitSignal(window.runner.paused, timeout=RUN_TIMEOUT_MS):
        window.commands["pause"].trigger()
    assert window.runner.state is RunState.PAUSED
    stop_run(qtbot, window)


def test_stalled_is_the_only_state_offering_abandon(qtbot, window, gate):
    log = StateLog(window)
    set_code(window, gate.script)
    start_run(qtbot, window, "ready")
    assert not _enabled(window)["abandon"]
    with qtbot.waitSignal(window.runner.stop_stalled, timeout=5_000):
        window.commands["stop"].trigger()
    assert window.runner.state is RunState.STALLED and _enabled(window)["abandon"]
    with qtbot.waitSignal(window.runner.finished, timeout=2_000):
        window.commands["abandon"].trigger()
    assert log.states == [RunState.RUNNING, RunState.STOPPING, RunState.STALLED, RunState.STOPPED]
    assert not _enabled(window)["abandon"]
    gate.open()
    qtbot.waitUntil(lambda: not run_binding.active_runs(), timeout=10_000)


def test_transitions_outside_the_diagram_are_refused():
    check_transition(RunState.IDLE, RunState.RUNNING)
    check_transition(RunState.PAUSED, RunState.STOPPING)
    for old, new in ((RunState.IDLE, RunState.PAUSED), (RunState.FINISHED, RunState.STOPPING),
                     (RunState.STALLED, RunState.RUNNING), (RunState.STOPPING, RunState.PAUSED)):
        with pytest.raises(InvalidTransition):
            check_transition(old, new)


def test_loading_another_file_clears_the_last_verdict(qtbot, window, tmp_path):
    set_code(window, "x = 1\nprint(x / 0)\n")
    run_to_end(qtbot, window)
    assert window.status.label.text().startswith("Error")
    other = tmp_path / "other.py"
    other.write_text("print('fine')\n")
    window.document.load(other)
    assert window.status.label.text() == "Ready"


def test_each_change_comes_as_one_frozen_record_with_what_goes_with_the_state(qtbot, window):
    records = []
    window.runner.state_changed.connect(records.append)
    set_code(window, "for i in range(2):\n    print(i)\n")
    window.editor.toggle_breakpoint(2)
    with qtbot.waitSignal(window.runner.paused, timeout=RUN_TIMEOUT_MS) as blocker:
        window.commands["debug"].trigger()
    running, paused = records[0], records[-1]
    assert running.state is RunState.RUNNING and running.debugging and not running.in_shell
    assert running.pause is None and running.result is None
    assert paused.state is RunState.PAUSED and paused.pause is blocker.args[0] and paused.pause.line == 2
    with pytest.raises(dataclasses.FrozenInstanceError):
        paused.state = RunState.RUNNING
    result = stop_run(qtbot, window)
    ended = records[-1]
    assert ended.state is RunState.STOPPED and ended.result is result
    assert ended.pause is None and not ended.debugging
    assert paused.state is RunState.PAUSED  # an announced record never changes afterwards
    assert window.run is ended and window.runner.info is ended


def test_a_shell_entry_is_announced_as_one_and_its_output_stays_in_the_shell(qtbot, window):
    records = []
    window.runner.state_changed.connect(records.append)
    with qtbot.waitSignal(window.runner.finished, timeout=RUN_TIMEOUT_MS):
        window.shell_entries.run_entry("print('from the shell')")
    assert [record.in_shell for record in records] == [True, True]
    assert "from the shell" in window.shell.plain_text()
    assert "from the shell" not in window.console.plain_text()


def test_waiting_for_input_is_in_the_record_until_answered(qtbot, window):
    records = []
    window.runner.state_changed.connect(records.append)
    set_code(window, "name = input('Name? ')\nprint('Hi', name)\n")
    start_run(qtbot, window)
    qtbot.waitUntil(lambda: window.run.state is RunState.WAITING_FOR_INPUT, timeout=RUN_TIMEOUT_MS)
    assert window.run.awaiting_input
    with qtbot.waitSignal(window.runner.finished, timeout=RUN_TIMEOUT_MS):
        window.console.input_submitted.emit("Ada")
    assert [record.awaiting_input for record in records] == [False, True, False, False]


def test_pause_on_uncaught_goes_in_through_the_runner_and_comes_back_in_the_record(qtbot, window):
    records = []
    window.runner.state_changed.connect(records.append)
    assert window.run.pause_on_uncaught and window.commands["pause_on_uncaught"].isChecked()
    window.commands["pause_on_uncaught"].trigger()  # off
    assert records[-1].pause_on_uncaught is False and records[-1].state is RunState.IDLE
    assert window.runner.debugger.pause_on_uncaught is False
    assert window.settings.pause_on_uncaught is False
    window.runner.set_pause_on_uncaught(True)  # from elsewhere: the menu follows the record
    assert window.commands["pause_on_uncaught"].isChecked()
