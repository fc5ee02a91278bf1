# 猜数字游戏：电脑想一个数，你来猜。
import random

secret = random.randint(1, 100)
tries = 0
print("我想好了一个 1 到 100 之间的数。")
while True:
    guess = int(input("你猜是多少？"))
    tries += 1
    if guess < secret:
        print("大一点！")
    elif guess > secret:
        print("小一点！")
    else:
        print(f"猜对了！就是 {secret}。你一共猜了 {tries} 次。")
        break
