"""A million prints through the real window (offscreen): total time and the longest stall.

    QT_QPA_PLATFORM=offscreen python bench/ui_flood.py [--lines N] [--stderr]

A 5 ms QTimer measures the UI thread: the longest gap between its ticks is the
longest time the window could not answer. Goal: longest stall <= 100 ms. It also
counts the lines the console's log kept (what Save Output… writes): all of them.
``--stderr`` sends every other line to stderr, which is handed over line by line.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QSettings, QStandardPaths, QTimer  # noqa: E402

from ide.app import create_app  # noqa: E402
from ide.files import RecoveryStore  # noqa: E402
from ide.main_window import MainWindow  # noqa: E402
from ide.settings import Settings  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--stderr", action="store_true")
    args = parser.parse_args()
    QStandardPaths.setTestModeEnabled(True)
    app = create_app()
    folder = Path(tempfile.mkdtemp())
    window = MainWindow(Settings(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)),
                        RecoveryStore(folder / "recovery"))
    window.resize(1000, 700)
    window.show()
    target = ", file=sys.stderr if i % 2 else sys.stdout" if args.stderr else ""
    window.editor.setPlainText(f"import sys\nfor i in range({args.lines}):\n    print('line', i, 'of the flood'{target})\n")
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    heartbeat = QTimer()
    heartbeat.timeout.connect(tick)
    heartbeat.start(5)
    results: list = []

    def on_finished(result: object) -> None:
        results.append(result)
        app.quit()

    window.runner.finished.connect(on_finished)
    started = time.perf_counter()
    QTimer.singleShot(0, window.run_script)
    app.exec()
    total = time.perf_counter() - started
    heartbeat.stop()
    window.editor.document().setModified(False)
    last_line = window.console.document().lastBlock().previous().previous().text()
    print(f"{args.lines:,} prints: run {results[0].duration:.2f} s, window total {total:.2f} s")
    print(f"longest event-loop stall {max(gaps) * 1000:.1f} ms over {len(gaps)} ticks "
          f"(goal <= 100 ms); console ends with {last_line!r}")
    saved = folder / "output.txt"
    window.console.log.save_to(saved)
    with saved.open(encoding="utf-8") as text:
        kept = sum(line.startswith("line ") for line in text)
    print(f"Save Output… keeps {kept:,} of {args.lines:,} lines; the console shows "
          f"{window.console.document().blockCount():,}")
    window.runner.shutdown()


if __name__ == "__main__":
    main()
