"""The console: input typed inline, floods that never freeze, long lines, scrolling."""
from PySide6.QtCore import Qt

from ide.console import MAX_LINES, SQUEEZE_AT, SQUEEZE_NOTE, Console
from tests.ide.conftest import RUN_TIMEOUT_MS, run_to_end, set_code, start_run, stop_run


def _type_answer(qtbot, window, text: str) -> None:
    qtbot.waitUntil(lambda: window.console.awaiting_input, timeout=10_000)
    qtbot.keyClicks(window.console, text)
    qtbot.keyClick(window.console, Qt.Key.Key_Return)


def test_input_is_answered_in_the_console(qtbot, window):
    set_code(window, "name = input('Your name? ')\nage = input('Age? ')\nprint(f'Hi {name}, {age}')\n")
    with qtbot.waitSignal(window.runner.finished, timeout=15_000):
        window.commands["run"].trigger()
        _type_answer(qtbot, window, "Ada")
        qtbot.waitUntil(lambda: "Age? " in window.console.plain_text(), timeout=10_000)
        _type_answer(qtbot, window, "36")
    text = window.console.plain_text()
    assert "Your name? Ada\nAge? 36\nHi Ada, 36" in text
    assert not window.console.awaiting_input


def test_status_bar_says_the_program_waits_for_input(qtbot, window):
    set_code(window, "input('? ')\n")
    start_run(qtbot, window)
    qtbot.waitUntil(lambda: window.console.awaiting_input, timeout=10_000)
    assert "input" in window.status.label.text()
    stop_run(qtbot, window)


def test_typing_cannot_change_earlier_output(qtbot, window):
    set_code(window, "print('keep me')\nx = input('> ')\nprint('got', x)\n")
    with qtbot.waitSignal(window.runner.finished, timeout=15_000):
        window.commands["run"].trigger()
        qtbot.waitUntil(lambda: window.console.awaiting_input, timeout=10_000)
        cursor = window.console.textCursor()
        cursor.setPosition(0)
        window.console.setTextCursor(cursor)
        qtbot.keyClick(window.console, Qt.Key.Key_Backspace)
        qtbot.keyClicks(window.console, "yes")
        qtbot.keyClick(window.console, Qt.Key.Key_Return)
    assert window.console.plain_text().count("keep me") == 1
    assert "got yes" in window.console.plain_text()


def test_input_history_with_up_and_down(qtbot, window):
    set_code(window, "for _ in range(3):\n    print('echo', input('> '))\n")
    with qtbot.waitSignal(window.runner.finished, timeout=15_000):
        window.commands["run"].trigger()
        _type_answer(qtbot, window, "first")
        qtbot.waitUntil(lambda: window.console.plain_text().count("> ") == 2, timeout=10_000)
        _type_answer(qtbot, window, "second")
        qtbot.waitUntil(lambda: window.console.plain_text().count("> ") == 3, timeout=10_000)
        qtbot.waitUntil(lambda: window.console.awaiting_input, timeout=10_000)
        qtbot.keyClick(window.console, Qt.Key.Key_Up)
        qtbot.keyClick(window.console, Qt.Key.Key_Up)
        assert window.console.typed_text() == "first"
        qtbot.keyClick(window.console, Qt.Key.Key_Down)
        assert window.console.typed_text() == "second"
        qtbot.keyClick(window.console, Qt.Key.Key_Return)
    assert "echo second\n" in window.console.plain_text().split("echo first")[1]


def test_stdout_and_stderr_have_distinct_colours(qtbot, window):
    set_code(window, "import sys\nprint('out')\nprint('err', file=sys.stderr)\n")
    run_to_end(qtbot, window)
    colours = {}
    block = window.console.document().begin()
    while block.isValid():
        if block.text() in ("out", "err"):
            colours[block.text()] = block.begin().fragment().charFormat().foreground().color().name()
        block = block.next()
    assert colours["out"] != colours["err"]
    assert colours["err"] == window.theme.stderr


def test_print_flood_completes_with_every_line_kept_in_bounds(qtbot, window):
    set_code(window, "for i in range(200_000):\n    print('line', i)\nprint('the end')\n")
    result = run_to_end(qtbot, window, timeout=60_000)
    assert result.status == "finished"
    assert "the end" in window.console.plain_text()
    assert window.console.document().blockCount() <= MAX_LINES + 1


def test_the_window_keeps_answering_while_a_flood_goes_on(qtbot, window, heartbeat):
    # The flood lasts until Stop: the window's own timer must keep ticking meanwhile
    # (whatever the machine's speed; a frozen window never gets there).
    set_code(window, "i = 0\nwhile True:\n    print('line', i)\n    i += 1\n")
    start_run(qtbot, window, "line ")
    heartbeat.ticks = 0
    qtbot.waitUntil(lambda: heartbeat.ticks >= 10, timeout=RUN_TIMEOUT_MS)
    assert window.runner.running
    result = stop_run(qtbot, window)
    assert result.status == "halted"
    assert window.console.document().blockCount() <= MAX_LINES + 1


def test_long_lines_are_squeezed_and_expand_on_request(qtbot, qapp):
    console = Console()
    qtbot.addWidget(console)
    console.append_output("stdout", "x" * 50_000 + "\nshort\n")
    first = console.document().findBlockByNumber(0)
    assert first.text().endswith(SQUEEZE_NOTE)
    assert len(first.text()) == SQUEEZE_AT + len(SQUEEZE_NOTE)
    assert console.document().findBlockByNumber(1).text() == "short"
    assert console.expand_line(0)
    assert console.document().findBlockByNumber(0).text() == "x" * 50_000


