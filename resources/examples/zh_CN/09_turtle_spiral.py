# 彩色螺旋：海龟在“绘图”面板里一步一步画出来。
import turtle

screen = turtle.Screen()
screen.bgcolor("black")
screen.title("彩色螺旋")

pen = turtle.Turtle()
pen.speed(0)          # 1 慢到可以看清每一步，10 很快，0 最快
pen.hideturtle()
colours = ["red", "orange", "yellow", "green", "cyan", "blue", "purple"]

for step in range(150):
    pen.pencolor(colours[step % len(colours)])
    pen.pensize(1 + step / 50)
    pen.forward(step * 2)
    pen.left(59)      # 试试 90、91 或 120

turtle.done()
