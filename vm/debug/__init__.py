"""What the debugger stands on: trace functions that see only the learner's frames, pause requests
at safe points, and whether a raised exception will be caught.
"""
