"""Tools > Manage Packages: a package a learner installs lands in Sprout's packages
folder (never Sprout's own environment), every run imports it, and Remove takes it out;
Sprout's own dependencies are refused; an unreachable index gets a clear message."""
from __future__ import annotations

import base64
import hashlib
import http.server
import json
import socket
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from ide.packages_dialog import PackagesDialog
from tests.vm.harness import Harness
from vm.process.package_folders import user_packages_folder

JOB_TIMEOUT_MS = 120_000  # pip starts a Python of its own; this proves "it ends"


def _wheel(folder: Path, name: str = "sprout_probe", version: str = "1.0") -> Path:
    """A minimal pure-Python wheel, written by hand (no build backend, no network)."""
    info = f"{name}-{version}.dist-info"
    files = {f"{name}.py": f"GREETING = 'hello from {name} {version}'\n",
             f"{info}/METADATA": f"Metadata-Version: 2.1\nName: {name.replace('_', '-')}\nVersion: {version}\n"
                                 "Summary: A package made by Sprout's tests\n",
             f"{info}/WHEEL": "Wheel-Version: 1.0\nGenerator: sprout-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n"}
    record = []
    for path, text in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(text.encode()).digest()).rstrip(b"=").decode()
        record.append(f"{path},sha256={digest},{len(text.encode())}")
    record.append(f"{info}/RECORD,,")
    target = folder / f"{name}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(target, "w") as archive:
        for path, text in files.items():
            archive.writestr(path, text)
        archive.writestr(f"{info}/RECORD", "\n".join(record) + "\n")
    return target


class _Index(http.server.BaseHTTPRequestHandler):
    """PyPI's JSON answers for the one project the tests publish."""

    def do_GET(self) -> None:  # noqa: N802
        if self.path.rstrip("/") == "/pypi/sprout-probe/json":
            body = json.dumps({"info": {"name": "sprout-probe", "version": "1.0",
                                        "summary": "A package made by Sprout's tests"}}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            self.send_error(404)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def index() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Index)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/pypi"
    server.shutdown()
    server.server_close()


