"""The core flow: Run, see output, Stop anything, see where it was."""
from PySide6.QtCore import Qt

from tests.ide.conftest import run_to_end, set_code, start_run, stop_run


def test_run_shows_output_and_resets_buttons(qtbot, window):
    set_code(window, "for i in range(3):\n    print('line', i)\n")
    assert window.commands["run"].isEnabled() and not window.commands["stop"].isEnabled()
    result = run_to_end(qtbot, window)
    assert result.status == "finished"
    text = window.console.plain_text()
    assert "line 0\nline 1\nline 2\n" in text
    assert "Finished in" in text
    assert window.status.label.text().startswith("Finished in")
    assert window.commands["run"].isEnabled() and not window.commands["stop"].isEnabled()


def test_buttons_while_running(qtbot, window):
    set_code(window, "print('ready')\nwhile True:\n    pass\n")
    start_run(qtbot, window, "ready")
    assert not window.commands["run"].isEnabled() and window.commands["stop"].isEnabled()
    assert window.status.label.text().startswith("Running")
    stop_run(qtbot, window)


def test_stop_an_infinite_loop_shows_traceback_and_marks_the_line(qtbot, window):
    set_code(window, "count = 0\nprint('ready')\nwhile count >= 0:\n    count = count + 1\n")
    start_run(qtbot, window, "ready")
    result = stop_run(qtbot, window)
    assert result.status == "halted"
    text = window.console.plain_text()
    assert "KeyboardInterrupt" in text and "line 4" in text and "count = count + 1" in text
    assert window.editor.halted_line == 4
    assert window.editor.textCursor().blockNumber() == 3
    assert window.status.label.text() == "Stopped"
    assert window.commands["run"].isEnabled() and not window.commands["stop"].isEnabled()


def test_halted_marker_clears_on_the_next_edit(qtbot, window):
    set_code(window, "print('ready')\nwhile True:\n    pass\n")
    start_run(qtbot, window, "ready")
    stop_run(qtbot, window)
    assert window.editor.halted_line == 3
    qtbot.keyClicks(window.editor, "x")
    assert window.editor.halted_line is None


def test_stop_with_keyboard_shortcut(qtbot, window):
    set_code(window, "print('ready')\nwhile True:\n    pass\n")
    start_run(qtbot, window, "ready")
    with qtbot.waitSignal(window.runner.finished, timeout=10_000):
        qtbot.keyClick(window.editor, Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)
    assert window.editor.halted_line == 3


