"""The bottom of the engine: which run a thread belongs to (``run_binding``), what a run offers
the layers below it (``script_run``), replacing functions in real modules (``patching``), the
engine's own built-ins and frames, and its words (``i18n``). Imports nothing above it.
"""
