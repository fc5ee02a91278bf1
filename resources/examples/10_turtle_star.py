# A filled star: begin_fill() and end_fill() colour in the shape drawn between them.
import turtle

star = turtle.Turtle()
star.speed(3)
star.pensize(3)
star.color("dark orange", "gold")   # pen colour, fill colour

star.penup()
star.goto(-150, 40)
star.pendown()

star.begin_fill()
for _ in range(5):            # five points
    star.forward(300)
    star.right(144)
star.end_fill()

star.penup()
star.goto(0, -160)
star.write("Well done!", align="center", font=("Arial", 24, "bold"))
star.hideturtle()
turtle.done()
