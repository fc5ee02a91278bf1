"""The script's standard streams.

``stdout`` is a C ``TextIOWrapper`` over a buffer, so ``print`` costs what it costs in
plain Python; the buffer reaches the engine's ``on_output`` in chunks when it fills,
when the engine's heartbeat asks for it at a safe point (~30 times a second), before
``input()``/``sleep()``, before anything goes to stderr, and when the run ends.
stderr is unbuffered. ``vm.host`` decides which of these streams ``sys`` holds.
"""
from __future__ import annotations

import codecs
import io
import threading
from collections import deque
from collections.abc import Callable, Iterator
from typing import Any, TextIO

Emit = Callable[[str], None]
BUFFER_SIZE = 8192
PAUSE_WAKE: str = "\x00sprout-pause"  # what ``receive`` returns when woken for a pause


class OutputSink(io.RawIOBase):
    """Bytes from the buffered writer, decoded and handed to ``emit``."""

    def __init__(self, emit: Emit) -> None:
        super().__init__()
        self._emit = emit
        self._decoder = codecs.getincrementaldecoder("utf-8")("replace")

    def writable(self) -> bool:
        return True

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        size = len(data)
        text = self._decoder.decode(bytes(data))
        if text:
            self._emit(text)
        return size


def buffered_text_stream(emit: Emit) -> io.TextIOWrapper:
    writer = io.BufferedWriter(OutputSink(emit), buffer_size=BUFFER_SIZE)  # type: ignore[type-var]
    return io.TextIOWrapper(writer, encoding="utf-8", errors="backslashreplace",
                            newline="\n", write_through=False)


class ErrorStream(io.TextIOBase):
    """Unbuffered stderr that first flushes stdout so the two keep their order."""

    def __init__(self, emit: Emit, flush_stdout: Callable[[], None]) -> None:
        super().__init__()
        self._emit = emit
        self._flush_stdout = flush_stdout

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return "utf-8"

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        if text:
            self._flush_stdout()
            self._emit(text)
        return len(text)


class InputChannel:
    """Lines sent by the learner, waited for by the script; wakes on a stop."""

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._lines: deque[str | None] = deque()
        self._woken = False
        self._pause_wanted = False

    def send(self, line: str | None) -> None:
        """A line of input, or ``None`` for end of input."""
        with self._condition:
            self._lines.append(line)
            self._condition.notify_all()

    def wake(self) -> None:
        with self._condition:
            self._woken = True
            self._condition.notify_all()

    def wake_for_pause(self) -> None:
        with self._condition:
            self._pause_wanted = True
            self._condition.notify_all()

    def receive(self) -> str | None:
        """The next line; ``None`` at end of input or when woken by a stop; ``PAUSE_WAKE``
        when a pause was asked for (the caller pauses, then receives again)."""
        with self._condition:
            while not self._lines and not self._woken and not self._pause_wanted:
                self._condition.wait(0.5)
            if self._pause_wanted and not self._woken:
                self._pause_wanted = False
                return PAUSE_WAKE
            return self._lines.popleft() if self._lines and not self._woken else None


class _StdinBytes(io.RawIOBase):
    """``sys.stdin.buffer``: the same lines, as UTF-8 bytes."""

    def __init__(self, text: ScriptStdin) -> None:
        super().__init__()
        self._text = text
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, target: Any) -> int:
        if not self._pending:
            self._pending = self._text.readline().encode("utf-8")
        size = min(len(target), len(self._pending))
        target[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size


class ScriptStdin(io.TextIOBase):
    """``sys.stdin`` for scripts: every read goes through the engine's ``input``."""

    def __init__(self, read_line: Callable[[], str | None]) -> None:
        super().__init__()
        self._read_line = read_line
        self._at_end = False
        self.buffer = io.BufferedReader(_StdinBytes(self))

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return "utf-8"

    def readable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False

    def readline(self, size: int | None = -1) -> str:  # type: ignore[override]
        if self._at_end:
            return ""
        line = self._read_line()
        if line is None:
            self._at_end = True
            return ""
        return line + "\n"

    def read(self, size: int | None = -1) -> str:
        return "".join(iter(self.readline, ""))

    def readlines(self, hint: int = -1) -> list[str]:  # type: ignore[override]
        return list(iter(self.readline, ""))

    def __iter__(self) -> Iterator[str]:  # type: ignore[override]
        return iter(self.readline, "")

    def __next__(self) -> str:  # type: ignore[override]
        line = self.readline()
        if not line:
            raise StopIteration
        return line


class ThreadRouter(io.TextIOBase):
    """Stands in for ``sys.stdout``/``stderr``/``stdin`` when runs overlap.

    ``pick()`` gives the stream of the run the calling thread belongs to, or the host's.
    """

    def __init__(self, pick: Callable[[], TextIO | None]) -> None:
        super().__init__()
        self._pick = pick

    def __del__(self) -> None:
        pass  # never flush at interpreter exit: the streams it picks from may be gone

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return "utf-8"

    def writable(self) -> bool:
        return True

    def readable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False

    def write(self, text: str) -> int:
        target = self._pick()
        return target.write(text) if target is not None else len(text)

    def flush(self) -> None:
        target = self._pick()
        if target is not None:
            target.flush()

    def readline(self, size: int | None = -1) -> str:  # type: ignore[override]
        target = self._pick()
        return target.readline() if target is not None else ""

    def fileno(self) -> int:
        target = self._pick()
        if target is None:
            raise io.UnsupportedOperation("no stream")
        return target.fileno()
