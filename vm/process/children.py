"""Processes a script starts end with its run, and waiting for them can be stopped.

A child process (``subprocess.run``, ``Popen``, ``os.system``, ``os.popen``,
``os.posix_spawn``) is started in a session of its own unless the script chose its
session or process group itself, so that the child and everything it starts (the
shell's ``sleep``) can be ended together. Waiting for one (``Popen.wait``,
``communicate``, ``os.system``) happens in short slices with a safe point between,
so Stop ends the wait; ``subprocess.run`` then kills the child as it does for
Ctrl+C. When the run ends, children still running are sent SIGTERM, then SIGKILL,
and reported. A child the script detached on purpose (``start_new_session=True``,
``process_group=...``, as ``webbrowser`` does for the browser) is left alone, as in
Python.
"""
from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..core.i18n import _
from ..stop.waits import wait_sliced

if TYPE_CHECKING:
    from ..core.script_run import ScriptRun

WAIT_SLICE = 0.02
GRACE_SECONDS = 0.5
_SESSION_ARGUMENT_AT = 15  # ``start_new_session``'s position in ``Popen(args, ...)``'s parameters
_PREEXEC_ARGUMENT_AT = 6   # ``preexec_fn``'s


class RunChildren:
    """The processes one run started, each the leader of a session Sprout gave it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._popens: list[tuple[subprocess.Popen, bool]] = []  # and whether it leads a group
        self._spawned: list[tuple[int, bool]] = []  # ``os.posix_spawn``: the script may reap them
        self._killer: threading.Timer | None = None  # SIGKILL after a stop's SIGTERM

    def adopt(self, popen: subprocess.Popen, leads_group: bool) -> None:
        with self._lock:
            self._popens.append((popen, leads_group))

    def adopt_pid(self, pid: int, leads_group: bool) -> None:
        with self._lock:
            self._spawned.append((pid, leads_group))

    def stop_now(self) -> None:
        """Any thread, at once: the run was stopped, so its children end too (SIGTERM now,
        SIGKILL after a moment). A script blocked reading a child's output then gets its
        end and reaches the stop."""
        with self._lock:
            if not self._popens and not self._spawned or self._killer is not None:
                return
            killer = self._killer = threading.Timer(GRACE_SECONDS, self._signal_all, (signal.SIGKILL,))
        self._signal_all(signal.SIGTERM)
        killer.daemon = True
        killer.start()

    def _signal_all(self, number: int) -> None:
        with self._lock:
            popens, spawned = list(self._popens), list(self._spawned)
        for popen, group in popens:
            if group or popen.returncode is None:
                _signal(popen.pid, number, group)
        for pid, group in spawned:
            _signal(pid, number, group)

    def end(self) -> list[str]:
        """SIGTERM every child and group still there, SIGKILL what is left after a moment."""
        with self._lock:
            popens, self._popens = self._popens, []
            spawned, self._spawned = self._spawned, []
            killer, self._killer = self._killer, None
        if killer is not None:
            killer.cancel()  # this does its work now; its thread must not outlive the run
            killer.join()
        running = [popen for popen, _group in popens if popen.poll() is None]
        running_pids = [pid for pid, _group in spawned if _running_child(pid)]
        # A group lives on after its leader has gone (the shell killed, its ``sleep`` not).
        groups = [popen.pid for popen, group in popens if group] + [pid for pid, group in spawned if group]
        singles = [popen.pid for popen, group in popens if not group and popen in running] + \
            [pid for pid, group in spawned if not group and pid in running_pids]
        if not groups and not singles:
            return []
        for number in (signal.SIGTERM, signal.SIGKILL):
            for pid in groups:
                _signal(pid, number, group=True)
            for pid in singles:
                _signal(pid, number, group=False)
            deadline = time.monotonic() + GRACE_SECONDS
            for popen in running:
                try:
                    _real_wait(popen, max(0.0, deadline - time.monotonic()))
                except subprocess.TimeoutExpired:
                    pass
            for pid in running_pids:
                _reap(pid, deadline)
        names = [_describe(popen.args) for popen in running] + [str(pid) for pid in running_pids]
        if not names:
            return []
        return [_("child processes still running: {names}").format(names=", ".join(names))]


def _describe(args: Any) -> str:
    if isinstance(args, (str, bytes)):
        return os.fsdecode(args)
    try:
        return " ".join(os.fsdecode(os.fspath(arg)) for arg in args)
    except TypeError:
        return repr(args)


def _running_child(pid: int) -> bool:
    try:
        return os.waitpid(pid, os.WNOHANG) == (0, 0)
    except ChildProcessError:
        return False  # the script reaped it already


def _reap(pid: int, deadline: float) -> None:
    """Collect a spawned child's exit (so it is no zombie), waiting until ``deadline``."""
    try:
        while os.waitpid(pid, os.WNOHANG) == (0, 0) and time.monotonic() < deadline:
            time.sleep(WAIT_SLICE)
    except ChildProcessError:
        pass


