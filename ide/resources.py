"""Where Sprout's icons, example scripts and catalogues live, and how to load them.

In a checkout they are the top-level ``resources/`` folder; an installed Sprout carries
the same files inside its package (``ide/assets``, mapped from ``resources/`` when the
wheel is built), found with ``importlib.resources`` so they travel wherever ``ide`` goes.
"""
from __future__ import annotations

import importlib.resources
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap


def _resources_folder() -> Path:
    """The installed copy inside the package, else the checkout's ``resources/``."""
    installed = Path(str(importlib.resources.files("ide") / "assets"))
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parent.parent / "resources"


RESOURCES = _resources_folder()
EXAMPLES = RESOURCES / "examples"
ICONS = RESOURCES / "icons"
TRANSLATIONS = RESOURCES / "translations"
WELCOME_EXAMPLE = EXAMPLES / "00_welcome.py"


@dataclass(frozen=True)
class Example:
    title: str
    path: Path


# Commands are drawn at menu (16) and toolbar (24) size, each at the screen's pixel ratio;
# drawing only those keeps the window's ~15 icons from costing 10 ms at start. The
# window's own icon goes to the desktop, which may want any size.
COMMAND_ICON_SIZES = (16, 24)
WINDOW_ICON_SIZES = (16, 20, 24, 32, 48)
DISABLED_OPACITY = 0.3


@cache
def icon(name: str) -> QIcon:
    """The icon, with a faded disabled state of our own.

    Qt's generated disabled state lightens the pixels, which turns icons bright white
    on the dark theme; a faded copy reads as "not now" on every background.
    """
    source = QIcon(str(ICONS / f"{name}.svg"))
    result = QIcon()
    for size in WINDOW_ICON_SIZES if name == "sprout" else COMMAND_ICON_SIZES:
        normal = source.pixmap(size, size)
        result.addPixmap(normal, QIcon.Mode.Normal)
        faded = QPixmap(normal.size())
        faded.setDevicePixelRatio(normal.devicePixelRatio())
        faded.fill(Qt.GlobalColor.transparent)
        painter = QPainter(faded)
        painter.setOpacity(DISABLED_OPACITY)
        painter.drawPixmap(0, 0, normal)
        painter.end()
        result.addPixmap(faded, QIcon.Mode.Disabled)
    return result


def localized(path: Path) -> Path:
    """The example in the learner's language when there is one (``examples/zh_CN/``)."""
    from vm.core.i18n import current_language
    translated = path.parent / current_language() / path.name
    return translated if translated.is_file() else path


def welcome_example() -> Path:
    return localized(WELCOME_EXAMPLE)


def examples() -> list[Example]:
    """Every example script (in the learner's language where written), titled by its
    first comment line."""
    found = []
    for english in sorted(EXAMPLES.glob("*.py")):
        path = localized(english)
        first = path.read_text(encoding="utf-8").splitlines()[:1]
        title = first[0].lstrip("# ").split(":")[0] if first and first[0].startswith("#") else path.stem
        title = title.split("：")[0].rstrip("!.！。")  # a Chinese title ends at its full-width colon
        found.append(Example(title=title[:1].upper() + title[1:], path=path))
    return found
