"""The packages learners add themselves: look one up on the package index, install,
upgrade and remove it in Sprout's packages folder (``vm.process.package_folders``).

pip does the installing, in a separate process (``python -m pip install --target``), so
the window stays alive and Cancel ends it; nothing goes into the environment Sprout
itself runs from. Removing reads the package's own file list (its ``RECORD``), as pip
does, limited to the packages folder.
"""
from __future__ import annotations

import importlib.metadata
import json
import re
import shutil
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, QTimer, Signal

from .i18n import tr

PYPI_JSON = "https://pypi.org/pypi"
LOOKUP_TIMEOUT = 15.0
CANCEL_GRACE_MS = 2000
# Sprout's own dependencies: a copy in the packages folder would not be the one the IDE
# has loaded, and learners' programs would see two different versions.
PROTECTED = {"pyside6": "PySide6", "pyside6-essentials": "PySide6", "pyside6-addons": "PySide6",
             "shiboken6": "PySide6", "pygments": "pygments", "regex": "regex"}


def normalize(name: str) -> str:
    """A project name as the package index compares them (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_name(line: str) -> str:
    """The project a requirement line names (``numpy>=1.26 ; python_version > "3"`` → numpy)."""
    match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", line)
    return match.group(1) if match else ""


def refusal(name: str) -> str | None:
    """Why ``name`` cannot be installed here, or None."""
    owner = PROTECTED.get(normalize(name))
    if owner is None:
        return None
    return tr("{name} is part of Sprout itself ({owner}): a second copy would not be the one Sprout uses, "
              "so it cannot be installed from here.").format(name=name, owner=owner)


@dataclass(frozen=True)
class InstalledPackage:
    name: str
    version: str
    summary: str


@dataclass(frozen=True)
class IndexEntry:
    """What the package index says about a project."""
    name: str
    version: str
    summary: str


def _field(dist: importlib.metadata.Distribution, name: str) -> str:
    """One metadata field, "" when missing (``get_all``: ``get`` is typed only from 3.12)."""
    values = dist.metadata.get_all(name) or []
    return str(values[0]) if values else ""


def installed_packages(folder: Path) -> list[InstalledPackage]:
    found = {}
    for dist in importlib.metadata.distributions(path=[str(folder)]):
        name = _field(dist, "Name")
        if name:
            found[normalize(name)] = InstalledPackage(name, dist.version, _field(dist, "Summary"))
    return sorted(found.values(), key=lambda package: package.name.lower())


def uninstall(folder: Path, name: str) -> list[Path]:
    """Remove an installed project's files from ``folder``; returns what was removed."""
    wanted = normalize(name)
    root = folder.resolve()
    removed: list[Path] = []
    for dist in importlib.metadata.distributions(path=[str(folder)]):
        if normalize(_field(dist, "Name")) != wanted:
            continue
        for file in dist.files or []:
            path = Path(str(dist.locate_file(file))).resolve()
            if path.is_relative_to(root) and path.is_file():
                path.unlink()
                removed.append(path)
        info = getattr(dist, "_path", None)
        if isinstance(info, Path) and info.resolve().is_relative_to(root) and info.exists():
            shutil.rmtree(info)
    for directory in sorted({path.parent for path in removed}, key=lambda p: len(p.parts), reverse=True):
        while directory != root and directory.is_relative_to(root) and directory.is_dir():
            leftovers = [entry for entry in directory.iterdir() if entry.name != "__pycache__"]
            if leftovers:
                break
            shutil.rmtree(directory)
            directory = directory.parent
    return removed


def look_up(name: str, index: str = PYPI_JSON) -> IndexEntry:
    """The newest release of ``name`` on the index; raises ``LookupError`` with words for
    the learner (no such project, no connection)."""
    url = f"{index.rstrip('/')}/{urllib.parse.quote(name)}/json"
    try:
        with urllib.request.urlopen(url, timeout=LOOKUP_TIMEOUT) as response:  # noqa: S310 - https or a test's local server
            info = json.load(response)["info"]
    except urllib.error.HTTPError as error:
        if error.code == 404:
            raise LookupError(tr("There is no package called {name} on PyPI.").format(name=name)) from None
        raise LookupError(tr("PyPI answered with an error ({code}). Try again later.").format(code=error.code)) from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise LookupError(tr("Cannot reach PyPI ({reason}). Is this computer online? A school network may "
                             "need a proxy.").format(reason=reason)) from None
    except (ValueError, KeyError):
        raise LookupError(tr("PyPI's answer could not be read. Try again later.")) from None
    return IndexEntry(str(info.get("name") or name), str(info.get("version") or ""), str(info.get("summary") or ""))


