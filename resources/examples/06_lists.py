# Lists: store many values and work with them.
scores = [72, 95, 88, 61, 79]
print("Scores:", scores)
print("Highest:", max(scores), "Lowest:", min(scores))
print("Average:", sum(scores) / len(scores))

scores.append(100)
scores.sort()
print("Sorted with a new score:", scores)

passed = [score for score in scores if score >= 75]
print("Passed:", passed)
