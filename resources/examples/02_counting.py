# A counting loop: change the numbers and run it again.
import time

for number in range(1, 11):
    print("Counting:", number)
    time.sleep(0.2)

print("Done! Try making it count backwards.")
