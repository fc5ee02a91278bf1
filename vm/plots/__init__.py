"""matplotlib's figures in the window: Sprout's own backend, and the road to the Plots pane.

A run that imports matplotlib gets Sprout's backend (``vm.plots.backend``, selected
for the run by ``vm.plots.setup``). Figures render with Agg on the script's thread
and reach the VM's ``on_plots(messages)`` callback as they are shown — at
``plt.show()``, ``plt.pause()``, ``canvas.flush_events()``, an animation's frame —
as a list of messages:

- ``("clear",)``: a new program started; the pane forgets the last one's figures;
- ``("figure", PlotImage)``: a figure as it looks now (a new one, or a new look for
  one already sent: same ``key``).

Nothing here imports matplotlib: Sprout does not depend on it, and the backend
module is loaded only when a program's matplotlib asks for it.
"""
from __future__ import annotations

import itertools
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

MAX_FIGURES = 50  # a run's figures the pane keeps (and Save can still write); older ones go
LOCK_WAIT = 1.0   # seconds Save waits for a figure the program is drawing


@dataclass(frozen=True)
class PlotImage:
    """One figure's pixels: RGBA, ``width`` x ``height``, ``ratio`` pixels per screen
    pixel (the screen's device pixel ratio); ``number`` is matplotlib's figure number."""

    key: int
    number: Any
    label: str
    width: int
    height: int
    ratio: float
    pixels: bytes


Message = tuple
PlotsCallback = Callable[[list[Message]], None]


class PlotsLink:
    """Where one VM's figures go, and the figures kept so the pane can save them."""

    def __init__(self, emit: PlotsCallback | None) -> None:
        self.emit = emit
        self.pixel_ratio = 1.0
        self.render_lock = threading.RLock()  # one Agg render of a figure at a time
        self._keys = itertools.count(1)
        self._figures: OrderedDict[int, Any] = OrderedDict()  # key -> matplotlib Figure
        self.timers: list[Any] = []  # the backend's running timers (animations)

    def new_program(self) -> None:
        """A program (not a shell entry) starts: its figures start from none, as in python."""
        from .setup import reset_matplotlib
        with self.render_lock:
            self._figures.clear()
        self.timers = []
        try:
            reset_matplotlib()
        except Exception:  # noqa: BLE001 - a matplotlib the last program broke must not stop this one
            pass
        if self.emit is not None:
            self.emit([("clear",)])

    def key_for(self, figure: Any) -> int:
        """The pane's name for ``figure``; the oldest kept figure is let go past ``MAX_FIGURES``."""
        with self.render_lock:
            for key, kept in self._figures.items():
                if kept is figure:
                    return key
            key = next(self._keys)
            self._figures[key] = figure
            while len(self._figures) > MAX_FIGURES:
                self._figures.popitem(last=False)
            return key

    def send(self, images: list[PlotImage]) -> None:
        if images and self.emit is not None:
            self.emit([("figure", image) for image in images])

    def save(self, key: int, path: str) -> None:
        """Write a figure the pane shows with ``savefig`` (format from the name), at its
        own size and DPI. Any thread; raises ``LookupError`` for a figure no longer
        kept, ``TimeoutError`` while the program is busy drawing it."""
        if not self.render_lock.acquire(timeout=LOCK_WAIT):
            raise TimeoutError(path)
        try:
            figure = self._figures.get(key)
            if figure is None:
                raise LookupError(key)
            figure.savefig(path)
        finally:
            self.render_lock.release()


__all__ = ["MAX_FIGURES", "Message", "PlotImage", "PlotsCallback", "PlotsLink"]