def test_long_line_arriving_in_pieces_is_squeezed_once(qtbot, qapp):
    console = Console()
    qtbot.addWidget(console)
    for _ in range(100):
        console.append_output("stdout", "y" * 500)
    console.append_output("stdout", "\nnext\n")
    assert console.document().findBlockByNumber(0).text().count(SQUEEZE_NOTE.strip()) == 1
    console.expand_line(0)
    assert console.document().findBlockByNumber(0).text() == "y" * 50_000


def test_scrollback_is_bounded(qtbot, qapp):
    console = Console()
    qtbot.addWidget(console)
    console.append_output("stdout", "".join(f"{i}\n" for i in range(MAX_LINES * 2)))
    assert console.document().blockCount() <= MAX_LINES
    assert console.document().lastBlock().previous().text() == str(MAX_LINES * 2 - 1)


def test_auto_scroll_pauses_while_scrolled_up_and_resumes_at_the_bottom(qtbot, qapp):
    console = Console()
    qtbot.addWidget(console)
    console.resize(400, 200)
    console.show()
    console.append_output("stdout", "".join(f"{i}\n" for i in range(300)))
    bar = console.verticalScrollBar()
    assert bar.value() == bar.maximum()
    bar.setValue(10)
    console.append_output("stdout", "more\n" * 50)
    assert bar.value() == 10
    bar.setValue(bar.maximum())
    console.append_output("stdout", "again\n" * 50)
    assert bar.value() == bar.maximum()


def test_clear_button_empties_the_console(qtbot, window):
    set_code(window, "print('something')\n")
    run_to_end(qtbot, window)
    window.clear_button.click()
    assert window.console.plain_text() == ""


def test_ctrl_d_ends_the_input(qtbot, window):
    set_code(window, "import sys\nlines = sys.stdin.readlines()\nprint('read', len(lines), 'lines')\n")
    with qtbot.waitSignal(window.runner.finished, timeout=15_000):
        window.commands["run"].trigger()
        _type_answer(qtbot, window, "one")
        _type_answer(qtbot, window, "two")
        qtbot.waitUntil(lambda: window.console.awaiting_input, timeout=10_000)
        qtbot.keyClick(window.console, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert "read 2 lines" in window.console.plain_text()


def test_focus_returns_to_the_editor_after_a_program_that_asked_for_input(qtbot, window):
    set_code(window, "name = input('Name? ')\nprint('Hello', name)\n")
    start_run(qtbot, window)
    qtbot.waitUntil(lambda: window.console.awaiting_input, timeout=RUN_TIMEOUT_MS)
    assert window.focusWidget() is window.console
    qtbot.keyClicks(window.console, "Ada")
    with qtbot.waitSignal(window.runner.finished, timeout=RUN_TIMEOUT_MS):
        qtbot.keyClick(window.console, Qt.Key.Key_Return)
    assert window.focusWidget() is window.editor
    qtbot.keyClicks(window.editor, "# typed after the run")
    assert "# typed after the run" in window.editor.toPlainText()


def test_scrolled_up_view_holds_still_while_old_lines_are_trimmed(qtbot, qapp):
    console = Console()
    qtbot.addWidget(console)
    console.resize(500, 240)
    console.show()
    console.append_output("stdout", "".join(f"line {i}\n" for i in range(MAX_LINES)))
    bar = console.verticalScrollBar()
    bar.setValue(bar.maximum() - MAX_LINES // 2)   # the learner scrolls up to read
    reading = console.firstVisibleBlock().text()
    assert not console.new_output_button.isVisible()
    for batch in range(5):                    # the flood goes on, trimming the oldest lines
        console.append_output("stdout", "".join(f"more {batch}.{i}\n" for i in range(MAX_LINES // 20)))
        assert console.firstVisibleBlock().text() == reading
    assert console.new_output_button.isVisible()
    console.new_output_button.click()
    assert bar.value() == bar.maximum() and not console.new_output_button.isVisible()
    assert console.firstVisibleBlock().text() != reading


def test_a_failed_run_brings_the_traceback_and_hint_into_view(qtbot, window, tmp_path):
    scrolled = tmp_path / "scrolled"  # the program fails only once the test has scrolled up
    set_code(window, "import os, time\nfor i in range(300):\n    print('row', i)\nprint('ready')\n"
                     f"while not os.path.exists({str(scrolled)!r}):\n    time.sleep(0.01)\n"
                     "print(undefined_name)\n")
    with qtbot.waitSignal(window.runner.finished, timeout=RUN_TIMEOUT_MS):
        start_run(qtbot, window, "ready")
        window.console.verticalScrollBar().setValue(0)   # scrolled up while it ran
        scrolled.touch()
    bar = window.console.verticalScrollBar()
    assert bar.value() == bar.maximum()
    assert not window.console.new_output_button.isVisible()


def test_switching_theme_recolours_the_text_already_in_the_console(qtbot, window):
    set_code(window, "import sys\nprint('out')\nprint('err', file=sys.stderr)\nprint(1/0)\n")
    run_to_end(qtbot, window)
    window.set_theme("dark")
    console, theme = window.console, window.theme
    colours = {}
    block = console.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            colours.setdefault(fragment.text().strip()[:3], fragment.charFormat().foreground().color().name())
            fragments += 1
        block = block.next()
    assert colours["out"] == theme.stdout.lower()
    assert colours["err"] == theme.stderr.lower()
    assert colours["Hin"] == theme.hint.lower()
