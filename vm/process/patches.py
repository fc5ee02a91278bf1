"""Sprout's protections, installed once into the real modules a script uses.

Each replacement asks which run the calling thread belongs to (``host``); on the
host's own threads it is the original function, unchanged. On a run's threads:

- blocking waits (``time.sleep``, ``Thread.join``, every ``threading.Condition`` wait
  and so ``Event``/``Queue``/``Semaphore``, the selectors under ``asyncio``) wait in
  short slices and reach a safe point between them, so a stop wakes them;
- process killers (``os._exit``, ``os.abort``, ``os.fork``, signalling Sprout itself)
  end the script or are refused; ``sys`` limits that could freeze or crash the IDE
  (recursion, switch interval, digits of int/str conversion) are capped;
- ``exec``/``eval``/``compile`` plant safe points in code built at run time;
- infinite or huge iterator sources (``itertools.count``/``cycle``/``repeat``,
  ``iter(f, sentinel)``) reach a safe point every few thousand items, so C code that
  drains them (``sum``, ``deque``, ``dict.fromkeys``...) can still be stopped.

A script that patches any of these (``mock.patch("time.sleep")``) replaces Sprout's
version, as it would replace Python's.
"""
from __future__ import annotations

import _thread
import builtins
import functools
import inspect
import itertools
import linecache
import math
import os
import re
import selectors
import sys
import threading
import time
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..core import engine_builtins
from ..core.i18n import _
from ..core.patching import patch, refused
from ..core.run_binding import bind, current_run, this_thread
from ..instrument import print_calls, runtime_code
from ..instrument.compiler import (
    ATTENTION,
    GUARDED_MUL,
    GUARDED_MUL_OPERAND,
    GUARDED_POW,
    GUARDED_POW_OPERAND,
    GUARDED_RANGE,
    SAFE_POINT,
)
from ..output import printing
from ..stop import guards, regex_guard, waits
from ..stop.interrupt import ScriptStopped
from ..stop.waits import WAIT_SLICE, stop_aware_sleep
from . import children, stack_view, thread_stacks, thread_view

if TYPE_CHECKING:
    from ..core.script_run import ScriptRun

CLOCK_LIMIT = 2**63 / 10**9  # seconds; a longer wait is an OverflowError in Python


# ---- waits ---------------------------------------------------------------------
def _too_long(seconds: Any) -> bool:
    """A wait Python's clock cannot count (nanoseconds in 64 bits): Python raises
    ``OverflowError`` at once, so the original is called for its error."""
    return type(seconds) in (int, float) and seconds >= CLOCK_LIMIT


def _sleep(run: ScriptRun, real: Callable, seconds: Any = None, *more: Any) -> None:
    if more or type(seconds) not in (int, float) or not 0 < seconds < CLOCK_LIMIT:
        return real(seconds, *more)  # zero, or Python's own error for a bad or endless argument
    run.flush_stdout()
    run.checkpoint()
    stop_aware_sleep(run, seconds, "sleep")


def _sliced(run: ScriptRun, timeout: float | None, attempt: Callable[[float], Any]) -> Any:
    """Call ``attempt(slice)`` until it succeeds or ``timeout`` passes, checking for a stop."""
    deadline = None if timeout is None else time.monotonic() + max(timeout, 0.0)
    with run.doing("wait"):
        while True:
            left = WAIT_SLICE if deadline is None else min(WAIT_SLICE, deadline - time.monotonic())
            outcome = attempt(max(left, 0.0))
            if outcome or left <= 0 or (deadline is not None and time.monotonic() >= deadline):
                return outcome
            run.checkpoint()


def _condition_wait(run: ScriptRun, real: Callable, condition: Any, timeout: float | None = None) -> bool:
    """``Condition.wait`` as Python writes it, with only the waiter's own wait sliced.

    The waiter stays queued on the condition across slices. Calling the real ``wait`` once
    per slice instead would take it off the queue after every slice: a ``notify`` made
    while it queues for the lock again (the notifier held it past a slice) would be used
    up on a waiter that then reports a timeout and waits anew, for a notify that never
    comes (``Thread.start`` hung so, waiting for its thread to say it had started).
    """
    if _too_long(timeout):
        return real(condition, timeout)
    run.checkpoint()
    if not condition._is_owned():
        return real(condition, timeout)  # Python's own RuntimeError
    waiter = _thread.allocate_lock()
    waiter.acquire()
    condition._waiters.append(waiter)
    saved_state = condition._release_save()
    notified = False
    try:
        notified = _sliced(run, timeout, lambda left: waiter.acquire(True, left) if left > 0
                           else waiter.acquire(False))
        return notified
    finally:
        condition._acquire_restore(saved_state)
        if not notified:
            try:
                condition._waiters.remove(waiter)
            except ValueError:
                pass  # notified as the wait ended: as in Python, the notify is spent


