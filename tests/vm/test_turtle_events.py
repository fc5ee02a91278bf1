"""Turtle programs that wait for keys, clicks and timers, ask questions, and stop."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tests.vm.drawing_model import draw, points, scene_of
from tests.vm.harness import ENDS_WITHIN, Harness
from vm import explain

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
def test_stop_halts_a_drawing_at_its_line(program, activity, line):
    harness = Harness()
    result, latency = harness.stop_at(program)
    assert result.status == "halted"
    assert latency < ENDS_WITHIN
    if activity is not None:
        assert result.activity == activity and result.frames[-1].line == line


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


def test_a_stuck_run_s_turtle_does_not_capture_the_next_programs_drawing():
    stuck = Harness()
    running = stuck.start("""
        import turtle, _thread
        turtle.forward(10)
        print("ready")
        lock = _thread.allocate_lock()
        lock.acquire()
        lock.acquire(timeout=2)  # a raw C wait: only its end lets the stop in
    """)
    stuck.wait_for_output("ready")
    fresh = Harness()
    result, _, scene = draw("import turtle\nturtle.forward(25)\n", fresh)
    assert result.status == "finished", result
    assert [points(line)[-1] for line in scene.lines()] == [(25, 0)]
    stuck.vm.interrupt()
    running.result()


def test_an_error_in_a_key_handler_ends_the_program_at_the_handlers_line():
    harness = Harness()
    running = harness.start("""
        import turtle
        def jump():
            turtle.forward(undefined_height)
        turtle.onkey(jump, "space")
        turtle.listen()
        print("ready")
        turtle.mainloop()
    """)
    harness.wait_for_output("ready")
    harness.vm.send_drawing_event(("key", "release", "space", " "))
    result = running.result()
    assert result.error_type == "NameError"
    assert [frame.line for frame in result.frames] == [8, 4]
