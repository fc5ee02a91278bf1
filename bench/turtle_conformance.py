"""Turtle programs under plain Python (real Tk) and through Sprout, compared.

    DISPLAY=:99 python bench/turtle_conformance.py [--show-diffs]

Needs a display for the plain side (``Xvfb :99 &``) and Python's ``tkinter``. Each
program exercises one family of turtle's API, prints what the program can observe
(positions, headings, colours, shapes, sizes...) and ends by listing every item on the
canvas (kind, coordinates, colours, widths) as Tk reports them. The two outputs must be
identical line for line. Prints one row per program and the names each one covers.
"""
from __future__ import annotations

import argparse
import difflib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

DUMP = """
cv = turtle.getcanvas()
for item in cv.find_all():
    kind = cv.type(item)
    names = {"line": ("fill", "width"), "polygon": ("fill", "outline", "width"),
             "text": ("text", "anchor", "fill")}.get(kind, ())
    print(kind, [round(value, 1) for value in cv.coords(item)], [cv.itemcget(item, name) for name in names])
"""

PROGRAMS = {
    "movement": """
import turtle
t = turtle.Turtle(); t.speed(0)
t.forward(50); t.left(30); t.fd(20); t.right(75); t.rt(15); t.lt(5); t.back(10); t.bk(5); t.backward(5)
print(t.pos(), t.position(), round(t.heading(), 3), t.xcor(), t.ycor())
t.goto(10, 20); t.setpos(-30, 5); t.setposition((0, -40)); t.setx(12); t.sety(-12)
print(t.pos(), t.distance(0, 0), t.towards(100, 100))
t.setheading(45); t.seth(200); t.home(); print(t.pos(), t.heading())
t.circle(40); t.circle(-30, 90); t.circle(25, 200, steps=7); print(t.pos(), round(t.heading(), 3))
t.dot(); t.dot(15, "blue"); t.degrees(400); t.left(100); print(t.heading()); t.radians(); print(round(t.heading(), 4))
t.degrees(); t.teleport(50, 50) if hasattr(t, "teleport") else t.goto(50, 50); print(t.pos())
""",
    "pen_and_colour": """
import turtle
t = turtle.Turtle(); t.speed(0)
t.pencolor("light sea green"); t.pensize(4); t.fd(30)
print(t.pencolor(), t.pensize(), t.width(), t.isdown())
t.penup(); t.fd(10); print(t.isdown()); t.pendown(); t.pu(); t.pd(); t.up(); t.down()
turtle.colormode(255); t.pencolor(200, 100, 0); print(t.pencolor(), turtle.colormode()); t.fd(10)
turtle.colormode(1.0); t.color("red", "#00ff00"); print(t.color(), t.fillcolor())
t.color((0.2, 0.4, 0.6)); print(t.pencolor())
t.pen(pencolor="purple", pensize=2, fillcolor="orange"); print(sorted(t.pen().items()))
t.fillcolor("gold"); t.begin_fill(); print(t.filling())
for _ in range(5):
    t.fd(60); t.rt(144)
t.end_fill(); print(t.filling())
try:
    t.pencolor("not a colour")
except turtle.TurtleGraphicsError as error:
    print("error:", error)
""",
    "shapes": """
import turtle
s = turtle.Screen()
print(sorted(s.getshapes()))
s.register_shape("tri", ((0, 0), (10, 20), (-10, 20)))
s.addshape("box", turtle.Shape("compound"))
t = turtle.Turtle(shape="tri"); t.speed(0)
t.shapesize(2, 3, 4); print(t.shapesize(), t.turtlesize(), t.resizemode())
t.tilt(30); print(t.tiltangle()); t.tiltangle(45); print(t.tiltangle())
t.shearfactor(0.5); print(t.shearfactor()); t.shapetransform(1, 0.5, 0, 1); print(t.shapetransform())
print(t.get_shapepoly())
t.hideturtle(); print(t.isvisible()); t.showturtle(); t.ht(); t.st(); print(t.isvisible())
t.shape("circle"); print(t.shape()); t.resizemode("auto"); t.pensize(5); print(t.resizemode())
t.begin_poly(); t.fd(20); t.lt(90); t.fd(20); t.end_poly(); print(t.get_poly())
u = t.clone(); u.fd(30); print(len(turtle.turtles()), u.shape())
print(t.getscreen() is s, t.getturtle() is t, t.getpen() is t)
""",
    "stamps_write_undo": """
import turtle
t = turtle.Turtle(); t.speed(0)
a = t.stamp(); t.fd(30); b = t.stamp(); t.fd(30); c = t.stamp()
t.clearstamp(b); t.clearstamps(1); print(t.undobufferentries() > 0)
t.write("Hello"); t.write("Right", align="right", font=("Courier", 14, "italic")); t.write("Moved", move=True)
print(t.pos())
t.fd(20); t.undo(); t.undo(); print(t.pos())
t.setundobuffer(3); t.fd(5); t.fd(5); t.fd(5); t.fd(5); print(t.undobufferentries())
t.clear(); t.fd(7); t.reset(); print(t.pos(), t.heading(), t.pencolor())
""",
    "screen": """
import turtle
s = turtle.Screen()
s.bgcolor("navy"); print(s.bgcolor()); s.bgcolor(0.5, 0.5, 0.5); print(s.bgcolor())
s.title("Title"); s.setup(500, 400); print(s.window_width(), s.window_height())
print(s.screensize()); s.screensize(600, 500); print(s.screensize())
print(s.mode(), s.delay()); s.delay(5); print(s.delay())
s.tracer(0); print(s.tracer()); t = turtle.Turtle(); t.fd(100); s.update(); s.tracer(1)
s.mode("logo"); print(t.heading()); t.fd(10); print(t.pos()); s.mode("standard")
s.setworldcoordinates(-100, -100, 100, 100); print(s.mode()); t.goto(50, 50); print(t.pos())
s.resetscreen(); print(len(s.turtles()))
s.clearscreen(); print(s.bgcolor(), len(s.turtles()))
print(type(s.getcanvas()).__name__, turtle.window_width())
""",
    "module_functions": """
import turtle
turtle.speed(0); turtle.forward(40); turtle.left(90); turtle.fd(30); print(turtle.pos())
turtle.color("red"); turtle.begin_fill(); turtle.circle(20); turtle.end_fill()
turtle.penup(); turtle.goto(-50, -50); turtle.pendown(); turtle.write("text")
turtle.hideturtle(); turtle.bgcolor("ivory"); turtle.title("functions")
print(turtle.heading(), turtle.isvisible(), turtle.pencolor(), turtle.fillcolor())
t2 = turtle.Turtle(); t2.speed(0); t2.goto(30, -30); print(len(turtle.turtles()))
""",
    "images": """
import os, tempfile, turtle
picture = os.path.join(tempfile.mkdtemp(), "dot.gif")
with open(picture, "wb") as handle:
    handle.write(GIF)
s = turtle.Screen()
s.register_shape(picture)
t = turtle.Turtle(shape=picture); t.speed(0); t.penup(); t.goto(40, 30); t.stamp()
s.bgpic(picture); print(s.bgpic() == picture); s.bgpic("nopic"); print(s.bgpic())
try:
    s.bgpic("missing.gif")
except Exception as error:
    print(type(error).__name__, error)
""",
    "several_turtles": """
import turtle
s = turtle.Screen(); s.tracer(0)
crew = [turtle.Turtle() for _ in range(4)]
for index, t in enumerate(crew):
    t.color(["red", "green", "blue", "orange"][index]); t.left(90 * index)
for step in range(36):
    for t in crew:
        t.fd(5); t.lt(10)
s.update()
print([str(t.pos()) for t in crew])
""",
}
GIF_BYTES = bytes.fromhex("4749463839610c000600910000d9d9d9ff0000ffffffffffff21f90401000000002c0000"
                          "00000c0006000002078c8fa9cbedaf0a003b")  # 12 x 6 red pixels, written by Tk