def _thread_join(run: ScriptRun, real: Callable, thread: threading.Thread, timeout: float | None = None) -> None:
    if not thread._started.is_set() or thread is threading.current_thread() or _too_long(timeout):  # type: ignore[attr-defined]
        return real(thread, timeout)  # Python's own RuntimeError or OverflowError
    run.flush_stdout()
    _sliced(run, timeout, lambda left: real(thread, left) or not thread.is_alive())


def _selector_select(run: ScriptRun, real: Callable, selector: Any, timeout: float | None = None) -> list:
    if timeout is not None and timeout <= 0:
        return real(selector, timeout)
    run.checkpoint()
    return _sliced(run, timeout, lambda left: real(selector, left))


# ---- threads -------------------------------------------------------------------
def _thread_start(run: ScriptRun, real: Callable, thread: threading.Thread) -> None:
    run.adopt_thread(thread)
    thread._sprout_run = run  # type: ignore[attr-defined]
    thread._invoke_excepthook = functools.partial(_run_thread_excepthook, run)  # type: ignore[attr-defined]
    thread_stacks.start_run_thread(run, lambda: real(thread))  # deep recursion cannot crash the IDE


def _run_thread_excepthook(run: ScriptRun, thread: threading.Thread) -> None:
    """An uncaught error in a run's thread is reported as Python does, on the run's stderr;
    a stop is not an error. A hook the script installed is honoured."""
    kind, error, tb = sys.exc_info()
    if kind is None or issubclass(kind, ScriptStopped):
        return
    hook = threading.excepthook
    if hook is run.host_thread_excepthook:
        hook = _real_excepthook
    hook(threading.ExceptHookArgs([kind, error, tb, thread]))


def _bootstrap_inner(thread: threading.Thread) -> None:
    bind(getattr(thread, "_sprout_run", None))
    try:
        _real_bootstrap_inner(thread)
    finally:
        bind(None)


def _start_new_thread(run: ScriptRun, real: Callable, function: Callable, args: tuple, kwargs: Any = None) -> int:
    def body(*args: Any, **kwargs: Any) -> None:
        bind(run)
        try:
            function(*args, **kwargs)
        except ScriptStopped:
            pass
        finally:
            bind(None)
            run.threads.raw_ended()
    run.thread_starting()
    run.threads.raw_began()
    try:
        return thread_stacks.start_run_thread(run, lambda: real(body, args, kwargs or {}))
    except BaseException:
        run.threads.raw_ended()
        raise


_real_bootstrap_inner = threading.Thread._bootstrap_inner  # type: ignore[attr-defined]
_real_excepthook = threading.__excepthook__


# ---- the process ---------------------------------------------------------------
def _atexit_register(run: ScriptRun, real: Callable, function: Callable, *args: Any, **kwargs: Any) -> Callable:
    """Exit handlers belong to the run: they run when the script ends, not the IDE."""
    if not callable(function):
        return real(function, *args, **kwargs)  # Python's own TypeError
    run.exit_handlers.append((function, args, kwargs))
    return function


def _atexit_unregister(run: ScriptRun, real: Callable, function: Callable) -> None:
    run.exit_handlers[:] = [entry for entry in run.exit_handlers if entry[0] != function]


def _main_thread(run: ScriptRun, real: Callable) -> threading.Thread:
    return run.script_thread or real()

def _exit_script(run: ScriptRun, real: Callable, status: int = 0) -> None:
    raise SystemExit(status)


def _set_recursion_limit(run: ScriptRun, real: Callable, limit: int) -> None:
    run.recursion.set(limit)


def _get_recursion_limit(run: ScriptRun, real: Callable) -> int:
    return run.recursion.get()


def _set_switch_interval(run: ScriptRun, real: Callable, interval: float) -> None:
    real(interval)
    if interval > guards.MAX_SWITCH_INTERVAL:
        real(guards.MAX_SWITCH_INTERVAL)  # a longer one would freeze the window


def _set_int_max_str_digits(run: ScriptRun, real: Callable, maxdigits: int) -> None:
    real(maxdigits)  # Python's own checks first
    if maxdigits == 0 or maxdigits > guards.MAX_STR_DIGITS:
        run.note(_("the int/str conversion limit is capped at {digits:,} digits "
                   "(converting longer numbers takes minutes and would freeze the IDE)").format(
            digits=guards.MAX_STR_DIGITS))
        real(guards.MAX_STR_DIGITS)


# ---- arithmetic and iterator sources ------------------------------------------------
def _import(run: ScriptRun, real: Callable, name: Any, globals: Any = None, locals: Any = None,  # noqa: A002
            fromlist: Any = (), level: int = 0) -> Any:
    """``import random`` in the learner's code finds their own ``random.py`` first.
    The parameters are named as ``__import__``'s, which may be passed by keyword."""
    if level == 0 and isinstance(name, str):
        shadow = run.modules.shadowing_module(name, globals)
        if shadow is not None:
            return shadow
        if name == "turtle":
            run.modules.forget_others_turtle()
    return real(name, globals, locals, fromlist, level)


