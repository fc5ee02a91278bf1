"""Launch to usable window, Sprout beside IDLE, on a real X display.

    python bench/startup.py [--trials N] [--file SCRIPT] [--compare CHECKOUT] [--floor]
    python bench/startup.py --instructions [--compare CHECKOUT]

**What is measured.** Each trial starts a fresh process and times, on the wall clock,
from just before the process is started until the text widget that shows the script has
been painted for the first time and the event loop has finished that pass:

- Sprout: ``python main.py SCRIPT``. The moment is the end of the event-loop pass in
  which the editor's viewport handled its first paint event while holding SCRIPT's text
  (a zero-time timer set from that paint event fires right after the pass, once the
  window's backing store has been flushed to the display).
- IDLE: ``python -m idlelib SCRIPT`` (an editor window on SCRIPT, no shell). The moment
  is the first ``<Expose>`` event of the Text widget holding SCRIPT's text, after
  ``update_idletasks()`` has run the idle callbacks that draw the text (Tk draws a
  Text widget from an idle callback, after its expose).

Both run in a wrapper (``python -c``) that installs only that hook (for Sprout, once
the program itself has imported Qt's widgets: the wrapper loads no Qt of its own, as
import order changes what imports cost), then runs the real entry point (``main.py``
or ``idlelib`` as ``__main__``) with the same ``sys.argv`` as the plain command; the wrapper prints the moment and leaves at once
(``os._exit``), so closing is not timed. Each process gets fresh, empty settings
folders (``HOME``, ``XDG_CONFIG_HOME``, ``XDG_DATA_HOME``; the font cache stays warm,
as on a second start), and SCRIPT is Sprout's welcome example unless ``--file`` says
otherwise. Trials alternate between the two (one discarded warm-up of each first), so
the machine's load hits both alike.

Without ``DISPLAY`` the bench starts its own ``Xvfb`` and runs both on it (Sprout on
Qt's ``xcb`` platform, as on a desktop). ``--compare`` adds another Sprout checkout (an
older commit, say) to the same interleaved trials; ``--floor`` adds the least a PySide6
window showing the file can take (a bare ``QMainWindow`` with a ``QPlainTextEdit``,
same moment). **Goal: Sprout <= 0.4 s.**

``--instructions`` counts instead the CPU instructions of one Sprout launch to the same
moment, under ``valgrind --tool=callgrind`` on Qt's ``offscreen`` platform: unlike the
wall clock, the count hardly moves with the machine's load.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WELCOME = ROOT / "resources" / "examples" / "00_welcome.py"

SPROUT_PROBE = """
import importlib.util, os, runpy, sys, time
main_py, script = sys.argv[1], sys.argv[2]
sys.argv = [main_py, script]
sys.path[0] = os.path.dirname(main_py)  # as `python main.py` sets it
first_line = open(script, encoding="utf-8").readline().rstrip("\\n")

def report():
    print("usable", time.time(), flush=True)
    os._exit(0)

def install_hooks():
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTextEdit, QWidget

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
                text = watched.parent()
                if isinstance(text, (QPlainTextEdit, QTextEdit)) and text.toPlainText().startswith(first_line):
                    QTimer.singleShot(0, report)
            return False

    original_show = QWidget.show
    def show(self):
        app = QApplication.instance()
        if self.isWindow() and not hasattr(app, "_first_paint"):
            app._first_paint = FirstPaint()
            app.installEventFilter(app._first_paint)
        original_show(self)
    QWidget.show = show

class AfterQtWidgets:
    # Hooks in once the program itself imports Qt's widgets: the wrapper imports
    # nothing of Qt before the program does (import order changes what imports cost).
    def find_spec(self, name, path, target=None):
        if name != "PySide6.QtWidgets":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        load = spec.loader.exec_module
        def exec_module(module):
            load(module)
            install_hooks()
        spec.loader.exec_module = exec_module
        return spec

sys.meta_path.insert(0, AfterQtWidgets())
runpy.run_path(main_py, run_name="__main__")
"""

IDLE_PROBE = """
import os, runpy, sys, time, tkinter
script = sys.argv[1]
sys.argv = [sys.argv[0], script]
first_line = open(script, encoding="utf-8").readline().rstrip("\\n")

def exposed(event):
    widget = event.widget
    if widget.get("1.0", "1.end") == first_line:
        widget.update_idletasks()
        print("usable", time.time(), flush=True)
        os._exit(0)

original_init = tkinter.Text.__init__
def init(self, *args, **kwargs):
    original_init(self, *args, **kwargs)
    tkinter.Misc.bind(self, "<Expose>", exposed, "+")
tkinter.Text.__init__ = init
runpy.run_module("idlelib", run_name="__main__", alter_sys=True)
"""


FLOOR_PROBE = """
import os, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit
app = QApplication(sys.argv[:1])
app.setStyle("Fusion")
window = QMainWindow()
editor = QPlainTextEdit()
window.setCentralWidget(editor)
editor.setPlainText(open(sys.argv[1], encoding="utf-8").read())
window.resize(1000, 720)

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if watched is editor.viewport() and event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, lambda: (print("usable", time.time(), flush=True), os._exit(0)))
        return False

