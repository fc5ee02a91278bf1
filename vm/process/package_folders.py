"""Where the packages learners add themselves live, so every run can import them.

Learners install packages from Tools > Manage Packages (the IDE) into a folder of
Sprout's own, never into the environment Sprout runs from: a package cannot break the
IDE, and removing Sprout's environment leaves the learner's packages alone. An
administrator may preinstall packages for every user in a system-wide folder. Both are
per Python version (compiled packages are built for one). Each run puts the existing
ones on ``sys.path`` where plain Python puts the user's site-packages: after the
standard library, before the environment's own packages.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

VERSION_FOLDER = f"python{sys.version_info.major}.{sys.version_info.minor}"


def user_packages_folder() -> Path:
    """``$XDG_DATA_HOME/Sprout/packages/pythonX.Y`` (else under ``~/.local/share``)."""
    data = os.environ.get("XDG_DATA_HOME", "")
    base = Path(data) if os.path.isabs(data) else Path.home() / ".local" / "share"
    return base / "Sprout" / "packages" / VERSION_FOLDER


def system_packages_folders() -> list[Path]:
    """``<dir>/sprout/packages/pythonX.Y`` for each of ``$XDG_DATA_DIRS`` (an administrator's)."""
    dirs = os.environ.get("XDG_DATA_DIRS") or "/usr/local/share:/usr/share"
    return [Path(entry) / "sprout" / "packages" / VERSION_FOLDER for entry in dirs.split(":") if os.path.isabs(entry)]


def package_folders() -> list[str]:
    """The folders a run adds to ``sys.path``: the learner's first, then the system's."""
    return [str(folder) for folder in (user_packages_folder(), *system_packages_folders()) if folder.is_dir()]


def with_package_folders(path: list[str]) -> list[str]:
    """``path`` with the package folders placed where the user's site-packages would go."""
    extra = [folder for folder in package_folders() if folder not in path]
    if not extra:
        return path
    position = next((index for index, entry in enumerate(path)
                     if isinstance(entry, str) and os.path.basename(entry) in ("site-packages", "dist-packages")),
                    len(path))
    return path[:position] + extra + path[position:]
