"""How fast a turtle drawing reaches the window.

    QT_QPA_PLATFORM=offscreen python bench/turtle_draw.py [--segments N] [--runs N]

Runs a ``tracer(0)`` drawing of N segments ended by ``update()`` through the engine
with the Drawing pane attached (a real ``DrawingView``), and times: the run itself,
then the window applying every batch it was handed. Beside it, the same program's
turtle work with drawing thrown away (``on_drawing`` ignoring the batches), which is
the cost of Python's own turtle code and the canvas stand-in. Goal: 10,000 segments on
screen in <= 1 s.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

PROGRAM = """
import turtle
turtle.tracer(0)
t = turtle.Turtle()
for i in range({segments}):
    t.forward(2 + i % 50)
    t.left(59 + i % 3)
turtle.update()
"""


def one_run(segments: int, with_window: bool) -> tuple[float, float]:
    from PySide6.QtWidgets import QApplication

    from ide.drawing_view import DrawingView
    from vm import VM

    app = QApplication.instance() or QApplication([])
    view = DrawingView()
    view.resize(800, 600)
    view.show()
    batches: list[list[tuple]] = []
    vm = VM(on_output=lambda stream, text: None,
            on_drawing=batches.append if with_window else (lambda batch: None))
    started = time.perf_counter()
    result = vm.run(PROGRAM.format(segments=segments))
    ran = time.perf_counter() - started
    assert result.status == "finished", result
    for batch in batches:
        view.apply(batch)
    app.processEvents()
    view.viewport().repaint()
    shown = time.perf_counter() - started
    view.close()
    return ran, shown


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--segments", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    one_run(100, True)  # warm up: turtle.py compiled, Qt started
    with_window = [one_run(options.segments, True) for _ in range(options.runs)]
    thrown_away = [one_run(options.segments, False) for _ in range(options.runs)]
    run_median = statistics.median(ran for ran, _ in with_window)
    shown_median = statistics.median(shown for _, shown in with_window)
    bare_median = statistics.median(ran for ran, _ in thrown_away)
    print(f"{options.segments:,} segments, tracer(0) + update(), median of {options.runs}")
    print(f"  turtle work, drawing thrown away   {bare_median:6.3f} s")
    print(f"  run with the Drawing pane attached {run_median:6.3f} s")
    print(f"  ... and on screen (pane applied)   {shown_median:6.3f} s   goal <= 1 s")


if __name__ == "__main__":
    main()
