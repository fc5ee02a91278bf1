"""Colour strings as Tk reads them, so turtle accepts and refuses the same ones.

turtle asks the canvas whether a string is a colour (``winfo_rgb``) before using it:
the X11 names Tk knows (``"light sea green"``, ``"DarkOrange3"``, ``"gray42"``, any
case) and ``#rgb`` forms with 4, 8, 12 or 16 bits per channel. The drawing commands
carry them as ``#rrggbb`` so the IDE needs no colour table of its own.
"""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path

_HEX = re.compile(r"#(?:[0-9a-fA-F]{3}){1,4}")


@cache
def _names() -> dict[str, str]:
    table: dict[str, str] = {}
    text = (Path(__file__).parent / "x11_colours.txt").read_text(encoding="ascii")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            value, name = line.split(" ", 1)
            table[name] = value
    return table


def rgb16(colour: str) -> tuple[int, int, int]:
    """Red, green, blue in 0..65535 as ``winfo_rgb`` gives them; ``ValueError`` if
    Tk would not know the colour."""
    if not isinstance(colour, str):
        raise ValueError(f'unknown color name "{colour}"')
    if _HEX.fullmatch(colour):
        digits = colour[1:]
        width = len(digits) // 3
        channels = [int(digits[i * width:(i + 1) * width], 16) for i in range(3)]
        bits = 4 * width
        return tuple(value * 65535 // ((1 << bits) - 1) for value in channels)  # type: ignore[return-value]
    value = _names().get(colour.lower())
    if value is None:
        raise ValueError(f'unknown color name "{colour}"')
    red, green, blue = (int(value[i:i + 2], 16) for i in (0, 2, 4))
    return red * 257, green * 257, blue * 257


def to_hex(colour: str) -> str:
    """``#rrggbb`` for a colour Tk knows; ``""`` (no colour: transparent) stays ``""``."""
    if colour == "":
        return ""
    return "#{:02x}{:02x}{:02x}".format(*(channel // 257 for channel in rgb16(colour)))
