"""Separate-process runs: the same engine hosted in a worker process of its own.

``EngineProxy`` (``proxy.py``) has the ``VM`` API; each run goes to a fresh worker
(``python -m vm.separate.worker``) over JSON lines (``protocol.py``), and Stop always
ends it: the engine's flag first, then SIGINT, then killing the worker's processes.
"""
from .proxy import EngineProxy

__all__ = ["EngineProxy"]
