"""A real Sprout window per test, with settings and recovery kept in a temporary folder."""
from __future__ import annotations

import contextlib
import os

import pytest
from PySide6.QtCore import QSettings, QStandardPaths, QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ide import dialogs as ide_dialogs
from ide.files import RecoveryStore
from ide.main_window import MainWindow
from ide.runner import configure_process
from ide.settings import Settings

RUN_TIMEOUT_MS = 15_000
REAL_ASK = ide_dialogs.ask  # tests of the dialog itself use it; the rest get scripted answers


@pytest.fixture(autouse=True)
def _test_mode():
    QStandardPaths.setTestModeEnabled(True)
    configure_process()  # what the application does once at start


class Dialogs:
    """Stands in for modal message boxes: records each one and gives a scripted answer."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str, str]] = []
        self.answers: list[QMessageBox.StandardButton] = []

    def _record(self, kind: str):
        def show(parent, title, text, *args, **kwargs):
            self.shown.append((kind, title, text))
            if kind == "question":
                return self.answers.pop(0) if self.answers else QMessageBox.StandardButton.Discard
            return QMessageBox.StandardButton.Ok
        return show


@pytest.fixture(autouse=True)
def dialogs(monkeypatch) -> Dialogs:
    recorder = Dialogs()
    for kind in ("question", "warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, recorder._record(kind))
    monkeypatch.setattr(ide_dialogs, "ask", recorder._record("question"))
    # A file dialog would wait for a person forever: tests answer "cancelled".
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: ("", ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: ("", ""))
    return recorder


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def recovery(tmp_path) -> RecoveryStore:
    return RecoveryStore(tmp_path / "recovery")


@pytest.fixture
def window(qtbot, settings, recovery, monkeypatch) -> MainWindow:
    main_window = MainWindow(settings, recovery)
    qtbot.addWidget(main_window)
    main_window.resize(900, 650)
    main_window.show()
    yield main_window
    main_window.document.editor.document().setModified(False)
    main_window.runner.shutdown()


def set_code(window: MainWindow, code: str) -> None:
    window.editor.setPlainText(code)


def run_to_end(qtbot, window: MainWindow, timeout: int = RUN_TIMEOUT_MS):
    """Press Run and wait for the finished signal; returns the RunResult."""
    with qtbot.waitSignal(window.runner.finished, timeout=timeout) as blocker:
        window.commands["run"].trigger()
    return blocker.args[0]


def start_run(qtbot, window: MainWindow, wait_for_output: str | None = None) -> None:
    window.commands["run"].trigger()
    if wait_for_output is not None:
        qtbot.waitUntil(lambda: wait_for_output in window.console.plain_text(), timeout=RUN_TIMEOUT_MS)


def stop_run(qtbot, window: MainWindow):
    with qtbot.waitSignal(window.runner.finished, timeout=RUN_TIMEOUT_MS) as blocker:
        window.commands["stop"].trigger()
    return blocker.args[0]


class Heartbeat:
    """A UI-thread timer: if its ticks keep coming, the window is answering."""

    def __init__(self, interval_ms: int) -> None:
        self.ticks = 0
        self.timer = QTimer()
        self.timer.timeout.connect(self._tick)
        self.timer.start(interval_ms)

    def _tick(self) -> None:
        self.ticks += 1


@pytest.fixture
def heartbeat():
    beat = Heartbeat(20)
    yield beat
    beat.timer.stop()


class Gate:
    """A wait in one C call that no stop reaches (``os.read`` of a pipe the test made),
    which the test ends when it chooses: a run stuck there stalls its stop for as long as
    the test needs."""

    def __init__(self) -> None:
        self._read, self._write = os.pipe()
        self.script = f"import os\nprint('ready')\nos.read({self._read}, 1)\n"

    def open(self) -> None:
        """The script's ``read`` returns (the stop it carries then takes effect)."""
        if self._write >= 0:
            os.write(self._write, b"x")

    def close(self) -> None:
        self.open()
        for fd in (self._write, self._read):
            with contextlib.suppress(OSError):
                os.close(fd)
        self._write = self._read = -1


@pytest.fixture
def gate():
    opened = Gate()
    yield opened
    opened.close()
