"""Learner-style programs shared by the benchmarks: each runs ~0.1-0.3 s in plain Python."""

PROGRAMS = {
    "recursion_fib": """
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(27))
""",
    "nested_loops": """
total = 0
for i in range(600):
    for j in range(600):
        if (i + j) % 7 == 0:
            total += i * j
print(total)
""",
    "while_counter": """
n = 0
count = 0
while n < 800000:
    if n % 3 == 0:
        count += 1
    n += 1
print(count)
""",
    "string_building": """
words = []
for i in range(100000):
    word = "item" + str(i)
    if word.endswith("7"):
        words.append(word.upper())
text = ", ".join(words)
print(len(text))
""",
    "list_and_dict_work": """
scores = {}
for i in range(150000):
    name = "student" + str(i % 500)
    scores.setdefault(name, []).append(i % 100)
averages = {name: sum(values) / len(values) for name, values in scores.items()}
best = max(averages, key=averages.get)
print(best, round(averages[best], 2))
""",
    "comprehensions": """
squares = [x * x for x in range(200000)]
evens = [s for s in squares if s % 2 == 0]
lookup = {s: i for i, s in enumerate(evens[:50000])}
unique = {s % 1000 for s in squares}
print(len(evens), len(lookup), len(unique))
""",
    "classes": """
class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
    def deposit(self, amount):
        self.balance += amount
        return self.balance
    def withdraw(self, amount):
        if amount > self.balance:
            return False
        self.balance -= amount
        return True
accounts = [Account("learner" + str(i)) for i in range(1000)]
for round_number in range(150):
    for account in accounts:
        account.deposit(round_number)
        account.withdraw(3)
print(sum(a.balance for a in accounts))
""",
    "generators": """
def numbers(limit):
    n = 0
    while n < limit:
        yield n
        n += 1
def evens(source):
    for value in source:
        if value % 2 == 0:
            yield value
print(sum(evens(numbers(500000))))
""",
    "print_heavy": """
for i in range(60000):
    print("Line", i, "squared is", i * i)
""",
    "print_formatted": """
for row in range(3000):
    line = ""
    for col in range(60):
        line += "#" if (row * col) % 7 < 3 else "."
    print(f"{row:3}: {line}")
""",
    "sorting_with_key": """
import random
random.seed(1)
people = [("name" + str(i), random.randint(1, 90)) for i in range(60000)]
by_age = sorted(people, key=lambda person: (person[1], person[0]))
print(by_age[0], by_age[-1])
""",
    "prime_sieve": """
limit = 400000
is_prime = [True] * (limit + 1)
is_prime[0] = is_prime[1] = False
p = 2
while p * p <= limit:
    if is_prime[p]:
        for multiple in range(p * p, limit + 1, p):
            is_prime[multiple] = False
    p += 1
print(sum(is_prime))
""",
    "math_functions": """
import math
total = 0.0
for i in range(1, 200000):
    total += math.sqrt(i) * math.sin(i) + abs(-i) % 7 + min(i, 50) + max(i, 3) ** 2
print(round(total, 3))
""",
}
