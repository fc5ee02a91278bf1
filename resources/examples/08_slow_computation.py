# A slow computation with progress: watch the output, or press Stop at any time.
import math

total = 0
limit = 3_000_000
for i in range(1, limit + 1):
    total += math.sqrt(i)
    if i % 300_000 == 0:
        print(f"{i * 100 // limit}% done, total so far {total:,.0f}")
print("Finished:", round(total))
