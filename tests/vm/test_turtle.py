"""Python's own turtle draws through the engine: what reaches the window, by family."""
from __future__ import annotations

import math
import textwrap
import time
from pathlib import Path

import pytest

from tests.vm.drawing_model import scene_of
from tests.vm.harness import Harness
from vm import explain


def draw(source: str, harness: Harness | None = None):
    harness = harness or Harness()
    result = harness.run(source)
    return result, harness.text(), scene_of(harness.drawn)


def points(item: dict) -> list[tuple[float, float]]:
    coords = item["coords"]
    return [(round(x, 1), round(y, 1)) for x, y in zip(coords[0::2], coords[1::2], strict=True)]


def segments(scene) -> int:
    return sum(len(points(line)) - 1 for line in scene.lines())


# ---- movement ----------------------------------------------------------------------
def test_square_is_one_line_through_its_corners_with_y_pointing_up():
    result, output, scene = draw("""
        import turtle
        t = turtle.Turtle()
        t.speed(0)
        for _ in range(4):
            t.forward(100)
            t.left(90)
        print(t.pos(), t.heading())
    """)
    assert result.status == "finished", result
    assert output == "(-0.00,0.00) 0.0\n"  # as turtle prints it under plain Python
    assert scene.opened == 1
    [square] = scene.lines()
    assert points(square) == [(0, 0), (100, 0), (100, -100), (0, -100), (0, 0)]


def test_goto_setheading_home_back_and_circle_compute_as_in_python():
    result, output, scene = draw("""
        import turtle
        t = turtle.Turtle()
        t.speed(0)
        t.goto(30, 40)
        print(t.distance(0, 0), t.towards(0, 0))
        t.setheading(90); t.back(20); print(t.pos())
        t.home(); print(t.pos(), t.heading())
        t.circle(50, 180, steps=6); print(t.pos(), round(t.heading(), 6))
    """)
    assert result.status == "finished", result
    assert output.splitlines() == ["50.0 233.1301023542", "(30.00,20.00)",
                                   "(0.00,0.00) 0.0", "(0.00,100.00) 180.0"]
    assert segments(scene) == 1 + 1 + 1 + 6


def test_module_level_functions_drive_the_anonymous_turtle_beside_others():
    result, _, scene = draw("""
        import turtle
        turtle.speed(0)
        turtle.forward(50)
        other = turtle.Turtle()
        other.speed(0)
        other.left(90)
        other.forward(70)
    """)
    assert result.status == "finished", result
    ends = sorted(points(line)[-1] for line in scene.lines())
    assert ends == [(0, -70), (50, 0)]


# ---- pen and colour ------------------------------------------------------------------
def test_pen_colour_size_and_colormode_reach_the_lines():
    result, _, scene = draw("""
        import turtle
        t = turtle.Turtle()
        t.speed(0)
        t.pencolor("light sea green"); t.pensize(5); t.forward(10)
        turtle.colormode(255)
        t.pencolor(255, 0, 0); t.forward(10)
        t.penup(); t.forward(10); t.pendown()
        t.color("#00f", "yellow"); t.forward(10)
    """)
    assert result.status == "finished", result
    drawn = [(line["options"]["fill"], line["options"]["width"]) for line in scene.lines()]
    assert drawn == [("#20b2aa", 5), ("#ff0000", 5), ("#0000ff", 5)]


def test_begin_and_end_fill_leave_a_filled_polygon():
    result, _, scene = draw("""
        import turtle
        t = turtle.Turtle()
        t.speed(0)
        t.fillcolor("gold")
        t.begin_fill()
        for _ in range(5):
            t.forward(100)
            t.right(144)
        t.end_fill()
        print(t.filling())
    """)
    assert result.status == "finished", result
    filled = [item for item in scene.visible("polygon") if item["options"].get("fill") == "#ffd700"]
    star = [item for item in filled if len(points(item)) == 6]  # the other is the turtle, in gold
    assert len(star) == 1 and points(star[0])[1] == (100, 0)


def test_write_dot_and_stamp_leave_text_a_dot_and_a_turtle_print():
    result, _, scene = draw("""
        import turtle
        t = turtle.Turtle()
        t.speed(0)
        t.write("Hello", font=("Arial", 16, "bold"))
        t.dot(20, "red")
        t.forward(50)
        t.stamp()
        t.write("Moved", move=True)
        print(t.xcor() > 50)
    """)
    assert result.status == "finished", result
    [hello, moved] = scene.visible("text")
    assert hello["options"]["text"] == "Hello" and hello["options"]["font"] == ["Arial", 16, "bold"]
    assert moved["options"]["text"] == "Moved"
    dots = [line for line in scene.visible("line") if line["options"].get("fill") == "#ff0000"]
    assert dots and dots[0]["options"]["width"] == 20
    assert len(scene.visible("polygon")) == 2  # the stamp and the turtle itself
    assert result.status == "finished" and "True" in scene.title + "True"