@pytest.fixture
def packages_home(tmp_path, monkeypatch) -> Path:
    """Sprout's packages folder under a temporary XDG_DATA_HOME; pip finds only our wheel."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_DATA_DIRS", str(tmp_path / "system"))
    wheels = tmp_path / "wheels"
    wheels.mkdir()
    _wheel(wheels)
    monkeypatch.setenv("PIP_NO_INDEX", "1")
    monkeypatch.setenv("PIP_FIND_LINKS", str(wheels))
    return user_packages_folder()


def _dialog(qtbot, folder: Path, index: str) -> PackagesDialog:
    dialog = PackagesDialog(folder, index=index)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_package_found_and_installed_is_imported_by_every_run_and_removed_again(qtbot, packages_home, index):
    dialog = _dialog(qtbot, packages_home, index)
    with qtbot.waitSignal(dialog.jobs.looked_up, timeout=JOB_TIMEOUT_MS):
        dialog.open_with("sprout-probe")
    assert "A package made by Sprout's tests" in dialog.details.text()
    assert dialog.install_button.isEnabled()
    with qtbot.waitSignal(dialog.jobs.finished, timeout=JOB_TIMEOUT_MS) as done:
        dialog.install_button.click()
    assert done.args[0], dialog.log.toPlainText()
    assert [dialog.installed_list.item(i).text() for i in range(dialog.installed_list.count())] == ["sprout-probe  1.0"]
    assert (packages_home / "sprout_probe.py").is_file()

    harness = Harness()
    result = harness.run("import sprout_probe\nprint(sprout_probe.GREETING)\n")
    assert result.status == "finished" and harness.text() == "hello from sprout_probe 1.0\n"

    dialog.remove()
    assert dialog.installed_list.count() == 0 and not (packages_home / "sprout_probe.py").exists()
    assert "Removed sprout-probe" in dialog.status.text()


def test_sprouts_own_dependencies_are_refused_with_the_reason(qtbot, packages_home, index):
    dialog = _dialog(qtbot, packages_home, index)
    dialog.open_with("PySide6")
    assert "part of Sprout itself" in dialog.details.text()
    assert not dialog.install_button.isEnabled() and not dialog.jobs.busy
    requirements = packages_home.parent / "requirements.txt"
    requirements.parent.mkdir(parents=True, exist_ok=True)
    requirements.write_text("sprout-probe\npygments>=2\n")
    dialog.install_requirements(requirements)
    assert "pygments is part of Sprout itself" in dialog.status.text() and not dialog.jobs.busy


def test_an_unknown_name_and_an_unreachable_index_are_said_plainly(qtbot, packages_home, index):
    dialog = _dialog(qtbot, packages_home, index)
    with qtbot.waitSignal(dialog.jobs.looked_up, timeout=JOB_TIMEOUT_MS):
        dialog.open_with("no-such-thing")
    assert dialog.details.text() == "There is no package called no-such-thing on PyPI."
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{unused.getsockname()[1]}/pypi"
    dialog.jobs.index = closed
    with qtbot.waitSignal(dialog.jobs.looked_up, timeout=JOB_TIMEOUT_MS):
        dialog.open_with("sprout-probe")
    assert dialog.details.text().startswith("Cannot reach PyPI")


def test_cancel_ends_an_install_that_waits_on_the_network(qtbot, packages_home, index, monkeypatch):
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(5)  # accepts connections and never answers
    try:
        monkeypatch.setenv("PIP_FIND_LINKS", f"http://127.0.0.1:{silent.getsockname()[1]}/")
        dialog = _dialog(qtbot, packages_home, index)
        dialog._shown_name = "sprout-probe"
        dialog.install_button.setEnabled(True)
        dialog.install_button.click()
        assert dialog.jobs.busy and dialog.cancel_button.isEnabled()
        qtbot.waitUntil(lambda: "pip install" in dialog.log.toPlainText(), timeout=JOB_TIMEOUT_MS)
        with qtbot.waitSignal(dialog.jobs.finished, timeout=JOB_TIMEOUT_MS) as done:
            dialog.cancel_button.click()
        assert done.args == [False, "Cancelled."] and not dialog.jobs.busy
    finally:
        silent.close()


def test_a_program_missing_a_package_is_offered_the_packages_dialog_with_its_name(qtbot, window, packages_home):
    from tests.ide.conftest import run_to_end, set_code
    set_code(window, "import sprout_absent.tools\n")
    result = run_to_end(qtbot, window)
    assert result.error_type == "ModuleNotFoundError"
    assert "Tools > Manage Packages installs it (its name there: sprout_absent)" in window.console.plain_text()
    button = window.packages.install_button
    assert button.isVisible() and button.text() == "Install sprout_absent…"
    window.packages.dialog = PackagesDialog(packages_home, window, index="http://127.0.0.1:9/pypi")
    qtbot.addWidget(window.packages.dialog)
    with qtbot.waitSignal(window.packages.dialog.jobs.looked_up, timeout=JOB_TIMEOUT_MS):
        button.click()
    assert window.packages.dialog.isVisible() and window.packages.dialog.name_field.text() == "sprout_absent"
    assert not button.isVisible()
    window.packages.dialog.close()
    set_code(window, "import math\n")
    run_to_end(qtbot, window)
    assert not button.isVisible()


def test_a_standalone_sprout_says_it_cannot_install_instead_of_starting_itself(qtbot, packages_home, index,
                                                                             monkeypatch):
    monkeypatch.setattr("sys.frozen", True, raising=False)  # what a PyInstaller bundle sets
    dialog = _dialog(qtbot, packages_home, index)
    with qtbot.waitSignal(dialog.jobs.finished, timeout=JOB_TIMEOUT_MS) as done:
        dialog.jobs.install(["sprout-probe"])
    assert done.args[0] is False and "has no pip" in done.args[1] and not dialog.jobs.busy
