"""An installed Sprout is the checkout: the wheel carries every resource the IDE loads,
installs no top-level ``main`` module, and its command speaks of ``sprout``."""
from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILD_TIMEOUT = 600  # proves "it ends": building fetches setuptools from the package index

# Run inside the fresh environment, from a folder that is not the checkout.
CHECK = r"""
import json, sys
from pathlib import Path
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtCore import QTranslator
app = QGuiApplication([])
from ide import resources
report = {
    "ide": str(Path(resources.__file__).resolve()),
    "resources": str(resources.RESOURCES),
    "files": sorted(str(p.relative_to(resources.RESOURCES)) for p in resources.RESOURCES.rglob("*") if p.is_file()),
    "examples": [example.path.name for example in resources.examples()],
    "welcome": resources.welcome_example().is_file(),
    "icons_load": all(not QIcon(str(p)).isNull() for p in resources.ICONS.glob("*.svg")),
    "qt_catalogue": QTranslator().load("sprout_zh_CN", str(resources.TRANSLATIONS)),
}
import vm.core.i18n
vm.core.i18n.set_language("zh_CN")
report["engine_catalogue"] = vm.core.i18n._("Hint: {sentence}") != "Hint: {sentence}"
print(json.dumps(report))
"""


def _shipped_resources() -> list[str]:
    """What the checkout's IDE loads from ``resources/``: icons, examples, catalogues."""
    folder = ROOT / "resources"
    patterns = ("icons/*.svg", "examples/*.py", "examples/*/*.py", "translations/*.qm", "desktop/*.desktop",
                "desktop/*.xml", "desktop/icons/*/*.png")
    return sorted(str(path.relative_to(folder)) for pattern in patterns for path in folder.glob(pattern))


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh environment with the built wheel installed (not editable). Sprout's own
    dependencies come from the running environment, so nothing else is downloaded."""
    base = tmp_path_factory.mktemp("wheel")
    wheels = base / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(ROOT)],
                   check=True, timeout=BUILD_TIMEOUT, capture_output=True)
    environment = base / "env"
    venv.EnvBuilder(system_site_packages=True, with_pip=False).create(environment)
    python = environment / "bin" / "python"
    wheel = next(wheels.glob("sprout_ide-*.whl"))
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps",
                    "--ignore-installed", str(wheel)] if _pip_has_python_option() else
                   [str(python), "-m", "pip", "install", "-q", "--no-deps", "--ignore-installed", str(wheel)],
                   check=True, timeout=BUILD_TIMEOUT, capture_output=True)
    return environment


def _pip_has_python_option() -> bool:
    """pip 22.3 and later can install into another environment (``--python``)."""
    completed = subprocess.run([sys.executable, "-m", "pip", "install", "--help"], capture_output=True, text=True)
    return "--python" in completed.stdout


def _outside_checkout(environment: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH",)}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["XDG_DATA_HOME"] = str(tmp_path / "home")
    return subprocess.run(args, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)


def test_the_installed_ide_finds_every_resource_the_checkout_has(installed, tmp_path):
    import json
    completed = _outside_checkout(installed, tmp_path, str(installed / "bin" / "python"), "-c", CHECK)
    assert completed.returncode == 0, completed.stderr
    report = json.loads(completed.stdout.splitlines()[-1])
    assert report["ide"].startswith(str(installed)), "the checkout's ide was imported, not the wheel's"
    assert report["resources"].startswith(str(installed))
    missing = sorted(set(_shipped_resources()) - set(report["files"]))
    assert missing == []
    assert "00_welcome.py" in report["examples"] and report["welcome"]
    assert report["icons_load"] and report["qt_catalogue"] and report["engine_catalogue"]


def test_the_wheel_installs_only_sprouts_own_packages(installed):
    record = next((installed / "lib").glob("python3*/site-packages/sprout_ide-*.dist-info/RECORD")).read_text()
    top_level = {line.split(",")[0].split("/")[0] for line in record.splitlines()}  # ../../bin: the command
    assert {name for name in top_level if not name.startswith(("sprout_ide-", ".."))} == {"ide", "vm"}


def test_the_installed_command_names_itself_in_its_help(installed, tmp_path):
    completed = _outside_checkout(installed, tmp_path, str(installed / "bin" / "sprout"), "--help")
    assert completed.returncode == 0, completed.stderr
    assert "sprout run [--time-limit S] FILE" in completed.stdout and "sprout [FILE]" in completed.stdout
    assert "main.py" not in completed.stdout


def test_the_installed_command_puts_itself_in_the_application_menu(installed, tmp_path):
    completed = _outside_checkout(installed, tmp_path, str(installed / "bin" / "sprout"), "--install-desktop")
    assert completed.returncode == 0, completed.stderr
    entry = tmp_path / "home" / "applications" / "io.github.sproutide.Sprout.desktop"
    assert f"Exec={installed / 'bin' / 'sprout'} %f" in entry.read_text(encoding="utf-8")