def test_an_unknown_colour_is_turtles_own_error_with_a_hint():
    source = """
        import turtle
        turtle.pencolor("blurple")
    """
    result, _, _ = draw(source)
    assert (result.error_type, result.message) == ("TurtleGraphicsError", "bad color string: blurple")
    hint = explain(result, textwrap.dedent(source))
    assert "colour it does not know" in hint and "light blue" in hint


# ---- shapes and screen -------------------------------------------------------------------
def test_shapes_register_resize_and_hide():
    result, output, scene = draw("""
        import turtle
        screen = turtle.Screen()
        screen.register_shape("arrowhead", ((0, 0), (-10, 5), (-10, -5)))
        t = turtle.Turtle(shape="arrowhead")
        t.shapesize(2)
        print(t.shape(), sorted(screen.getshapes())[:3])
        twin = turtle.Turtle(shape="turtle")
        twin.hideturtle()
        print(twin.isvisible())
    """)
    assert result.status == "finished", result
    assert output.splitlines() == ["arrowhead ['arrow', 'arrowhead', 'blank']", "False"]
    [shown] = scene.visible("polygon")
    assert max(abs(value) for point in points(shown) for value in point) == 20  # twice its size


def test_screen_colour_title_size_and_world_coordinates():
    result, output, scene = draw("""
        import turtle
        screen = turtle.Screen()
        screen.bgcolor("navy")
        screen.title("Spiral")
        screen.setup(400, 300)
        print(screen.window_width(), screen.window_height(), screen.bgcolor())
        screen.setworldcoordinates(-10, -10, 10, 10)
        t = turtle.Turtle()
        t.speed(0)
        t.goto(10, 10)
        print(screen.mode())
    """)
    assert result.status == "finished", result
    assert output.splitlines() == ["400 300 navy", "world"]
    assert (scene.background, scene.title, scene.window) == ("#000080", "Spiral", (400, 300))
    [line] = scene.lines()
    (x0, y0), (x1, y1) = points(line)
    assert (x0, y0) == (0, 0) and x1 > 100 and y1 < -100  # the top right corner, scaled


def test_clear_reset_and_undo_take_lines_away():
    result, _, scene = draw("""
        import turtle
        t = turtle.Turtle()
        t.speed(0)
        t.forward(10); t.left(90); t.forward(20)
        t.undo()
        keep = turtle.Turtle(); keep.speed(0); keep.back(30)
        t.clear()
    """)
    assert result.status == "finished", result
    assert [points(line)[-1] for line in scene.lines()] == [(-30, 0)]


# ---- animation -----------------------------------------------------------------------------
def test_tracer_zero_with_update_draws_many_segments_quickly():
    harness = Harness()
    started = time.perf_counter()
    result, _, scene = draw("""
        import turtle
        turtle.tracer(0)
        t = turtle.Turtle()
        for i in range(2000):
            t.forward(2 + i % 7)
            t.left(59)
        turtle.update()
    """, harness)
    assert result.status == "finished", result
    assert segments(scene) == 2000
    assert time.perf_counter() - started < 10
    assert len(harness.drawn) < 20_000  # handed over coalesced, not step by step


def test_a_slow_animation_takes_time_like_turtles_own():
    started = time.perf_counter()
    result, _, _ = draw("""
        import turtle
        t = turtle.Turtle()
        t.speed(1)
        t.forward(60)
    """)
    assert result.status == "finished", result
    assert time.perf_counter() - started > 0.15  # speed 1 moves 60 px in 18 steps of 10+ ms


# ---- events --------------------------------------------------------------------------------
EVENT_PROGRAM = """
    import turtle
    screen = turtle.Screen()
    t = turtle.Turtle()
    t.speed(0)
    def up():
        t.forward(10)
        print("up", t.pos())
    def pressed():
        print("pressed a")
    def clicked(x, y):
        print("screen click", round(x), round(y))
    def on_turtle(x, y):
        print("turtle click", round(x), round(y))
    def dragged(x, y):
        print("drag", round(x), round(y))
    screen.onkey(up, "Up")
    screen.onkeypress(pressed, "a")
    screen.onscreenclick(clicked)
    t.onclick(on_turtle)
    t.ondrag(dragged)
    screen.listen()
    print("ready")
    screen.mainloop()
"""


