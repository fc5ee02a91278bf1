"""A stand-in for the part of ``tkinter`` that the standard library's turtle calls.

turtle builds its window from ``Tk``, ``Frame``, ``Canvas`` and ``Scrollbar``, loads
pictures with ``PhotoImage``, asks questions through ``simpledialog`` and waits in
``mainloop``. Here the window is the IDE's Drawing pane: layout calls do nothing, the
canvas is ``vm.drawing.canvas.Canvas`` and time, events and questions go through the
``DrawingSession`` and the engine's own input.
"""
from __future__ import annotations

import os
import re
import struct
import types
from typing import Any

from ..core.i18n import N_, _
from .canvas import Canvas, TclError
from .colours import rgb16, to_hex
from .session import DrawingSession

SCREEN_SIZE = (1920, 1080)  # what turtle's setup() takes fractions of
GEOMETRY = re.compile(r"(\d+)x(\d+)([+-]-?\d+)?([+-]-?\d+)?")
CONSTANTS = {"SUNKEN": "sunken", "RAISED": "raised", "FLAT": "flat", "ROUND": "round",
             "HORIZONTAL": "horizontal", "VERTICAL": "vertical", "BOTH": "both",
             "LEFT": "left", "RIGHT": "right", "TOP": "top", "BOTTOM": "bottom",
             "X": "x", "Y": "y", "YES": 1, "NO": 0, "NW": "nw", "CENTER": "center"}


def image_size(path: str) -> tuple[int, int]:
    """Width and height from a GIF or PNG header (Tk reads both; turtle uses GIFs)."""
    with open(path, "rb") as handle:
        header = handle.read(24)
    if header[:6] in (b"GIF87a", b"GIF89a"):
        return struct.unpack("<HH", header[6:10])
    if header[:8] == b"\x89PNG\r\n\x1a\n":
        return struct.unpack(">II", header[16:24])
    raise TclError(f'couldn\'t recognize data in image file "{path}"')


