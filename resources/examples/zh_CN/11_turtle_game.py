# 接住小圆点：一个小游戏。用方向键控制海龟去碰红点。
import random
import turtle

screen = turtle.Screen()
screen.title("接住小圆点")
screen.setup(640, 640)
screen.bgcolor("honeydew")
screen.tracer(0)                 # 只在调用 screen.update() 时才画出来

player = turtle.Turtle(shape="turtle")
player.color("forest green")
player.penup()

dot = turtle.Turtle(shape="circle")
dot.color("crimson")
dot.penup()

scoreboard = turtle.Turtle()
scoreboard.hideturtle()
scoreboard.penup()
scoreboard.goto(0, 260)

score = 0
time_left = 30


def show_score():
    scoreboard.clear()
    scoreboard.write(f"得分：{score}    剩余时间：{time_left}", align="center", font=("Arial", 18, "bold"))


def move_dot():
    dot.goto(random.randint(-250, 250), random.randint(-200, 200))


def go(heading):
    player.setheading(heading)
    player.forward(20)


def up():
    go(90)


def down():
    go(270)


def left():
    go(180)


def right():
    go(0)


def tick():
    global time_left
    time_left -= 1
    show_score()
    if time_left > 0:
        screen.ontimer(tick, 1000)
    else:
        scoreboard.goto(0, 0)
        scoreboard.write(f"游戏结束！你接住了 {score} 个小圆点。", align="center", font=("Arial", 22, "bold"))
        for key in ("Up", "Down", "Left", "Right"):
            screen.onkeypress(None, key)     # 没有要等的事了：程序结束


def game_loop():
    global score
    if time_left > 0:
        if player.distance(dot) < 25:
            score += 1
            move_dot()
            show_score()
        screen.update()
        screen.ontimer(game_loop, 30)
    else:
        screen.update()


screen.onkeypress(up, "Up")          # onkeypress：按住键不放会一直触发
screen.onkeypress(down, "Down")
screen.onkeypress(left, "Left")
screen.onkeypress(right, "Right")
screen.listen()

move_dot()
show_score()
screen.ontimer(tick, 1000)
game_loop()
screen.mainloop()
