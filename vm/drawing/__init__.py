"""Turtle drawings: the standard library's turtle on a canvas the IDE shows.

``import turtle`` in a run loads Python's own ``turtle.py`` afresh over a stand-in for
``tkinter`` (``tk_standin``, ``canvas``). What it draws reaches the VM's
``on_drawing(commands)`` in batches, on the script's thread. Each command is a tuple:

- ``("open", title)``: a turtle window opened (start a new drawing);
- ``("title", text)``, ``("window", width, height)``, ``("background", "#rrggbb")``,
  ``("region", x1, y1, x2, y2)`` (the scroll region turtle set);
- ``("create", item, kind, coords, options)`` with ``kind`` one of ``line``,
  ``polygon``, ``text``, ``image``; ``("coords", item, coords)``;
  ``("config", item, options)``; ``("delete", item)`` (``None``: every item);
  ``("raise", item)``, ``("lower", item)``;
- ``("focus",)``: the program listens for keys; ``("close",)``: turtle closed its window.

Coordinates are Tk canvas pixels (y grows downwards), flat ``[x1, y1, x2, y2...]``;
colours are ``#rrggbb`` or ``""`` for none; options use Tk's names (``fill``,
``outline``, ``width``, ``capstyle``, ``text``, ``font``, ``anchor``, ``image``).
Events go back through ``VM.send_drawing_event``: ``("key", "press"|"release",
keysym, char)``, ``("button", "press"|"release"|"motion", number, x, y)`` in canvas
pixels, ``("close",)`` when the learner closes the drawing.
"""
from __future__ import annotations

from types import ModuleType

from .session import DrawingSession, Emit


class DrawingLink:
    """Where a VM's drawings go and where the window's events come in."""

    def __init__(self, emit: Emit | None) -> None:
        self.emit = emit
        self.session: DrawingSession | None = None
        self.module: ModuleType | None = None  # the turtle module drawing now (shell entries reuse it)

    def start(self) -> DrawingSession:
        """A program imported turtle: a new drawing replaces the last one."""
        self.session = DrawingSession(self.emit)
        return self.session

    def forget(self) -> None:
        """A new program: the last one's drawing takes no more events or imports."""
        self.session = None
        self.module = None

    def hand_over(self, now: bool = True) -> None:
        session = self.session
        if session is not None:
            session.hand_over(now)

    def post(self, event: tuple) -> None:
        session = self.session
        if session is not None:
            session.post(event)


__all__ = ["DrawingLink", "DrawingSession", "Emit"]
