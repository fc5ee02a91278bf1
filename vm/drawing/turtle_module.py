"""``import turtle`` in a run: Python's own ``turtle.py``, fresh, on the stand-in.

Each run gets a new module (turtle keeps its screen and pens in class attributes), built
from the running Python's ``turtle.py`` compiled once per process. While its top level
runs, ``sys.modules`` lends it the ``tkinter`` stand-in; the learner's own ``import
tkinter`` is still refused. Its ``exec``/``eval`` are Python's unpatched ones: turtle
builds its module-level functions with ``exec``, and those are library code, not the
learner's (they need no safe points and stay out of tracebacks).
"""
from __future__ import annotations

import builtins
import importlib.abc
import importlib.util
import os
import sys
import sysconfig
from importlib.machinery import ModuleSpec
from types import CodeType, ModuleType
from typing import TYPE_CHECKING, Any

from ..core.patching import original
from . import tk_standin

if TYPE_CHECKING:
    from ..core.script_run import ScriptRun


def _turtle_source() -> str:
    """The running Python's ``turtle.py``; a standalone Sprout (``tools/bundle.py``) ships
    it as a file beside its frozen standard library."""
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return os.path.join(bundle, "stdlib", "turtle.py")
    return os.path.join(sysconfig.get_paths()["stdlib"], "turtle.py")


TURTLE_PATH = _turtle_source()
LENT_MODULES = ("tkinter", "tkinter.simpledialog")
_compiled: dict[str, CodeType] = {}


def _turtle_code() -> CodeType:
    code = _compiled.get(TURTLE_PATH)
    if code is None:
        with open(TURTLE_PATH, "rb") as handle:
            source = importlib.util.decode_source(handle.read())
        code = original(builtins, "compile")(source, TURTLE_PATH, "exec", dont_inherit=True)
        _compiled[TURTLE_PATH] = code
    return code


def _library_builtins() -> dict[str, Any]:
    names = dict(vars(builtins))
    for name in ("exec", "eval", "compile"):
        names[name] = original(builtins, name)
    return names


class TurtleLoader(importlib.abc.Loader):
    """Runs turtle's source into a new module, drawing through the run's ``drawing`` link."""

    def __init__(self, run: ScriptRun, existing: ModuleType | None = None) -> None:
        self.run = run
        self._existing = existing

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        return self._existing

    def exec_module(self, module: ModuleType) -> None:
        if module is self._existing:
            return  # a shell entry importing turtle again: the drawing goes on
        run = self.run
        run.drawing.module = module
        session = run.drawing.start()
        tkinter = tk_standin.build(session, run.read_line, run.engine_stdout.write)
        module.__dict__["__builtins__"] = _library_builtins()
        lent = {name: sys.modules.get(name) for name in LENT_MODULES}
        sys.modules["tkinter"], sys.modules["tkinter.simpledialog"] = tkinter, tkinter.simpledialog
        try:
            exec(_turtle_code(), module.__dict__)
        finally:
            for name, previous in lent.items():
                if previous is None:
                    sys.modules.pop(name, None)
                else:
                    sys.modules[name] = previous

    def get_source(self, fullname: str) -> str:
        with open(TURTLE_PATH, "rb") as handle:
            return importlib.util.decode_source(handle.read())


def turtle_spec(run: ScriptRun) -> ModuleSpec | None:
    if not os.path.isfile(TURTLE_PATH):
        return None
    """How ``import turtle`` loads in ``run``: afresh, except that an entry in the shell
    gets the turtle the program or an earlier entry was drawing with, as ``>>>`` would."""
    existing = run.drawing.module if run.main.mode == "single" else None
    return importlib.util.spec_from_file_location("turtle", TURTLE_PATH, loader=TurtleLoader(run, existing))
