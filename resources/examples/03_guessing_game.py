# A guessing game: the computer picks a number, you guess it.
import random

secret = random.randint(1, 100)
tries = 0
print("I am thinking of a number between 1 and 100.")
while True:
    guess = int(input("Your guess: "))
    tries += 1
    if guess < secret:
        print("Higher!")
    elif guess > secret:
        print("Lower!")
    else:
        print(f"Yes! It was {secret}. You needed {tries} tries.")
        break
