"""View > Plotter draws the numbers a program prints, one series per column."""
from __future__ import annotations

from ide.plotter import MAX_POINTS, numbers_in
from tests.ide.conftest import run_to_end, set_code


def test_lines_of_numbers_are_read_in_the_forms_learners_print():
    assert numbers_in("1 2.5") == [1.0, 2.5]
    assert numbers_in("(3, -4.0)") == [3.0, -4.0]
    assert numbers_in("5,6") == [5.0, 6.0]
    assert numbers_in("[1e3]") == [1000.0]
    assert numbers_in("x = 5") is None
    assert numbers_in("") is None
    assert numbers_in("nan 1") is None


def test_a_running_program_becomes_one_line_per_column_with_the_header_as_legend(qtbot, window):
    window.plotter.dock.show()
    set_code(window, 'print("time temp")\nfor t in range(800):\n    print((t, t % 7))\nprint("done")\n')
    result = run_to_end(qtbot, window)
    assert result.status == "finished", result
    view = window.plotter.view
    qtbot.waitUntil(lambda: len(view.series) == 2 and len(view.series[0]) == MAX_POINTS)
    assert view.names == ["time", "temp"]
    assert list(view.series[0])[-1] == 799 and list(view.series[1])[-1] == 799 % 7  # bounded: the newest kept
    image = view.grab().toImage()
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)}
    assert {"#1f77b4", "#ff7f0e"} <= colours  # both lines are drawn, in their colours


def test_the_hidden_plotter_reads_nothing(qtbot, window):
    assert not window.plotter.dock.isVisible()
    set_code(window, "for i in range(10):\n    print(i, i * i)\n")
    run_to_end(qtbot, window)
    assert window.plotter.view.series == []
