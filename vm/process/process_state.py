"""Process-wide state a script may change, put back when the last overlapping run ends.

Plain Python gives every script a fresh process. Sprout's scripts share the IDE's, so
what a script changes for the whole process (hooks in ``sys``, the recursion limit,
the switch interval, the garbage collector, ``builtins``, the functions Sprout itself
patched) is recorded before the first of any overlapping runs starts and restored
after the last one ends. An abandoned run that ends late therefore never restores
stale values over a newer run's.
"""
from __future__ import annotations

import builtins
import gc
import sys
import threading
from collections.abc import Collection
from typing import Any

from ..core.i18n import _
from ..core.patching import original, originals
from ..instrument.compiler import ENGINE_NAMES
from .process_environment import Environment
from .process_hooks import HookState

SYS_HOOKS = ("excepthook", "displayhook", "breakpointhook", "unraisablehook", "tracebacklimit", "ps1", "ps2")
_MISSING = object()


class Baseline:
    """What the process looked like before the runs began."""

    def __init__(self) -> None:
        self.recursion_limit = original(sys, "getrecursionlimit")()
        self.switch_interval = sys.getswitchinterval()
        self.str_digits = sys.get_int_max_str_digits() if hasattr(sys, "get_int_max_str_digits") else None
        self.gc_enabled = gc.isenabled()
        self.gc_thresholds = gc.get_threshold()
        self.sys_hooks = {name: vars(sys).get(name, _MISSING) for name in SYS_HOOKS}
        self.thread_excepthook = threading.excepthook
        self.builtins = dict(vars(builtins))
        self.patched = {key: getattr(_owner(key), key[1]) for key in originals}
        self.main_module = sys.modules.get("__main__")
        self.hooks = HookState()
        self.environment = Environment()
        self.frozen = False

    def restore(self) -> list[str]:
        """Put everything back; returns what had been left changed, for the run's result."""
        changed: list[str] = []
        original(sys, "setrecursionlimit")(self.recursion_limit)
        original(sys, "setswitchinterval")(self.switch_interval)
        if self.str_digits is not None:
            original(sys, "set_int_max_str_digits")(self.str_digits)
        if gc.isenabled() != self.gc_enabled:
            changed.append(_("the garbage collector was left disabled"))
            (gc.enable if self.gc_enabled else gc.disable)()
        gc.set_threshold(*self.gc_thresholds)
        for name, value in self.sys_hooks.items():
            if vars(sys).get(name, _MISSING) is not value:
                if value is _MISSING:
                    vars(sys).pop(name, None)
                else:
                    vars(sys)[name] = value
        threading.excepthook = self.thread_excepthook
        namespace = vars(builtins)
        for name in set(namespace) - set(self.builtins):
            del namespace[name]
        self.restore_builtins()
        for key, value in self.patched.items():
            setattr(_owner(key), key[1], value)
        if self.main_module is not None:
            sys.modules["__main__"] = self.main_module
        self.hooks.restore()
        self.environment.restore()
        return changed


    def restore_builtins(self, keep: Collection[str] = ()) -> None:
        """Python's own built-ins (and Sprout's) back where a script replaced or removed them."""
        namespace = vars(builtins)
        for name, value in self.builtins.items():
            if namespace.get(name, _MISSING) is not value and name not in keep:
                namespace[name] = value


def _owner(key: tuple[str, str]) -> Any:
    module_name, _, class_name = key[0].partition(":")
    owner = sys.modules[module_name]
    return getattr(owner, class_name) if class_name else owner


class ProcessState:
    """Counts overlapping runs; the first records the baseline, the last restores it."""

    _lock = threading.Lock()
    _runs = 0
    _baseline: Baseline | None = None

    @classmethod
    def enter(cls) -> None:
        with cls._lock:
            if cls._runs == 0:
                cls._baseline = Baseline()
            cls._runs += 1

    @classmethod
    def freeze_existing_objects(cls) -> None:
        """Called once the run's leftovers from before are gone: what exists now is the
        host's, and the collections at a run's end need only look at what was made since
        (the run's own garbage), not at the whole IDE. Undone when the last run ends."""
        with cls._lock:
            if cls._baseline is not None and not cls._baseline.frozen:
                cls._baseline.frozen = True
                gc.freeze()

    @classmethod
    def recursion_limit(cls) -> int:
        """The process's own recursion limit, from before the runs began."""
        with cls._lock:
            baseline = cls._baseline
        return baseline.recursion_limit if baseline is not None else original(sys, "getrecursionlimit")()

    @classmethod
    def restore_builtins(cls) -> None:
        """A run was stopped: the built-ins a script replaced (``builtins.len = ...``) are put
        back at once, so that Sprout's own work while the program unwinds, in the standard
        library too, does not call them. Sprout's flags in ``builtins`` stay as they are."""
        with cls._lock:
            baseline = cls._baseline
        if baseline is not None:
            baseline.restore_builtins(keep=ENGINE_NAMES)

    @classmethod
    def leave(cls) -> list[str]:
        with cls._lock:
            cls._runs -= 1
            if cls._runs or cls._baseline is None:
                return []
            baseline, cls._baseline = cls._baseline, None
            if baseline.frozen:
                gc.unfreeze()
            return baseline.restore()
