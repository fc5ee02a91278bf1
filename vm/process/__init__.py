"""What a run does to the process it shares with the IDE: the per-run ``sys``, the protections
installed into the real modules, process-wide state put back, threads and child processes, the
learner's own imports and ``sys.path``.
"""
