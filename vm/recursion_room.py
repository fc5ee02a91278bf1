"""How deep the script may recurse: as deep as under ``python``, and no deeper than its
thread's stack can hold.

Under ``python`` the script's first frame is the only one on the stack; in Sprout the
engine's frames lie below it and count towards the recursion limit too. They are added
on top of the limit the script sets (and taken off what ``sys.getrecursionlimit()``
answers), so ``RecursionError`` comes at the same depth with the same traceback.
(3.11 also counts some entries into the interpreter from C: there a recursion may end
a level off.)
"""
from __future__ import annotations

import sys
from collections.abc import Callable
from types import FrameType

from .i18n import _


class RecursionRoom:
    """The run's recursion limit; ``set``/``get`` stand in for ``sys``'s on its threads."""

    def __init__(self, cap: int, note: Callable[[str], None]) -> None:
        self._cap = cap      # what the script thread's stack holds
        self._note = note    # tells the learner when a limit was capped
        self.base = 0        # the engine's frames under the script's first one

    def measure_below(self, frame: FrameType) -> None:
        """``frame`` is the engine's, about to run the script's first frame."""
        depth = 0
        probe: FrameType | None = frame
        while probe is not None:
            depth += 1
            probe = probe.f_back
        self.base = depth

    def set(self, limit: int) -> None:
        """``sys.setrecursionlimit``, capped so deep recursion cannot crash the IDE."""
        from .patches import original
        limit = int(limit)
        if limit > self._cap:
            self._note(_("the recursion limit is capped at {cap:,} (asked for {asked:,}) so deep recursion "
                         "cannot crash the IDE.").format(cap=self._cap, asked=limit))
            limit = self._cap
        original(sys, "setrecursionlimit")(limit + self.base)

    def get(self) -> int:
        """``sys.getrecursionlimit()`` as the script sees it."""
        from .patches import original
        return original(sys, "getrecursionlimit")() - self.base
