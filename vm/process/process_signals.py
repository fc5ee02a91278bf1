"""Signals a script aims at its own process: Sprout's, which the IDE shares.

In plain Python ``signal.raise_signal(signal.SIGTERM)``, ``os.kill(os.getpid(), …)``,
``os.killpg(os.getpgrp(), …)`` or an expiring ``signal.alarm`` end the script's own
process; here they would end the IDE. So, on a run's threads:

- SIGINT to the process raises ``KeyboardInterrupt`` in the script, as Python's default
  handler would (a script cannot install handlers: it does not run on the main thread);
  so does ``_thread.interrupt_main()``, in the script's thread (at its next safe point
  or wait, when another thread calls it);
- signals whose default action does nothing (SIGCHLD, SIGWINCH...; Python ignores
  SIGPIPE and SIGXFSZ) do nothing; signal 0 (is it alive?) is answered as in Python;
- everything else that would reach Sprout's process, or its process group, and every
  timer that ends in a signal (``alarm``, ``setitimer``) is refused with a clear
  ``PermissionError``.
"""
from __future__ import annotations

import _thread
import operator
import os
import signal
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..core.i18n import N_
from ..core.patching import patch, refused

if TYPE_CHECKING:
    from ..core.script_run import ScriptRun

_HARMLESS = {getattr(signal, name) for name in ("SIGCHLD", "SIGCONT", "SIGURG", "SIGWINCH", "SIGPIPE", "SIGXFSZ")
             if hasattr(signal, name)}
_TO_SPROUT = N_("Sending a signal to Sprout itself")


def _at_sprout(run: ScriptRun, real: Callable, signum: Any, *args: Any) -> Any:
    """``signum`` is for Sprout's own process: what the script's process would do with it."""
    if not isinstance(signum, int) or signum == 0 or signum not in signal.valid_signals():
        return real(*args, signum)  # Python's own answer (or its error)
    if signum == signal.SIGINT:
        raise KeyboardInterrupt
    if signum in _HARMLESS:
        return None
    refused(_TO_SPROUT)(run, real)


def _at_group(run: ScriptRun, real: Callable, signum: Any, *args: Any) -> Any:
    """``signum`` is for a group Sprout belongs to: only signal 0 (a check) is sent."""
    if isinstance(signum, int) and signum == 0:
        return real(*args, signum)
    refused(_TO_SPROUT)(run, real)


def _kill(run: ScriptRun, real: Callable, pid: int, signum: int) -> Any:
    if pid == os.getpid():
        return _at_sprout(run, real, signum, pid)
    if pid in (0, -1) or (isinstance(pid, int) and pid < -1 and -pid == os.getpgrp()):
        return _at_group(run, real, signum, pid)
    return real(pid, signum)


def _killpg(run: ScriptRun, real: Callable, pgid: int, signum: int) -> Any:
    if pgid in (0, os.getpgrp()):
        return _at_group(run, real, signum, pgid)
    return real(pgid, signum)


def _raise_signal(run: ScriptRun, real: Callable, signum: int) -> Any:
    return _at_sprout(run, real, signum)


def _pthread_kill(run: ScriptRun, real: Callable, thread_id: int, signum: int) -> Any:
    # Every thread this can reach is Sprout's. SIGINT interrupts the script only when it
    # is aimed at the calling thread.
    if signum == signal.SIGINT and thread_id != threading.get_ident():
        refused(_TO_SPROUT)(run, real)
    return _at_sprout(run, real, signum, thread_id)


def _alarm(run: ScriptRun, real: Callable, seconds: Any) -> int:
    if operator.index(seconds) == 0:  # Python's own TypeError for a bad argument
        return 0  # no alarm of the script's can be pending
    refused("signal.alarm()")(run, real)
    return 0


def _setitimer(run: ScriptRun, real: Callable, which: int, seconds: Any, interval: Any = 0.0) -> tuple[float, float]:
    signal.getitimer(which)  # Python's own error for an unknown timer
    if not isinstance(seconds, (int, float)) or not isinstance(interval, (int, float)):
        return real(which, seconds, interval)  # Python's own TypeError; no timer is set
    if seconds == 0:
        return (0.0, 0.0)
    refused("signal.setitimer()")(run, real)
    return (0.0, 0.0)


def _interrupt_main(run: ScriptRun, real: Callable, signum: Any = signal.SIGINT) -> None:
    """``_thread.interrupt_main``: the script's main thread is its own, not the IDE's."""
    if not isinstance(signum, int) or signum not in signal.valid_signals():
        return real(signum)  # Python's own error
    if signum != signal.SIGINT:
        return None  # the script has no handler for it: Python does nothing either
    if threading.current_thread() is run.script_thread:
        raise KeyboardInterrupt
    run.request_pause(_raise_keyboard_interrupt)  # at the script thread's next safe point or wait
    return None


def _raise_keyboard_interrupt(frame: Any) -> None:
    raise KeyboardInterrupt


def install() -> None:
    """Patch the real modules; called once by ``host.install``."""
    patch(os, "kill", _kill)
    if hasattr(os, "killpg"):
        patch(os, "killpg", _killpg)
    for name, guarded in (("raise_signal", _raise_signal), ("pthread_kill", _pthread_kill),
                          ("alarm", _alarm), ("setitimer", _setitimer)):
        if hasattr(signal, name):
            patch(signal, name, guarded)
    patch(_thread, "interrupt_main", _interrupt_main)