def test_ctrl_f2_also_stops(qtbot, window):
    set_code(window, "print('ready')\nwhile True:\n    pass\n")
    start_run(qtbot, window, "ready")
    with qtbot.waitSignal(window.runner.finished, timeout=10_000) as blocker:
        qtbot.keyClick(window.editor, Qt.Key.Key_F2, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args[0].status == "halted"


def test_f5_runs(qtbot, window):
    set_code(window, "print('via F5')\n")
    with qtbot.waitSignal(window.runner.finished, timeout=10_000):
        qtbot.keyClick(window.editor, Qt.Key.Key_F5)
    assert "via F5" in window.console.plain_text()


def test_stop_while_waiting_for_input(qtbot, window):
    set_code(window, "name = input('Name? ')\n")
    start_run(qtbot, window, "Name? ")
    qtbot.waitUntil(lambda: window.console.awaiting_input, timeout=10_000)
    result = stop_run(qtbot, window)
    assert result.status == "halted" and window.editor.halted_line == 1
    assert not window.console.awaiting_input


def test_stop_while_sleeping(qtbot, window):
    set_code(window, "import time\nprint('ready')\ntime.sleep(600)\n")
    start_run(qtbot, window, "ready")
    result = stop_run(qtbot, window)
    assert result.status == "halted" and result.duration < 5
    assert window.editor.halted_line == 3


def test_errors_show_traceback_status_and_marked_line(qtbot, window):
    set_code(window, "def half(n):\n    return n / 0\n\nprint(half(4))\n")
    result = run_to_end(qtbot, window)
    assert result.status == "error"
    assert "ZeroDivisionError: division by zero" in window.console.plain_text()
    assert window.editor.halted_line == 2
    assert window.status.label.text() == "Error: ZeroDivisionError on line 2"


def test_syntax_error_shows_line_and_marks_it(qtbot, window):
    set_code(window, "print('ok')\nif True\n    print('x')\n")
    result = run_to_end(qtbot, window)
    assert result.error_type == "SyntaxError"
    assert "line 2" in window.console.plain_text()
    assert window.editor.halted_line == 2


def test_traceback_line_links_jump_to_the_editor(qtbot, window):
    set_code(window, "x = 1\ny = 2\n\n\ndef broken():\n    return undefined_name\n\nbroken()\n")
    run_to_end(qtbot, window)
    window.editor.go_to_line(1)
    link_signal = []
    window.console.line_activated.connect(lambda line, column: link_signal.append(line))
    document = window.console.document()
    block = document.begin()
    while block.isValid() and 'line 6' not in block.text():
        block = block.next()
    assert block.isValid()
    rect = window.console.blockBoundingGeometry(block).translated(window.console.contentOffset())
    point = rect.topLeft().toPoint() + __import__("PySide6.QtCore", fromlist=["QPoint"]).QPoint(20, 5)
    qtbot.mouseClick(window.console.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert link_signal == [6]
    assert window.editor.textCursor().blockNumber() == 5


def test_the_window_keeps_answering_while_a_script_spins(qtbot, window, heartbeat):
    set_code(window, "print('ready')\nwhile True:\n    pass\n")
    start_run(qtbot, window, "ready")
    heartbeat.ticks = 0
    qtbot.waitUntil(lambda: heartbeat.ticks >= 10, timeout=5000)
    stop_run(qtbot, window)


def test_elapsed_time_ticks_in_the_status_bar(qtbot, window):
    set_code(window, "import time\nprint('ready')\ntime.sleep(600)\n")
    start_run(qtbot, window, "ready")
    qtbot.waitUntil(lambda: window.status.label.text() not in ("Running… 0.0 s", ""), timeout=5000)
    assert window.status.label.text().startswith("Running…")
    stop_run(qtbot, window)


def test_closing_the_window_stops_a_running_script(qtbot, window):
    set_code(window, "print('ready')\nwhile True:\n    pass\n")
    start_run(qtbot, window, "ready")
    window.editor.document().setModified(False)
    window.close()
    qtbot.waitUntil(lambda: not window.runner.running, timeout=5000)


def test_a_plain_hint_follows_the_traceback(qtbot, window):
    set_code(window, "score = 3\nprint(scroe)\n")
    run_to_end(qtbot, window)
    text = window.console.plain_text()
    assert "NameError: name 'scroe' is not defined" in text
    hint = text.split("NameError: name 'scroe' is not defined", 1)[1]
    assert "Hint: Line 2 uses the name scroe" in hint and "Did you mean score?" in hint


def test_a_stop_hint_names_the_loop(qtbot, window):
    set_code(window, "print('ready')\nwhile True:\n    pass\n")
    start_run(qtbot, window, "ready")
    stop_run(qtbot, window)
    assert "Hint: You stopped the program while it was at line 3, inside the while loop" \
        in window.console.plain_text()


def test_a_saved_script_imports_modules_from_its_folder(qtbot, window, tmp_path):
    (tmp_path / "helper.py").write_text("def greet(name):\n    return 'Hello, ' + name\n")
    script = tmp_path / "main_program.py"
    script.write_text("import helper\nprint(helper.greet('Ada'))\n")
    window.tabs.open(script)
    result = run_to_end(qtbot, window)
    assert result.status == "finished"
    assert "Hello, Ada" in window.console.plain_text()


def test_a_no_break_space_in_the_code_runs_as_python_reads_it(qtbot, window):
    set_code(window, "print('a\u00a0b' == 'a b')\n")
    run_to_end(qtbot, window)
    assert "False" in window.console.plain_text()


def test_a_saved_program_runs_in_its_own_folder_and_the_ide_stays_in_its(qtbot, window, tmp_path):
    import os
    folder = tmp_path / "lesson"
    folder.mkdir()
    (folder / "data.txt").write_text("hello from the data file\n", encoding="utf-8")
    set_code(window, "import os\nprint(os.getcwd())\nprint(open('data.txt').read())\n")
    ide_folder = os.getcwd()
    assert window.document.save_as(folder / "reader.py")
    result = run_to_end(qtbot, window)
    assert result.status == "finished"
    text = window.console.plain_text()
    assert str(folder) in text and "hello from the data file" in text
    assert os.getcwd() == ide_folder


def test_a_question_brings_the_console_forward_when_the_shell_is_in_front(qtbot, window):
    set_code(window, "print('ready')\nname = input('Name? ')\n")
    window.output_panel.show_shell()
    start_run(qtbot, window)
    window.output_panel.show_shell()  # the learner looks at the Shell while the program runs
    qtbot.waitUntil(lambda: window.console.awaiting_input, timeout=10_000)
    assert window.output_panel.current_console() is window.console
    stop_run(qtbot, window)


def test_a_programs_own_excepthook_reports_its_error_alone(qtbot, window):
    set_code(window, "import sys\nsys.excepthook = lambda *error: print('my report')\n1 / 0\n")
    result = run_to_end(qtbot, window)
    assert result.status == "error" and result.reported_by_script
    text = window.console.plain_text()
    assert "my report" in text and "Traceback" not in text and "Hint" not in text
