"""One worker process seen from outside: start it, talk to it, end it and its children.

The worker runs in a session of its own (its process group is its pid). Ending it
from outside kills that group and every process descended from it, since the engine
starts the program's own children in sessions of their own, out of the group's reach.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections import deque
from pathlib import Path

from . import protocol
from .protocol import Message

SPROUT_ROOT = str(Path(__file__).resolve().parents[2])  # the folder holding ``vm``
WORKER_COMMAND = (sys.executable, "-m", "vm.separate.worker")
ERROR_TAIL = 4000  # characters of the worker's own stderr kept, to say why it failed
EXIT_WAIT = 5.0    # seconds a worker that sent its result gets to exit before it is killed


class WorkerProcess:
    """A started worker: its pipes, its pid, and the tail of its own error output."""

    def __init__(self, command: tuple[str, ...] = WORKER_COMMAND) -> None:
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, cwd=SPROUT_ROOT, start_new_session=True,
                                        bufsize=0)
        self.pid = self.process.pid
        self._send_lock = threading.Lock()
        self._state_lock = threading.Lock()  # no signal goes to a pid once it is reaped
        self._errors: deque[bytes] = deque()
        self._error_size = 0
        threading.Thread(target=self._drain_errors, name="sprout-worker-stderr", daemon=True).start()

    # ---- talking -----------------------------------------------------------------
    def send(self, message: Message) -> bool:
        """False if the worker no longer listens (it has ended)."""
        stdin = self.process.stdin
        assert stdin is not None
        with self._send_lock:
            try:
                protocol.write_all(stdin.fileno(), protocol.encode(message))
                return True
            except (OSError, ValueError):
                return False

    def receive(self) -> Message | None:
        """The next report; None once the worker's end of the pipe is closed."""
        stdout = self.process.stdout
        assert stdout is not None
        line = stdout.readline()
        return protocol.decode(line) if line else None

    def greet(self) -> str | None:
        """Wait for the worker's ``hello``: None if it speaks our version, else what is wrong."""
        try:
            message = self.receive()
        except protocol.ProtocolError:
            message = {"type": "?"}
        if message is None:
            return "it ended before it was ready" + self._why()
        if message.get("type") != "hello":
            return "it did not start as a Sprout worker does"
        version = message.get("version")
        if version != protocol.PROTOCOL_VERSION:
            return (f"it speaks version {version} of Sprout's protocol, and this Sprout speaks version "
                    f"{protocol.PROTOCOL_VERSION} (is another Sprout installed for this Python?)")
        return None

    def _drain_errors(self) -> None:
        stderr = self.process.stderr
        assert stderr is not None
        for chunk in iter(lambda: stderr.read(4096), b""):
            self._errors.append(chunk)
            self._error_size += len(chunk)
            while self._error_size > ERROR_TAIL and len(self._errors) > 1:
                self._error_size -= len(self._errors.popleft())

    def _why(self) -> str:
        lines = b"".join(self._errors).decode("utf-8", "replace").strip().splitlines()
        return f": {lines[-1]}" if lines else ""

    # ---- its life ----------------------------------------------------------------
    @property
    def alive(self) -> bool:
        with self._state_lock:
            return self.process.poll() is None

    def interrupt(self) -> None:
        """SIGINT to the worker alone (its handler raises the engine's flag again)."""
        with self._state_lock:
            if self.process.returncode is None:
                _signal(self.pid, signal.SIGINT)

    def kill(self) -> None:
        """SIGKILL to the worker's process group and every process descended from it."""
        with self._state_lock:
            if self.process.returncode is not None:
                return
            family = descendants(self.pid)
            try:
                os.killpg(self.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            for pid in family:
                _signal(pid, signal.SIGKILL)

    def end(self, wait: float = EXIT_WAIT) -> int:
        """Close its requests, give it ``wait`` seconds to exit, then kill it; its exit status."""
        stdin = self.process.stdin
        with self._send_lock:
            try:
                if stdin is not None:
                    stdin.close()
            except OSError:
                pass
        try:
            return self.process.wait(wait)
        except subprocess.TimeoutExpired:
            self.kill()
            return self.process.wait()
        finally:
            for stream in (self.process.stdout,):
                if stream is not None:
                    stream.close()

    def exit_status(self) -> int:
        """Once its pipes are closed: how it ended (negative: the signal that ended it)."""
        return self.process.wait()


def _signal(pid: int, signum: int) -> None:
    try:
        os.kill(pid, signum)
    except (ProcessLookupError, PermissionError):
        pass


def descendants(pid: int) -> list[int]:
    """Every living process descended from ``pid`` (Linux's ``/proc``; elsewhere none)."""
    children: dict[int, list[int]] = {}
    try:
        entries = os.listdir("/proc")
    except OSError:
        return []
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
        except (OSError, IndexError):
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
    found: list[int] = []
    waiting = list(children.get(pid, ()))
    while waiting:
        child = waiting.pop()
        found.append(child)
        waiting.extend(children.get(child, ()))
    return found
