"""``sprout --install-desktop``: a valid menu entry, metainfo and icons in the user's XDG
folders, pointing at the command that installed them; ``--uninstall-desktop`` removes them."""
from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ide import desktop_entry

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "resources" / "desktop"


def _validate(tool: str, *args: str) -> subprocess.CompletedProcess:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed (.ci/run installs it)")
    return subprocess.run([tool, *args], capture_output=True, text=True, timeout=60)


def test_the_shipped_desktop_entry_is_valid():
    completed = _validate("desktop-file-validate", str(SHIPPED / f"{desktop_entry.APP_ID}.desktop"))
    assert completed.returncode == 0 and "error" not in completed.stdout, completed.stdout


def test_the_shipped_metainfo_is_valid():
    completed = _validate("appstreamcli", "validate", "--no-net",
                          str(SHIPPED / f"{desktop_entry.APP_ID}.metainfo.xml"))
    assert completed.returncode == 0, completed.stdout + completed.stderr


def _run_launcher(flag: str, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "XDG_DATA_HOME": str(home)}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), flag], env=env, capture_output=True,
                          text=True, timeout=120)


def test_install_puts_an_entry_that_starts_this_sprout_and_uninstall_takes_it_out(tmp_path):
    installed = _run_launcher("--install-desktop", tmp_path)
    assert installed.returncode == 0, installed.stderr
    entry = tmp_path / "applications" / f"{desktop_entry.APP_ID}.desktop"
    text = entry.read_text(encoding="utf-8")
    exec_line = next(line for line in text.splitlines() if line.startswith("Exec="))
    assert shlex.split(exec_line.removeprefix("Exec=")) == [sys.executable, str(ROOT / "main.py"), "%f"]
    assert "MimeType=text/x-python;" in text and f"Icon={desktop_entry.APP_ID}" in text
    for path in desktop_entry.installed_files(tmp_path):
        assert path.is_file() and path.stat().st_size > 0, path
    if shutil.which("desktop-file-validate"):
        assert subprocess.run(["desktop-file-validate", str(entry)], capture_output=True).returncode == 0

    removed = _run_launcher("--uninstall-desktop", tmp_path)
    assert removed.returncode == 0 and str(entry) in removed.stdout
    assert not any(path.exists() for path in desktop_entry.installed_files(tmp_path))
    again = _run_launcher("--uninstall-desktop", tmp_path)
    assert again.returncode == 0 and "not in this user's application menu" in again.stdout


def test_a_command_path_with_spaces_is_quoted_as_the_desktop_specification_says(tmp_path):
    desktop_entry.install(["/opt/my tools/sprout"], home=tmp_path)
    text = (tmp_path / "applications" / f"{desktop_entry.APP_ID}.desktop").read_text(encoding="utf-8")
    assert 'Exec="/opt/my tools/sprout" %f' in text
