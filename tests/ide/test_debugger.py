"""Debugging in the window: breakpoints, stepping, variables, call stack, stop."""
from PySide6.QtCore import Qt

from ide.main_window import MainWindow
from tests.ide.conftest import RUN_TIMEOUT_MS, set_code

SCRIPT = """\
def square(n):
    result = n * n
    return result

pets = {"rex": ["sit", "roll"]}
total = 0
for i in range(3):
    total += square(i)
print("total", total)
"""


def _value(window, name: str) -> str:
    item = window.debug.variables.item_named(name)
    assert item is not None, f"no variable {name}"
    return item.text(1)


def _wait_paused(qtbot, window, action=None):
    with qtbot.waitSignal(window.runner.paused, timeout=RUN_TIMEOUT_MS) as blocker:
        if action is not None:
            action.trigger()
    return blocker.args[0]


def test_breakpoint_pause_shows_line_variables_and_stack(qtbot, window):
    set_code(window, SCRIPT)
    window.editor.toggle_breakpoint(8)
    pause = _wait_paused(qtbot, window, window.commands["debug"])
    assert pause.line == 8 and window.editor.paused_line == 8
    assert window.debug.variables_dock.isVisible() and window.debug.stack_dock.isVisible()
    assert _value(window, "i") == "0" and _value(window, "total") == "0"
    assert window.debug.call_stack.count() == 1
    assert "Paused on line 8" in window.status.label.text()
    assert window.commands["step_over"].isEnabled() and not window.commands["run"].isEnabled()
    # Expand a dict, then a list inside it.
    pets = window.debug.variables.item_named("pets")
    pets.setExpanded(True)
    rex = window.debug.variables.item_named("'rex'")
    rex.setExpanded(True)
    assert [rex.child(i).text(1) for i in range(rex.childCount())] == ["'sit'", "'roll'"]
    pause = _wait_paused(qtbot, window, window.commands["continue"])
    assert pause.line == 8 and _value(window, "i") == "1" and _value(window, "total") == "0"
    window.editor.toggle_breakpoint(8)
    with qtbot.waitSignal(window.runner.finished, timeout=RUN_TIMEOUT_MS):
        window.commands["continue"].trigger()
    assert "total 5" in window.console.plain_text()
    assert window.editor.paused_line is None and window.commands["run"].isEnabled()


def test_step_into_over_and_out_with_the_keyboard(qtbot, window):
    set_code(window, SCRIPT)
    window.editor.go_to_line(8)
    qtbot.keyClick(window.editor, Qt.Key.Key_F9)
    assert window.editor.breakpoints == {8}
    _wait_paused(qtbot, window, window.commands["debug"])
    with qtbot.waitSignal(window.runner.paused, timeout=RUN_TIMEOUT_MS) as blocker:
        qtbot.keyClick(window.editor, Qt.Key.Key_F11)
    assert blocker.args[0].line == 2 and window.editor.paused_line == 2
    assert _value(window, "n") == "0"
    assert window.debug.call_stack.count() == 2
    assert window.debug.call_stack.item(0).text() == "square() — line 2"
    with qtbot.waitSignal(window.runner.paused, timeout=RUN_TIMEOUT_MS) as blocker:
        qtbot.keyClick(window.editor, Qt.Key.Key_F10)
    assert blocker.args[0].line == 3 and _value(window, "result") == "0"
    with qtbot.waitSignal(window.runner.paused, timeout=RUN_TIMEOUT_MS) as blocker:
        qtbot.keyClick(window.editor, Qt.Key.Key_F11, Qt.KeyboardModifier.ShiftModifier)
    assert blocker.args[0].frames[-1].function == "<module>"
    # Selecting the outer frame in the call stack shows its variables.
    window.editor.breakpoints = set()
    window.runner.set_breakpoints("untitled.py", set())
    with qtbot.waitSignal(window.runner.finished, timeout=RUN_TIMEOUT_MS):
        qtbot.keyClick(window.editor, Qt.Key.Key_F5)
    assert "total 5" in window.console.plain_text()


def test_selecting_a_caller_frame_shows_its_variables(qtbot, window):
    set_code(window, SCRIPT)
    window.editor.toggle_breakpoint(2)
    _wait_paused(qtbot, window, window.commands["debug"])
    assert _value(window, "n") == "0"
    window.debug.call_stack.setCurrentRow(1)
    assert _value(window, "total") == "0" and window.debug.variables.item_named("n") is None
    assert window.editor.paused_line == 8
    with qtbot.waitSignal(window.runner.finished, timeout=RUN_TIMEOUT_MS):
        window.commands["stop"].trigger()


def test_stop_while_paused_leaves_the_ide_ready(qtbot, window):
    set_code(window, SCRIPT)
    window.editor.toggle_breakpoint(2)
    _wait_paused(qtbot, window, window.commands["debug"])
    with qtbot.waitSignal(window.runner.finished, timeout=2_000) as blocker:
        window.commands["stop"].trigger()
    result = blocker.args[0]
    assert result.status == "halted" and result.frames[-1].line == 2
    assert window.editor.halted_line == 2 and window.editor.paused_line is None
    assert window.commands["run"].isEnabled() and window.commands["debug"].isEnabled()
    assert not window.commands["step_over"].isEnabled()
    set_code(window, "print('ready again')\n")
    with qtbot.waitSignal(window.runner.finished, timeout=RUN_TIMEOUT_MS):
        window.commands["run"].trigger()
    assert "ready again" in window.console.plain_text()