def _signal(pid: int, number: int, group: bool) -> None:
    """Signal a child, or the group it leads (never Sprout's own group)."""
    try:
        if not group:
            os.kill(pid, number)
        elif pid != os.getpgrp():
            os.killpg(pid, number)
    except (ProcessLookupError, PermissionError):
        pass


# ---- the patched functions (``vm.process.patches`` installs them) ------------------------------
def _popen_init(run: ScriptRun, real: Callable, popen: subprocess.Popen, *args: Any, **kwargs: Any) -> None:
    if len(args) > _SESSION_ARGUMENT_AT:
        detached = bool(args[_SESSION_ARGUMENT_AT])
    elif "start_new_session" in kwargs or kwargs.get("process_group") is not None:
        detached = bool(kwargs.get("start_new_session")) or kwargs.get("process_group") is not None
    elif kwargs.get("preexec_fn") is not None or len(args) > _PREEXEC_ARGUMENT_AT:
        detached = False  # it may call ``os.setsid`` itself, which fails in a new session
    else:
        kwargs["start_new_session"] = True  # the child and all it starts end together
        real(popen, *args, **kwargs)
        run.children.adopt(popen, leads_group=True)
        return
    real(popen, *args, **kwargs)
    if not detached:
        run.children.adopt(popen, leads_group=False)


def _popen_wait(run: ScriptRun, real: Callable, popen: subprocess.Popen, timeout: float | None = None) -> Any:
    if (timeout is not None and timeout <= 0) or popen.returncode is not None:
        return real(popen, timeout)
    run.flush_stdout()
    run.checkpoint()
    deadline = None if timeout is None else time.monotonic() + timeout
    exit_notice = _exit_notice(popen.pid)
    try:
        with run.doing("wait"):
            while True:
                left = WAIT_SLICE if deadline is None else min(WAIT_SLICE, deadline - time.monotonic())
                try:
                    if exit_notice is None:
                        return real(popen, max(left, 0.0))
                    exit_notice.poll(max(left, 0.0) * 1000)  # wakes the moment the child exits
                    return real(popen, 0)
                except subprocess.TimeoutExpired as expired:
                    if timeout is not None and deadline is not None and time.monotonic() >= deadline:
                        expired.timeout = timeout  # the caller's, as Python reports it
                        raise
                run.checkpoint()
    finally:
        if exit_notice is not None:
            exit_notice.close()


class _ExitNotice:
    """A poller on a pidfd (Linux): ready when the child has exited."""

    def __init__(self, pidfd: int) -> None:
        self._pidfd = pidfd
        self._poller = select.poll()
        self._poller.register(pidfd, select.POLLIN)

    def poll(self, milliseconds: float) -> None:
        self._poller.poll(milliseconds)

    def close(self) -> None:
        os.close(self._pidfd)


def _exit_notice(pid: int) -> _ExitNotice | None:
    """Waiting in slices for a short-lived child must not add a slice to every
    ``subprocess.run``: where the system can say at once that it exited, ask it."""
    if not hasattr(os, "pidfd_open") or not hasattr(select, "poll"):
        return None
    try:
        return _ExitNotice(os.pidfd_open(pid))
    except OSError:
        return None


