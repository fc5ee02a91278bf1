"""Long output: every character reaches the console in order; Save Output… keeps it all."""
import errno
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from ide import runner as runner_module
from ide.console import MAX_LINES, SQUEEZE_NOTE
from tests.ide.conftest import RUN_TIMEOUT_MS, run_to_end, set_code, start_run, stop_run
from tests.ide.test_shell import _enter


def _lines(console) -> list[str]:
    return console.plain_text().split("\n")


def _expanded(console, start: str) -> str:
    """The full text of the squeezed line that begins with ``start``."""
    block = console.document().begin()
    while block.isValid() and not block.text().startswith(start):
        block = block.next()
    assert block.text().endswith(SQUEEZE_NOTE), block.text()[-80:]
    assert console.expand_line(block.blockNumber())
    return console.document().findBlockByNumber(block.blockNumber()).text()


def _save_output(window, monkeypatch, path: Path) -> str:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(path), ""))
    window.commands["save_output"].trigger()
    return path.read_text(encoding="utf-8")


def test_a_long_list_is_shown_in_full(qtbot, window):
    set_code(window, "print(list(range(5000)))\nprint('done')\n")
    run_to_end(qtbot, window)
    assert "skipped" not in window.console.plain_text()
    assert _expanded(window.console, "[0, 1, 2") == str(list(range(5000)))
    assert "done" in _lines(window.console)


def test_a_long_line_between_two_short_ones_keeps_all_three_in_order(qtbot, window):
    set_code(window, "print('first')\nprint('x' * 25000)\nprint('last')\n")
    run_to_end(qtbot, window)
    lines = _lines(window.console)
    first = lines.index("first")
    assert lines[first + 1].startswith("x" * 100) and lines[first + 2] == "last"
    assert _expanded(window.console, "xxx") == "x" * 25000


def test_a_greeting_right_after_an_input_answer_is_shown(qtbot, window):
    set_code(window, "name = input('Name? ')\nprint('Hello,', name)\n"
                     "for i in range(400):\n    print(f'{i:4} ' + '=' * 45)\n")
    with qtbot.waitSignal(window.runner.finished, timeout=RUN_TIMEOUT_MS):
        start_run(qtbot, window)
        qtbot.waitUntil(lambda: window.console.awaiting_input, timeout=RUN_TIMEOUT_MS)
        qtbot.keyClicks(window.console, "Ada")
        qtbot.keyClick(window.console, Qt.Key.Key_Return)
    lines = _lines(window.console)
    greeting = lines.index("Hello, Ada")
    assert lines[greeting - 1] == "Name? Ada"
    assert lines[greeting + 1:greeting + 401] == [f"{i:4} " + "=" * 45 for i in range(400)]


def test_copying_a_squeezed_line_copies_all_of_it(qtbot, window):
    set_code(window, "print('before')\nprint('é' * 3000 + '🌱' * 3000)\nprint('after')\n")
    run_to_end(qtbot, window)
    window.console.selectAll()
    window.console.copy()
    copied = QApplication.clipboard().text()
    assert "before\n" + "é" * 3000 + "🌱" * 3000 + "\nafter" in copied
    assert SQUEEZE_NOTE.strip() not in copied
    QApplication.clipboard().clear()
    window.console.selectAll()
    qtbot.keyClick(window.console, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)  # the keys, too
    assert "🌱" * 3000 + "\nafter" in QApplication.clipboard().text()


def test_the_trim_notice_appears_only_past_the_bound(qtbot, window):
    set_code(window, f"for i in range({MAX_LINES - 10}):\n    print('line', i)\n")
    run_to_end(qtbot, window)
    assert "line 0" in _lines(window.console)
    assert not window.console.trim_notice.isVisible()
    set_code(window, f"for i in range({MAX_LINES + 10}):\n    print('line', i)\n")
    run_to_end(qtbot, window)
    assert "line 0" not in _lines(window.console)
    assert window.console.trim_notice.isVisible()
    assert "Save Output" in window.console.trim_notice.text()
    notice = window.console.trim_notice.geometry()
    assert window.console.viewport().geometry().top() == notice.bottom() + 1  # right above the text
    assert window.console.document().blockCount() <= MAX_LINES
    window.console.clear_output()
    assert not window.console.trim_notice.isVisible()


