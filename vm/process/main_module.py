"""The module a run's top-level code runs in."""
from __future__ import annotations

import builtins
import gc
import os
import sys
from importlib.machinery import SourceFileLoader
from types import BuiltinFunctionType, FunctionType, ModuleType

_MISSING = object()


class MainModule:
    """Where a run's top-level code runs: a fresh ``__main__``, or one kept from before.

    The IDE keeps the last program's variables for its shell (``keep``); a shell line
    runs in that module in ``"single"`` mode, so expressions echo as at ``>>>``. A kept
    module that is given up is emptied by the next run, on its own thread under its
    stop, so the objects' ``__del__`` never runs on the window's thread.
    """

    def __init__(self, module: ModuleType | None = None, mode: str = "exec", keep: bool = False,
                 discard: list[ModuleType] | None = None) -> None:
        self.module, self.mode, self.keep = module, mode, keep
        self.discard = list(discard or ())
        self._underscore_before: object = _MISSING

    def keep_last_value(self, namespace: dict) -> None:
        """A shell entry's echoed value stays reachable as ``_``, as at ``>>>``.

        Python's display hook puts it in ``builtins``, which Sprout puts back as it was
        when the run ends; the kept variables carry it to the next entry instead.
        """
        if self.mode == "single":
            value = vars(builtins).get("_", _MISSING)
            if value is not self._underscore_before:
                namespace["_"] = value

    def release_discarded(self) -> None:
        """Empty the module given up (on the new run's thread, under its stop)."""
        if self.discard:
            discard, self.discard = self.discard, []
            for module in discard:
                empty(module.__dict__)
            gc.collect()

    def prepare(self, file_path: str) -> ModuleType:
        self._underscore_before = vars(builtins).get("_", _MISSING)
        if self.module is None:
            self.module = main_module(file_path)
        return self.module


def main_module(file_path: str) -> ModuleType:
    """A fresh ``__main__`` with the names, in the order, ``python script.py`` gives it."""
    module = ModuleType("__main__")
    namespace = module.__dict__  # __name__, __doc__, __package__, __loader__, __spec__
    if os.path.isabs(file_path) and os.path.isfile(file_path):  # a saved file, not a buffer's name
        namespace["__loader__"] = SourceFileLoader("__main__", file_path)
    namespace.update(__annotations__={}, __builtins__=sys.modules["builtins"], __file__=file_path,
                     __cached__=None)
    return module


# What a ``__del__`` may still need while the program's objects go: dropped last.
_LASTING = (ModuleType, type, FunctionType, BuiltinFunctionType, int, float, complex, str, bytes,
            type(None))


def empty(namespace: dict) -> None:
    """Drop a program's variables as ``python`` finalizes them at exit: objects go oldest
    first (their ``__del__`` run in the order the names were bound) while the modules,
    classes, functions and plain values they may use are still there; then the rest."""
    for lasting in (False, True):
        for name in list(namespace):
            if name != "__builtins__" and issubclass(type(namespace.get(name)), _LASTING) is lasting:
                namespace.pop(name, None)
    namespace.clear()
