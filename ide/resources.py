"""Where Sprout's icons and example scripts live, and how to load them."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
EXAMPLES = RESOURCES / "examples"
ICONS = RESOURCES / "icons"
WELCOME_EXAMPLE = EXAMPLES / "00_welcome.py"


@dataclass(frozen=True)
class Example:
    title: str
    path: Path


@cache
def icon(name: str) -> QIcon:
    return QIcon(str(ICONS / f"{name}.svg"))


def examples() -> list[Example]:
    """Every example script, titled by its first comment line."""
    found = []
    for path in sorted(EXAMPLES.glob("*.py")):
        first = path.read_text(encoding="utf-8").splitlines()[:1]
        title = first[0].lstrip("# ").split(":")[0] if first and first[0].startswith("#") else path.stem
        title = title.rstrip("!.")
        found.append(Example(title=title[:1].upper() + title[1:], path=path))
    return found
