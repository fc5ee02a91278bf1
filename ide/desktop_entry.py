"""Put Sprout in the desktop's application menu, or take it out again.

``sprout --install-desktop`` copies the shipped ``.desktop`` entry, AppStream metainfo and
icons into the user's XDG folders (``$XDG_DATA_HOME``, else ``~/.local/share``), so
Sprout appears in the menu with its icon and opens ``.py`` files. The entry's ``Exec``
names the command that installed it, so a Sprout in a virtual environment starts too.
No Qt here: it runs before (and without) any window.
"""
from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

APP_ID = "io.github.sproutide.Sprout"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256)


def _resources() -> Path:
    """The shipped files, without importing Qt (``ide.resources`` does)."""
    import importlib.resources
    installed = Path(str(importlib.resources.files("ide") / "assets"))
    return installed if installed.is_dir() else Path(__file__).resolve().parent.parent / "resources"


def data_home() -> Path:
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".local" / "share"


def installed_files(home: Path | None = None) -> list[Path]:
    """Every file ``install`` writes, for ``uninstall`` and for the record."""
    home = data_home() if home is None else home
    icons = home / "icons" / "hicolor"
    return [home / "applications" / f"{APP_ID}.desktop",
            home / "metainfo" / f"{APP_ID}.metainfo.xml",
            icons / "scalable" / "apps" / f"{APP_ID}.svg",
            *(icons / f"{size}x{size}" / "apps" / f"{APP_ID}.png" for size in ICON_SIZES)]


def start_command(program: str | None = None) -> list[str]:
    """The command that starts this Sprout: the ``sprout`` script that is running, or the
    checkout's ``main.py`` under this Python."""
    path = Path(sys.argv[0] if program is None else program).resolve()
    if path.name in ("main.py", "__main__.py"):
        return [sys.executable, str(path)]
    return [str(path)]


def _entry_text(command: list[str]) -> str:
    """The shipped entry with ``Exec``/``TryExec`` pointing at ``command``."""
    lines = []
    for line in (_resources() / "desktop" / f"{APP_ID}.desktop").read_text(encoding="utf-8").splitlines():
        if line.startswith("Exec="):
            line = "Exec=" + " ".join(_desktop_quote(part) for part in command) + " %f"
        elif line.startswith("TryExec="):
            line = "TryExec=" + command[0]
        lines.append(line)
    return "\n".join(lines) + "\n"


def _desktop_quote(argument: str) -> str:
    """Quoting as the Desktop Entry specification's ``Exec`` key wants it."""
    if not any(character in argument for character in ' \t\n"\'\\><~|&;$*?#()`'):
        return argument
    escaped = argument.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`").replace("$", "\\$")
    return f'"{escaped}"'


def install(command: list[str] | None = None, home: Path | None = None) -> list[Path]:
    """Write the entry, metainfo and icons; returns what was written."""
    home = data_home() if home is None else home
    command = start_command() if command is None else command
    shipped = _resources()
    entry, metainfo, scalable, *pngs = installed_files(home)
    for target in (entry, metainfo, scalable, *pngs):
        target.parent.mkdir(parents=True, exist_ok=True)
    entry.write_text(_entry_text(command), encoding="utf-8")
    shutil.copyfile(shipped / "desktop" / f"{APP_ID}.metainfo.xml", metainfo)
    shutil.copyfile(shipped / "icons" / "sprout.svg", scalable)
    for size, target in zip(ICON_SIZES, pngs, strict=True):
        shutil.copyfile(shipped / "desktop" / "icons" / f"{size}x{size}" / f"{APP_ID}.png", target)
    _refresh_caches(home)
    return [entry, metainfo, scalable, *pngs]


def uninstall(home: Path | None = None) -> list[Path]:
    """Remove what ``install`` wrote; returns what was there."""
    home = data_home() if home is None else home
    removed = [path for path in installed_files(home) if path.exists()]
    for path in removed:
        path.unlink()
    _refresh_caches(home)
    return removed


def _refresh_caches(home: Path) -> None:
    """Menus and file managers read caches; refresh them where the tools exist."""
    for tool in (["update-desktop-database", "-q", str(home / "applications")],
                 ["gtk-update-icon-cache", "-q", "-t", "-f", str(home / "icons" / "hicolor")]):
        if shutil.which(tool[0]) and Path(tool[-1]).is_dir():
            subprocess.run(tool, capture_output=True, timeout=60, check=False)


def describe(paths: list[Path]) -> str:
    return "\n".join(f"  {shlex.quote(str(path))}" for path in paths)
