"""Raw waits in C that Stop could not reach, made stop-aware on a run's threads.

``threading.Lock``/``RLock`` acquires, ``queue.SimpleQueue.get``, ``select.select``,
``signal.pause`` and a blocking socket's ``accept``/``recv`` release the GIL and wait
inside C, where no safe point and no push can reach them. On a run's threads they
wait in short slices with a safe point between, so a stop (and a pause) reaches them
within a slice; a deadlock between the script's own threads ends with the run.
Elsewhere (the IDE's threads) they are Python's own, at the cost of one check.
"""
from __future__ import annotations

import _queue
import _thread
import queue
import select
import signal
import socket
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..core.run_binding import this_thread

if TYPE_CHECKING:
    from ..core.script_run import ScriptRun

WAIT_SLICE = 0.02
_allocate_lock = _thread.allocate_lock
_CRLock: Any = threading._CRLock or threading._PyRLock  # type: ignore[attr-defined]
_real_select = select.select
_simple_get = _queue.SimpleQueue.get


def _readable(sock: socket.socket, seconds: float) -> bool:
    poller = select.poll()  # not ``select``: descriptors above 1023 work too
    poller.register(sock, select.POLLIN | select.POLLPRI)
    return bool(poller.poll(seconds * 1000))


def wait_sliced(run: ScriptRun, timeout: float | None, attempt: Callable[[float], Any]) -> Any:
    """Call ``attempt(slice)`` until it gives something true or ``timeout`` passes,
    reaching a safe point between slices; returns the last outcome."""
    deadline = None if timeout is None else time.monotonic() + max(timeout, 0.0)
    with run.doing("wait"):
        while True:
            left = WAIT_SLICE if deadline is None else min(WAIT_SLICE, deadline - time.monotonic())
            outcome = attempt(max(left, 0.0))
            if outcome or (deadline is not None and time.monotonic() >= deadline):
                return outcome
            run.checkpoint()


def stop_aware_sleep(run: ScriptRun, seconds: float, activity: str) -> None:
    """Wait ``seconds`` on a run's thread: a stop ends the wait at once, a pause holds it."""
    deadline = time.monotonic() + seconds
    with run.doing(activity):
        while (left := deadline - time.monotonic()) > 0:
            if run.stop.event.wait(min(left, WAIT_SLICE)):
                raise run.halt()
            if run.pause_request is not None:
                paused_at = time.monotonic()
                run.checkpoint()  # a pause: the sleep resumes where it was afterwards
                deadline += time.monotonic() - paused_at


# ---- locks -----------------------------------------------------------------------
def _acquire(run: ScriptRun, lock: Any, blocking: bool, timeout: float) -> bool:
    if not blocking or timeout == 0 or (timeout < 0 and timeout != -1):
        return lock.acquire(blocking, timeout)  # Python's own answer, or its ValueError
    if lock.acquire(False):
        return True
    run.checkpoint()
    return bool(wait_sliced(run, None if timeout < 0 else timeout, lambda left: lock.acquire(True, left)))


class RunLock:
    """``threading.Lock()`` made on a run's thread: a real lock whose blocking acquire
    reaches safe points."""

    __slots__ = ("_lock", "__weakref__")

    def __init__(self) -> None:
        self._lock: Any = _allocate_lock()

    def acquire(self, blocking: bool = True, timeout: float = -1) -> bool:
        if blocking is True and timeout == -1 and self._lock.acquire(False):
            return True  # free: the common case costs one C call
        run = this_thread.run
        if run is None:
            return self._lock.acquire(blocking, timeout)
        return _acquire(run, self._lock, blocking, timeout)

    def __enter__(self) -> bool:
        if self._lock.acquire(False):
            return True
        run = this_thread.run
        if run is None:
            return self._lock.acquire()
        return _acquire(run, self._lock, True, -1)

    def __exit__(self, *exc_info: Any) -> None:
        self._lock.release()

    def release(self) -> None:
        self._lock.release()

    def locked(self) -> bool:
        return self._lock.locked()

    def _at_fork_reinit(self) -> None:
        self._lock._at_fork_reinit()

    def __repr__(self) -> str:
        state = "locked" if self._lock.locked() else "unlocked"
        return f"<{state} _thread.lock object at {id(self):#x}>"


# A learner printing ``type(lock)`` sees Python's own name.
RunLock.__name__ = RunLock.__qualname__ = "lock"
RunLock.__module__ = "_thread"


class RunRLock(RunLock):
    """``threading.RLock()`` made on a run's thread (what ``Condition()`` uses)."""

    __slots__ = ()

    def __init__(self) -> None:
        self._lock = _CRLock()

    def _is_owned(self) -> bool:
        return self._lock._is_owned()

    def _release_save(self) -> Any:
        return self._lock._release_save()

    def _acquire_restore(self, state: Any) -> None:
        self._lock._acquire_restore(state)

    def __repr__(self) -> str:
        return repr(self._lock)


