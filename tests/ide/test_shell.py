"""The Shell tab: statements in the last program's variables, echo, blocks, Stop, input."""
import re

from PySide6.QtCore import QElapsedTimer, Qt

from tests.ide.conftest import RUN_TIMEOUT_MS, run_to_end, set_code


def _enter(qtbot, window, line: str, wait: bool = True) -> None:
    shell = window.shell
    qtbot.waitUntil(lambda: shell.awaiting_input, timeout=RUN_TIMEOUT_MS)
    qtbot.keyClicks(shell, line)
    if wait:
        with qtbot.waitSignal(window.runner.finished, timeout=RUN_TIMEOUT_MS):
            qtbot.keyClick(shell, Qt.Key.Key_Return)
    else:
        qtbot.keyClick(shell, Qt.Key.Key_Return)


def test_the_shell_echoes_values_from_the_last_program(qtbot, window):
    set_code(window, "scores = [3, 1, 4]\n")
    run_to_end(qtbot, window)
    window.output_panel.show_shell()
    _enter(qtbot, window, "sorted(scores)")
    text = window.shell.plain_text()
    assert ">>> sorted(scores)\n[1, 3, 4]\n>>> " in text
    assert "variables of untitled.py" in text


def test_a_for_block_continues_with_dots_and_runs_on_an_empty_line(qtbot, window):
    window.output_panel.show_shell()
    _enter(qtbot, window, "for i in range(3):", wait=False)
    qtbot.waitUntil(lambda: window.shell.plain_text().endswith("... "), timeout=RUN_TIMEOUT_MS)
    _enter(qtbot, window, "    print(i * 10)", wait=False)
    _enter(qtbot, window, "")
    assert "0\n10\n20\n>>> " in window.shell.plain_text()


def test_stop_works_in_the_shell_and_errors_show_their_hint(qtbot, window):
    window.output_panel.show_shell()
    _enter(qtbot, window, "while True: pass", wait=False)
    _enter(qtbot, window, "", wait=False)   # a compound statement ends with an empty line, as at >>>
    qtbot.waitUntil(lambda: window.runner.running, timeout=RUN_TIMEOUT_MS)
    with qtbot.waitSignal(window.runner.finished, timeout=RUN_TIMEOUT_MS) as blocker:
        window.commands["stop"].trigger()
    assert blocker.args[0].status == "halted"
    assert 'File "<shell>", line 1' in window.shell.plain_text()
    _enter(qtbot, window, "print(undefined_thing)")
    assert "Hint: Line 1 uses the name undefined_thing" in window.shell.plain_text()
    assert window.shell.plain_text().endswith(">>> ")


def test_input_in_the_shell_and_reset(qtbot, window):
    window.output_panel.show_shell()
    _enter(qtbot, window, "name = input('Name? ')", wait=False)
    qtbot.waitUntil(lambda: window.runner.state.value == "waiting for input", timeout=RUN_TIMEOUT_MS)
    _enter(qtbot, window, "Ada")
    _enter(qtbot, window, "name")
    assert "'Ada'" in window.shell.plain_text()
    window.output_panel.reset_button.click()
    _enter(qtbot, window, "name")
    assert "NameError" in window.shell.plain_text()


def test_a_shell_entry_has_its_own_clock_and_asks_for_input_in_the_shell(qtbot, window):
    set_code(window, "x = 1\n")
    run_to_end(qtbot, window)
    since_program = QElapsedTimer()
    since_program.start()
    qtbot.waitUntil(lambda: since_program.elapsed() > 2000, timeout=10_000)  # the program ran a while ago
    window.output_panel.show_shell()
    since_entry = QElapsedTimer()
    since_entry.start()
    _enter(qtbot, window, "name = input('Name? ')", wait=False)
    qtbot.waitUntil(lambda: window.runner.state.value == "waiting for input", timeout=RUN_TIMEOUT_MS)
    window._show_status()
    text = window.status.label.text()
    shown = float(re.search(r"\(([\d.]+) s\)", text).group(1))
    assert shown <= since_entry.elapsed() / 1000 + 0.1, text
    assert "type in the Shell" in text and "console" not in text
    assert "waiting for your input in the Shell" in window.status.announced[-1]
    _enter(qtbot, window, "Ada")


def test_tab_completes_names_from_the_program(qtbot, window):
    set_code(window, "favourite_colour = 'green'\n")
    run_to_end(qtbot, window)
    window.output_panel.show_shell()
    qtbot.waitUntil(lambda: window.shell.awaiting_input, timeout=RUN_TIMEOUT_MS)
    qtbot.keyClicks(window.shell, "favo")
    qtbot.keyClick(window.shell, Qt.Key.Key_Tab)
    assert window.shell.typed_text() == "favourite_colour"


def test_a_stop_marks_the_running_line_in_the_shells_text(qtbot, window):
    window.output_panel.show_shell()
    _enter(qtbot, window, "n = 0", )
    _enter(qtbot, window, "while True:", wait=False)
    _enter(qtbot, window, "    n += 1", wait=False)
    _enter(qtbot, window, "", wait=False)
    qtbot.waitUntil(lambda: window.runner.running, timeout=RUN_TIMEOUT_MS)
    with qtbot.waitSignal(window.runner.finished, timeout=RUN_TIMEOUT_MS):
        window.commands["stop"].trigger()
    (marker,) = window.shell.extraSelections()
    assert marker.cursor.block().text() == "...     n += 1"


def test_pasting_several_lines_enters_them_one_by_one(qtbot, window):
    from PySide6.QtCore import QMimeData
    window.output_panel.show_shell()
    qtbot.waitUntil(lambda: window.shell.awaiting_input, timeout=RUN_TIMEOUT_MS)
    pasted = QMimeData()
    pasted.setText("total = 0\nfor n in range(4):\n    total += n\nprint('total is', total)\n")
    window.shell.insertFromMimeData(pasted)
    qtbot.waitUntil(lambda: "total is 6" in window.shell.plain_text(), timeout=RUN_TIMEOUT_MS)
    qtbot.waitUntil(lambda: window.shell.plain_text().endswith(">>> "), timeout=RUN_TIMEOUT_MS)


def test_the_shell_waits_its_turn_while_a_program_runs(qtbot, window):
    set_code(window, "import time\nprint('ready')\ntime.sleep(30)\n")
    window.commands["run"].trigger()
    qtbot.waitUntil(lambda: "ready" in window.console.plain_text(), timeout=RUN_TIMEOUT_MS)
    window.output_panel.show_shell()
    _enter(qtbot, window, "1 + 1", wait=False)
    assert "A program is running: wait for it, or Stop it" in window.shell.plain_text()
    assert window.shell.plain_text().endswith(">>> ") and window.shell.awaiting_input
    with qtbot.waitSignal(window.runner.finished, timeout=RUN_TIMEOUT_MS):
        window.commands["stop"].trigger()


def test_running_the_same_program_again_does_not_pile_up_the_shells_note(qtbot, window):
    set_code(window, "x = 1\n")
    for _ in range(3):
        run_to_end(qtbot, window)
    assert window.shell.plain_text().count("The shell now sees the variables of untitled.py.") == 1
    window.output_panel.show_shell()
    _enter(qtbot, window, "x")
    run_to_end(qtbot, window)  # the shell was used since: the note is news again
    assert window.shell.plain_text().count("The shell now sees the variables of untitled.py.") == 2


def test_running_a_program_brings_its_console_to_the_front(qtbot, window):
    window.output_panel.show_shell()
    set_code(window, "print('in the console')\n")
    run_to_end(qtbot, window)
    assert window.output_panel.currentWidget() is window.console
