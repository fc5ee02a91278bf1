"""Pause any run from the window: look at the values, continue, step, stop."""
from tests.ide.conftest import RUN_TIMEOUT_MS, set_code, start_run, stop_run

LOOP = "count = 0\nprint('ready')\nwhile True:\n    count += 1\n"


def _pause(qtbot, window):
    with qtbot.waitSignal(window.runner.paused, timeout=RUN_TIMEOUT_MS) as blocker:
        window.commands["pause"].trigger()
    return blocker.args[0]


def _value(window, name: str) -> str:
    item = window.debug.variables.item_named(name)
    assert item is not None, f"no variable {name}"
    return item.text(1)


def test_pause_a_plain_run_shows_the_line_and_values_and_continue_advances_them(qtbot, window):
    set_code(window, LOOP)
    start_run(qtbot, window, "ready")
    assert window.commands["pause"].isEnabled()
    pause = _pause(qtbot, window)
    assert window.editor.paused_line == pause.line and pause.line in (3, 4)
    assert window.debug.variables_dock.isVisible() and window.debug.stack_dock.isVisible()
    first = int(_value(window, "count"))
    assert window.status.label.text().startswith(f"Paused on line {pause.line} where you paused it")
    window.commands["continue"].trigger()
    qtbot.waitUntil(lambda: not window.runner.debug_paused, timeout=RUN_TIMEOUT_MS)
    _pause(qtbot, window)
    assert int(_value(window, "count")) > first
    result = stop_run(qtbot, window)
    assert result.status == "halted"
    assert "paused in the debugger" in window.console.plain_text()
    assert not window.debug.variables_dock.isVisible()


def test_step_after_a_pause_in_a_plain_run(qtbot, window):
    set_code(window, "total = 0\nprint('ready')\nwhile True:\n    total += 1\n    total -= 1\n")
    start_run(qtbot, window, "ready")
    _pause(qtbot, window)
    lines = []
    for _ in range(3):
        with qtbot.waitSignal(window.runner.paused, timeout=RUN_TIMEOUT_MS) as blocker:
            window.commands["step_over"].trigger()
        lines.append(blocker.args[0].line)
        assert blocker.args[0].reason == "step"
    assert set(lines) <= {3, 4, 5} and len(set(lines)) >= 2
    stop_run(qtbot, window)


def test_pause_while_waiting_for_input_then_answer(qtbot, window):
    set_code(window, "name = input('Name? ')\nprint('Hi', name)\n")
    start_run(qtbot, window)
    qtbot.waitUntil(lambda: window.console.awaiting_input, timeout=RUN_TIMEOUT_MS)
    pause = _pause(qtbot, window)
    assert pause.line == 1
    window.commands["continue"].trigger()
    qtbot.waitUntil(lambda: window.runner.state.value == "waiting for input", timeout=RUN_TIMEOUT_MS)
    with qtbot.waitSignal(window.runner.finished, timeout=RUN_TIMEOUT_MS):
        window.console.input_submitted.emit("Ada")
    assert "Hi Ada" in window.console.plain_text()