class _Window:
    """One stand-in ``tkinter``'s window: the drawing session it talks to, its root and size."""

    def __init__(self, session: DrawingSession) -> None:
        self.session = session
        self.root: Tk | None = None
        self.size = (SCREEN_SIZE[0] // 2, SCREEN_SIZE[1] * 3 // 4)

    def mainloop(self, n: int = 0) -> None:
        self.session.mainloop()


class Misc:
    """Layout and window-manager calls: turtle makes them, the Drawing pane needs none.

    Every stand-in module has its own subclasses of these classes (``build``), whose
    ``_window`` is that module's: turtle makes its widgets without naming a window."""

    _window: _Window

    def __init__(self, master: Any = None, cnf: Any = None, **options: Any) -> None:
        self.master = master
        self.tk = self  # ``widget.tk.mainloop()``

    def winfo_toplevel(self) -> Any:
        return self._window.root or self

    def winfo_width(self) -> int:
        return int(self._window.size[0])

    def winfo_height(self) -> int:
        return int(self._window.size[1])

    def winfo_screenwidth(self) -> int:
        return SCREEN_SIZE[0]

    def winfo_screenheight(self) -> int:
        return SCREEN_SIZE[1]

    def winfo_rgb(self, colour: str) -> tuple[int, int, int]:
        try:
            return rgb16(colour)
        except ValueError as error:
            raise TclError(str(error)) from None

    def pack(self, *args: Any, **options: Any) -> None:
        pass

    grid = grid_forget = pack_forget = place = rowconfigure = columnconfigure = pack
    bind = unbind = call = pack

    def update(self) -> None:
        self._window.session.process_events()
        self._window.session.hand_over(now=False)

    def update_idletasks(self) -> None:
        self._window.session.hand_over(now=False)

    def after(self, milliseconds: Any, function: Any = None, *args: Any) -> str | None:
        if function is None:
            self._window.session.sleep(float(milliseconds))
            return None
        return self._window.session.after(int(milliseconds), lambda: function(*args))

    def after_idle(self, function: Any, *args: Any) -> str:
        return self._window.session.after(0, lambda: function(*args))

    def after_cancel(self, name: str) -> None:
        self._window.session.cancel(name)

    def focus_force(self) -> None:
        self._window.session.listening = True
        self._window.session.send(("focus",))

    focus_set = focus_force

    def mainloop(self, n: int = 0) -> None:
        self._window.session.mainloop()

    def destroy(self) -> None:
        pass


class Tk(Misc):
    def __init__(self, *args: Any, **options: Any) -> None:
        super().__init__()
        window = self._window
        window.root = self
        self._protocols: dict[str, Any] = {}
        window.session.closed = False
        window.session.dispatch_window = self._window_event
        window.session.send(("open", "Python Turtle Graphics"))

    def title(self, text: Any = None) -> None:
        if text is not None:
            self._window.session.send(("title", str(text)))

    wm_title = title

    def geometry(self, spec: str | None = None) -> str:
        window = self._window
        if spec is not None:
            match = GEOMETRY.match(spec)
            if match:
                window.size = (int(match.group(1)), int(match.group(2)))
                window.session.send(("window", *window.size))
        width, height = window.size
        return f"{width}x{height}+0+0"

    wm_geometry = geometry

    def wm_protocol(self, name: str, function: Any = None) -> None:
        self._protocols[name] = function

    protocol = wm_protocol

    def _window_event(self, event: tuple) -> None:
        closing = self._protocols.get("WM_DELETE_WINDOW")
        if closing is not None:
            closing()
        else:
            self.destroy()

    def destroy(self) -> None:
        session = self._window.session
        if not session.closed:
            session.closed = True
            session.send(("close",))
            session.hand_over()
        if self._window.root is self:
            self._window.root = None


class Frame(Misc):
    pass


class Scrollbar(Misc):
    def set(self, *args: Any) -> None:
        pass


class TkCanvas(Misc, Canvas):
    """``tkinter.Canvas``: the item model, plus the widget calls every Tk widget has."""

    def __init__(self, master: Any = None, cnf: Any = None, **options: Any) -> None:
        Misc.__init__(self, master)
        session = self._window.session
        Canvas.__init__(self, session, int(options.get("width", 400)),
                        int(options.get("height", 300)), options.get("bg", "white"))
        if options.get("bg"):
            session.send(("background", to_hex(options["bg"])))

    config = configure = Canvas.configure
    bind, unbind = Canvas.bind, Canvas.unbind

    def __getitem__(self, option: str) -> Any:
        return self.cget(option)


class PhotoImage:
    """An image Tk would load: its file's path goes to the window, its size stays here."""

    def __init__(self, name: Any = None, cnf: Any = None, master: Any = None,
                 file: Any = None, width: int = 0, height: int = 0, **options: Any) -> None:
        self.file = None if file is None else os.path.abspath(os.fspath(file))
        if self.file is not None and not os.path.isfile(self.file):
            raise TclError(f'couldn\'t open "{file}": no such file or directory')
        self._size = image_size(self.file) if self.file is not None else (int(width), int(height))

    def width(self) -> int:
        return self._size[0]

    def height(self) -> int:
        return self._size[1]

    def blank(self) -> None:
        pass

    def describe(self) -> dict[str, Any]:
        return {"file": self.file, "width": self._size[0], "height": self._size[1]}


WIDGETS = {"Misc": Misc, "Tk": Tk, "Frame": Frame, "Scrollbar": Scrollbar, "Canvas": TkCanvas}


def build(session: DrawingSession, read_line: Any, write: Any) -> types.ModuleType:
    """A fresh ``tkinter`` for one turtle module. ``read_line()`` and ``write(text)`` are
    the run's input and output, for ``textinput``/``numinput``."""
    module = types.ModuleType("tkinter", "Sprout's stand-in for the parts of tkinter turtle uses.")
    window = _Window(session)
    module.__dict__.update(CONSTANTS)
    module.__dict__.update({name: type(name, (widget,), {"_window": window, "__qualname__": name})
                            for name, widget in WIDGETS.items()})
    module.__dict__.update(TclError=TclError, PhotoImage=PhotoImage, mainloop=window.mainloop,
                           simpledialog=_simpledialog(read_line, write))
    return module


def _simpledialog(read_line: Any, write: Any) -> types.ModuleType:
    """``askstring``/``askfloat``/``askinteger`` as questions in the console."""
    module = types.ModuleType("tkinter.simpledialog")

    def ask(title: Any, prompt: Any, initialvalue: Any = None) -> str | None:
        shown = f" [{initialvalue}]" if initialvalue is not None else ""
        write(f"{title}\n{prompt}{shown} " if title else f"{prompt}{shown} ")
        line = read_line()
        if line is None:
            return None  # end of input: the dialog's Cancel
        if line == "" and initialvalue is not None:
            return str(initialvalue)
        return line

    def ask_number(kind: type, complaint: str) -> Any:
        def asker(title: Any, prompt: Any, initialvalue: Any = None, minvalue: Any = None,
                  maxvalue: Any = None, parent: Any = None, **options: Any) -> Any:
            while True:
                answer = ask(title, prompt, initialvalue)
                if answer is None or answer.strip() == "":
                    return None
                try:
                    value = kind(answer)
                except ValueError:
                    write(_(complaint) + "\n" + _("Please try again") + "\n")
                    continue
                if minvalue is not None and value < minvalue:
                    write(_("The allowed minimum value is {value}. Please try again.").format(value=minvalue) + "\n")
                elif maxvalue is not None and value > maxvalue:
                    write(_("The allowed maximum value is {value}. Please try again.").format(value=maxvalue) + "\n")
                else:
                    return value
        return asker

    def askstring(title: Any, prompt: Any, initialvalue: Any = None, parent: Any = None,
                  **options: Any) -> str | None:
        return ask(title, prompt, initialvalue)

    module.askstring = askstring  # type: ignore[attr-defined]
    module.askfloat = ask_number(float, N_("Not a floating-point value."))  # type: ignore[attr-defined]
    module.askinteger = ask_number(int, N_("Not an integer."))  # type: ignore[attr-defined]
    return module
