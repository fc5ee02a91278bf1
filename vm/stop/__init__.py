"""What stops a run: the sticky stop signal, the watchdog and limits, guards against runaways a
safe point cannot reach, and waits in C made stop-aware.
"""
