"""Drive the engine the way the IDE does: run on one thread, stop from another."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
import time

from vm import VM, Limits, RunResult

RUN_TIMEOUT = 20.0
# A time bound in a test proves that something ends (a stop was obeyed, a wait was woken,
# a giant was refused before it began), never how fast: a busy machine must pass. It is
# ten times the goal or more, and far below what the unstopped program would take.
# Speed goals are measured in bench/ (stop_latency.py, debug_stepping.py...).
ENDS_WITHIN = 10.0


class Harness:
    """Collects a VM's output and input requests; stops runs when a marker appears."""

    def __init__(self, limits: Limits | None = None) -> None:
        self._lock = threading.Condition()
        self.chunks: list[tuple[str, str]] = []
        self.prompts: list[str] = []
        self.drawn: list[tuple] = []  # turtle's drawing commands, batches joined
        self.vm = VM(on_output=self._on_output, on_input_request=self._on_input_request,
                     limits=limits, on_drawing=self._on_drawing)

    def _on_drawing(self, commands: list[tuple]) -> None:
        with self._lock:
            self.drawn.extend(commands)
            self._lock.notify_all()

    def _on_output(self, stream: str, text: str) -> None:
        with self._lock:
            self.chunks.append((stream, text))
            self._lock.notify_all()

    def _on_input_request(self, prompt: str) -> None:
        with self._lock:
            self.prompts.append(prompt)
            self._lock.notify_all()

    def text(self, stream: str = "stdout") -> str:
        with self._lock:
            return "".join(text for kind, text in self.chunks if kind == stream)

    def wait_for(self, condition, timeout: float = RUN_TIMEOUT) -> None:
        with self._lock:
            assert self._lock.wait_for(condition, timeout), "the awaited event never came"

    def wait_for_output(self, marker: str, stream: str = "stdout") -> None:
        self.wait_for(lambda: marker in "".join(t for k, t in self.chunks if k == stream))

    def wait_for_prompt(self, count: int = 1) -> None:
        self.wait_for(lambda: len(self.prompts) >= count)

    def start(self, source: str, **kwargs) -> RunningScript:
        return RunningScript(self.vm, textwrap.dedent(source), kwargs)

    def run(self, source: str, **kwargs) -> RunResult:
        return self.start(source, **kwargs).result()

    def stop_at(self, source: str, marker: str = "ready", reason: str = "user") -> tuple[RunResult, float]:
        """Run until ``marker`` is printed, interrupt from this thread, return result and latency."""
        running = self.start(source)
        self.wait_for_output(marker)
        stopped_at = time.perf_counter()
        self.vm.interrupt(reason)
        result = running.result()
        return result, running.returned_at - stopped_at


class RunningScript:
    """A ``vm.run`` in progress on a thread of its own."""

    def __init__(self, vm: VM, source: str, kwargs: dict) -> None:
        self._result: RunResult | None = None
        self.returned_at = 0.0
        self._thread = threading.Thread(target=self._run, args=(vm, source, kwargs), daemon=True)
        self._thread.start()

    def _run(self, vm: VM, source: str, kwargs: dict) -> None:
        self._result = vm.run(source, **kwargs)
        self.returned_at = time.perf_counter()

    def result(self, timeout: float = RUN_TIMEOUT) -> RunResult:
        self._thread.join(timeout)
        assert not self._thread.is_alive(), "the run did not return"
        assert self._result is not None
        return self._result


def plain_python(script) -> str:
    """What ``python script`` prints into a pipe (buffered, in UTF-8, as by default)."""
    environment = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}
    done = subprocess.run([sys.executable, str(script)], capture_output=True, timeout=30,
                          env={**environment, "PYTHONIOENCODING": "utf-8"}, encoding="utf-8")
    return done.stdout


def both(source: str, tmp_path) -> tuple[str, str, str]:
    """(plain Python's stdout, the engine's stdout, the engine's stderr) for one script."""
    script = tmp_path / "lesson.py"
    script.write_text(textwrap.dedent(source), encoding="utf-8")
    harness = Harness()
    harness.run(source, filename=str(script), folder=str(tmp_path))
    return plain_python(script), harness.text(), harness.text("stderr")
