# Hello and input: ask a question and answer it.
name = input("What is your name? ")
print("Hello,", name + "!")
age = int(input("How old are you? "))
print("Next year you will be", age + 1)
