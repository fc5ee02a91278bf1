"""Where Sprout's start goes: each step of ``ide.app.main`` timed inside the process.

    python bench/startup_phases.py [--runs N]

Each run is a fresh process on an Xvfb display of the bench's own (or ``DISPLAY``),
with empty settings, doing what ``python main.py`` does in order: the launcher's
engine-free part, pygments (loaded before Qt, as ``ide.app`` does), Qt's modules,
Sprout's modules, the ``QApplication``, the main window, the palette and the welcome
example, then show until the editor's first paint has been handled. Prints each
step's median over the runs, in milliseconds (the interpreter's own start, before
the first line, is not included; ``bench/startup.py`` times the whole launch).
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from startup import start_xvfb

ROOT = Path(__file__).resolve().parent.parent

RUN = """
import os, sys, time
marks = [("start", time.perf_counter())]
def mark(name):
    marks.append((name, time.perf_counter()))
sys.path.insert(0, sys.argv[1])
from vm.process.script_path import launched_plainly
launched_plainly()
mark("launcher")
import pygments.lexers.python, pygments.styles
mark("pygments")
import PySide6.QtWidgets
mark("Qt modules")
from ide import app as app_module
from ide.main_window import MainWindow
from ide.themes import THEMES, apply_palette
mark("Sprout modules")
app = app_module.create_app()
mark("QApplication")
window = MainWindow()
mark("main window")
apply_palette(app, THEMES["light"])
window.open_initial(None)
mark("palette, example")
from PySide6.QtCore import QEvent, QObject, QTimer
class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if watched is window.editor.viewport() and event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, app.quit)
        return False
first_paint = FirstPaint()
app.installEventFilter(first_paint)
window.show()
app.exec()
mark("show, first paint")
print(";".join(f"{name}={(at - marks[i][1]) * 1000:.2f}" for i, (name, at) in enumerate(marks[1:])))
os._exit(0)
"""


def one_run(env: dict[str, str]) -> dict[str, float]:
    home = tempfile.mkdtemp(prefix="phases-home-")
    try:
        env = dict(env, XDG_CONFIG_HOME=os.path.join(home, "config"), XDG_DATA_HOME=os.path.join(home, "data"))
        out = subprocess.run([sys.executable, "-c", RUN, str(ROOT)], env=env, capture_output=True, text=True,
                             timeout=120).stdout.strip().splitlines()[-1]
    finally:
        shutil.rmtree(home, ignore_errors=True)
    return {name: float(ms) for name, ms in (field.split("=") for field in out.split(";"))}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM="xcb")
    server = None
    if not env.get("DISPLAY"):
        server, env["DISPLAY"] = start_xvfb()
    try:
        one_run(env)  # warm-up
        runs = [one_run(env) for _ in range(args.runs)]
    finally:
        if server is not None:
            server.terminate()
            server.wait()
    print(f"median of {args.runs} runs, ms:")
    for name in runs[0]:
        print(f"  {name:20} {statistics.median(run[name] for run in runs):7.1f}")
    print(f"  {'total':20} {statistics.median(sum(run.values()) for run in runs):7.1f}")


if __name__ == "__main__":
    main()
