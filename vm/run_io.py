"""A run's side of the script's streams: what it prints reaches the host (within the
output limit), ``input()`` asks the host and waits stop-aware, and Sprout's notes."""
from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .core.i18n import _
from .output.streams import PAUSE_WAKE
from .report.results import HaltReason

if TYPE_CHECKING:
    from .output.streams import ErrorStream, InputChannel, ScriptStdout
    from .stop.interrupt import ScriptStopped, StopSignal
    from .stop.limits import Limits

PROMPT_CHARS = 200  # the unfinished last line of output that ``input()`` is asking


class RunIO:
    """Mixed into ``vm.run.Run``, which owns the state named below."""

    closed: bool
    limits: Limits
    stop: StopSignal
    input: InputChannel
    threaded: bool
    script_thread: threading.Thread | None
    engine_stdout: Any
    engine_stderr: ErrorStream
    _stdout: ScriptStdout
    _stdout_tail: str
    _output_chars: int
    _on_output: Callable[[str, str], None]
    _on_input_request: Callable[[str], None]
    checkpoint: Callable[[], None]
    halt: Callable[[], ScriptStopped]
    doing: Callable[..., Any]

    # ---- input and output ---------------------------------------------------
    def _emitter(self, stream: str) -> Callable[[str], None]:
        def emit(text: str) -> None:
            if self.closed:
                return
            limit = self.limits.output
            if limit is not None:
                room = limit - self._output_chars
                if room <= 0:
                    return
                if len(text) > room:
                    text = text[:room]
                    self.stop.request(HaltReason.OUTPUT_LIMIT)
                self._output_chars += len(text)
            if stream == "stdout":
                line_end = text.rfind("\n")
                tail = text[line_end + 1:] if line_end >= 0 else self._stdout_tail + text
                self._stdout_tail = tail[-PROMPT_CHARS:]
            self._on_output(stream, text)
        return emit

    def flush_stdout(self) -> None:
        """Any thread: show what the script has printed so far."""
        self._stdout.hand_over()

    def _writes_alone(self) -> bool:
        """Whether the calling thread is the only one that may be writing to stdout."""
        return not self.threaded and threading.current_thread() is self.script_thread

    def show_flushed(self, stream: Any) -> None:
        """The script flushed ``stream``: if that is its stdout, show the output soon."""
        if stream is self.engine_stdout:
            self._stdout.hand_over_flushed()

    def note(self, text: str) -> None:
        """A line from Sprout itself on the script's stderr."""
        self.engine_stderr.write(_("Sprout note: {text}").format(text=text) + "\n")

    def read_line(self) -> str | None:
        """Ask the host for a line and wait for it (or for a stop).

        ``input(prompt)`` has just written its prompt to stdout: the unfinished last
        line of output is what the learner is being asked.
        """
        self.flush_stdout()
        self.checkpoint()
        with self.doing("input"):
            self._on_input_request(self._stdout_tail)
            while True:
                line = self.input.receive()
                if self.stop.stopped:
                    raise self.halt()
                if line is not PAUSE_WAKE:
                    return line
                self.checkpoint()  # a pause was asked for: take it here, then keep waiting