PROGRAMS = {name: f"GIF = {GIF_BYTES!r}\n" + source + DUMP for name, source in PROGRAMS.items()}


def plain(source: str) -> str:
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as handle:
        handle.write(source)
    completed = subprocess.run([sys.executable, handle.name], capture_output=True, text=True, timeout=120)
    os.unlink(handle.name)
    return completed.stdout + completed.stderr


def through_sprout(source: str) -> str:
    sys.path.insert(0, str(ROOT))
    from vm import VM
    chunks: list[str] = []
    vm = VM(on_output=lambda stream, text: chunks.append(text), on_drawing=lambda commands: None)
    result = vm.run(source)
    if result.status != "finished":
        chunks.append(f"{result.error_type}: {result.message}\n")
    return "".join(chunks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show-diffs", action="store_true")
    options = parser.parse_args()
    if not os.environ.get("DISPLAY"):
        sys.exit("the plain side needs a display: start Xvfb :99 and set DISPLAY=:99")
    agreed = 0
    for name, source in PROGRAMS.items():
        expected, got = plain(source), through_sprout(source)
        same = expected == got
        agreed += same
        print(f"{name:20s} {'agree' if same else 'DIFFER'}  ({len(expected.splitlines())} lines)")
        if not same and options.show_diffs:
            sys.stdout.writelines(difflib.unified_diff(expected.splitlines(True), got.splitlines(True),
                                                       "plain", "sprout", n=1))
    print(f"{agreed} of {len(PROGRAMS)} programs agree")


if __name__ == "__main__":
    main()