class PackageJobs(QObject):
    """One pip process at a time for the packages folder, reported with signals."""

    output = Signal(str)
    finished = Signal(bool, str)    # succeeded, a sentence for the learner
    looked_up = Signal(object)      # IndexEntry, or a LookupError

    def __init__(self, folder: Path, parent: QObject | None = None, index: str = PYPI_JSON) -> None:
        super().__init__(parent)
        self.folder = folder
        self.index = index
        self._process: QProcess | None = None
        self._cancelled = False
        self._describe: Callable[[bool], str] = lambda ok: ""

    @property
    def busy(self) -> bool:
        return self._process is not None

    def look_up(self, name: str) -> None:
        """Ask the index off the UI thread; ``looked_up`` brings the answer."""
        def ask() -> None:
            try:
                self.looked_up.emit(look_up(name, self.index))
            except LookupError as problem:
                self.looked_up.emit(problem)
        threading.Thread(target=ask, name="sprout-package-lookup", daemon=True).start()

    def install(self, names: list[str]) -> None:
        shown = ", ".join(names)
        self._start(["--upgrade", *names], lambda ok: (
            tr("Installed {names}.") if ok else tr("Installing {names} did not work: see the messages above.")
        ).format(names=shown))

    def install_requirements(self, requirements: Path) -> None:
        self._start(["--upgrade", "-r", str(requirements)], lambda ok: (
            tr("Installed what {file} lists.") if ok else
            tr("Installing what {file} lists did not work: see the messages above.")).format(file=requirements.name))

    def _start(self, arguments: list[str], describe: Callable[[bool], str]) -> None:
        if self._process is not None:
            return
        if getattr(sys, "frozen", False):  # a standalone Sprout (tools/bundle.py) carries no pip
            self.finished.emit(False, tr("This standalone Sprout cannot install packages (it has no pip). An "
                                         "administrator can preinstall them for every user: see Sprout's "
                                         "deployment guide."))
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        process = QProcess(self)
        environment = QProcessEnvironment.systemEnvironment()
        environment.insert("PYTHONIOENCODING", "utf-8")
        environment.insert("PIP_DISABLE_PIP_VERSION_CHECK", "1")
        environment.insert("PIP_ROOT_USER_ACTION", "ignore")  # a lab machine's root account: no advice for admins
        process.setProcessEnvironment(environment)
        process.setProcessChannelMode(QProcess.ProcessChannelMode.MergedChannels)
        process.readyReadStandardOutput.connect(self._read)
        process.finished.connect(self._done)
        process.errorOccurred.connect(self._failed_to_start)
        self._process, self._cancelled, self._describe = process, False, describe
        command = ["-m", "pip", "install", "--no-input", "--progress-bar", "off", "--target", str(self.folder),
                   *arguments]
        self.output.emit("$ pip install " + " ".join(arguments) + "\n")
        process.start(sys.executable, command)

    def cancel(self) -> None:
        """Ask pip to stop; end it if it has not within two seconds."""
        process = self._process
        if process is None:
            return
        self._cancelled = True
        process.terminate()
        # Timed on the process itself: the timer goes with it once pip has ended and it is deleted.
        QTimer.singleShot(CANCEL_GRACE_MS, process, process.kill)

    def _read(self) -> None:
        if self._process is not None:
            self.output.emit(bytes(self._process.readAllStandardOutput().data()).decode("utf-8", "replace"))

    def _failed_to_start(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart and self._process is not None:
            self._process = None
            self.finished.emit(False, tr("pip could not be started: {reason}").format(reason=error.name))

    def _done(self, code: int, status: QProcess.ExitStatus) -> None:
        self._read()
        process, self._process = self._process, None
        if process is not None:
            process.deleteLater()
        ok = code == 0 and status == QProcess.ExitStatus.NormalExit and not self._cancelled
        self.finished.emit(ok, tr("Cancelled.") if self._cancelled else self._describe(ok))
