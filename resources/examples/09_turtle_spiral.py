# A colour spiral: turtle draws it in the Drawing pane, step by step.
import turtle

screen = turtle.Screen()
screen.bgcolor("black")
screen.title("A colour spiral")

pen = turtle.Turtle()
pen.speed(0)          # 1 is slow enough to watch, 10 is fast, 0 is fastest
pen.hideturtle()
colours = ["red", "orange", "yellow", "green", "cyan", "blue", "purple"]

for step in range(150):
    pen.pencolor(colours[step % len(colours)])
    pen.pensize(1 + step / 50)
    pen.forward(step * 2)
    pen.left(59)      # try 90, 91 or 120

turtle.done()
