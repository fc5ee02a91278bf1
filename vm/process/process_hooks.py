"""Hooks a script installs for the whole process, gone when its run ends.

Plain Python gives every script a fresh process, so a ``gc.callbacks`` entry, a
``threading.settrace`` tracer, a ``warnings.simplefilter("error")``, a ``logging``
configuration (``vm.process.logging_state``) or a pending ``faulthandler.dump_traceback_later``
ends with it. In Sprout they would stay in the IDE and call into a program that is
over: the next run would hang or fail. Their state is recorded with the rest of the
process's (``vm.process.process_state``) and put back after the last overlapping run.

While runs are active, hooks that would reach the IDE's own threads act on the runs'
threads only:

- ``gc.callbacks`` entries a script adds (``vm.process.gc_callbacks``);
- ``sys.addaudithook``, which can never be undone: the first script that adds one
  installs a single dispatcher of Sprout's, which calls each run's hooks for events
  raised on that run's threads while its code runs, and nothing else;
- ``threading.settrace_all_threads``/``setprofile_all_threads`` (3.12).
"""
from __future__ import annotations

import faulthandler
import sys
import threading
import warnings
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..core.patching import patch, refused
from ..core.run_binding import this_thread
from .gc_callbacks import GcCallbacks
from .logging_state import LoggingState

if TYPE_CHECKING:
    from ..core.script_run import ScriptRun

THREADING_HOOKS = ("_trace_hook", "_profile_hook")
WARNINGS_STATE = ("filters", "defaultaction", "onceregistry", "showwarning", "formatwarning",
                  "_showwarnmsg", "_showwarnmsg_impl", "_formatwarnmsg", "_formatwarnmsg_impl")
_MISSING = object()


class HookState:
    """The process's hooks before the runs began."""

    def __init__(self) -> None:
        self.gc_callbacks = GcCallbacks()
        self.threading = {name: vars(threading).get(name, _MISSING) for name in THREADING_HOOKS}
        self.warnings = {name: vars(warnings).get(name, _MISSING) for name in WARNINGS_STATE}
        self.filters = list(warnings.filters)
        self.logging = LoggingState()
        self.faulthandler_enabled = faulthandler.is_enabled()

    def restore(self) -> None:
        self.gc_callbacks.restore()
        _put_back(vars(threading), self.threading)
        _put_back(vars(warnings), self.warnings)
        filters = self.warnings["filters"]
        if isinstance(filters, list):
            filters[:] = self.filters
        warnings._filters_mutated()  # type: ignore[attr-defined]
        self.logging.restore()
        if _later_dump[0]:
            _later_dump[0] = False
            faulthandler.cancel_dump_traceback_later()
        if _enabled_by_run[0]:
            # The script's stderr goes with its run: Python's crash report goes back
            # where it was (nowhere, or the process's own stderr).
            _enabled_by_run[0] = False
            faulthandler.disable()
            if self.faulthandler_enabled and _HOST_STDERR is not None:
                faulthandler.enable(file=_HOST_STDERR)


def _put_back(namespace: dict[str, Any], recorded: dict[str, Any]) -> None:
    for name, value in recorded.items():
        if namespace.get(name, _MISSING) is not value:
            if value is _MISSING:
                namespace.pop(name, None)
            else:
                namespace[name] = value


_later_dump = [False]  # a script asked faulthandler for a dump later: cancelled after the run
_enabled_by_run = [False]  # a script enabled faulthandler (on its stderr): disabled after the run
_HOST_STDERR = sys.__stderr__


# ---- audit hooks ---------------------------------------------------------------
_audit_hooks: dict[Any, list[Callable[[str, tuple], Any]]] = {}  # run -> its hooks, until its end
_audit_lock = threading.Lock()
_dispatcher_installed = False
_listening = False  # some run has hooks: the dispatcher has work (else it returns at once)


def _dispatch_audit(event: str, args: tuple) -> None:
    """Sprout's one audit hook: the hooks of the run the raising thread belongs to."""
    if not _listening:
        return
    run = this_thread.run
    hooks = _audit_hooks.get(run)
    if not hooks or run is None or run.closed or run.engine_busy:
        return
    for hook in list(hooks):
        hook(event, args)


def _add_audit_hook(run: ScriptRun, real: Callable, hook: Callable[[str, tuple], Any]) -> None:
    global _dispatcher_installed, _listening
    try:
        sys.audit("sys.addaudithook")  # as Python does: a hook may veto the new one
    except RuntimeError:
        return
    with _audit_lock:
        if not _dispatcher_installed:
            real(_dispatch_audit)
            _dispatcher_installed = True
        _audit_hooks.setdefault(run, []).append(hook)
        _listening = True


def run_hooks_end(run: ScriptRun) -> None:
    """The script's code is over (its threads too): its audit hooks hear no more events."""
    global _listening
    with _audit_lock:
        _audit_hooks.pop(run, None)
        _listening = bool(_audit_hooks)


# ---- tracing every thread (3.12) -------------------------------------------------
def _run_threads_only(run: ScriptRun, hook: Callable, set_on_thread: Callable[[Any], None]) -> Callable:
    """A tracer for ``sys._settraceallthreads``: the first event on each thread keeps
    ``hook`` on the run's threads and takes it away from every other thread."""
    def first_event(frame: Any, event: str, arg: Any) -> Any:
        if this_thread.run is run and not getattr(run, "closed", True):
            set_on_thread(hook)
            return hook(frame, event, arg)
        set_on_thread(None)
        return None
    return first_event


def _all_threads(set_hook: Callable[[Any], None], set_on_thread: Callable[[Any], None],
                 set_all: Callable[[Any], None]) -> Callable[..., None]:
    def guarded(run: ScriptRun, real: Callable, hook: Any) -> None:
        set_hook(hook)  # threads started from now on, as ``threading.settrace``
        set_all(None if hook is None else _run_threads_only(run, hook, set_on_thread))
        set_on_thread(hook)
    return guarded


# ---- faulthandler ----------------------------------------------------------------
def _dump_traceback_later(run: ScriptRun, real: Callable, timeout: Any, repeat: bool = False,
                          file: Any = None, exit: bool = False) -> None:
    if exit:
        refused("faulthandler.dump_traceback_later(exit=True)")(run, real)
    real(timeout, repeat, sys.stderr if file is None else file, exit)
    _later_dump[0] = True


def _enable(run: ScriptRun, real: Callable, *args: Any, **kwargs: Any) -> None:
    real(*args, **kwargs)
    _enabled_by_run[0] = True


def install() -> None:
    """Patch the real modules; called once by ``host.install``."""
    patch(sys, "addaudithook", _add_audit_hook)
    if hasattr(sys, "_settraceallthreads"):  # 3.12
        patch(threading, "settrace_all_threads",
               _all_threads(threading.settrace, sys.settrace, vars(sys)["_settraceallthreads"]))
        patch(threading, "setprofile_all_threads",
               _all_threads(threading.setprofile, sys.setprofile, vars(sys)["_setprofileallthreads"]))
    patch(faulthandler, "dump_traceback_later", _dump_traceback_later)
    patch(faulthandler, "enable", _enable)
