"""``python -m vm.separate.worker``: a process that hosts the engine for one run.

Started ahead of time (a spare), it loads the engine, says ``hello`` and waits. Given
a ``run`` it runs the script through ``VM.run`` (the script on the engine's own script
thread), streams output and input requests as they come, answers ``stop`` with the
engine's flag, reports the line the script is on, sends the ``result`` and exits: every
run starts from a fresh interpreter. The proxy starts it in a session of its own, so
it and the processes it starts can be ended together.

The protocol owns the real stdin and stdout (moved to other descriptors at start); the
descriptors 0 and 1 become /dev/null and stderr, so nothing the program or a library
writes there can break a message.
"""
from __future__ import annotations

import os
import signal
import sys
import threading
from types import FrameType

from vm import VM, HaltReason

from . import protocol
from .protocol import Message

WHERE_INTERVAL = 0.1  # seconds between looks at the script's line


class Channel:
    """The protocol's two pipes; any thread may send."""

    def __init__(self) -> None:
        self.reading = os.fdopen(os.dup(0), "rb", buffering=0)
        self._out = os.dup(1)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.close(null)
        os.dup2(2, 1)
        self._lock = threading.Lock()
        self._reader = self.reading.readline

    def send(self, message: Message) -> None:
        data = protocol.encode(message)
        with self._lock:
            try:
                protocol.write_all(self._out, data)
            except OSError:
                pass  # the proxy is gone: the run is stopped by the end of its requests

    def receive(self) -> Message | None:
        """The next request; None when the proxy closed the pipe (or went away)."""
        line = self._reader()
        return protocol.decode(line) if line else None


class Worker:
    def __init__(self, channel: Channel) -> None:
        self.channel = channel
        self._told: set[str] = set()
        self.vm = VM(on_output=lambda stream, text: channel.send(protocol.output(stream, text)),
                     on_input_request=lambda prompt: channel.send(protocol.input_request(prompt)),
                     on_drawing=self._on_drawing, on_plots=self._on_plots)
        self._ended = threading.Event()

    def _on_drawing(self, commands: list[tuple]) -> None:
        if any(command[0] == "open" for command in commands):  # turtle opened its window
            self._tell_once("drawing")

    def _on_plots(self, messages: list[tuple]) -> None:
        if any(message[0] == "figure" for message in messages):  # a figure was shown
            self._tell_once("plots")

    def _tell_once(self, kind: str) -> None:
        if kind not in self._told:
            self._told.add(kind)
            self.channel.send(protocol.notice(kind))

    def warm_up(self) -> None:
        """A spare does its first run ahead (a program with nothing in it): the engine's
        first run loads the rest of its modules and waits for ``sys.path``'s answer."""
        self.vm.run("pass\n", "<warm-up>")

    def serve(self) -> int:
        self.warm_up()
        self.channel.send(protocol.hello(os.getpid()))
        request = self.channel.receive()
        if request is None or request["type"] != "run":
            return 0  # a spare that is no longer needed
        threading.Thread(target=self._requests, name="sprout-worker-requests", daemon=True).start()
        threading.Thread(target=self._report_where, args=(request["filename"],),
                         name="sprout-worker-where", daemon=True).start()
        result = self.vm.run(request["source"], request["filename"],
                             limits=protocol.limits_from_data(request.get("limits")),
                             folder=request.get("folder"), argv=request.get("argv"),
                             keep_namespace=bool(request.get("keep_namespace")),
                             working_folder=request.get("working_folder"))
        self._ended.set()
        self.channel.send(protocol.result(result))
        return 0

    def _requests(self) -> None:
        """Stop and input, as they come, until the proxy closes its end."""
        while True:
            try:
                request = self.channel.receive()
            except (OSError, protocol.ProtocolError):
                request = None
            if request is None:
                self.vm.interrupt(HaltReason.USER)  # nobody is left to show the program's output
                return
            if request["type"] == "stop":
                self.vm.interrupt(HaltReason(request.get("reason") or "user"))
            elif request["type"] == "input":
                self.vm.send_input(request.get("text"))

    def _report_where(self, filename: str) -> None:
        """The script's current line, whenever it changes: if the run must be ended from
        outside (a C call that holds the interpreter lock), the proxy still knows it."""
        main = threading.main_thread()
        last: tuple[int, str, str | None] | None = None
        while not self._ended.wait(WHERE_INTERVAL):
            script = next((thread for thread in threading.enumerate()
                           if thread.name == "MainThread" and thread is not main), None)
            frame = sys._current_frames().get(script.ident) if script is not None and script.ident else None
            found = _innermost(frame, filename)
            if found is None:
                continue
            now = (found.f_lineno or 0, found.f_code.co_name, self.vm.activity)
            if now != last:
                last = now
                self.channel.send(protocol.where(*now))


def _innermost(frame: FrameType | None, filename: str) -> FrameType | None:
    while frame is not None and frame.f_code.co_filename != filename:
        frame = frame.f_back
    return frame


def _on_sigint(signum: int, frame: object) -> None:
    """The proxy's second step of a stop: the flag again, from the worker's main thread."""
    if _worker is not None:
        _worker.vm.interrupt(HaltReason.USER)


_worker: Worker | None = None


def main() -> int:
    global _worker
    channel = Channel()
    signal.signal(signal.SIGINT, _on_sigint)
    _worker = Worker(channel)
    return _worker.serve()


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    # At once: whatever the program left behind has been ended by the engine, and no
    # thread of the program's may keep this process alive once its result is sent.
    os._exit(code)