first_paint = FirstPaint()
app.installEventFilter(first_paint)
window.show()
app.exec()
"""


def one_start(command: list[str], env: dict[str, str]) -> float:
    """Seconds from just before the process starts to its ``usable`` line."""
    home = tempfile.mkdtemp(prefix="startup-home-")
    try:
        env = dict(env, HOME=home, XDG_CONFIG_HOME=os.path.join(home, ".config"),
                   XDG_DATA_HOME=os.path.join(home, ".local", "share"))
        started = time.time()
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
        lines = [line for line in done.stdout.splitlines() if line.startswith("usable ")]
        if not lines:
            raise RuntimeError(f"{command[:3]} gave no time:\n{done.stdout}\n{done.stderr}")
        return float(lines[0].split()[1]) - started
    finally:
        shutil.rmtree(home, ignore_errors=True)


def instructions(main_py: Path, script: str) -> float:
    """Millions of instructions of one launch to usable window, under callgrind."""
    home = tempfile.mkdtemp(prefix="startup-home-")
    try:
        out = os.path.join(home, "callgrind.out")
        env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=os.path.join(home, ".config"),
                   XDG_DATA_HOME=os.path.join(home, ".local", "share"), QT_QPA_PLATFORM="offscreen",
                   PYTHONHASHSEED="0")
        subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable, "-c",
                        SPROUT_PROBE, str(main_py), script], env=env, capture_output=True, timeout=600, check=True)
        with open(out, encoding="utf-8") as counts:
            total = next(line for line in counts if line.startswith(("summary:", "totals:")))
        return int(total.split()[1]) / 1e6
    finally:
        shutil.rmtree(home, ignore_errors=True)


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    """An X server of our own on a free display number (Xvfb picks it and tells us)."""
    read_end, write_end = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x1024x24",
                               "-nolisten", "tcp"], pass_fds=(write_end,),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        number = pipe.readline().strip()
    if not number:
        server.kill()
        raise RuntimeError("Xvfb did not start")
    return server, f":{number}"


def summary(name: str, times: list[float]) -> str:
    return (f"{name:8} trials {len(times):2}  median {statistics.median(times):.3f} s  "
            f"best {min(times):.3f} s  worst {max(times):.3f} s")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--trials", type=int, default=9)
    parser.add_argument("--file", type=Path, default=WELCOME)
    parser.add_argument("--compare", type=Path, help="another Sprout checkout to time alongside")
    parser.add_argument("--floor", action="store_true", help="also time a bare PySide6 window")
    parser.add_argument("--instructions", action="store_true", help="count instructions under callgrind")
    args = parser.parse_args()
    script = str(args.file.resolve())
    if args.instructions:
        print(f"Sprout   {instructions(ROOT / 'main.py', script):8.1f} M instructions to usable window")
        if args.compare:
            print(f"compared {instructions(args.compare.resolve() / 'main.py', script):8.1f} M instructions "
                  f"({args.compare.resolve()})")
        return
    server = None
    env = dict(os.environ)
    if not env.get("DISPLAY"):
        server, env["DISPLAY"] = start_xvfb()
    env["QT_QPA_PLATFORM"] = "xcb"
    env.pop("WAYLAND_DISPLAY", None)
    commands = {
        "Sprout": [sys.executable, "-c", SPROUT_PROBE, str(ROOT / "main.py"), script],
        "IDLE": [sys.executable, "-c", IDLE_PROBE, script],
    }
    if args.floor:
        commands["floor"] = [sys.executable, "-c", FLOOR_PROBE, script]
    if args.compare:
        commands["compared"] = [sys.executable, "-c", SPROUT_PROBE, str(args.compare.resolve() / "main.py"), script]
    times: dict[str, list[float]] = {name: [] for name in commands}
    try:
        for command in commands.values():
            one_start(command, env)  # warm-up: files into the page cache
        for trial in range(args.trials):
            for name, command in (commands.items() if trial % 2 == 0 else reversed(commands.items())):
                times[name].append(one_start(command, env))
            print(f"trial {trial + 1:2}: " + "  ".join(f"{name} {times[name][-1]:.3f} s" for name in commands),
                  flush=True)
    finally:
        if server is not None:
            server.terminate()
            server.wait()
    print(f"launch to usable window (display {env['DISPLAY']}, {Path(script).name}):")
    if args.compare:
        print(f"compared: {args.compare.resolve()}")
    for name in commands:
        print(summary(name, times[name]))
    sprout, idle = statistics.median(times["Sprout"]), statistics.median(times["IDLE"])
    print(f"Sprout / IDLE: median {sprout / idle:.2f}x, best {min(times['Sprout']) / min(times['IDLE']):.2f}x "
          f"(goal: Sprout <= 0.4 s)")


if __name__ == "__main__":
    main()
