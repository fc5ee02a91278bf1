"""The canvas turtle draws on: Tk's item model, sent to the window as commands.

Items (lines, polygons, text, images) keep Tk's numbering, coordinates and stacking
order here, so turtle's reads (``coords``, ``bbox``, ``type``, ``find_all``) answer
at once; every change is also queued on the session for the window. Events arrive in
canvas coordinates (``canvasx``/``canvasy`` are the identity) and reach bindings the
way Tk routes them: the topmost item under the pointer first, then the canvas.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from .colours import to_hex
from .session import DrawingSession

COLOUR_OPTIONS = ("fill", "outline")
ITEM_DEFAULTS = {("line", "fill"): "black", ("line", "width"): 1.0, ("polygon", "fill"): "black",
                 ("polygon", "width"): 1.0, ("text", "fill"): "black", ("text", "anchor"): "center"}
TEXT_WIDTH_PER_POINT = 0.62   # average character width of a sans-serif font, in points...
PIXELS_PER_POINT = 4 / 3      # ...and points on a 96 dpi screen


class TclError(Exception):
    """What Tk raises for a bad colour, image file or item."""


@dataclass
class Item:
    kind: str
    coords: list[float]
    options: dict[str, Any] = field(default_factory=dict)


@dataclass
class Event:
    """What a Tk event handler receives (the attributes turtle reads, and a few more)."""

    x: float = 0.0
    y: float = 0.0
    num: int | str = "??"
    keysym: str = "??"
    char: str = ""
    widget: Any = None
    type: str = ""


def flatten(values: Iterable[Any]) -> list[float]:
    flat: list[float] = []
    for value in values:
        if isinstance(value, (tuple, list)):
            flat.extend(flatten(value))
        else:
            flat.append(float(value))
    return flat


def canonical(sequence: str) -> str:
    """One spelling per event: ``<Button-1>``/``<1>``/``<ButtonPress-1>`` all name a press."""
    inner = sequence.strip("<>")
    parts = inner.split("-")
    head = parts[0]
    if head.isdigit():
        return f"ButtonPress-{head}"
    if head in ("Button", "ButtonPress") and len(parts) == 2:
        return f"ButtonPress-{parts[1]}"
    if head == "ButtonRelease" and len(parts) == 2:
        return f"ButtonRelease-{parts[1]}"
    if head.startswith(("Button", "B")) and head[-1:].isdigit() and len(parts) == 2:
        number = head.removeprefix("Button").removeprefix("B")
        kind = {"ButtonRelease": "ButtonRelease", "Motion": "Motion"}.get(parts[1])
        if kind is not None:
            return f"{kind}-{number}"
    if head in ("Key", "KeyPress"):
        return "KeyPress" + ("-" + "-".join(parts[1:]) if len(parts) > 1 else "")
    return inner


class Canvas:
    """The part of ``tkinter.Canvas`` turtle uses, over a ``DrawingSession``."""

    def __init__(self, session: DrawingSession, width: int, height: int, bg: str) -> None:
        self._session = session
        self._items: dict[int, Item] = {}
        self._order: list[int] = []
        self._next_item = 1
        self.options: dict[str, Any] = {"width": width, "height": height, "bg": bg,
                                         "scrollregion": ""}
        self._bindings: dict[str, list[Callable]] = {}
        self._item_bindings: dict[tuple[int, str], list[Callable]] = {}
        self._pressed_item: int | None = None
        session.dispatch = self.dispatch
        session.has_handlers = lambda: bool(self._bindings or self._item_bindings)

    # ---- items ------------------------------------------------------------------
    def _create(self, kind: str, coords: tuple, options: dict[str, Any]) -> int:
        item = self._next_item
        self._next_item += 1
        self._items[item] = Item(kind, flatten(coords), {})
        self._order.append(item)
        self._session.send(("create", item, kind, list(self._items[item].coords), {}))
        if options:
            self.itemconfigure(item, **options)
        return item

    def create_line(self, *coords: Any, **options: Any) -> int:
        return self._create("line", coords, options)

    def create_polygon(self, *coords: Any, **options: Any) -> int:
        return self._create("polygon", coords, options)

    def create_text(self, *coords: Any, **options: Any) -> int:
        return self._create("text", coords, {"anchor": "center", **options})

    def create_image(self, *coords: Any, **options: Any) -> int:
        return self._create("image", coords, options)

    def _item(self, item: Any) -> Item:
        found = self._items.get(item) if isinstance(item, int) else None
        if found is None:
            raise TclError(f'item "{item}" doesn\'t exist')
        return found

    def coords(self, item: Any, *values: Any) -> list[float]:
        if item not in self._items:
            return []
        if values:
            coords = flatten(values)
            self._items[item].coords = coords
            self._session.send(("coords", item, coords))
            return []
        return list(self._items[item].coords)

    def itemconfigure(self, item: Any, **options: Any) -> None:
        if item not in self._items or not options:
            return
        sent: dict[str, Any] = {}
        for name, value in options.items():
            if name in COLOUR_OPTIONS:
                try:
                    sent[name] = to_hex(value)
                except ValueError as error:
                    raise TclError(str(error)) from None
            elif name == "image":
                sent[name] = value.describe() if hasattr(value, "describe") else None
            elif name == "font":
                sent[name] = list(value) if isinstance(value, (tuple, list)) else [str(value)]
            else:
                sent[name] = value
        self._items[item].options.update(options)
        self._session.send(("config", item, sent))

    itemconfig = itemconfigure

    def itemcget(self, item: Any, option: str) -> str:
        """As Tk answers: a string, Tk's default for options never set, widths as floats."""
        found = self._item(item)
        value = found.options.get(option, ITEM_DEFAULTS.get((found.kind, option), ""))
        return str(float(value)) if option == "width" else str(value)

    def type(self, item: Any) -> str | None:
        found = self._items.get(item)
        return found.kind if found is not None else None

    def find_all(self) -> tuple[int, ...]:
        return tuple(self._order)

    def delete(self, *items: Any) -> None:
        for item in items:
            if item == "all":
                self._items.clear()
                self._order.clear()
                self._item_bindings.clear()
                self._session.send(("delete", None))
            elif item in self._items:
                del self._items[item]
                self._order.remove(item)
                for key in [key for key in self._item_bindings if key[0] == item]:
                    del self._item_bindings[key]
                self._session.send(("delete", item))

    def tag_raise(self, item: Any, *above: Any) -> None:
        if item in self._items and self._order[-1] != item:
            self._order.remove(item)
            self._order.append(item)
            self._session.send(("raise", item))

    def tag_lower(self, item: Any, *below: Any) -> None:
        if item in self._items and self._order[0] != item:
            self._order.remove(item)
            self._order.insert(0, item)
            self._session.send(("lower", item))

    def bbox(self, *items: Any) -> tuple[int, int, int, int] | None:
        boxes = [self._box(self._items[item]) for item in items if item in self._items]
        if not boxes:
            return None
        return (math.floor(min(b[0] for b in boxes)), math.floor(min(b[1] for b in boxes)),
                math.ceil(max(b[2] for b in boxes)), math.ceil(max(b[3] for b in boxes)))

    def _box(self, item: Item) -> tuple[float, float, float, float]:
        if item.kind == "text":
            return _text_box(item)
        xs, ys = item.coords[0::2] or [0.0], item.coords[1::2] or [0.0]
        if item.kind == "image":
            width, height = _image_size(item.options.get("image"))
            return xs[0] - width / 2, ys[0] - height / 2, xs[0] + width / 2, ys[0] + height / 2
        pad = float(item.options.get("width", 1) or 1) / 2 + 1
        return min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad

    # ---- the canvas itself ---------------------------------------------------
    def configure(self, **options: Any) -> None:
        for name, value in options.items():
            if name in ("bg", "background") and value:
                try:
                    self._session.send(("background", to_hex(value)))
                except ValueError as error:
                    raise TclError(str(error)) from None
                self.options["bg"] = value
            elif name == "scrollregion":
                self.options[name] = value
                self._session.send(("region", *flatten(value)))
            elif name in ("width", "height"):
                self.options[name] = value

    config = configure

    def cget(self, option: str) -> Any:
        return self.options.get("bg" if option == "background" else option, "")

    def canvasx(self, x: float, gridspacing: Any = None) -> float:
        return float(x)

    def canvasy(self, y: float, gridspacing: Any = None) -> float:
        return float(y)

    def xview(self, *args: Any) -> None:
        pass  # the window scrolls and zooms on its own

    yview = xview_moveto = yview_moveto = xview

    # ---- bindings and events ----------------------------------------------------
    def bind(self, sequence: str, function: Callable | None = None, add: Any = None) -> None:
        _bind(self._bindings, canonical(sequence), function, add)

    def unbind(self, sequence: str, funcid: Any = None) -> None:
        self._bindings.pop(canonical(sequence), None)

    def tag_bind(self, item: Any, sequence: str, function: Callable | None = None, add: Any = None) -> None:
        if isinstance(item, int):
            _bind(self._item_bindings, (item, canonical(sequence)), function, add)

    def tag_unbind(self, item: Any, sequence: str, funcid: Any = None) -> None:
        self._item_bindings.pop((item, canonical(sequence)), None)

    def dispatch(self, event: tuple) -> None:
        """One event from the window: ``("key", "press"|"release", keysym, char)`` or
        ``("button", "press"|"release"|"motion", number, x, y)``."""
        if event[0] == "key":
            _, action, keysym, char = event
            kind = "KeyPress" if action == "press" else "KeyRelease"
            handlers = self._bindings.get(f"{kind}-{keysym}") or self._bindings.get(kind, [])
            _call(handlers, Event(keysym=keysym, char=char, widget=self, type=kind))
        elif event[0] == "button":
            _, action, number, x, y = event
            kind = {"press": "ButtonPress", "release": "ButtonRelease", "motion": "Motion"}[action]
            if action == "press":
                self._pressed_item = self._topmost_at(x, y)
            target = self._pressed_item
            sequence = f"{kind}-{number}"
            details = Event(x=x, y=y, num=number, widget=self, type=kind)
            if target is not None:
                _call(self._item_bindings.get((target, sequence), []), details)
            _call(self._bindings.get(sequence, []), details)
            if action == "release":
                self._pressed_item = None

    def _topmost_at(self, x: float, y: float) -> int | None:
        for item_id in reversed(self._order):
            if _hit(self._items[item_id], x, y):
                return item_id
        return None


