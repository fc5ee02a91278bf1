"""Sprout's matplotlib backend (``module://vm.plots.backend``): Agg pictures for the
Plots pane, on the script's thread.

matplotlib loads this module itself, in a run that uses pyplot. Figures render with
Agg; what the pane shows changes when a GUI window would repaint under ``python``:
``plt.show()`` and ``plt.pause()``, ``canvas.flush_events()``, and an animation's
frames. ``plt.show()`` puts every open figure in the pane and returns, unless an
animation (a timer) is running: then it runs them until they end or Stop. Waits are
stop-aware (``vm.plots.events``); without a run (the IDE's own threads) figures
render but go nowhere.
"""
from __future__ import annotations

import time
from typing import Any

from matplotlib import is_interactive
from matplotlib._pylab_helpers import Gcf
from matplotlib.backend_bases import FigureManagerBase, TimerBase
from matplotlib.backends.backend_agg import FigureCanvasAgg

from ..core.run_binding import current_run
from . import PlotImage, PlotsLink
from .events import run_events, stop_current_loop

backend_version = "1"


def _link() -> PlotsLink | None:
    run = current_run()
    return getattr(run, "plots", None) if run is not None else None


class SproutTimer(TimerBase):
    """A timer of the run's event loop: its callbacks run on the script's thread while
    ``show()``, ``pause()`` or another wait of the backend's runs events."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.due = 0.0
        self.link: PlotsLink | None = None
        super().__init__(*args, **kwargs)

    def _timer_start(self) -> None:
        self.link = self.link or _link()
        self.due = time.monotonic() + self.interval / 1000
        if self.link is not None and self not in self.link.timers:
            self.link.timers.append(self)

    def _timer_stop(self) -> None:
        link = getattr(self, "link", None)
        if link is not None and self in link.timers:
            link.timers.remove(self)


class SproutCanvas(FigureCanvasAgg):
    """An Agg canvas whose pictures go to the pane when the figure is shown."""

    _timer_cls = SproutTimer
    manager_class: Any = None  # set below (the classes refer to each other)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.idle_draw = False  # draw_idle() asked for a new picture at the next event pass
        self.unsent = False     # the buffer holds a picture the pane has not had
        self.drawn = False      # the buffer holds a picture at all

    def draw(self) -> None:
        link = _link()
        lock = link.render_lock if link is not None else None
        if lock is None:
            super().draw()
        else:
            with lock:
                super().draw()
        self.idle_draw = False
        self.unsent = self.drawn = True

    def draw_idle(self, *args: Any, **kwargs: Any) -> None:
        self.idle_draw = True

    def blit(self, bbox: Any = None) -> None:
        self.unsent = True  # an animation drew into the buffer: send it as it is

    def flush_events(self) -> None:
        """What a GUI does when it processes events: a pending draw happens, the window repaints."""
        send_figures([self.figure], only_changed=True)

    def start_event_loop(self, timeout: float = 0) -> None:
        """``plt.pause``'s wait (and ``ginput``'s): the figures update, timers run, a
        stop or a pause lands within a slice of the wait."""
        send_figures(_open_figures(), only_changed=True)  # pause() has just shown them all
        run_events(timeout if timeout > 0 else None, until_idle=False, on_pass=_on_event_pass)

    def stop_event_loop(self) -> None:
        stop_current_loop()


def _open_figures() -> list[Any]:
    return [manager.canvas.figure for manager in Gcf.get_all_fig_managers()]


def _on_event_pass() -> None:
    """Between timer calls: draw what asked for it and send what changed."""
    send_figures(_open_figures(), only_changed=True)


def send_figures(figures: list[Any], only_changed: bool = False) -> None:
    """Render the figures that need it and hand their pictures to the pane (with
    ``only_changed``, only those whose picture changed since it was last sent)."""
    link = _link()
    images = []
    for figure in figures:
        canvas = figure.canvas
        if not isinstance(canvas, SproutCanvas):
            continue
        if canvas.idle_draw or figure.stale or not canvas.drawn:
            canvas.draw()
        if link is None or not (canvas.unsent or not only_changed):
            continue
        canvas.unsent = False
        images.append(_image_of(link, figure, canvas))
    if link is not None:
        link.send(images)


def _image_of(link: PlotsLink, figure: Any, canvas: SproutCanvas) -> PlotImage:
    with link.render_lock:
        buffer = canvas.buffer_rgba()
        height, width = buffer.shape[:2]
        pixels = bytes(buffer)
    number = getattr(canvas.manager, "num", None)
    label = figure.get_label() or (f"Figure {number}" if number is not None else "")  # a window's title
    return PlotImage(key=link.key_for(figure), number=number, label=str(label),
                     width=int(width), height=int(height), ratio=float(canvas.device_pixel_ratio),
                     pixels=pixels)


class SproutFigureManager(FigureManagerBase):
    """A figure's place in the pane; ``show`` puts it there."""

    def __init__(self, canvas: Any, num: Any) -> None:
        super().__init__(canvas, num)
        link = _link()
        if link is not None and link.pixel_ratio != 1:
            canvas._set_device_pixel_ratio(link.pixel_ratio)  # crisp on a high-DPI screen

    def show(self) -> None:
        send_figures([self.canvas.figure])

    @classmethod
    def pyplot_show(cls, *, block: bool | None = None) -> None:
        """Every open figure into the pane; then, unless ``block=False``, any running
        animation runs until it ends (under ``python`` show() waits for the windows)."""
        figures = _open_figures()
        if not figures:
            return
        send_figures(figures)
        if block is None:
            block = not is_interactive()
        link = _link()
        if block and link is not None and link.timers:
            run_events(None, until_idle=True, on_pass=_on_event_pass)


SproutCanvas.manager_class = SproutFigureManager
FigureCanvas = SproutCanvas
FigureManager = SproutFigureManager
