# An infinite loop: press Stop (Shift+F5) to end it. Sprout shows where it was.
count = 0
while count >= 0:
    count = count + 1
    # Oops: count only ever grows, so the loop never ends.
print("This line is never reached")
