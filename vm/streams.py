"""The script's standard streams.

``stdout`` is a C ``TextIOWrapper`` over a buffer, so ``print`` costs what it costs in
plain Python; the buffer reaches the engine's ``on_output`` in chunks when it fills,
when the engine's heartbeat asks for it at a safe point (~30 times a second), before
``input()``/``sleep()``, before anything goes to stderr, and when the run ends.
stderr is unbuffered. Library code that writes to the real ``sys.stdout`` (pprint,
logging, traceback) is routed per thread to the run that owns that thread.
"""
from __future__ import annotations

import codecs
import io
import sys
import threading
from collections import deque
from collections.abc import Callable
from typing import TextIO

Emit = Callable[[str], None]
BUFFER_SIZE = 8192


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
    writer = io.BufferedWriter(OutputSink(emit), buffer_size=BUFFER_SIZE)
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

    def write(self, text: str) -> int:  # type: ignore[override]
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

    def send(self, line: str | None) -> None:
        """A line of input, or ``None`` for end of input."""
        with self._condition:
            self._lines.append(line)
            self._condition.notify_all()

    def wake(self) -> None:
        with self._condition:
            self._woken = True
            self._condition.notify_all()

    def receive(self) -> str | None:
        """The next line; returns ``None`` at end of input or when woken by a stop."""
        with self._condition:
            while not self._lines and not self._woken:
                self._condition.wait(0.5)
            return self._lines.popleft() if self._lines and not self._woken else None


class ScriptStdin(io.TextIOBase):
    """``sys.stdin`` for scripts: every read goes through the engine's ``input``."""

    def __init__(self, read_line: Callable[[], str | None]) -> None:
        super().__init__()
        self._read_line = read_line
        self._at_end = False

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

    def __iter__(self):  # type: ignore[override]
        return iter(self.readline, "")

    def __next__(self) -> str:
        line = self.readline()
        if not line:
            raise StopIteration
        return line


class ThreadRouter(io.TextIOBase):
    """Stands in for the real ``sys.stdout``/``sys.stderr``/``sys.stdin``.

    Threads that belong to a run read and write that run's streams; every other
    thread (the IDE's own) goes to the stream that was there before.
    """

    def __init__(self, fallback: TextIO | None, pick: Callable[[object], TextIO]) -> None:
        super().__init__()
        self.fallback = fallback
        self._pick = pick
        self.routes: dict[int, object] = {}

    def target(self) -> TextIO | None:
        owner = self.routes.get(threading.get_ident())
        return self._pick(owner) if owner is not None else self.fallback

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return "utf-8"

    def writable(self) -> bool:
        return True

    def readable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False

    def write(self, text: str) -> int:  # type: ignore[override]
        target = self.target()
        return target.write(text) if target is not None else len(text)

    def flush(self) -> None:
        target = self.target()
        if target is not None:
            target.flush()

    def readline(self, size: int | None = -1) -> str:  # type: ignore[override]
        target = self.target()
        return target.readline() if target is not None else ""

    def fileno(self) -> int:
        target = self.target()
        if target is None or target is not self.fallback:
            raise io.UnsupportedOperation("a Sprout script's streams have no file descriptor")
        return target.fileno()


class Routers:
    """The three process-wide routers, installed once into the real ``sys``."""

    _lock = threading.Lock()
    out: ThreadRouter | None = None
    err: ThreadRouter | None = None
    inp: ThreadRouter | None = None

    @classmethod
    def install(cls) -> None:
        """Put the routers into ``sys``, adopting whatever stream is there as fallback."""
        with cls._lock:
            if cls.out is None:
                cls.out = ThreadRouter(sys.stdout, lambda io_: io_.stdout)
                cls.err = ThreadRouter(sys.stderr, lambda io_: io_.stderr)
                cls.inp = ThreadRouter(sys.stdin, lambda io_: io_.stdin)
            for name, router in (("stdout", cls.out), ("stderr", cls.err), ("stdin", cls.inp)):
                current = getattr(sys, name)
                if current is not router:
                    router.fallback = current
                    setattr(sys, name, router)

    @classmethod
    def attach(cls, owner: object) -> None:
        """Route the calling thread to ``owner`` (an object with stdout/stderr/stdin)."""
        ident = threading.get_ident()
        for router in (cls.out, cls.err, cls.inp):
            if router is not None:
                router.routes[ident] = owner

    @classmethod
    def detach(cls) -> None:
        ident = threading.get_ident()
        for router in (cls.out, cls.err, cls.inp):
            if router is not None:
                router.routes.pop(ident, None)
