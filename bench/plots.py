"""How fast matplotlib animations reach the Plots pane, and how fast Stop and Pause land.

    QT_QPA_PLATFORM=offscreen python bench/plots.py [--seconds S] [--stops N]

Frame rate: a 1,000-point line animated with ``plt.pause(0.001)`` in a loop, and the
same with ``FuncAnimation(interval=1)`` inside ``plt.show()``, run through the engine
for S seconds with the pane attached (the real ``PlotsFeed`` and ``PlotsView`` on this
thread). It prints the frames the program made per second and the frames the pane
showed per second (the feed keeps only the newest picture when the window is
behind). Beside them, for comparison: the same figure drawn with plain Agg in this
process (``canvas.draw()`` and a copy of its pixels, no Sprout, no window). Stop and Pause: N
times, the pause animation is stopped (or paused) at a random moment, and the time
until the run returned (or the pause began) is measured.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

PAUSE_LOOP = """
import matplotlib.pyplot as plt
import numpy as np
x = np.linspace(0, 10, 1000)
line, = plt.plot(x, np.sin(x))
frame = 0
while True:
    frame += 1
    line.set_ydata(np.sin(x + frame / 10))
    plt.pause({wait})
"""

FUNC_ANIMATION = """
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.animation import FuncAnimation
x = np.linspace(0, 10, 1000)
fig, ax = plt.subplots()
line, = ax.plot(x, np.sin(x))
def update(frame):
    line.set_ydata(np.sin(x + frame / 10))
    return line,
anim = FuncAnimation(fig, update, interval=1, cache_frame_data=False)
plt.show()
"""


def plain_agg_fps(seconds: float) -> float:
    """For comparison: redraw and copy the same figure with Agg alone."""
    import matplotlib
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    assert matplotlib
    figure = Figure()
    canvas = FigureCanvasAgg(figure)
    x = np.linspace(0, 10, 1000)
    line, = figure.add_subplot().plot(x, np.sin(x))
    frames, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        frames += 1
        line.set_ydata(np.sin(x + frames / 10))
        canvas.draw()
        bytes(canvas.buffer_rgba())
    return frames / (time.perf_counter() - started)


class Pane:
    """The window's side: the feed and the view, counting the pictures it shows."""

    def __init__(self) -> None:
        from PySide6.QtWidgets import QApplication

        from ide.plots_feed import PlotsFeed
        from ide.plots_view import PlotsView
        self.app = QApplication.instance() or QApplication([])
        self.view = PlotsView()
        self.view.resize(700, 560)
        self.view.show()
        self.feed = PlotsFeed(lambda: 1)
        self.shown = 0
        self.made = 0
        self.feed.arrived.connect(self._apply)

    def _apply(self, messages: list[tuple]) -> None:
        self.shown += sum(1 for message in messages if message[0] == "figure")
        self.view.apply(messages)
        self.view.canvas.repaint()

    def put(self, messages: list[tuple]) -> None:
        self.made += sum(1 for message in messages if message[0] == "figure")
        self.feed.put(1, messages)

    def spin(self, until: threading.Event, limit: float) -> None:
        deadline = time.monotonic() + limit
        while not until.is_set() and time.monotonic() < deadline:
            self.app.processEvents()
            time.sleep(0.002)


def frame_rate(program: str, seconds: float) -> tuple[float, float]:
    from vm import VM
    pane = Pane()
    vm = VM(on_output=lambda stream, text: None, on_plots=pane.put)
    done = threading.Event()

    def run() -> None:
        vm.run(program)
        done.set()

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    pane.spin(threading.Event(), 3.0)  # matplotlib's import and the first picture
    made, shown, started = pane.made, pane.shown, time.perf_counter()
    pane.spin(threading.Event(), seconds)
    elapsed = time.perf_counter() - started
    made, shown = pane.made - made, pane.shown - shown
    vm.interrupt()
    pane.spin(done, 10)
    return made / elapsed, shown / elapsed


def one_latency(pause: bool) -> float:
    """Start the pause animation, stop (or pause) it at a random moment: seconds until it landed."""
    from vm import VM
    pane = Pane()
    vm = VM(on_output=lambda stream, text: None, on_plots=pane.put)
    done, paused = threading.Event(), threading.Event()
    landed: list[float] = []

    def run() -> None:
        vm.run(PAUSE_LOOP.format(wait=0.1))
        landed.append(time.perf_counter())
        done.set()

    def at_safe_point(frame: object) -> None:
        landed.append(time.perf_counter())
        paused.set()

    threading.Thread(target=run, daemon=True).start()
    pane.spin(threading.Event(), 2.5 + random.random())
    pressed = time.perf_counter()
    if pause:
        vm.request_pause(at_safe_point)
        pane.spin(paused, 10)
    vm.interrupt()
    pane.spin(done, 10)
    return landed[0] - pressed


def latencies(trials: int, pause: bool) -> list[float]:
    return [one_latency(pause) for _ in range(trials)]


def summary(values: list[float]) -> str:
    ordered = sorted(values)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return (f"median {statistics.median(ordered) * 1000:5.1f} ms   p99 {p99 * 1000:5.1f} ms   "
            f"max {ordered[-1] * 1000:5.1f} ms   (n={len(ordered)})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--stops", type=int, default=15)
    arguments = parser.parse_args()
    import matplotlib
    print(f"matplotlib {matplotlib.__version__}, Python {sys.version.split()[0]}")
    plain_agg_fps(1.0)  # fonts and caches, once
    print(f"plain Agg redraw + copy, no Sprout  {plain_agg_fps(arguments.seconds):5.1f} frames/s")
    for name, program in (("plt.pause(0.001) loop", PAUSE_LOOP.format(wait=0.001)),
                          ("FuncAnimation(interval=1)", FUNC_ANIMATION)):
        made, shown = frame_rate(program, arguments.seconds)
        print(f"{name:<34}  {made:5.1f} frames/s made, {shown:5.1f} frames/s shown in the pane")
    print(f"Stop in plt.pause(0.1) loop          {summary(latencies(arguments.stops, pause=False))}")
    print(f"Pause in plt.pause(0.1) loop         {summary(latencies(arguments.stops, pause=True))}")


if __name__ == "__main__":
    main()
