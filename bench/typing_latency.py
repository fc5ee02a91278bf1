"""Typing into a 2,000-line file in the real window (offscreen): milliseconds per key.

    QT_QPA_PLATFORM=offscreen python bench/typing_latency.py [--keys N] [--gap-ms G]

Types lines such as ``side = round(math.sqrt(area), 2)`` in the middle of a saved
2,000-line program, with highlighting on, once with completion and signature help off
and once on (jedi answering on its worker thread meanwhile: the list after each ``.``,
the signature after each ``(`` and at every key inside the call). A key's time runs
from the key press to the end of the event-loop pass that follows it (highlighting,
auto pairs, any answer that arrived, painting). Between keys the window idles for
``--gap-ms`` (a quick typist: 60 ms), as jedi then has time to answer. Prints p50, p99
and the slowest key, and how many of the timed passes painted the editor (all should:
a key's time includes showing it). A last row opens a triple-quoted string on that line
(three double quotes typed, then undone, 20 times): the rest of the file turns into string and is
coloured again. Goal: p99 < 16 ms (a key shown within one frame at 60 Hz).
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from latency_table import percentile  # noqa: E402
from PySide6.QtCore import QEvent, QObject, QSettings, QStandardPaths, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from ide.app import create_app  # noqa: E402
from ide.completion import service  # noqa: E402
from ide.files import RecoveryStore  # noqa: E402
from ide.main_window import MainWindow  # noqa: E402
from ide.settings import Settings  # noqa: E402

BLOCK = '''

def describe_{n}(values, label="data {n}"):
    """Summarise the numbers in values."""
    total = 0
    for value in values:
        if value > 0:
            total += math.sqrt(value)  # a comment with words
        else:
            print("skipping", value, sep=", ")
    text = f"{{label}}: {{total:.2f}} over {{len(values)}} values"
    return {{"label": label, "total": total, "text": text}}
'''
LINES_TYPED = ["area = width * height", "side = round(math.sqrt(area), 2)", "print(describe_3([side, area]))"]


def program(lines: int) -> str:
    text, n = "import math\n", 0
    while text.count("\n") < lines:
        text += BLOCK.format(n=n)
        n += 1
    return text


def idle(seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        QApplication.processEvents()
        time.sleep(0.002)


class Paints(QObject):
    """Counts the editor's paints, to show each timed pass drew the key typed."""

    def __init__(self, widget: QObject) -> None:
        super().__init__()
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def timed_key(window: MainWindow, paints: Paints, char: str) -> tuple[float, bool]:
    """Milliseconds from the key press to the end of the pass after it; whether it painted."""
    editor = window.editor
    before = paints.count
    started = time.perf_counter()
    if char == "\n":
        editor.completion.close()  # Enter would accept a suggestion still showing
        QTest.keyClick(editor, Qt.Key.Key_Return)
    else:
        QTest.keyClicks(editor, char)
    QApplication.processEvents()
    return (time.perf_counter() - started) * 1000, paints.count > before


def open_strings(window: MainWindow, paints: Paints, times: int, gap: float) -> tuple[list[float], int]:
    """Type ``\"\"\"`` at the start of line 1000, then undo it; the keys' times."""
    editor = window.editor
    keys: list[float] = []
    painted = 0
    for _ in range(times):
        editor.go_to_line(1000)
        editor.moveCursor(editor.textCursor().MoveOperation.StartOfLine)
        for char in '"""':
            spent, drawn = timed_key(window, paints, char)
            keys.append(spent)
            painted += drawn
            idle(gap)
        while editor.document().isUndoAvailable() and editor.document().isModified():
            editor.undo()
        idle(gap)
    return keys, painted


def type_keys(window: MainWindow, paints: Paints, keys: int, gap: float) -> tuple[list[float], int]:
    editor = window.editor
    editor.go_to_line(1000)
    editor.moveCursor(editor.textCursor().MoveOperation.StartOfLine)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    editor.moveCursor(editor.textCursor().MoveOperation.Up)
    times: list[float] = []
    painted = 0
    line = 0
    while len(times) < keys:
        for char in [*LINES_TYPED[line % len(LINES_TYPED)], "\n"]:
            spent, drawn = timed_key(window, paints, char)
            times.append(spent)
            painted += drawn
            idle(gap)
            if len(times) == keys:
                break
        line += 1
    return times, painted


def report(label: str, times: list[float], painted: int) -> None:
    print(f"{label:36} keys {len(times):4}  p50 {statistics.median(times):5.2f} ms  "
          f"p99 {percentile(times, 0.99):5.2f} ms  max {max(times):6.2f} ms  painted {painted}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--keys", type=int, default=300)
    parser.add_argument("--gap-ms", type=float, default=60)
    parser.add_argument("--lines", type=int, default=2000)
    args = parser.parse_args()
    QStandardPaths.setTestModeEnabled(True)
    create_app()
    folder = Path(tempfile.mkdtemp())
    source = folder / "long_program.py"
    source.write_text(program(args.lines), encoding="utf-8")
    for scenario in ("completion off", "completion on", "opening a string"):
        enabled = scenario != "completion off"
        window = MainWindow(Settings(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)),
                            RecoveryStore(folder / "recovery"))
        window.resize(1000, 700)
        window.show()
        window.document.load(source)
        window.editor.setFocus()
        window.editor.completion.enabled = enabled
        if enabled:  # load jedi first: the first answer of a session is not what typing feels like
            window.editor.completion.complete()
            while not service().warm:
                idle(0.1)
            window.editor.completion.close()
        idle(0.5)
        paints = Paints(window.editor.viewport())
        if scenario == "opening a string":
            times, painted = open_strings(window, paints, 20, args.gap_ms / 1000)
        else:
            times, painted = type_keys(window, paints, args.keys, args.gap_ms / 1000)
        report(f"{scenario}, {window.editor.blockCount()} lines", times, painted)
        window.editor.document().setModified(False)
        window.close()

if __name__ == "__main__":
    main()
