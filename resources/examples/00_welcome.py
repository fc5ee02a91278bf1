# Welcome to Sprout: press Run (F5) to start this program.
# Press Stop (Shift+F5) whenever you want: it always works.

print("Hello from Sprout!")
name = input("What should I call you? ")
print(f"Nice to meet you, {name}.")

for step in range(1, 4):
    print("Step", step, "of 3")

print("Now open Examples > An infinite loop and try the Stop button.")