def _bind(table: dict, key: Any, function: Callable | None, add: Any) -> None:
    if function is None:
        return
    if add and str(add).startswith("+"):
        table.setdefault(key, []).append(function)
    else:
        table[key] = [function]


def _call(handlers: list[Callable], event: Event) -> None:
    for handler in list(handlers):
        handler(event)


def _hit(item: Item, x: float, y: float) -> bool:
    coords, options = item.coords, item.options
    points = list(zip(coords[0::2], coords[1::2], strict=False))
    if not points:
        return False
    if item.kind == "polygon":
        if options.get("fill") and _inside(points, x, y):
            return True
        return bool(options.get("outline")) and _near_path(points + points[:1], x, y, options)
    if item.kind == "line":
        return bool(options.get("fill")) and _near_path(points, x, y, options)
    if item.kind == "image":
        width, height = _image_size(options.get("image"))
        return abs(x - points[0][0]) <= width / 2 and abs(y - points[0][1]) <= height / 2
    left, top, right, bottom = _text_box(item)
    return left <= x <= right and top <= y <= bottom


def _inside(points: list[tuple[float, float]], x: float, y: float) -> bool:
    inside = False
    for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def _near_path(points: list[tuple[float, float]], x: float, y: float, options: dict) -> bool:
    reach = float(options.get("width", 1) or 1) / 2 + 1
    if len(points) == 1:
        return math.dist(points[0], (x, y)) <= reach
    for (x1, y1), (x2, y2) in zip(points, points[1:], strict=False):
        length = (x2 - x1) ** 2 + (y2 - y1) ** 2
        t = 0.0 if length == 0 else max(0.0, min(1.0, ((x - x1) * (x2 - x1) + (y - y1) * (y2 - y1)) / length))
        if math.dist((x1 + t * (x2 - x1), y1 + t * (y2 - y1)), (x, y)) <= reach:
            return True
    return False


def _text_box(item: Item) -> tuple[float, float, float, float]:
    """Tk measures text with the real font; this estimate is close for sans-serif."""
    font = item.options.get("font") or ("Arial", 8, "normal")
    size = abs(float(font[1])) if isinstance(font, (tuple, list)) and len(font) > 1 else 10.0
    lines = str(item.options.get("text", "")).split("\n")
    width = max(len(line) for line in lines) * size * TEXT_WIDTH_PER_POINT * PIXELS_PER_POINT
    height = len(lines) * size * 1.25 * PIXELS_PER_POINT
    x, y = (item.coords + [0.0, 0.0])[:2]
    anchor = str(item.options.get("anchor", "center"))
    left = x - width / 2 if anchor in ("center", "n", "s") else x - width if "e" in anchor else x
    top = y - height / 2 if anchor in ("center", "e", "w") else y - height if "s" in anchor else y
    return left, top, left + width, top + height


def _image_size(image: Any) -> tuple[float, float]:
    if image is None or not hasattr(image, "width"):
        return 0.0, 0.0
    return float(image.width()), float(image.height())
