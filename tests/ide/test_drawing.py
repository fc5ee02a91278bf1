"""Turtle drawings appear in the Drawing pane, take keys and clicks, and Stop ends them."""
from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsPathItem,
    QGraphicsPixmapItem,
    QGraphicsPolygonItem,
    QGraphicsSimpleTextItem,
)

from tests.ide.conftest import RUN_TIMEOUT_MS, run_to_end, set_code, start_run, stop_run

SQUARE = """\
import turtle
t = turtle.Turtle()
t.speed(0)
t.pencolor("red")
t.pensize(6)
for side in range(4):
    t.forward(120)
    t.left(90)
t.penup()
t.goto(0, -40)
t.write("square", align="center", font=("Arial", 14, "normal"))
"""


def visible(window, kind) -> list:
    return [item for item in window.drawing.view.scene().items() if isinstance(item, kind) and item.isVisible()]


def pixel(window, x: float, y: float) -> QColor:
    """The colour the pane shows at canvas point (x, y)."""
    view = window.drawing.view
    image = view.viewport().grab().toImage()
    return image.pixelColor(view.mapFromScene(x, y))


def test_a_drawing_opens_the_pane_and_its_lines_and_text_reach_the_screen(qtbot, window):
    assert not window.drawing.dock.isVisible()
    set_code(window, SQUARE)
    result = run_to_end(qtbot, window)
    assert result.status == "finished", result
    assert window.drawing.dock.isVisible()
    assert window.drawing.dock.windowTitle() == "Drawing — Python Turtle Graphics"
    [square] = [item for item in visible(window, QGraphicsPathItem) if item.path().elementCount() == 5]
    assert square.pen().color().name() == "#ff0000" and square.pen().widthF() == 6
    [text] = visible(window, QGraphicsSimpleTextItem)
    assert text.text() == "square"
    assert pixel(window, 60, 0).red() > 200 and pixel(window, 60, 0).green() < 80  # the bottom edge
    assert pixel(window, 60, -60) == QColor("white")  # inside the square


def test_fills_and_the_background_colour_are_painted(qtbot, window):
    set_code(window, """\
import turtle
turtle.bgcolor("navy")
turtle.speed(0)
turtle.fillcolor("yellow")
turtle.begin_fill()
turtle.circle(60)
turtle.end_fill()
turtle.hideturtle()
""")
    run_to_end(qtbot, window)
    filled = [item for item in visible(window, QGraphicsPolygonItem) if item.brush().color().name() == "#ffff00"]
    assert len(filled) == 1
    assert pixel(window, 0, -60).name() == "#ffff00"     # the circle's middle
    assert pixel(window, 200, -200).name() == "#000080"  # the background


def test_keys_and_clicks_in_the_pane_reach_the_programs_handlers(qtbot, window):
    set_code(window, """\
import turtle
screen = turtle.Screen()
def up():
    print("up pressed")
def clicked(x, y):
    print("clicked at", round(x), round(y))
screen.onkey(up, "Up")
screen.onscreenclick(clicked)
screen.listen()
print("ready")
screen.mainloop()
""")
    start_run(qtbot, window, "ready")
    view = window.drawing.view
    qtbot.waitUntil(view.hasFocus, timeout=RUN_TIMEOUT_MS)  # listen() gives the canvas the keys
    qtbot.keyClick(view, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: "up pressed" in window.console.plain_text(), timeout=RUN_TIMEOUT_MS)
    at: QPoint = view.mapFromScene(100, -50)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    qtbot.waitUntil(lambda: "clicked at" in window.console.plain_text(), timeout=RUN_TIMEOUT_MS)
    qtbot.waitUntil(lambda: "the drawing waits for keys, clicks or timers" in window.status.label.text(),
                    timeout=RUN_TIMEOUT_MS)
    x, y = window.console.plain_text().split("clicked at ")[1].split()[:2]
    assert abs(int(x) - 100) <= 2 and abs(int(y) - 50) <= 2
    result = stop_run(qtbot, window)
    assert result.activity == "turtle_events" and window.editor.halted_line == 11
    assert "waiting for key presses, clicks or timers" in window.console.plain_text()


def test_stop_mid_animation_keeps_the_drawing_and_marks_the_line(qtbot, window):
    set_code(window, """\
import turtle
t = turtle.Turtle()
t.speed(1)
t.forward(40)
print("ready")
while True:
    t.forward(5)
    t.left(3)
""")
    start_run(qtbot, window, "ready")
    qtbot.waitUntil(lambda: len(visible(window, QGraphicsPathItem)) > 0, timeout=RUN_TIMEOUT_MS)
    result = stop_run(qtbot, window)
    assert result.status == "halted" and result.activity == "turtle"
    assert window.editor.halted_line in (7, 8)
    assert visible(window, QGraphicsPathItem)  # still on screen after the run
    assert "animating its turtle drawing" in window.console.plain_text()


