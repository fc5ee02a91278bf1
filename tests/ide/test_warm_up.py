"""A fast start: the first window is drawn before the engine, jedi, and the panes a
learner has not opened yet are loaded, and each of them still works when first used."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QAction

from ide.resources import WELCOME_EXAMPLE

from .conftest import RUN_TIMEOUT_MS, run_to_end, set_code, start_run, stop_run

ROOT = Path(__file__).resolve().parents[2]

# Starts Sprout as ``python main.py FILE`` does and notes the modules loaded when the
# editor has been painted for the first time, then again once the start has finished.
START = """
import json, sys
from ide import app
seen = {}
finish_start = app._after_first_paint
def noted(window):
    from ide import completion
    seen["painted"] = sorted(sys.modules)
    finish_start(window)
    seen["started"] = sorted(sys.modules)
    seen["completion_started"] = completion._service is not None
    seen["title"] = window.windowTitle()
    window.close()
app._after_first_paint = noted
code = app.main([sys.argv[1]])
print(json.dumps(seen))
"""

LOADED_LATER = ("jedi", "vm.machine", "vm.debugger", "vm.run", "vm.report.inspector", "ide.drawing_view", "ide.plots_view",
                "ide.packages_dialog", "PySide6.QtSvg", "logging.handlers")


def start_sprout(tmp_path: Path) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_STATE_HOME=str(tmp_path / "state"),
               PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", START, str(WELCOME_EXAMPLE)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_first_window_is_drawn_before_the_engine_and_unopened_panes_load(tmp_path):
    seen = start_sprout(tmp_path)
    assert "00_welcome.py" in seen["title"]
    loaded_early = [name for name in LOADED_LATER if name in seen["painted"]]
    assert loaded_early == []
    # Right after the first paint the engine loads, so the first Run does not wait for it.
    assert "vm.machine" in seen["started"]
    # Completion starts jedi (in a process of its own) when first asked, not at start.
    assert "jedi" not in seen["started"] and not seen["completion_started"]


def test_a_run_right_after_the_window_opens_loads_the_engine_and_runs(qtbot, window):
    set_code(window, "print('hello from a fresh window')\n")
    result = run_to_end(qtbot, window)
    assert result.status == "finished"
    assert "hello from a fresh window" in window.console.plain_text()


def test_stop_works_on_the_first_run_of_a_fresh_window(qtbot, window):
    set_code(window, "while True:\n    pass\n")
    start_run(qtbot, window)
    assert stop_run(qtbot, window).status == "halted"


def test_view_menu_opens_the_drawing_pane_before_any_program_drew(qtbot, window):
    toggle = view_toggle(window, "Drawing Panel")
    toggle.trigger()
    qtbot.waitUntil(window.drawing.dock.isVisible, timeout=RUN_TIMEOUT_MS)
    panel = window.drawing.dock.widget()
    assert panel is window.drawing.panel
    qtbot.waitUntil(panel.view.isVisible, timeout=RUN_TIMEOUT_MS)


def test_view_menu_opens_the_plots_pane_before_any_figure(qtbot, window):
    view_toggle(window, "Plots Panel").trigger()
    qtbot.waitUntil(window.plots.dock.isVisible, timeout=RUN_TIMEOUT_MS)
    assert window.plots.dock.widget() is window.plots.panel
    assert window.plots.panel.position.text() == "No figures"


def test_a_programs_first_drawing_opens_the_pane_with_it(qtbot, window):
    set_code(window, "import turtle\nturtle.forward(50)\n")
    run_to_end(qtbot, window)
    qtbot.waitUntil(window.drawing.dock.isVisible, timeout=RUN_TIMEOUT_MS)
    assert window.drawing.dock.widget() is window.drawing.panel
    assert window.drawing.view.scene().items()


def test_manage_packages_opens_its_dialog_on_first_use(qtbot, window):
    dialog = window.packages.open()
    assert dialog.isVisible()
    dialog.close()


def view_toggle(window, text: str) -> QAction:
    view_menu = next(action.menu() for action in window.menuBar().actions() if action.text() == "&View")
    return next(action for action in view_menu.actions() if action.text() == text)
