"""Typing into a 2,000-line file in the real window (offscreen): milliseconds per key.

    QT_QPA_PLATFORM=offscreen python bench/typing_latency.py [--keys N] [--gap-ms G]

Types lines such as ``side = round(math.sqrt(area), 2)`` in the middle of a saved
2,000-line program, with highlighting on, once with completion and signature help off
and once on (jedi answering on its worker thread meanwhile: the list after each ``.``,
the signature after each ``(`` and at every key inside the call). A key's time runs
from the key press to the end of the event-loop pass that follows it (highlighting,
auto pairs, any answer that arrived, painting). Between keys the window idles for
``--gap-ms`` (a quick typist: 60 ms), as jedi then has time to answer. Goal: p95 < 16 ms.
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

from PySide6.QtCore import QSettings, QStandardPaths, Qt  # noqa: E402
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


def type_keys(window: MainWindow, keys: int, gap: float) -> list[float]:
    editor = window.editor
    editor.go_to_line(1000)
    editor.moveCursor(editor.textCursor().MoveOperation.StartOfLine)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    editor.moveCursor(editor.textCursor().MoveOperation.Up)
    times: list[float] = []
    line = 0
    while len(times) < keys:
        for char in [*LINES_TYPED[line % len(LINES_TYPED)], "\n"]:
            started = time.perf_counter()
            if char == "\n":
                editor.completion.close()  # Enter would accept a suggestion still showing
                QTest.keyClick(editor, Qt.Key.Key_Return)
            else:
                QTest.keyClicks(editor, char)
            QApplication.processEvents()
            times.append((time.perf_counter() - started) * 1000)
            idle(gap)
        line += 1
    return times[:keys]


def report(label: str, times: list[float]) -> None:
    ordered = sorted(times)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    print(f"{label:28} keys {len(times):4}  median {statistics.median(times):5.2f} ms  "
          f"p95 {p95:5.2f} ms  max {ordered[-1]:6.2f} ms")


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
    for enabled in (False, True):
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
        times = type_keys(window, args.keys, args.gap_ms / 1000)
        report(f"completion {'on' if enabled else 'off'}, {window.editor.blockCount()} lines", times)
        window.editor.document().setModified(False)
        window.close()


if __name__ == "__main__":
    main()
