"""matplotlib's figures appear in the Plots pane; animations update it, Stop ends them,
and the pane saves figures as matplotlib would."""
from __future__ import annotations

import subprocess
import sys
import time

import pytest
from PySide6.QtGui import QGuiApplication

from tests.ide.conftest import RUN_TIMEOUT_MS, run_to_end, set_code, start_run, stop_run

pytest.importorskip("matplotlib")

THREE_FIGURES = """\
import matplotlib.pyplot as plt
plt.plot([1, 2, 3], [1, 4, 9], color="red", linewidth=8)
plt.title("squares")
plt.figure()
plt.bar(["a", "b", "c"], [3, 1, 2])
fig, axes = plt.subplots(2, 2)
plt.show()
print("show returned")
"""


def red_share(image) -> float:
    """How much of a picture is the plot's strong red (a rough look at what is shown)."""
    step, red, seen = 4, 0, 0
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            colour = image.pixelColor(x, y)
            seen += 1
            red += colour.red() > 200 and colour.green() < 80 and colour.blue() < 80
    return red / max(seen, 1)


def test_show_puts_every_figure_in_the_pane_and_returns(qtbot, window):
    assert not window.plots.dock.isVisible()
    set_code(window, THREE_FIGURES)
    result = run_to_end(qtbot, window)
    assert result.status == "finished", result
    assert "show returned" in window.console.plain_text()
    view = window.plots.view
    qtbot.waitUntil(lambda: len(view.figures) == 3, timeout=RUN_TIMEOUT_MS)
    assert window.plots.dock.isVisible()
    assert [figure.label for figure in view.figures] == ["Figure 1", "Figure 2", "Figure 3"]
    assert view.current == 2  # the newest is shown
    view.show_figure(0)
    assert red_share(view.canvas.grab().toImage()) > 0.002  # the thick red line is on screen
    assert window.plots.panel.position.text() == "1 / 3"
    assert window.plots.panel.position.toolTip() == "Figure 1"
    window.plots.panel.next_button.click()
    assert view.current == 1


def test_the_next_run_clears_the_pane_and_a_script_without_figures_leaves_it_empty(qtbot, window):
    set_code(window, THREE_FIGURES)
    run_to_end(qtbot, window)
    qtbot.waitUntil(lambda: len(window.plots.view.figures) == 3, timeout=RUN_TIMEOUT_MS)
    set_code(window, "print('no plots')\n")
    run_to_end(qtbot, window)
    qtbot.waitUntil(lambda: not window.plots.view.figures, timeout=RUN_TIMEOUT_MS)
    assert not window.plots.dock.isVisible()  # no empty pane left taking the room


def test_a_plots_pane_the_learner_opened_stays_open_for_the_next_run(qtbot, window):
    window.plots.toggle.trigger()
    assert window.plots.dock.isVisible()
    set_code(window, "print('no plots')\n")
    run_to_end(qtbot, window)
    assert window.plots.dock.isVisible()


ANIMATION = """\
import matplotlib.pyplot as plt
import numpy as np
x = np.linspace(0, 10, 1000)
line, = plt.plot(x, np.sin(x))
frame = 0
print("ready")
while True:
    frame += 1
    line.set_ydata(np.sin(x + frame / 5))
    plt.title(f"frame {frame}")
    plt.pause(0.05)
"""


def test_a_pause_animation_updates_the_pane_and_stop_ends_it(qtbot, window):
    set_code(window, ANIMATION)
    start_run(qtbot, window, "ready")
    view = window.plots.view
    qtbot.waitUntil(lambda: len(view.figures) == 1, timeout=RUN_TIMEOUT_MS)
    first = view.figures[0].image
    qtbot.waitUntil(lambda: view.figures[0].image != first, timeout=RUN_TIMEOUT_MS)  # a later frame
    pressed = time.monotonic()
    result = stop_run(qtbot, window)
    assert time.monotonic() - pressed < 5  # it ends (a generous bound, not a speed test)
    assert result.status == "halted" and result.activity == "plots", result
    assert window.editor.halted_line in (8, 9, 10, 11)
    assert len(view.figures) == 1  # the last frame stays on screen
    assert "showing its matplotlib figures" in window.console.plain_text()


def test_func_animation_in_show_runs_to_its_end(qtbot, window):
    set_code(window, """\
import matplotlib.pyplot as plt
from matplotlib.animation import FuncAnimation
fig, ax = plt.subplots()
line, = ax.plot([0, 1], [0, 0])
calls = []
def update(i):
    calls.append(i)
    line.set_ydata([0, i])
    return line,
anim = FuncAnimation(fig, update, frames=5, interval=10, repeat=False)
plt.show()
print("frames", len(calls) >= 5)
""")
    result = run_to_end(qtbot, window)
    assert result.status == "finished", result
    assert "frames True" in window.console.plain_text()
    qtbot.waitUntil(lambda: len(window.plots.view.figures) == 1, timeout=RUN_TIMEOUT_MS)