RunRLock.__name__ = RunRLock.__qualname__ = "RLock"
RunRLock.__module__ = "_thread"


class _LockFactory(type):
    """What ``threading.Lock`` is while Sprout is installed: a call makes a ``RunLock`` on
    a run's thread and Python's own lock elsewhere, and ``isinstance`` accepts both
    (from 3.13 ``threading.Lock`` is the lock type itself)."""

    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        if this_thread.run is None or args or kwargs:
            return _allocate_lock(*args, **kwargs)
        return RunLock()

    def __instancecheck__(cls, instance: Any) -> bool:
        return isinstance(instance, (_LOCK_TYPE, RunLock))


class Lock(metaclass=_LockFactory):
    """``threading.Lock``: see ``_LockFactory``."""

    __module__ = "_thread"


_LOCK_TYPE = type(_allocate_lock())


def _lock(run: ScriptRun, real: Callable) -> RunLock:
    return RunLock()


def _rlock(run: ScriptRun, real: Callable, *args: Any, **kwargs: Any) -> Any:
    return RunRLock() if not args and not kwargs else real(*args, **kwargs)


# ---- queues, select, pause, sockets ------------------------------------------------
class SimpleQueue(_queue.SimpleQueue):
    """``queue.SimpleQueue``, whose blocking ``get`` reaches safe points on a run's threads."""

    __module__ = "queue"

    def get(self, block: bool = True, timeout: float | None = None) -> Any:
        if block is True and timeout is None:
            try:
                return _simple_get(self, False)  # an item is there: one C call
            except queue.Empty:
                pass
        run = this_thread.run
        if run is None or not block or (timeout is not None and timeout <= 0):
            return _simple_get(self, block, timeout)
        try:
            return _simple_get(self, False)
        except queue.Empty:
            pass
        run.checkpoint()
        got: list[Any] = []

        def attempt(left: float) -> bool:
            try:
                got.append(_simple_get(self, True, left))
                return True
            except queue.Empty:
                return False
        if not wait_sliced(run, timeout, attempt):
            raise queue.Empty
        return got[0]


def _select(run: ScriptRun, real: Callable, rlist: Any, wlist: Any, xlist: Any, timeout: Any = None) -> Any:
    if not all(isinstance(waitables, (list, tuple)) for waitables in (rlist, wlist, xlist)):
        return real(rlist, wlist, xlist, timeout)  # an iterator could be read only once
    ready = real(rlist, wlist, xlist, 0)  # Python's own argument errors; ready at once
    if any(ready) or (timeout is not None and timeout <= 0):
        return ready
    run.checkpoint()
    outcome: list[Any] = [ready]

    def attempt(left: float) -> bool:
        outcome[0] = real(rlist, wlist, xlist, left)
        return any(outcome[0])
    wait_sliced(run, timeout, attempt)
    return outcome[0]


def _pause(run: ScriptRun, real: Callable) -> None:
    """A run's thread is never the one Python delivers signals to: it waits for a stop."""
    run.flush_stdout()
    run.checkpoint()

    def stopped(left: float) -> bool:
        if run.stop.event.wait(left):
            run.checkpoint()  # raises: the stop ends the wait
        return False
    wait_sliced(run, None, stopped)


def _when_readable(method: str) -> Callable[..., Any]:
    flags_at = 1 if method in ("recv", "recvfrom") else 2

    def guarded(run: ScriptRun, real: Callable, sock: socket.socket, *args: Any, **kwargs: Any) -> Any:
        timeout = sock.gettimeout()
        flags = kwargs.get("flags", args[flags_at] if len(args) > flags_at else 0)
        if (timeout is not None and timeout <= 0) or \
                (isinstance(flags, int) and flags & getattr(socket, "MSG_DONTWAIT", 0)):
            return real(sock, *args, **kwargs)
        if not _readable(sock, 0):
            run.checkpoint()
            if not wait_sliced(run, timeout, lambda left: _readable(sock, left)):
                raise TimeoutError("timed out")  # what the socket says when its timeout passes
        return real(sock, *args, **kwargs)
    guarded.__name__ = method
    return guarded


def install(patch: Callable[[Any, str, Callable[..., Any]], None]) -> None:
    """Patch the waits with ``patch`` (``vm.process.patches``'s run-only dispatch)."""
    patch(threading, "Lock", _lock)  # recorded as patched (restored after a script replaces it)...
    threading.Lock = Lock  # type: ignore[assignment]  # ...and a type, as 3.13's own
    patch(threading, "RLock", _rlock)
    queue.SimpleQueue = SimpleQueue  # type: ignore[misc]
    patch(select, "select", _select)
    if hasattr(signal, "pause"):
        patch(signal, "pause", _pause)
    if not hasattr(select, "poll"):
        return
    for method in ("accept", "recv", "recv_into", "recvfrom", "recvfrom_into"):
        patch(socket.socket, method, _when_readable(method))
