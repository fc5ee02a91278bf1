"""The engine's answers: frozen records the IDE and the terminal runner display."""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import assert_never

from ..core.i18n import N_
from .snapshot import FrameSnapshot


class Status(str, Enum):
    """How a run ended; the values are the contract's strings."""

    FINISHED = "finished"
    ERROR = "error"
    HALTED = "halted"


class HaltReason(str, Enum):
    """Why a halted run was stopped."""

    USER = "user"
    TIME_LIMIT = "time_limit"
    OUTPUT_LIMIT = "output_limit"
    MEMORY_LIMIT = "memory_limit"
    ENDED = "ended"  # the script had ended; its leftover threads were stopped


def halt_message(reason: HaltReason) -> str:
    """The traceback's last line for a halt, in English (``vm.core.i18n._`` translates it);
    every reason has its words (mypy and a test check the match is exhaustive)."""
    match reason:
        case HaltReason.USER:
            return N_("the program was stopped")
        case HaltReason.TIME_LIMIT:
            return N_("stopped: the time limit was reached")
        case HaltReason.OUTPUT_LIMIT:
            return N_("stopped: the program printed more than the output limit")
        case HaltReason.MEMORY_LIMIT:
            return N_("stopped: the program used more memory than the limit")
        case HaltReason.ENDED:
            return N_("the program had already ended")
        case _:
            assert_never(reason)


SYNTAX_ERRORS = frozenset({"SyntaxError", "IndentationError", "TabError"})


@dataclass(frozen=True)
class Frame:
    """One frame of the learner's own code. ``line`` and ``column`` count from 1."""

    filename: str
    line: int
    column: int
    function: str
    source: str
    end_line: int | None = None
    end_column: int | None = None
    span: str = ""  # the lines ``line`` to ``end_line`` when they are several


@dataclass(frozen=True)
class RunResult:
    """What a run did. ``frames`` are user frames only, outermost first."""

    status: Status
    reason: HaltReason | None = None  # set when ``status`` is ``HALTED``
    error_type: str | None = None
    message: str = ""
    frames: tuple[Frame, ...] = ()
    exit_code: int | None = None
    duration: float = 0.0
    filename: str = "main.py"
    activity: str | None = None  # a halted run was waiting: "input", "sleep", "wait", "paused", "regex"
    snapshot: tuple[FrameSnapshot, ...] = ()  # the values when it ended, outermost frame first
    leftovers: tuple[str, ...] = ()  # what the run left changed or running (Sprout put it right)
    reported_by_script: bool = False  # the script's own ``sys.excepthook`` reported the error

    @classmethod
    def abandoned(cls, message: str, duration: float = 0.0) -> RunResult:
        """A run the IDE stopped waiting for (it may still finish in the background): a
        stop by the user, as far as the learner is concerned; ``message`` says it was left."""
        return cls(status=Status.HALTED, reason=HaltReason.USER, error_type="KeyboardInterrupt",
                   message=message, duration=duration)
