"""``sprout run FILE`` (``python main.py run FILE``): run a script in the terminal through the engine.

Ctrl+C takes the same path as the IDE's Stop button (``vm.stop.interrupt``); a second
Ctrl+C within two seconds leaves at once, for the rare run no safe point reaches.
"""
from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from .core.i18n import _
from .machine import VM
from .report.explain import explain
from .report.results import HaltReason, RunResult, Status
from .report.source_files import UnreadableFile, read_source
from .report.tracebacks import format_result
from .stop.limits import Limits
from .stop.sigreset import arm_reset_on_delivery

EXIT_INTERRUPTED = 130
EXIT_ERROR = 1
EXIT_UNREADABLE = 2
FORCE_QUIT_WINDOW = 2.0


def _drawing_not_shown(command: str) -> Callable[[list[tuple]], None]:
    """The terminal has no Drawing pane: say so once when a program opens turtle's window."""
    told: list[bool] = []

    def on_drawing(commands: list[tuple]) -> None:
        if not told and any(command[0] == "open" for command in commands):
            told.append(True)
            print(_("Sprout note: {text}").format(text=_(
                "turtle drawings are shown in the Sprout window ({command} FILE); here they are not "
                "displayed.").format(command=command)), file=sys.__stderr__)
    return on_drawing


def main(argv: list[str], command: str = "python main.py") -> int:
    """``command`` is how the learner started Sprout (``sprout`` once installed)."""
    parser = argparse.ArgumentParser(
        prog=f"{command} run", description=_("Run a script with Sprout's engine. Ctrl+C stops it "
                                          "and shows where it was; a second Ctrl+C ends the process at once."),
        epilog=_("Arguments after FILE reach the script as sys.argv[1:]."))
    parser.add_argument("--time-limit", type=float, default=None, metavar="S",
                        help=_("stop the program after S seconds"))
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("script_args", nargs=argparse.REMAINDER, metavar="ARG")
    args = parser.parse_args(argv)
    try:
        source = read_source(args.file)
    except UnreadableFile as reason:
        print(_("sprout: cannot run {file}: {reason}").format(file=args.file, reason=reason), file=sys.stderr)
        return EXIT_UNREADABLE

    vm = VM(limits=Limits(time=args.time_limit), on_drawing=_drawing_not_shown(command))

    disarmed_at: list[float] = []

    def arm() -> None:
        signal.signal(signal.SIGINT, on_interrupt)
        arm_reset_on_delivery(signal.SIGINT)

    def on_interrupt(signum: int, frame: object) -> None:
        # Until re-armed, a second Ctrl+C gets the system's default action and ends
        # the process at once, even while a long C call holds the GIL.
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        disarmed_at.append(time.monotonic())
        vm.interrupt(HaltReason.USER)

    outcome: list[RunResult] = []
    runner = threading.Thread(target=lambda: outcome.append(vm.run(
        source, filename=str(Path(args.file).resolve()), folder=str(Path(args.file).resolve().parent),
        argv=[args.file, *args.script_args])),
                              name="sprout-terminal-run", daemon=True)
    arm()
    runner.start()
    while runner.is_alive():
        runner.join(0.1)
        if disarmed_at and time.monotonic() - disarmed_at[-1] > FORCE_QUIT_WINDOW:
            disarmed_at.clear()
            arm()
    result = outcome[0]
    sys.stdout.flush()
    if result.status == Status.FINISHED:
        return result.exit_code or 0
    error_stream = vars(sys)["__stderr__"]
    error_stream.write(format_result(result))
    sentence = explain(result, source)
    if sentence:
        error_stream.write(_("Hint: {sentence}").format(sentence=sentence) + "\n")
    error_stream.flush()
    if result.status == Status.HALTED and result.reason == HaltReason.USER:
        return EXIT_INTERRUPTED
    if result.status == Status.ERROR and result.error_type == "KeyboardInterrupt":
        _exit_by_sigint()
    return EXIT_ERROR


def _exit_by_sigint() -> None:
    """As ``python`` ends after an uncaught ``KeyboardInterrupt``: killed by SIGINT (a
    shell shows 130), so a calling script knows the program was interrupted."""
    sys.stdout.flush()
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    os.kill(os.getpid(), signal.SIGINT)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGINT])