def test_savefig_writes_what_plain_python_writes(qtbot, window, tmp_path):
    script = """\
import matplotlib
import matplotlib.pyplot as plt
plt.plot([1, 2, 3], [3, 1, 2])
for ending in ("png", "svg", "pdf"):
    plt.savefig(OUT + "." + ending)
"""
    sprout, plain = tmp_path / "sprout", tmp_path / "plain"
    set_code(window, f"OUT = {str(sprout)!r}\n" + script)
    assert run_to_end(qtbot, window).status == "finished"
    subprocess.run([sys.executable, "-c", f"import matplotlib; matplotlib.use('agg')\nOUT = {str(plain)!r}\n" + script],
                   check=True, timeout=120)
    for ending, magic in (("png", b"\x89PNG"), ("svg", b"<?xml"), ("pdf", b"%PDF")):
        ours, theirs = (sprout.with_suffix("." + ending).read_bytes(), plain.with_suffix("." + ending).read_bytes())
        assert ours.startswith(magic) and theirs.startswith(magic)
        if ending == "png":
            assert ours == theirs  # the same pixels, size and DPI as under python


def test_the_panes_save_writes_png_svg_and_pdf_at_the_figures_size(qtbot, window, tmp_path):
    set_code(window, """\
import matplotlib.pyplot as plt
plt.figure(figsize=(4, 3), dpi=50)
plt.plot([1, 2])
plt.show()
""")
    run_to_end(qtbot, window)
    qtbot.waitUntil(lambda: len(window.plots.view.figures) == 1, timeout=RUN_TIMEOUT_MS)
    for ending, magic in (("png", b"\x89PNG"), ("svg", b"<?xml"), ("pdf", b"%PDF")):
        target = tmp_path / f"figure.{ending}"
        window.plots.save(str(target))
        assert target.read_bytes().startswith(magic)
    from PySide6.QtGui import QImage
    saved = QImage(str(tmp_path / "figure.png"))
    assert (saved.width(), saved.height()) == (200, 150)  # 4 x 3 inches at 50 dpi
    assert 'width="288pt" height="216pt"' in (tmp_path / "figure.svg").read_text()


def test_copy_puts_the_figure_on_the_clipboard_and_clear_empties_the_pane(qtbot, window):
    set_code(window, "import matplotlib.pyplot as plt\nplt.plot([1, 2])\nplt.show()\n")
    run_to_end(qtbot, window)
    qtbot.waitUntil(lambda: len(window.plots.view.figures) == 1, timeout=RUN_TIMEOUT_MS)
    window.plots.panel.copy_button.click()
    assert QGuiApplication.clipboard().image().width() == 640
    window.plots.panel.clear_button.click()
    assert not window.plots.view.figures
    assert window.plots.panel.position.text() == "No figures"


def test_the_pane_has_a_view_toggle_and_accessible_names(qtbot, window):
    toggle = window.plots.toggle
    assert toggle.text() == "Plots Panel" and toggle.shortcut().toString() == "Ctrl+Shift+P"
    assert window.plots.dock.accessibleName() == "Plots pane"
    assert window.plots.view.strip.accessibleName() == "Figures of this run"


def test_the_feed_keeps_the_newest_picture_of_each_figure_and_drops_an_abandoned_runs(qtbot):
    from ide.plots_feed import PlotsFeed
    from vm import PlotImage

    def picture(key: int, tag: bytes) -> tuple:
        return ("figure", PlotImage(key=key, number=key, label="", width=1, height=1, ratio=1.0, pixels=tag * 4))

    current = [2]
    feed = PlotsFeed(lambda: current[0])
    taken: list[list[tuple]] = []
    feed.arrived.connect(taken.append)
    feed.put(1, [picture(9, b"x")])  # an abandoned run's: dropped
    feed.put(2, [picture(1, b"a"), picture(2, b"b")])
    feed.put(2, [picture(1, b"c")])  # a newer picture of figure 1 replaces the waiting one
    qtbot.waitUntil(lambda: bool(taken))
    assert [(message[1].key, message[1].pixels[:1]) for message in taken[0]] == [(1, b"c"), (2, b"b")]
    feed.put(2, [picture(3, b"d"), ("clear",), picture(4, b"e")])
    qtbot.waitUntil(lambda: len(taken) == 2)
    assert [message[0] for message in taken[1]] == ["clear", "figure"] and taken[1][1][1].key == 4