def test_closing_the_pane_closes_turtles_window_and_ends_mainloop(qtbot, window):
    set_code(window, """\
import turtle
turtle.onkey(lambda: None, "space")
print("ready")
turtle.done()
print("the window was closed")
""")
    start_run(qtbot, window, "ready")
    qtbot.waitUntil(window.drawing.dock.isVisible, timeout=RUN_TIMEOUT_MS)
    with qtbot.waitSignal(window.runner.finished, timeout=RUN_TIMEOUT_MS) as blocker:
        window.drawing.dock.close()
    assert blocker.args[0].status == "finished"
    assert "the window was closed" in window.console.plain_text()


def test_the_next_run_clears_the_drawing(qtbot, window):
    set_code(window, SQUARE)
    run_to_end(qtbot, window)
    assert visible(window, QGraphicsPathItem)
    set_code(window, "print('no drawing this time')\n")
    run_to_end(qtbot, window)
    assert not visible(window, QGraphicsPathItem)


def test_the_drawing_saves_as_png_and_svg(qtbot, window, tmp_path):
    set_code(window, SQUARE)
    run_to_end(qtbot, window)
    window.drawing.panel.save(str(tmp_path / "square.png"))
    window.drawing.panel.save(str(tmp_path / "square.svg"))
    assert (tmp_path / "square.png").read_bytes().startswith(b"\x89PNG")
    assert "<svg" in (tmp_path / "square.svg").read_text()


def test_the_view_menu_toggles_the_pane(qtbot, window):
    view_menu = next(action.menu() for action in window.menuBar().actions() if action.text() == "&View")
    toggle = next(action for action in view_menu.actions() if action.text() == "Drawing Panel")
    assert toggle.shortcut().toString() == "Ctrl+Shift+D"
    toggle.trigger()
    assert window.drawing.dock.isVisible()
    toggle.trigger()
    assert not window.drawing.dock.isVisible()


RED_GIF = bytes.fromhex("4749463839610c000600910000d9d9d9ff0000ffffffffffff21f90401000000002c0000"
                        "00000c0006000002078c8fa9cbedaf0a003b")  # 12 x 6 red pixels


def test_gif_shapes_and_background_pictures_are_shown(qtbot, window, tmp_path):
    picture = tmp_path / "red.gif"
    picture.write_bytes(RED_GIF)
    set_code(window, f"""\
import turtle
screen = turtle.Screen()
screen.register_shape({str(picture)!r})
t = turtle.Turtle(shape={str(picture)!r})
t.penup()
t.goto(40, 30)
t.stamp()
""")
    result = run_to_end(qtbot, window)
    assert result.status == "finished", result
    pictures = visible(window, QGraphicsPixmapItem)
    assert len(pictures) == 2 and all(item.pixmap().size().toTuple() == (12, 6) for item in pictures)
    assert pixel(window, 40, -30).name() == "#ff0000"


def test_a_breakpoint_in_a_key_handler_pauses_there(qtbot, window):
    set_code(window, """\
import turtle
def jump():
    height = 10
    turtle.forward(height)
turtle.onkey(jump, "space")
turtle.listen()
print("ready")
turtle.mainloop()
""")
    window.editor.toggle_breakpoint(4)
    window.commands["debug"].trigger()
    qtbot.waitUntil(lambda: "ready" in window.console.plain_text(), timeout=RUN_TIMEOUT_MS)
    view = window.drawing.view
    qtbot.waitUntil(view.hasFocus, timeout=RUN_TIMEOUT_MS)
    with qtbot.waitSignal(window.runner.paused, timeout=RUN_TIMEOUT_MS) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Space)
    assert blocker.args[0].line == 4 and window.editor.paused_line == 4
    assert window.debug.variables.item_named("height") is not None
    stop_run(qtbot, window)


def test_the_window_keeps_answering_during_a_slow_animation(qtbot, window, heartbeat):
    set_code(window, """\
import turtle
t = turtle.Turtle()
t.speed(1)
print("ready")
for side in range(40):
    t.forward(30)
    t.left(97)
""")
    start_run(qtbot, window, "ready")
    ticks = heartbeat.ticks
    qtbot.waitUntil(lambda: heartbeat.ticks >= ticks + 25, timeout=RUN_TIMEOUT_MS)  # 20 ms ticks keep coming
    assert window.runner.running
    stop_run(qtbot, window)


def test_the_view_menu_entry_keeps_its_name_when_turtle_titles_its_window(qtbot, window):
    set_code(window, "import turtle\nturtle.title('My spiral')\nturtle.forward(10)\n")
    run_to_end(qtbot, window)
    assert "My spiral" in window.drawing.dock.windowTitle()
    view_menu = next(action.menu() for action in window.menuBar().actions() if action.text() == "&View")
    assert "Drawing Panel" in [action.text() for action in view_menu.actions()]


def test_a_new_file_made_from_the_drawing_pane_takes_the_typing(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    window.drawing.show()
    qtbot.mouseClick(window.drawing.view.viewport(), Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is window.drawing.view
    qtbot.keyClick(window.drawing.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.toPlainText() == ""
    qtbot.keyClicks(QApplication.focusWidget(), "print(1)")
    assert window.editor.toPlainText() == "print(1)"
