"""Python's own turtle draws through the engine: what reaches the window, by family."""
from __future__ import annotations

import math
import textwrap
import time

from tests.vm.drawing_model import draw, points, scene_of, segments
from tests.vm.harness import Harness
from vm import explain


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