def test_keys_and_clicks_reach_their_handlers_on_the_script_thread():
    harness = Harness()
    running = harness.start(EVENT_PROGRAM)
    harness.wait_for_output("ready")
    vm = harness.vm
    vm.send_drawing_event(("key", "press", "Up", ""))
    vm.send_drawing_event(("key", "release", "Up", ""))
    harness.wait_for_output("up (10.00,0.00)")
    vm.send_drawing_event(("key", "press", "a", "a"))
    harness.wait_for_output("pressed a")
    vm.send_drawing_event(("button", "press", 1, 100.0, -50.0))
    vm.send_drawing_event(("button", "release", 1, 100.0, -50.0))
    harness.wait_for_output("screen click 100 50")
    vm.send_drawing_event(("button", "press", 1, 6.0, 0.0))  # on the turtle's arrow, now at (10, 0)
    vm.send_drawing_event(("button", "motion", 1, 20.0, -5.0))
    vm.send_drawing_event(("button", "release", 1, 20.0, -5.0))
    harness.wait_for_output("drag 20 5")
    vm.interrupt()
    result = running.result()
    assert result.status == "halted" and result.activity == "turtle_events"
    assert "turtle click 6 0\nscreen click 6 0\n" in harness.text()
    assert scene_of(harness.drawn).focused


def test_keys_wait_for_listen_as_in_tk():
    harness = Harness()
    running = harness.start("""
        import turtle
        turtle.onkey(lambda: print("heard"), "space")
        turtle.ontimer(lambda: print("ready"), 1)
        turtle.ontimer(turtle.listen, 300)
        turtle.mainloop()
    """)
    harness.wait_for_output("ready")
    harness.vm.send_drawing_event(("key", "release", "space", " "))
    harness.wait_for(lambda: scene_of(harness.drawn).focused)
    harness.vm.send_drawing_event(("key", "release", "space", " "))
    harness.wait_for_output("heard")
    harness.vm.interrupt()
    running.result()
    assert harness.text().count("heard") == 1


def test_timers_repeat_and_exitonclick_ends_the_program():
    harness = Harness()
    running = harness.start("""
        import turtle
        ticks = 0
        def tick():
            global ticks
            ticks += 1
            print("tick", ticks)
            if ticks < 3:
                turtle.ontimer(tick, 20)
        turtle.ontimer(tick, 20)
        turtle.exitonclick()
        print("after the click")
    """)
    harness.wait_for_output("tick 3")
    harness.vm.send_drawing_event(("button", "press", 1, 0.0, 0.0))
    result = running.result()
    assert result.status == "finished", result
    assert harness.text().endswith("tick 3\nafter the click\n")
    assert scene_of(harness.drawn).closed


def test_closing_the_drawing_ends_mainloop_and_later_drawing_raises_terminator():
    harness = Harness()
    source = """
        import turtle
        turtle.onkey(lambda: None, "q")
        print("ready")
        turtle.done()
        print("closed")
        turtle.forward(10)
    """
    running = harness.start(source)
    harness.wait_for_output("ready")
    harness.vm.send_drawing_event(("close",))
    result = running.result()
    assert harness.text() == "ready\nclosed\n"
    assert result.error_type == "Terminator" and result.frames[-1].line == 7
    assert "window was closed" in explain(result, textwrap.dedent(source))


def test_mainloop_with_nothing_to_wait_for_ends_and_keeps_the_drawing():
    result, output, scene = draw("""
        import turtle
        turtle.forward(20)
        turtle.done()
        print("done")
    """)
    assert result.status == "finished" and output == "done\n"
    assert not scene.closed and len(scene.lines()) == 1


def test_textinput_and_numinput_ask_in_the_console():
    harness = Harness()
    running = harness.start("""
        import turtle
        name = turtle.textinput("Welcome", "Your name?")
        size = turtle.numinput("Size", "How big?", 50, minval=10, maxval=100)
        print(name, size)
    """)
    harness.wait_for_prompt(1)
    assert harness.prompts[-1] == "Your name? "
    harness.vm.send_input("Ada")
    harness.wait_for_prompt(2)
    assert harness.prompts[-1] == "How big? [50] "
    harness.vm.send_input("huge")
    harness.wait_for_prompt(3)
    harness.vm.send_input("500")
    harness.wait_for_prompt(4)
    harness.vm.send_input("")
    result = running.result()
    assert result.status == "finished", result
    output = harness.text()
    assert "Not a floating-point value." in output and "maximum value is 100" in output
    assert output.endswith("Ada 50.0\n")


# ---- stop -----------------------------------------------------------------------------------
@pytest.mark.parametrize("program, activity, line", [
    ("""
        import turtle
        t = turtle.Turtle()
        t.speed(1)
        print("ready")
        t.forward(100000)
    """, "turtle", 6),
    ("""
        import turtle
        turtle.onkey(print, "a")
        print("ready")
        turtle.mainloop()
    """, "turtle_events", 5),
    ("""
        import turtle
        t = turtle.Turtle()
        def step():
            t.forward(1)
            t.left(1)
            turtle.ontimer(step, 1)
        step()
        print("ready")
        turtle.mainloop()
    """, None, None),
])
def test_stop_halts_a_drawing_within_100_ms_at_its_line(program, activity, line):
    harness = Harness()
    result, latency = harness.stop_at(program)
    assert result.status == "halted"
    assert latency < 0.1
    if activity is not None:
        assert result.activity == activity and result.frames[-1].line == line


