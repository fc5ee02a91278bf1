"""Modules a learner keeps beside their script (``import helper``), run instrumented.

Python puts the script's folder first on ``sys.path``; Sprout cannot touch the IDE's
``sys.path``, so the script's ``import`` looks in that folder itself. Such a module is
compiled with safe points like the script, lives only for the run (a fresh copy each
run, never in ``sys.modules``) and appears in tracebacks by its file name.
"""
from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from .compiler import compile_script

if TYPE_CHECKING:
    from .run import Run


class LocalModules:
    """Finds and loads ``NAME.py`` from the script's folder for one run."""

    def __init__(self, run: Run, folder: str | Path | None) -> None:
        self._run = run
        self._folder = Path(folder) if folder else None
        self._loaded: dict[str, ModuleType] = {}

    def find(self, name: str) -> ModuleType | None:
        """The module for a top-level ``import name``, or None to import normally."""
        if name in self._loaded:
            return self._loaded[name]
        if self._folder is None or not name.isidentifier():
            return None
        path = self._folder / f"{name}.py"
        if not path.is_file():
            return None
        try:
            source = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise ImportError(f"cannot import {name}: {path.name} could not be read ({error})",
                              name=name) from None
        module = ModuleType(name)
        module.__file__ = str(path)
        module.__dict__["__builtins__"] = self._run.builtins
        self._run.stop.watch(module.__dict__)
        self._loaded[name] = module  # before running it, so circular imports work
        self._run.book.add(path.name, source)
        try:
            exec(compile_script(source, path.name), module.__dict__)
        except BaseException:
            del self._loaded[name]
            raise
        return module
