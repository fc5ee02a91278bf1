"""Modules and packages the learner writes, imported with safe points.

Python puts the script's folder first on ``sys.path``; each run's own ``sys.path``
(``vm.process.host``, built by ``vm.process.script_path``) does too. A finder at the
front of ``sys.meta_path`` answers, on a run's
threads only, for modules found in the *learner's* folders: the script's folder and
any folder the script adds to ``sys.path``. Those are compiled with safe points like
the script, live in ``sys.modules`` while the run lasts (so their classes pickle) and
are removed when it ends, so the next run imports them fresh. Everything else (the
standard library, installed packages) imports as usual.
"""
from __future__ import annotations

import builtins
import importlib.abc
import importlib.util
import os
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType
from typing import TYPE_CHECKING, Any

from ..core.i18n import N_, _
from ..core.run_binding import current_run
from ..drawing.turtle_module import TurtleLoader, turtle_spec
from ..instrument.compiler import compile_script
from ..instrument.runtime_code import compile_imports_plainly
from ..plots.setup import matplotlib_spec
from .fresh_modules import FreshModules
from .package_folders import package_folders
from .script_path import SPROUT_ROOT, interpreter_entries

if TYPE_CHECKING:
    from ..core.script_run import ScriptRun


class LearnerLoader(importlib.abc.Loader):
    """Compiles one learner file with safe points."""

    def __init__(self, modules: LearnerModules, path: str) -> None:
        self.owner = modules
        self.path = path

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        return None

    def exec_module(self, module: ModuleType) -> None:
        with open(self.path, "rb") as handle:
            source = importlib.util.decode_source(handle.read())
        self.owner.run.book.add(self.path, source)
        self.owner.loaded.add(module.__name__)
        # The learner's module sees the real builtins, as from Python's own import
        # (an exec from here would give it the engine's copy).
        module.__dict__.setdefault("__builtins__", vars(builtins))
        exec(compile_script(source, self.path), module.__dict__)

    def get_source(self, fullname: str) -> str:
        with open(self.path, "rb") as handle:
            return importlib.util.decode_source(handle.read())


