"""Drive an ``EngineProxy`` as the IDE does, and check that no worker process is left."""
from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator

import pytest

from vm import Limits, RunResult
from vm.separate import EngineProxy, processes

from .harness import ENDS_WITHIN, RUN_TIMEOUT


def gone(pid: int) -> bool:
    """The process no longer exists (reaped, not a zombie)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def wait_gone(pids: list[int], timeout: float = ENDS_WITHIN) -> list[int]:
    """The pids still there after ``timeout`` (a poll with a deadline, as waitUntil does)."""
    deadline = time.monotonic() + timeout
    left = [pid for pid in pids if not gone(pid)]
    while left and time.monotonic() < deadline:
        time.sleep(0.02)
        left = [pid for pid in left if not gone(pid)]
    return left


@pytest.fixture(name="worker_pids")
def worker_pids_fixture(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """Every worker started during the test; each must be gone (with its children) at its end."""
    started: list[int] = []
    original = processes.WorkerProcess.__init__

    def recording(self: processes.WorkerProcess, *args: object, **kwargs: object) -> None:
        original(self, *args, **kwargs)  # type: ignore[arg-type]
        started.append(self.pid)

    monkeypatch.setattr(processes.WorkerProcess, "__init__", recording)
    yield started
    for proxy in ProxyHarness.made:
        proxy.close()
    ProxyHarness.made.clear()
    left = wait_gone(started)
    assert not left, f"worker processes left behind: {left}"


class ProxyHarness:
    """Collects a proxy's output and input requests; callbacks can act on a marker."""

    made: list[EngineProxy] = []

    def __init__(self, limits: Limits | None = None, spare: bool = True,
                 command: tuple[str, ...] = processes.WORKER_COMMAND) -> None:
        self._lock = threading.Condition()
        self.chunks: list[tuple[str, str]] = []
        self.prompts: list[str] = []
        self.on_marker: dict[str, Callable[[], None]] = {}
        self.proxy = EngineProxy(on_output=self._on_output, on_input_request=self._on_input_request,
                                 limits=limits, command=command, spare=spare)
        ProxyHarness.made.append(self.proxy)
        self.answers: list[str | None] = []

    def _on_output(self, stream: str, text: str) -> None:
        with self._lock:
            self.chunks.append((stream, text))
            self._lock.notify_all()
        for marker, action in list(self.on_marker.items()):
            if marker in self.text(stream):
                del self.on_marker[marker]
                action()

    def _on_input_request(self, prompt: str) -> None:
        with self._lock:
            self.prompts.append(prompt)
        if self.answers:
            self.proxy.send_input(self.answers.pop(0))

    def text(self, stream: str = "stdout") -> str:
        with self._lock:
            return "".join(text for kind, text in self.chunks if kind == stream)

    def run(self, source: str, **kwargs: object) -> RunResult:
        """Run on a thread of its own (as the IDE's runner does), bounded by ``RUN_TIMEOUT``."""
        box: list[RunResult] = []
        thread = threading.Thread(target=lambda: box.append(self.proxy.run(source, **kwargs)))  # type: ignore[arg-type]
        thread.start()
        thread.join(RUN_TIMEOUT)
        if thread.is_alive():
            self.proxy.close()
            thread.join(RUN_TIMEOUT)
        assert box, "the run did not end"
        return box[0]
