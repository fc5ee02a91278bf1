"""The script's standard streams.

``stdout`` is built as plain Python's is, over a file in memory, so ``print`` costs what
it costs in plain Python; what it wrote reaches the engine's ``on_output`` when the
engine's heartbeat asks for it at a safe point (~30 times a second), before
``input()``/``sleep()``, before anything goes to stderr, and when the run ends.
stderr is unbuffered. ``vm.process.host`` decides which of these streams ``sys`` holds.
"""
from __future__ import annotations

import codecs
import io
import os
import sys
import threading
import time
import weakref
from collections import deque
from collections.abc import Callable, Iterator
from typing import Any, TextIO

from .output_file import OutputFile

Emit = Callable[[str], None]
# Bytes the script's stdout gathers before writing them to its file. Each write lets go
# of the interpreter lock for a moment; at 8 KB a print flood does that so often that a
# thread waiting for the lock (the window's) is woken each time before its wait runs out,
# never asks for the lock, and starves (170 ms stalls). At 1 MB it asks and gets it.
BUFFER_SIZE = 1 << 20
FLUSH_GAP = 0.005  # seconds: the script's flushes are shown at most this often
PAUSE_WAKE: str = "\x00sprout-pause"  # what ``receive`` returns when woken for a pause



def _python_errors(stream: Any) -> str:
    """The error handler ``python`` gives its stdin and stdout here: Sprout runs in the
    same environment (locale, ``PYTHONIOENCODING``), so its own streams tell; ``strict``
    when it has none (a windowed start)."""
    errors = getattr(stream, "errors", None)
    return errors if isinstance(errors, str) else "strict"


STDOUT_ERRORS = _python_errors(sys.__stdout__)
STDIN_ERRORS = _python_errors(sys.__stdin__)


class ScriptStdout:
    """The script's ``sys.stdout`` (``stream``) and its hand-over to ``emit``.

    ``stream`` is what plain Python's stdout is: a ``TextIOWrapper`` over a
    ``BufferedWriter`` over a ``FileIO`` named ``<stdout>`` (``vm.output.output_file`` says why).
    ``hand_over`` flushes it and emits what was written since the last time.
    """

    def __init__(self, emit: Emit, sole_writer: Callable[[], bool]) -> None:
        self._emit = emit
        self._sole_writer = sole_writer  # whether the calling thread is the only one writing
        self._file = OutputFile()
        # Sprout closes the descriptor when the FileIO goes, rather than the FileIO itself:
        # one left open when it is collected (the run is over, its stream never closed)
        # would warn, and under a program's ``simplefilter("error")`` show the warning.
        raw = io.FileIO(self._file.fd, "w", closefd=False)
        weakref.finalize(raw, os.close, self._file.fd)
        raw.name = "<stdout>"
        self._raw = raw
        self.stream = io.TextIOWrapper(io.BufferedWriter(raw, buffer_size=BUFFER_SIZE),
                                       encoding="utf-8", errors=STDOUT_ERRORS,
                                       newline="\n", write_through=False)
        self._decoder = codecs.getincrementaldecoder("utf-8")("replace")
        self._lock = threading.RLock()
        self._ended = False
        self._shown_flush_at = -FLUSH_GAP

    def _flush(self) -> None:
        try:
            self.stream.flush()
        except ValueError:
            pass  # the script closed its stdout; what it wrote before is in the file

    def hand_over(self) -> None:
        """Any thread: emit everything the script has written so far."""
        with self._lock:
            if self._ended:
                return
            self._flush()
            switch = not self._raw.closed and not self._sole_writer()
            data = self._file.take(switch, self._flush)
            text = self._decoder.decode(data) if data else ""
            if text:
                self._emit(text)  # under the lock: two threads' hand-overs keep their order

    def hand_over_flushed(self) -> None:
        """The script flushed its stdout: show it now, unless an earlier flush was shown
        less than ``FLUSH_GAP`` ago (a progress counter flushing at every step would
        otherwise pay a hand-over per step; its text follows at the next safe point)."""
        now = time.monotonic()
        if now - self._shown_flush_at >= FLUSH_GAP:
            self._shown_flush_at = now
            self.hand_over()

    def end(self) -> None:
        """The run is over: hand over the rest; whatever comes later is dropped."""
        self.hand_over()
        with self._lock:
            self._ended = True
            self._file.end(self._raw.closed)


class ErrorStream(io.TextIOBase):
    """Unbuffered stderr that first flushes stdout so the two keep their order.

    ``fileno()`` gives a descriptor of a file in memory (made when first asked for), as
    ``faulthandler`` and ``os.write`` need: what is written there is shown with the next
    write or flush of stderr, and when the run ends.
    """

    def __init__(self, emit: Emit, flush_stdout: Callable[[], None]) -> None:
        super().__init__()
        self._emit = emit
        self._flush_stdout = flush_stdout
        self._file: OutputFile | None = None
        self._file_lock = threading.Lock()
        self._decoder = codecs.getincrementaldecoder("utf-8")("backslashreplace")

    def fileno(self) -> int:
        with self._file_lock:
            if self._file is None:
                self._file = OutputFile()
                # Closed once nothing can write to it: ``faulthandler`` keeps this stream
                # (and so the descriptor) until the run's end disables it.
                weakref.finalize(self, os.close, self._file.fd)
            return self._file.fd

    def _take_written(self) -> str:
        """What was written to the descriptor since last time."""
        with self._file_lock:
            if self._file is None:
                return ""
            return self._decoder.decode(self._file.take(True, lambda: None))

    def flush(self) -> None:
        written = self._take_written()
        if written:
            self._flush_stdout()
            self._emit(written)

    def end(self) -> None:
        """The run is over: show the rest; later writes to the descriptor go nowhere."""
        self.flush()
        with self._file_lock:
            if self._file is not None:
                self._file.end(False)

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return "utf-8"

    @property
    def errors(self) -> str:  # type: ignore[override]
        return "backslashreplace"  # python's stderr, whatever the locale

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        if text:
            self._flush_stdout()
            written = self._take_written()
            self._emit(written + text if written else text)
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

    @property
    def errors(self) -> str:  # type: ignore[override]
        return STDIN_ERRORS

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