class LearnerModules:
    """The learner's importable folders and the modules loaded from them, for one run."""

    def __init__(self, run: ScriptRun) -> None:
        self.run = run
        self.loaded: set[str] = set()
        self._host_path = interpreter_entries() | frozenset(package_folders())  # imported plainly
        self.shadowing: dict[str, ModuleType] = {}  # learner files named like a loaded module
        self._sprout_modules: dict[str, bool] = {}  # loaded modules: whether they are Sprout's
        self.fresh = FreshModules()  # modules the run imports first, dropped after it

    def shadowing_module(self, name: str, importer_globals: Any) -> ModuleType | None:
        """What the learner's ``import name`` gets instead of a module already loaded in
        the process, as plain Python would find it: their own ``name.py`` first (over the
        standard library's ``random``, say), and ``ModuleNotFoundError`` for Sprout's own
        modules (``vm``, ``ide``, ``main``) where Python would not find them."""
        top = name.partition(".")[0]
        if top == "__main__":
            return None  # always the running program (``pickle`` imports it), never a file
        if top not in sys.modules or not self._imported_by_learner(importer_globals):
            return None
        if "." not in name:
            own = self._learners_own(name)
            if own is not None:
                return own
        if self._sprouts_own(top) and self.find_spec(top, None) is None and not any(
                finder.find_spec(top, None) is not None for finder in sys.meta_path
                if not isinstance(finder, LearnerFinder) and hasattr(finder, "find_spec")):
            raise ModuleNotFoundError(f"No module named {top!r}", name=top)
        return None

    def _learners_own(self, name: str) -> ModuleType | None:
        if name in self.shadowing:
            return self.shadowing[name]
        spec = self.find_spec(name, None)
        if spec is None or spec.loader is None:
            return None
        module = importlib.util.module_from_spec(spec)
        self.shadowing[name] = module
        try:
            spec.loader.exec_module(module)
        except BaseException:
            del self.shadowing[name]
            raise
        return module

    def _sprouts_own(self, name: str) -> bool:
        """Whether the loaded module ``name`` is one of Sprout's files."""
        if name not in self._sprout_modules:
            origin = getattr(sys.modules.get(name), "__file__", None)
            self._sprout_modules[name] = isinstance(origin, str) and _inside(origin, SPROUT_ROOT)
        return self._sprout_modules[name]

    def _imported_by_learner(self, importer_globals: Any) -> bool:
        if not isinstance(importer_globals, dict):
            return False
        name = importer_globals.get("__name__")
        return name == "__main__" or name in self.loaded or name in self.shadowing

    def folders(self) -> list[str]:
        return [entry for entry in self.run.path
                if isinstance(entry, str) and entry not in self._host_path and os.path.isdir(entry)]

    def find_spec(self, fullname: str, path: Sequence[str] | None) -> ModuleSpec | None:
        parent, _, name = fullname.rpartition(".")
        if parent:
            if parent not in self.loaded or path is None:
                return None
            places = list(path)
        else:
            places = self.folders()
        for place in places:
            package = os.path.join(place, name)
            init = os.path.join(package, "__init__.py")
            if os.path.isfile(init):
                return importlib.util.spec_from_file_location(
                    fullname, init, loader=LearnerLoader(self, init),
                    submodule_search_locations=[package])
            module = os.path.join(place, f"{name}.py")
            if os.path.isfile(module):
                return importlib.util.spec_from_file_location(
                    fullname, module, loader=LearnerLoader(self, module))
        return None

    def forget_others_turtle(self) -> None:
        """A turtle another run loaded (one still stuck after being abandoned) is not this
        run's: it would draw into the other run's window. Import a fresh one instead."""
        module = sys.modules.get("turtle")
        loader = getattr(getattr(module, "__spec__", None), "loader", None)
        if isinstance(loader, TurtleLoader) and loader.run is not self.run and module is not self.run.drawing.module:
            del sys.modules["turtle"]

    def unload(self) -> None:
        """The run is over: its modules leave ``sys.modules`` (not another run's of the same name)."""
        for name in self.loaded:
            module = sys.modules.get(name)
            loader = getattr(module.__spec__, "loader", None) if module is not None else None
            if (isinstance(loader, LearnerLoader) and loader.owner is self) or \
                    (isinstance(loader, TurtleLoader) and loader.run is self.run):
                del sys.modules[name]
        self.fresh.release(self._stays)
        self.loaded.clear()

    def _stays(self, name: str, module: ModuleType) -> bool:
        """Sprout's own modules and another run's stay loaded whatever the run imported."""
        origin = getattr(module, "__file__", None)
        return name in self.loaded or name == "turtle" or (
            isinstance(origin, str) and _inside(origin, SPROUT_ROOT))


def _inside(path: str, folder: str) -> bool:
    try:
        return os.path.commonpath([os.path.realpath(path), folder]) == folder
    except ValueError:  # another drive
        return False


REFUSED_IMPORTS = {
    "multiprocessing": N_("Sprout runs your program inside the IDE, where starting new "
                          "Python processes is not possible; use threading instead"),
    "tkinter": N_("tkinter windows cannot run inside Sprout; turtle drawings can "
                  "(import turtle: they appear in the Drawing pane)"),
}


class LearnerFinder(importlib.abc.MetaPathFinder):
    """Installed once at the front of ``sys.meta_path``; silent on the host's threads."""

    def find_spec(self, fullname: str, path: Sequence[str] | None,
                  target: Any = None) -> ModuleSpec | None:
        run = current_run()
        if run is None:
            return None
        top = fullname.partition(".")[0]
        if top in REFUSED_IMPORTS:
            raise ImportError(_("cannot import {module}: {reason}").format(module=top, reason=_(REFUSED_IMPORTS[top])),
                              name=top)
        run.modules.fresh.importing(fullname)
        spec = run.modules.find_spec(fullname, path)
        if spec is None and fullname == "turtle":
            spec = turtle_spec(run)
            run.modules.loaded.add(fullname)
        if spec is None and top == "matplotlib":
            spec = matplotlib_spec(fullname, path, LearnerFinder)  # Sprout's backend; refuses windowed ones
        return spec


def install() -> None:
    if not any(isinstance(finder, LearnerFinder) for finder in sys.meta_path):
        sys.meta_path.insert(0, LearnerFinder())
    compile_imports_plainly()
