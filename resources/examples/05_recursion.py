# Recursion: a function that calls itself.
def factorial(n):
    if n <= 1:
        return 1
    return n * factorial(n - 1)


def countdown(n):
    if n == 0:
        print("Lift off!")
        return
    print(n)
    countdown(n - 1)


print("5! =", factorial(5))
countdown(5)
