# Catch the dots: a small game. Click the drawing, then steer with the arrow keys.
import random
import turtle

screen = turtle.Screen()
screen.title("Catch the dots")
screen.setup(640, 640)
screen.bgcolor("honeydew")
screen.tracer(0)                 # draw only when screen.update() is called

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
    scoreboard.write(f"Score: {score}    Time: {time_left}", align="center", font=("Arial", 18, "bold"))


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
        scoreboard.write(f"Game over! You caught {score} dots.", align="center", font=("Arial", 22, "bold"))
        for key in ("Up", "Down", "Left", "Right"):
            screen.onkeypress(None, key)     # nothing left to wait for: the program ends


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


screen.onkeypress(up, "Up")          # onkeypress repeats while the key is held down
screen.onkeypress(down, "Down")
screen.onkeypress(left, "Left")
screen.onkeypress(right, "Right")
screen.listen()

move_dot()
show_score()
screen.ontimer(tick, 1000)
game_loop()
screen.mainloop()