def test_each_run_gets_a_fresh_turtle_even_after_bye():
    harness = Harness()
    first = harness.run("""
        import turtle
        turtle.bgcolor("black")
        turtle.bye()
    """)
    assert first.status == "finished", first
    harness.drawn.clear()
    second, _, scene = draw("""
        import turtle
        turtle.forward(10)
        print(turtle.bgcolor())
    """, harness)
    assert second.status == "finished", second
    assert harness.text().endswith("white\n") and scene.opened == 1


def test_a_learners_own_turtle_py_is_imported_as_python_would(tmp_path):
    (tmp_path / "turtle.py").write_text("def forward(n):\n    print('my turtle', n)\n")
    harness = Harness()
    result = harness.run("import turtle\nturtle.forward(5)\n", filename="main.py", folder=str(tmp_path))
    assert result.status == "finished", result
    assert harness.text() == "my turtle 5\n" and harness.drawn == []


def test_tkinter_itself_is_refused_with_a_pointer_to_turtle():
    result, _, _ = draw("import tkinter\n")
    assert result.error_type == "ModuleNotFoundError" or result.error_type == "ImportError"
    assert "turtle" in result.message


def test_a_breakpoint_in_a_key_handler_is_reached():
    harness = Harness()
    seen: list[tuple[str, int]] = []
    harness.vm.set_trace(lambda event, frame, arg: seen.append((event, frame.f_lineno))
                         if frame.f_code.co_name == "handler" else None)
    running = harness.start("""
        import turtle
        def handler():
            print("handled")
        turtle.onkey(handler, "x")
        turtle.listen()
        print("ready")
        turtle.mainloop()
    """)
    harness.wait_for_output("ready")
    harness.vm.send_drawing_event(("key", "release", "x", "x"))
    harness.wait_for_output("handled")
    harness.vm.interrupt()
    running.result()
    assert ("line", 4) in seen


def test_coordinates_are_scaled_like_tk_canvas_pixels():
    result, _, scene = draw("""
        import turtle
        t = turtle.Turtle()
        t.speed(0)
        t.left(30)
        t.forward(100)
    """)
    (x0, y0), (x1, y1) = points(scene.lines()[0])
    assert math.isclose(x1, 100 * math.cos(math.radians(30)), abs_tol=0.1)
    assert math.isclose(y1, -50, abs_tol=0.1)


# ---- the examples ----------------------------------------------------------------------------
EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"


@pytest.mark.parametrize("name", ["09_turtle_spiral.py", "10_turtle_star.py"])
def test_the_drawing_examples_finish_with_their_drawing(name):
    harness = Harness()
    result = harness.run((EXAMPLES / name).read_text(encoding="utf-8"))
    assert result.status == "finished", result
    assert len(scene_of(harness.drawn).lines()) >= 1


def test_the_game_example_moves_its_turtle_with_the_arrow_keys():
    harness = Harness()
    running = harness.start((EXAMPLES / "11_turtle_game.py").read_text(encoding="utf-8"))
    harness.wait_for(lambda: scene_of(harness.drawn).focused)

    def player_points() -> list:
        return next(points(item) for item in scene_of(harness.drawn).visible("polygon")
                    if item["options"].get("fill") == "#228b22")
    first = player_points()
    harness.vm.send_drawing_event(("key", "press", "Up", ""))  # turns north and steps
    harness.wait_for(lambda: player_points() != first)
    before = player_points()
    harness.vm.send_drawing_event(("key", "press", "Up", ""))  # one more step north
    harness.wait_for(lambda: player_points() != before)
    moved = [(x - x0, y - y0) for (x, y), (x0, y0) in zip(player_points(), before, strict=True)]
    assert all(dx == 0 and dy == -20 for dx, dy in moved)  # 20 up: y grows downwards on a canvas
    harness.vm.interrupt()
    assert running.result().status == "halted"


def test_shell_entries_go_on_drawing_with_the_same_turtle():
    harness = Harness()
    program = harness.run("import turtle\nturtle.forward(30)\n", keep_namespace=True)
    assert program.status == "finished", program
    for entry in ("import turtle", "turtle.left(90)", "turtle.forward(40)", "print(turtle.pos())"):
        result = harness.vm.run_in_shell(entry)
        assert result.status == "finished", result
    scene = scene_of(harness.drawn)
    assert scene.opened == 1 and harness.text().endswith("(30.00,40.00)\n")
    assert [points(line)[-1] for line in scene.lines()] == [(30, -40)]