def test_pause_button_shows_where_a_running_program_is(qtbot, window):
    set_code(window, "print('ready')\nn = 0\nwhile n >= 0:\n    n += 1\n")
    window.commands["debug"].trigger()
    qtbot.waitUntil(lambda: "ready" in window.console.plain_text(), timeout=RUN_TIMEOUT_MS)
    pause = _wait_paused(qtbot, window, window.commands["pause"])
    assert pause.line in (3, 4) and window.editor.paused_line in (3, 4)
    assert int(_value(window, "n")) > 0
    with qtbot.waitSignal(window.runner.finished, timeout=2_000):
        window.commands["stop"].trigger()


def test_breakpoints_are_kept_per_file(qtbot, window, tmp_path):
    first, second = tmp_path / "first.py", tmp_path / "second.py"
    first.write_text("a = 1\nb = 2\n")
    second.write_text("c = 3\n")
    window.tabs.open(first)
    window.editor.toggle_breakpoint(2)
    window.tabs.open(second)
    assert window.editor.breakpoints == set()
    window.tabs.open(first)
    assert window.editor.breakpoints == {2}


def test_run_mode_ignores_breakpoints(qtbot, window):
    set_code(window, SCRIPT)
    window.editor.toggle_breakpoint(8)
    with qtbot.waitSignal(window.runner.finished, timeout=RUN_TIMEOUT_MS):
        window.commands["run"].trigger()
    assert "total 5" in window.console.plain_text()


def test_debug_panels_close_after_the_run_unless_the_learner_opened_them(qtbot, window):
    set_code(window, "x = 1\nprint(x)\n")
    with qtbot.waitSignal(window.runner.finished, timeout=RUN_TIMEOUT_MS):
        window.commands["debug"].trigger()
    assert not window.debug.variables_dock.isVisible() and not window.debug.stack_dock.isVisible()
    toggles = {action.text(): action for action in window.debug.view_toggles()}
    assert set(toggles) == {"Variables Panel", "Call stack Panel"}
    toggles["Variables Panel"].trigger()
    assert window.debug.variables_dock.isVisible()
    with qtbot.waitSignal(window.runner.finished, timeout=RUN_TIMEOUT_MS):
        window.commands["debug"].trigger()
    assert window.debug.variables_dock.isVisible()


def test_stop_while_paused_says_the_program_was_paused_not_looping(qtbot, window):
    set_code(window, "for i in range(4):\n    print(i)\n")
    window.editor.toggle_breakpoint(2)
    _wait_paused(qtbot, window, window.commands["debug"])
    with qtbot.waitSignal(window.runner.finished, timeout=RUN_TIMEOUT_MS):
        window.commands["stop"].trigger()
    text = window.console.plain_text()
    assert "paused in the debugger" in text
    assert "loop's condition" not in text


def test_variables_panel_fits_its_dock_and_lists_main_program_values_directly(qtbot, window):
    set_code(window, "numbers = list(range(40))\ntext = 'a fairly long piece of text ' * 5\nprint(text)\n")
    window.editor.toggle_breakpoint(3)
    _wait_paused(qtbot, window, window.commands["debug"])
    panel = window.debug.variables
    top_level = [panel.topLevelItem(i).text(0) for i in range(panel.topLevelItemCount())]
    assert top_level == ["numbers", "text"]
    assert not panel.horizontalScrollBar().isVisible()
    type_width = panel.header().sectionSize(2)
    assert type_width >= panel.fontMetrics().horizontalAdvance("list")
    with qtbot.waitSignal(window.runner.finished, timeout=RUN_TIMEOUT_MS):
        window.commands["stop"].trigger()


def test_debug_pauses_on_an_uncaught_error_with_live_values_and_the_choice_persists(qtbot, window):
    set_code(window, "def average(values):\n    total = sum(values)\n    return total / len(values)\n"
                     "print(average([]))\n")
    pause = _wait_paused(qtbot, window, window.commands["debug"])
    assert pause.reason == "exception" and pause.line == 3
    assert "where an error was raised" in window.status.label.text()
    assert _value(window, "values") == "[]"
    with qtbot.waitSignal(window.runner.finished, timeout=RUN_TIMEOUT_MS) as blocker:
        window.commands["continue"].trigger()
    assert blocker.args[0].error_type == "ZeroDivisionError"
    window.commands["pause_on_uncaught"].trigger()   # off
    assert window.settings.pause_on_uncaught is False
    with qtbot.waitSignal(window.runner.finished, timeout=RUN_TIMEOUT_MS):
        window.commands["debug"].trigger()


def test_pause_on_uncaught_errors_turned_off_stays_off_in_the_next_sessions_debug_runs(qtbot, settings, recovery):
    settings.pause_on_uncaught = False          # chosen in an earlier session
    window = MainWindow(settings, recovery)
    qtbot.addWidget(window)
    try:
        assert not window.commands["pause_on_uncaught"].isChecked()
        set_code(window, "values = []\nprint(sum(values) / len(values))\n")
        paused = []
        window.runner.paused.connect(paused.append)
        for _ in range(2):
            with qtbot.waitSignal(window.runner.finished, timeout=RUN_TIMEOUT_MS) as blocker:
                window.commands["debug"].trigger()
            assert blocker.args[0].error_type == "ZeroDivisionError"
        assert paused == []
    finally:
        window.document.editor.document().setModified(False)
        window.runner.shutdown()
