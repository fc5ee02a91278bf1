"""How deep the script may recurse: as deep as under ``python``, and no deeper than its
thread's stack can hold.

Under ``python`` the script's first frame is the only one on the stack; in Sprout the
engine's frames lie below it and count towards the recursion limit too. They are added
on top of the limit the script sets (and taken off what ``sys.getrecursionlimit()``
answers), so ``RecursionError`` comes at the same depth with the same traceback.
CPython 3.11 also counts each time C code enters the interpreter again (``exec``, a
call through ``*args``); how many such entries lie below the script is not the same
from one way of starting a run to another, so at every run a short probe recursion,
run exactly as the script is, measures them (~20 µs).
"""
from __future__ import annotations

import sys
from collections.abc import Callable
from types import CodeType, FrameType

from ..core.engine_frames import ENGINE_FOLDER
from ..core.i18n import _
from ..core.patching import original
from ..core.run_binding import active_runs

COUNTS_C_ENTRIES = sys.version_info < (3, 12)
PROBE_LIMIT = 200
_PROBE = compile("def dive(n):\n    try:\n        return dive(n + 1)\n    except RecursionError:\n        return n\n"
                 "reached = dive(1)\n", "<sprout recursion probe>", "exec")


class RecursionRoom:
    """The run's recursion limit; ``set``/``get`` stand in for ``sys``'s on its threads."""

    def __init__(self, cap: int, note: Callable[[str], None]) -> None:
        self._cap = cap      # what the script thread's stack holds
        self._note = note    # tells the learner when a limit was capped
        self.base = 0        # the engine's frames under the script's first one
        self._frames_below = 0  # ... counting Python frames only
        self.floor: FrameType | None = None  # the engine's frame that runs the script's first

    def measure_below(self, frame: FrameType, run_code: Callable[[CodeType, dict], None]) -> None:
        """``frame`` is the engine's, about to run the script's first frame with ``run_code``."""
        self.floor = frame
        self.base = self._frames_below = _depth(frame)
        # The probe lowers the process's limit for a moment: not while another run (an
        # abandoned one) may be deep in a recursion.
        if COUNTS_C_ENTRIES and len(active_runs()) <= 1:
            self.base += self._c_entries(run_code)

    def _c_entries(self, run_code: Callable[[CodeType, dict], None]) -> int:
        """Levels beyond the Python frames that a recursion started as the script is loses."""
        between = _depth(sys._getframe()) - self.base  # this method and its caller's
        before = original(sys, "getrecursionlimit")()
        namespace: dict = {}
        try:
            original(sys, "setrecursionlimit")(PROBE_LIMIT + self.base)
            run_code(_PROBE, namespace)
        except Exception:  # noqa: BLE001 - without the measure, only Python frames count
            return 0
        finally:
            original(sys, "setrecursionlimit")(before)
        # Under ``python`` the probe reaches PROBE_LIMIT - 1 (its module frame is the first).
        return max(PROBE_LIMIT - 1 - between - namespace["reached"], 0)

    def set(self, limit: int) -> None:
        """``sys.setrecursionlimit``, capped so deep recursion cannot crash the IDE."""
        limit = int(limit)
        if limit > self._cap:
            self._note(_("the recursion limit is capped at {cap:,} (asked for {asked:,}) so deep recursion "
                         "cannot crash the IDE.").format(cap=self._cap, asked=limit))
            limit = self._cap
        try:
            original(sys, "setrecursionlimit")(limit + self.base)
        except RecursionError:
            raise RecursionError(f"cannot set the recursion limit to {limit} at the recursion depth "
                                 f"{self._script_depth()}: the limit is too low") from None

    def _script_depth(self) -> int:
        """The recursion depth ``python`` would report where the script called us."""
        frame: FrameType | None = sys._getframe(1)
        while frame is not None and frame.f_code.co_filename.startswith(ENGINE_FOLDER):
            frame = frame.f_back
        return _depth(frame) - self._frames_below + (1 if COUNTS_C_ENTRIES else 0)

    def get(self) -> int:
        """``sys.getrecursionlimit()`` as the script sees it."""
        return original(sys, "getrecursionlimit")() - self.base


def _depth(frame: FrameType | None) -> int:
    depth = 0
    while frame is not None:
        depth += 1
        frame = frame.f_back
    return depth