def test_save_output_writes_everything_the_run_printed_trimmed_text_included(qtbot, window, monkeypatch,
                                                                              tmp_path):
    set_code(window, f"import sys\nprint('x' * 30000)\nfor i in range(3 * {MAX_LINES}):\n    print('line', i)\n"
                     "print('oops', file=sys.stderr)\nprint('the end')\n")
    run_to_end(qtbot, window)
    assert "line 0" not in _lines(window.console)
    saved = _save_output(window, monkeypatch, tmp_path / "out.txt").split("\n")
    start = saved.index("x" * 30000)
    assert saved[start + 1:start + 1 + 3 * MAX_LINES] == [f"line {i}" for i in range(3 * MAX_LINES)]
    assert saved[start + 1 + 3 * MAX_LINES:start + 3 + 3 * MAX_LINES] == ["oops", "the end"]
    assert "Output saved" in window.statusBar().currentMessage()


def test_the_trim_notice_link_saves_the_output(qtbot, window, monkeypatch, tmp_path):
    set_code(window, f"for i in range({2 * MAX_LINES}):\n    print('row', i)\n")
    run_to_end(qtbot, window)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(tmp_path / "o.txt"), ""))
    window.console.trim_notice.linkActivated.emit("save")
    assert "row 0\n" in (tmp_path / "o.txt").read_text(encoding="utf-8")


def test_a_print_flood_keeps_every_line_for_save_output(qtbot, window, monkeypatch, tmp_path):
    set_code(window, "for i in range(200_000):\n    print('line', i)\nprint('the end')\n")
    result = run_to_end(qtbot, window, timeout=120_000)
    assert result.status == "finished"
    assert window.console.document().blockCount() <= MAX_LINES
    saved = _save_output(window, monkeypatch, tmp_path / "flood.txt").split("\n")
    start = saved.index("line 0")
    assert saved[start:start + 200_001] == [f"line {i}" for i in range(200_000)] + ["the end"]


def test_a_script_that_outruns_the_window_waits_and_stop_still_ends_it(qtbot, window, monkeypatch):
    monkeypatch.setattr(runner_module, "PENDING_LIMIT", 10_000)
    window.runner.script_output_waiting.disconnect()  # a window too busy to take the output
    set_code(window, "i = 0\nwhile True:\n    print('row', i)\n    i += 1\n")
    start_run(qtbot, window)
    qtbot.waitUntil(lambda: window.runner._pending_chars > 10_000, timeout=RUN_TIMEOUT_MS)
    held = window.runner._pending_chars
    qtbot.wait(500)  # not a synchronisation: the engine would hand over ~15 times meanwhile
    assert window.runner._pending_chars == held  # the script waits for the window
    result = stop_run(qtbot, window)
    assert result.status == "halted"
    lines = [line for line in _lines(window.console) if line.startswith("row ")]
    numbers = [int(line.split()[1]) for line in lines]
    assert numbers == list(range(numbers[0], numbers[0] + len(numbers)))  # nothing missing in between


def test_a_long_line_in_the_shell_expands_in_full(qtbot, window):
    window.output_panel.show_shell()
    _enter(qtbot, window, "print(list(range(5000)))")
    assert _expanded(window.shell, "[0, 1, 2") == str(list(range(5000)))
    assert window.shell.plain_text().endswith(">>> ")


def test_save_output_says_when_the_disk_could_not_keep_everything(qtbot, window, monkeypatch, tmp_path,
                                                                   dialogs):
    set_code(window, "print('kept')\n")
    run_to_end(qtbot, window)
    window.console.log.error = "No space left on device"
    _save_output(window, monkeypatch, tmp_path / "out.txt")
    assert any(kind == "warning" and "No space left" in text for kind, _title, text in dialogs.shown)


class _FullDisk:
    """Stands in for the log's file once the disk is full."""

    def write(self, data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")


def test_a_full_disk_shows_at_the_top_that_save_output_has_not_kept_everything(qtbot, window):
    set_code(window, "print('before')\n")
    run_to_end(qtbot, window)
    assert not window.console.trim_notice.isVisible()
    window.console.log._file = _FullDisk()
    window.console.append_output("stdout", "not kept\n")
    assert window.console.trim_notice.isVisible()
    assert "No space left on device" in window.console.trim_notice.text()
    assert "not kept" in window.console.plain_text()  # the view still shows it
    window.console.log._file = None
    window.console.clear_output()
    assert not window.console.trim_notice.isVisible()
