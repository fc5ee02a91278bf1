"""The engine's own built-ins: a script that replaces ``builtins.len`` breaks only its own code.

A learner's ``builtins.isinstance = lambda *a: False`` changes the real ``builtins``,
which every module looks its built-in names up in: Sprout's own bookkeeping on the
script's thread (recording where a stop landed, say) would call the learner's
replacement. Each engine module is therefore loaded with a ``__builtins__`` of its own:
a copy of ``builtins`` taken when the engine was imported. Functions keep the
built-ins of the module that defined them, so the engine's frames never see what a
script put into the real ``builtins`` (``__import__`` included), and the script's
frames still do, as in plain Python.

C functions that fill in a missing ``__builtins__`` (``exec(code, {})``) take the
calling frame's: the engine's wrappers of ``exec`` and ``eval`` pass the caller's own,
so nothing of this copy reaches a namespace a script or library made.
"""
from __future__ import annotations

import builtins
import importlib.abc
import importlib.machinery
import sys
from types import ModuleType
from typing import Any

ENGINE_BUILTINS: dict[str, Any] = dict(vars(builtins))


class _EngineLoader(importlib.machinery.SourceFileLoader):
    """Loads an engine module with the engine's built-ins."""

    def exec_module(self, module: ModuleType) -> None:
        module.__dict__["__builtins__"] = ENGINE_BUILTINS  # exec keeps a __builtins__ it finds
        super().exec_module(module)


class _EngineFinder(importlib.abc.MetaPathFinder):
    """Finds ``package``'s submodules as Python would and gives them ``_EngineLoader``."""

    def __init__(self, package: str) -> None:
        self.prefix = package + "."

    def find_spec(self, fullname: str, path: Any, target: Any = None) -> importlib.machinery.ModuleSpec | None:
        if not fullname.startswith(self.prefix):
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path, target)
        loader = spec.loader if spec is not None else None
        if spec is not None and type(loader) is importlib.machinery.SourceFileLoader:
            spec.loader = _EngineLoader(loader.name, loader.path)
        return spec


def load_with_engine_builtins(package: str) -> None:
    """From now on ``package``'s submodules are loaded with the engine's built-ins."""
    if not any(isinstance(finder, _EngineFinder) and finder.prefix == package + "."
               for finder in sys.meta_path):
        sys.meta_path.insert(0, _EngineFinder(package))


def adopt_host_builtins() -> None:
    """Names the host added to ``builtins`` after the engine was imported join its copy.

    PySide6, imported after the engine, adds ``__orig_import__`` and wraps ``__import__``;
    its wrapper looks that name up in the calling frame's built-ins, and when the engine's
    own ``__import__`` wrapper is the caller that is this copy: without the name the
    process aborts. Called when the engine installs its protections, before any script."""
    for name, value in vars(builtins).items():
        ENGINE_BUILTINS.setdefault(name, value)


def caller_builtins(depth: int) -> Any:
    """The built-ins of the frame ``depth`` levels above the caller (what ``exec`` would
    insert into a namespace without ``__builtins__``, called from there)."""
    return sys._getframe(depth + 1).f_builtins


load_with_engine_builtins(__name__.partition(".")[0])  # all of ``vm``, every subfolder
