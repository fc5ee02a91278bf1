"""What the learner is told: the result records, tracebacks, the hint under them, Python's own
messages, the values the program held, and where a stop was met.
"""
