"""``python main.py run --separate FILE``: the terminal runner, with the program in a
worker process of its own.

Ctrl+C is Stop with the same escalation as the IDE's: the engine's flag, then SIGINT
to the worker, then killing it after two seconds; a second Ctrl+C kills the worker at
once. The exit status is the in-process runner's: the program's exit code, 1 after an
error, 130 after a stop, and death by SIGINT after an uncaught ``KeyboardInterrupt``.
"""
from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
import tokenize
from pathlib import Path

from vm import Limits, RunResult, explain, format_result

from .proxy import EngineProxy

EXIT_INTERRUPTED = 130
EXIT_ERROR = 1
EXIT_UNREADABLE = 2


def wants_separate(args: list[str]) -> bool:
    """Whether ``run``'s options (those before FILE) include ``--separate``."""
    waiting_value = False
    for arg in args:
        if waiting_value:
            waiting_value = False
        elif arg == "--separate":
            return True
        elif arg == "--time-limit":
            waiting_value = True
        elif not arg.startswith("-") or arg == "--":
            return False
    return False


def read_source(path: str) -> str:
    """As Python reads a script: UTF-8 unless a coding line says otherwise."""
    with tokenize.open(path) as source:
        return source.read()


def main(argv: list[str], command: str = "python main.py") -> int:
    parser = argparse.ArgumentParser(
        prog=f"{command} run --separate",
        description="Run a script with Sprout's engine in a process of its own. Ctrl+C stops it and "
                    "shows where it was; a program stuck inside a call is ended after two seconds, "
                    "a second Ctrl+C ends it at once.",
        epilog="Arguments after FILE reach the script as sys.argv[1:].")
    parser.add_argument("--separate", action="store_true", help="run the program in a process of its own")
    parser.add_argument("--time-limit", type=float, default=None, metavar="S",
                        help="stop the program after S seconds")
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("script_args", nargs=argparse.REMAINDER, metavar="ARG")
    args = parser.parse_args(argv)
    try:
        source = read_source(args.file)
    except (OSError, SyntaxError, UnicodeDecodeError) as reason:
        print(f"sprout: cannot run {args.file}: {reason}", file=sys.stderr)
        return EXIT_UNREADABLE

    proxy = EngineProxy(limits=Limits(time=args.time_limit), spare=False)
    pressed: list[bool] = []

    def on_interrupt(signum: int, frame: object) -> None:
        if pressed:
            proxy.abandon()  # a second Ctrl+C: no waiting for the escalation
        pressed.append(True)
        proxy.interrupt()

    path = Path(args.file).resolve()
    outcome: list[RunResult] = []
    runner = threading.Thread(target=lambda: outcome.append(proxy.run(
        source, filename=str(path), folder=str(path.parent), argv=[args.file, *args.script_args])),
                              name="sprout-terminal-run", daemon=True)
    previous = signal.signal(signal.SIGINT, on_interrupt)
    try:
        runner.start()
        while runner.is_alive():
            runner.join(0.1)  # the main thread stays free for Ctrl+C
    finally:
        signal.signal(signal.SIGINT, previous)
        proxy.close()
    result = outcome[0]
    sys.stdout.flush()
    if result.status == "finished":
        return result.exit_code or 0
    error_stream = sys.__stderr__
    assert error_stream is not None
    error_stream.write(format_result(result))
    sentence = explain(result, source)
    if sentence:
        error_stream.write(f"Hint: {sentence}\n")
    error_stream.flush()
    if result.status == "halted" and result.reason == "user":
        return EXIT_INTERRUPTED
    if result.status == "error" and result.error_type == "KeyboardInterrupt":
        _exit_by_sigint()
    return EXIT_ERROR


def _exit_by_sigint() -> None:
    """As ``python`` ends after an uncaught ``KeyboardInterrupt``: killed by SIGINT."""
    sys.stdout.flush()
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    os.kill(os.getpid(), signal.SIGINT)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGINT])
