"""The one state a run is in, and which moves between states are allowed.

The runner owns the state and announces every change with one signal carrying a
``RunInfo``: the state with everything else the window may know about the run (a Shell
entry or a program, debugging, paused where, how the last run ended). The window and
its panels derive from that record alone what the actions allow, what F5 means and
what the status bar says; none of them reads the runner's attributes.

    Idle ──start──▶ Running ◀──answer── WaitingForInput
                      │  ▲ ╲──input()──▶ ╱
              pause/  │  │ continue/step       (a pause taken while waiting for
           breakpoint ▼  │                      input goes back to waiting)
                     Paused
    Running / WaitingForInput / Paused ──Stop──▶ Stopping ──2 s──▶ Stalled (Abandon offered)
    any active state ──the run ends──▶ Finished | Stopped | Error ──start──▶ Running
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the engine loads after the first window is drawn
    from vm import Pause, RunResult


class RunState(Enum):
    IDLE = "idle"
    RUNNING = "running"
    WAITING_FOR_INPUT = "waiting for input"
    PAUSED = "paused"
    STOPPING = "stopping"
    STALLED = "stalled"
    FINISHED = "finished"
    STOPPED = "stopped"
    ERROR = "error"

    @property
    def active(self) -> bool:
        """A run is under way (possibly paused, waiting or being stopped)."""
        return self in ACTIVE

    @property
    def stopping(self) -> bool:
        return self in (RunState.STOPPING, RunState.STALLED)


ACTIVE = frozenset({RunState.RUNNING, RunState.WAITING_FOR_INPUT, RunState.PAUSED,
                    RunState.STOPPING, RunState.STALLED})
ENDED = frozenset({RunState.IDLE, RunState.FINISHED, RunState.STOPPED, RunState.ERROR})

ALLOWED: dict[RunState, frozenset[RunState]] = {
    RunState.RUNNING: frozenset({RunState.WAITING_FOR_INPUT, RunState.PAUSED, RunState.STOPPING}),
    RunState.WAITING_FOR_INPUT: frozenset({RunState.RUNNING, RunState.PAUSED, RunState.STOPPING}),
    RunState.PAUSED: frozenset({RunState.RUNNING, RunState.WAITING_FOR_INPUT, RunState.STOPPING}),
    RunState.STOPPING: frozenset({RunState.STALLED}),
    RunState.STALLED: frozenset(),
}
for _state in ENDED:
    ALLOWED[_state] = frozenset({RunState.RUNNING})
for _state in ACTIVE:
    ALLOWED[_state] |= {RunState.FINISHED, RunState.STOPPED, RunState.ERROR}


@dataclass(frozen=True, eq=False)  # identity only: a pause's values are the program's own objects
class RunInfo:
    """The run as the window sees it, one immutable value per change (``Runner.state_changed``)."""

    state: RunState = RunState.IDLE
    in_shell: bool = False            # a Shell entry, not a program: its output goes to the Shell tab
    debugging: bool = False           # started with Debug, or paused once: it steps like a debug run
    awaiting_input: bool = False      # the program waits in ``input()`` (paused there too)
    pause: Pause | None = None        # where the paused program stands, while it is paused
    result: RunResult | None = None   # how the last run ended, once it has
    pause_on_uncaught: bool = True    # a debug run pauses where an error nothing catches is raised

    @property
    def active(self) -> bool:
        return self.state.active


class InvalidTransition(RuntimeError):
    """A bug in Sprout: a run state change that the diagram above does not have."""


def check_transition(old: RunState, new: RunState) -> None:
    if new not in ALLOWED[old]:
        raise InvalidTransition(f"a run cannot go from {old.value} to {new.value}")


def ended_state(status: str) -> RunState:
    """The state a finished ``RunResult.status`` leads to."""
    return {"finished": RunState.FINISHED, "halted": RunState.STOPPED}.get(status, RunState.ERROR)
