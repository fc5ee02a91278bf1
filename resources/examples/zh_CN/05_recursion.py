# 递归：一个会调用自己的函数。
def factorial(n):
    if n <= 1:
        return 1
    return n * factorial(n - 1)


def countdown(n):
    if n == 0:
        print("发射！")
        return
    print(n)
    countdown(n - 1)


print("5! =", factorial(5))
countdown(5)