def _pow(run: ScriptRun, real: Callable, *args: Any, **kwargs: Any) -> Any:
    if len(args) == 2 and not kwargs:
        guards.check_pow(args[0], args[1])
    return real(*args, **kwargs)


def _iter(run: ScriptRun, real: Callable, *args: Any) -> Any:
    iterator = real(*args)
    return guards.checked_source(iterator, run.checkpoint) if len(args) == 2 else iterator


def _math_guard(check: Callable[..., None]) -> Callable[..., Any]:
    def guarded(run: ScriptRun, real: Callable, *args: Any) -> Any:
        check(*args)
        return real(*args)
    return guarded


def _safe_point() -> None:
    run = this_thread.run
    if run is not None:
        run.safe_point()


def _quiet_stray_stops(real: Callable) -> Callable[[Any], None]:
    """A pushed stop that lands in a finalizer or a weakref callback on a run's thread is
    "ignored" by CPython and reported; the run is ending anyway, so say nothing."""
    def hook(unraisable: Any) -> None:
        if isinstance(unraisable.exc_value, ScriptStopped) and this_thread.run is not None:
            return
        real(unraisable)
    return hook


def install() -> None:
    """Patch the real modules; called once by ``host.install``."""
    engine_builtins.adopt_host_builtins()
    # PySide6's import hook reads the source of the module that calls it (this one, once
    # __import__ is wrapped below) unless it saw that module imported; on 3.13 reading it
    # imports, which would recurse: have the source read now, while nothing is wrapped.
    linecache.getlines(__file__)
    sys.unraisablehook = _quiet_stray_stops(sys.unraisablehook)
    for name in ("exec", "eval"):
        patch(builtins, name, getattr(runtime_code, name + "_"),
               host=runtime_code.with_caller_builtins(getattr(builtins, name)))
    for name, guarded in (("compile", runtime_code.compile_),
                          ("pow", _pow), ("iter", _iter), ("__import__", _import)):
        patch(builtins, name, guarded)
    vars(builtins).update({ATTENTION: False, SAFE_POINT: _safe_point,
                           GUARDED_POW: guards.guarded_pow, GUARDED_MUL: guards.guarded_mul,
                           GUARDED_RANGE: guards.script_range,
                           GUARDED_POW_OPERAND: guards.pow_operand,
                           GUARDED_MUL_OPERAND: guards.mul_operand,
                           print_calls.PRINT_VALUES: printing.print_values,
                           print_calls.PRINT_UNPACKED: printing.print_unpacked,
                           print_calls.PRINT_OTHER: printing.print_other,
                           print_calls.FLUSH: printing.flush})
    printing.install(current_run)
    patch(time, "sleep", _sleep)
    import atexit
    patch(atexit, "register", _atexit_register)
    patch(atexit, "unregister", _atexit_unregister)
    patch(threading, "main_thread", _main_thread)
    patch(threading, "enumerate", thread_view.enumerate_threads)
    patch(traceback, "walk_stack", stack_view.walk_stack)
    patch(inspect, "getouterframes", stack_view.outer_frames)
    patch(sys, "_getframe", stack_view.frame_at, host=stack_view.frame_at_host(sys._getframe))
    patch(threading, "active_count", thread_view.active_count)
    patch(os, "_exit", _exit_script)
    for name in ("abort", "fork", "forkpty"):
        if hasattr(os, name):
            patch(os, name, refused(f"os.{name}()"))
    patch(sys, "setrecursionlimit", _set_recursion_limit)
    patch(sys, "getrecursionlimit", _get_recursion_limit)
    patch(sys, "setswitchinterval", _set_switch_interval)
    if hasattr(sys, "set_int_max_str_digits"):
        patch(sys, "set_int_max_str_digits", _set_int_max_str_digits)
    patch(threading.Condition, "wait", _condition_wait)
    patch(threading.Thread, "join", _thread_join)
    patch(threading.Thread, "start", _thread_start)
    threading.Thread._bootstrap_inner = _bootstrap_inner  # type: ignore[attr-defined]
    patch(_thread, "start_new_thread", _start_new_thread)
    patch(threading, "stack_size", thread_stacks.stack_size)
    patch(_thread, "stack_size", thread_stacks.stack_size)
    for selector_name in ("SelectSelector", "PollSelector", "EpollSelector", "DevpollSelector",
                          "KqueueSelector"):
        selector = getattr(selectors, selector_name, None)
        if selector is not None and "select" in vars(selector):
            patch(selector, "select", _selector_select)
    for name, flags_at in regex_guard.FLAG_POSITIONS.items():
        patch(re, name, regex_guard.guard(name, flags_at))
    patch(math, "factorial", _math_guard(guards.check_factorial))
    patch(math, "comb", _math_guard(guards.check_comb))
    patch(math, "perm", _math_guard(guards.check_perm))
    children.install(patch)
    waits.install(patch)
    for name in ("count", "cycle", "repeat"):
        setattr(itertools, name, guards.checked_source_type(getattr(itertools, name), this_thread))
