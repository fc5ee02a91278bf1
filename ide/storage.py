"""Can Sprout keep what it keeps? Settings, autosaves and its log, on a home folder
that may be read-only (a locked-down lab account) or full.

The IDE works without them, but a learner must hear it once, plainly: otherwise their
settings vanish silently and a crash loses text they believed autosaved.
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings

from .i18n import tr


@dataclass(frozen=True)
class StorageProblem:
    what: str      # in the learner's words: "your settings", "autosaved copies of your work"
    where: Path
    reason: str


def _try_writing(folder: Path) -> str | None:
    """Why a file cannot be written in ``folder`` (created if missing), or None."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".sprout-probe-", delete=True) as probe:
            probe.write(b"x" * 4096)
            probe.flush()
            os.fsync(probe.fileno())
    except OSError as error:
        return error.strerror or str(error)
    return None


def settings_problem(store: QSettings) -> StorageProblem | None:
    store.sync()
    where = Path(store.fileName())
    if store.status() == QSettings.Status.AccessError:
        return StorageProblem(tr("your settings"), where, tr("the file cannot be written"))
    reason = _try_writing(where.parent)
    return StorageProblem(tr("your settings"), where, reason) if reason else None


def folder_problem(what: str, folder: Path) -> StorageProblem | None:
    reason = _try_writing(folder)
    return StorageProblem(what, folder, reason) if reason else None


def describe(problems: list[StorageProblem]) -> str:
    """One message for all of them."""
    lines = [tr("Sprout cannot keep {what} in {where}: {reason}.").format(
        what=problem.what, where=problem.where, reason=problem.reason) for problem in problems]
    return "\n".join(lines) + "\n\n" + tr(
        "Sprout still works, but what it cannot keep is lost when it closes, and unsaved text cannot be "
        "recovered after a crash. Save your programs often, in a folder you can write to.")
