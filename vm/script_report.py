"""Reporting an uncaught error runs the script's own code, as Python's does.

At the end of a failed program Python asks the exception for its text (``__str__``) and
calls ``sys.excepthook``; both may be the learner's code, and both may fail or loop.
The run calls these while it can still be stopped, so a stop there is a halt at the
line that loops, and a failure is reported with Python's own words, never as
Sprout's.
"""
from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from types import FunctionType
from typing import Any

from .core.engine_frames import without_engine_frames
from .report.error_message import STR_FAILED, message_of
from .stop.interrupt import ScriptStopped

SUGGESTING = (NameError, AttributeError, ImportError)  # errors Python's traceback adds a hint to


@dataclass(frozen=True)
class Report:
    """How Python reports the end of a program: an error's text, whether the script's
    own hook reported it, the exit code ``sys.exit`` asked for."""

    message: str = ""
    reported_by_script: bool = False
    exit_code: int = 0


def report(outcome: BaseException, host_hook: Any, stderr: Any) -> Report:
    """Run what Python runs for an uncaught ``outcome`` (a stop inside it is not caught)."""
    if isinstance(outcome, SystemExit):
        return Report(exit_code=exit_code(outcome, stderr))
    message = describe(outcome)
    return Report(message=message, reported_by_script=call_script_excepthook(outcome, host_hook, stderr))


def exit_code(exit_request: SystemExit, stderr: Any) -> int:
    """``sys.exit(code)``: a number is the exit code; anything else is printed, exit code 1."""
    code = exit_request.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    text = exit_text(code)
    if text is not None:
        stderr.write(text + "\n")
    return 1


def describe(error: BaseException) -> str:
    """``str(error)`` as Python's traceback shows it; a stop inside it is not caught.

    A built-in name, attribute or import error gets Python's suggestion too
    (``Did you mean: 'print'?``); its text is Python's own, so asking twice is harmless.
    """
    if isinstance(error, SUGGESTING) and not isinstance(type(error).__str__, FunctionType):
        return message_of(error)
    try:
        text = str(error)
    except ScriptStopped:
        raise
    except BaseException:  # noqa: BLE001 - Python swallows whatever __str__ raises
        return STR_FAILED
    return text if isinstance(text, str) else STR_FAILED


def exit_text(code: object) -> str | None:
    """What ``sys.exit(code)`` prints for a code that is not a number: its ``str``, or
    nothing at all when that fails (as Python); a stop inside it is not caught."""
    try:
        text = str(code)
    except ScriptStopped:
        raise
    except BaseException:  # noqa: BLE001 - Python prints nothing then
        return None
    return text if isinstance(text, str) else None


def call_script_excepthook(error: BaseException, host_hook: Any, stderr: Any) -> bool:
    """Call the ``sys.excepthook`` the script installed; returns whether it reported the
    error (so Sprout shows no traceback of its own). A failing hook is reported as
    Python does, and then the original traceback is shown as usual."""
    hook: Callable[..., Any] | None = vars(sys).get("excepthook")
    if hook is None or hook is host_hook or hook is sys.__excepthook__:
        return False
    try:
        hook(type(error), error, without_engine_frames(error.__traceback__))
    except ScriptStopped:
        raise
    except BaseException as failure:  # noqa: BLE001 - Python reports the hook's failure
        failure.__traceback__ = without_engine_frames(failure.__traceback__)
        try:
            stderr.write("Error in sys.excepthook:\n")
            stderr.write("".join(traceback.format_exception(failure)))
            stderr.write("\nOriginal exception was:\n")
        except ScriptStopped:
            raise
        except BaseException:  # noqa: BLE001 - the hook's error text failed too
            pass
        return False
    return True
