"""Modules a run imported for the first time leave with it, as a new ``python`` starts
without them.

``import this`` prints the Zen at every run, and a library is set up again from scratch,
because ``vm.process.learner_imports.LearnerFinder`` (first on ``sys.meta_path``) tells the run
each module its threads import that is not loaded yet. When the run ends they leave
``sys.modules`` (and their parent package's attribute), except what cannot be imported
twice in one process:

- compiled modules (extension and built-in modules): CPython initialises most only once;
- every module of a top-level package that holds a compiled module (``numpy``,
  ``matplotlib``): its Python half and its compiled half share state;
- every module of a top-level package that was imported while a compiled module was
  being initialised (``_asyncio`` takes ``asyncio``'s exception classes, ``_decimal``
  registers with ``numbers``): the compiled module would keep the old classes;
- every module of a top-level package that a kept module refers to (a module, a class or
  a function of it among its globals: ``asyncio`` keeps ``concurrent.futures``, whose
  ``Future`` it checks against), so what stays never holds a copy the next run replaced.
"""
from __future__ import annotations

import sys
from collections.abc import Callable
from importlib.machinery import BuiltinImporter, ExtensionFileLoader
from types import FrameType, ModuleType

_IMPORTLIB = "<frozen importlib._bootstrap"


def _compiled(module: ModuleType) -> bool:
    spec = getattr(module, "__spec__", None)
    loader = getattr(spec, "loader", None) or getattr(module, "__loader__", None)
    if isinstance(loader, ExtensionFileLoader) or loader is BuiltinImporter or \
            isinstance(loader, type) and issubclass(loader, BuiltinImporter):
        return True
    return getattr(module, "__file__", None) is None and getattr(spec, "origin", None) == "built-in"


def _top(name: str) -> str:
    return name.partition(".")[0]


def _initialising_compiled(frame: FrameType | None) -> bool:
    """Whether this import happens inside a compiled module's initialisation."""
    while frame is not None:
        code = frame.f_code
        if code.co_filename.startswith(_IMPORTLIB) and code.co_name in ("create_module", "exec_module"):
            owner = frame.f_locals.get("self", frame.f_locals.get("cls"))
            if isinstance(owner, ExtensionFileLoader) or owner is BuiltinImporter:
                return True
        frame = frame.f_back
    return False


class FreshModules:
    """The modules one run's threads imported first, to let go of when it ends."""

    def __init__(self) -> None:
        self.first: list[str] = []
        self.held: set[str] = set()  # top-level packages a compiled module imported

    def importing(self, fullname: str) -> None:
        """A run's thread looks for ``fullname``, not loaded yet."""
        if fullname not in sys.modules:
            self.first.append(fullname)
            if _initialising_compiled(sys._getframe(2)):
                self.held.add(_top(fullname))

    def release(self, keep: Callable[[str, ModuleType], bool]) -> None:
        """Drop what the run imported first, but what ``keep`` keeps and what cannot be
        imported twice."""
        first, self.first = self.first, []
        new = {name: sys.modules[name] for name in dict.fromkeys(first)
               if name in sys.modules and not keep(name, sys.modules[name])}
        held = set(self.held) | {_top(name) for name, module in sys.modules.items()
                                 if _top(name) in {_top(n) for n in new} and _compiled(module)}
        self.held.clear()
        held |= _used_by_kept(new, held)
        for name in sorted(new, key=len, reverse=True):  # children before their packages
            module = new[name]
            if _top(name) in held or _compiled(module) or sys.modules.get(name) is not module:
                continue
            del sys.modules[name]
            parent, _, child = name.rpartition(".")
            package = sys.modules.get(parent) if parent else None
            if package is not None and getattr(package, child, None) is module:
                delattr(package, child)


def _used_by_kept(new: dict[str, ModuleType], held: set[str]) -> set[str]:
    """Top-level packages of ``new`` that a module staying loaded refers to, repeated
    until nothing more is held (a held package's own references count too)."""
    candidates = {_top(name) for name in new} - held
    staying = [module for name, module in new.items() if _top(name) in held or _compiled(module)]
    found: set[str] = set()
    while staying and candidates:
        referred = set()
        for module in staying:
            for value in list(vars(module).values()):
                owner = _home_of(value)
                if isinstance(owner, str) and _top(owner) in candidates:
                    referred.add(_top(owner))
        candidates -= referred
        found |= referred
        staying = [module for name, module in new.items() if _top(name) in referred]
    return found


def _home_of(value: object) -> object:
    """The module a value comes from, if it says so without running anything odd."""
    if isinstance(value, ModuleType):
        return value.__name__
    if isinstance(value, type) or callable(value):
        try:
            return getattr(value, "__module__", None)
        except Exception:  # noqa: BLE001 - a proxy that cannot say is not a reference
            return None
    return None