def _popen_communicate(run: ScriptRun, real: Callable, popen: subprocess.Popen, input: Any = None,
                       timeout: float | None = None) -> Any:
    if timeout is not None and timeout <= 0:
        return real(popen, input, timeout)
    if input is None and popen.stdin is None and popen.stdout is None and popen.stderr is None:
        _popen_wait(run, _real_wait, popen, timeout)  # nothing to read or write: Python waits
        return (None, None)
    run.flush_stdout()
    run.checkpoint()
    deadline = None if timeout is None else time.monotonic() + timeout
    with run.doing("wait"):
        while True:
            left = WAIT_SLICE if deadline is None else min(WAIT_SLICE, deadline - time.monotonic())
            try:
                # Python's own retry after a timeout: what was read so far is kept, and the
                # input, once sent, is not given again.
                return real(popen, input, max(left, 0.0))
            except subprocess.TimeoutExpired as expired:
                if timeout is not None and deadline is not None and time.monotonic() >= deadline:
                    expired.timeout = timeout
                    raise
            input = None
            run.checkpoint()


def _system(run: ScriptRun, real: Callable, command: Any) -> int:
    """``os.system`` as C's ``system()`` does it (``/bin/sh -c``, every descriptor
    inherited), in a session of its own and waited for stop-aware."""
    if not isinstance(command, (str, bytes)) or not command:
        return real(command)  # Python's own TypeError; ``system("")`` asks if a shell exists
    run.flush_stdout()
    child = _Popen(command, shell=True, close_fds=False)  # even if the script mocks ``Popen``
    code = child.wait()
    return code << 8 if code >= 0 else -code  # the wait status ``os.system`` returns


def _spawner(run: ScriptRun, real: Callable, *args: Any, **kwargs: Any) -> int:
    if sys._getframe(2).f_code.co_filename == subprocess.__file__:
        return real(*args, **kwargs)  # ``Popen`` spawning: it is adopted as a ``Popen``
    if "setsid" in kwargs or "setpgroup" in kwargs:
        pid = real(*args, **kwargs)
        if not (kwargs.get("setsid") or kwargs.get("setpgroup") is not None):
            run.children.adopt_pid(pid, leads_group=False)
        return pid
    pid = real(*args, **kwargs, setsid=True)
    run.children.adopt_pid(pid, leads_group=True)
    return pid


def _waitpid(run: ScriptRun, real: Callable, pid: int, options: int) -> tuple[int, int]:
    """``os.waitpid`` that blocks waits in slices (``os.posix_spawn``'s children)."""
    if options & os.WNOHANG:
        return real(pid, options)
    result = real(pid, options | os.WNOHANG)
    if result != (0, 0):
        return result
    run.flush_stdout()
    run.checkpoint()
    outcome = [result]

    def attempt(left: float) -> bool:
        run.stop.event.wait(left)
        outcome[0] = real(pid, options | os.WNOHANG)
        return outcome[0] != (0, 0)
    wait_sliced(run, None, attempt)
    return outcome[0]


def _wait(run: ScriptRun, real: Callable) -> tuple[int, int]:
    """``os.wait()``: any child, as ``os.waitpid(-1, 0)``."""
    return _waitpid(run, _real_waitpid, -1, 0)


_Popen = subprocess.Popen
_real_wait = subprocess.Popen.wait  # before Sprout patches them: the engine's own waits
_real_waitpid = os.waitpid


def install(patch: Callable[[Any, str, Callable[..., Any]], None]) -> None:
    """Patch ``subprocess`` and ``os`` with ``patch`` (``vm.process.patches``'s run-only dispatch)."""
    patch(subprocess.Popen, "__init__", _popen_init)
    patch(subprocess.Popen, "wait", _popen_wait)
    patch(subprocess.Popen, "communicate", _popen_communicate)
    patch(os, "system", _system)
    patch(os, "waitpid", _waitpid)
    patch(os, "wait", _wait)
    for name in ("posix_spawn", "posix_spawnp"):
        if hasattr(os, name):
            patch(os, name, _spawner)
