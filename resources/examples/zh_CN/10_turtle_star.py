# 填色的五角星：begin_fill() 和 end_fill() 之间画出的形状会被涂上颜色。
import turtle

star = turtle.Turtle()
star.speed(3)
star.pensize(3)
star.color("dark orange", "gold")   # 画笔颜色，填充颜色

star.penup()
star.goto(-150, 40)
star.pendown()

star.begin_fill()
for _ in range(5):            # 五个角
    star.forward(300)
    star.right(144)
star.end_fill()

star.penup()
star.goto(0, -160)
star.write("画得好！", align="center", font=("Arial", 24, "bold"))
star.hideturtle()
turtle.done()
