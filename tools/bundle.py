"""Build a standalone Sprout: one folder with its own Python, for machines without one.

    python tools/bundle.py [--out DIR]     # needs: pip install pyinstaller

PyInstaller freezes ``main.py`` with the IDE, the engine and their resources, plus the
whole standard library (learners' programs import any of it, and ``import turtle`` runs
Python's own ``turtle.py`` source, so that ships as a file). The result is
``DIR/sprout/`` (the ``sprout`` program inside: ``sprout``, ``sprout FILE``, ``sprout run
FILE``) and ``DIR/sprout-<version>-<platform>.tar.gz``. The same spec serves Windows and
macOS (see docs/DEPLOYMENT.md); this script is run and tested on Linux only.
"""
from __future__ import annotations

import argparse
import importlib.util
import platform
import sys
import sysconfig
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Standard-library modules a learner's program cannot use inside Sprout, or that only
# serve Python's own development: leaving them out keeps the bundle smaller.
LEFT_OUT = {"tkinter", "turtledemo", "idlelib", "test", "ensurepip", "lib2to3", "pydoc_data", "venv",
            "distutils", "msilib", "_tkinter", "antigravity", "this", "turtle"}  # turtle: a file, below


def stdlib_modules() -> list[str]:
    """Every standard-library module this Python can import, for PyInstaller to collect."""
    return sorted(name for name in sys.stdlib_module_names
                  if name not in LEFT_OUT and not name.startswith("_") and importlib.util.find_spec(name) is not None)


def build(out: Path) -> Path:
    import PyInstaller.__main__  # noqa: PLC0415 - only the bundle needs it
    separator = ";" if sys.platform == "win32" else ":"
    data = [(ROOT / "resources", "ide/assets"), (ROOT / "vm" / "locale", "vm/locale"),
            (ROOT / "vm" / "drawing" / "x11_colours.txt", "vm/drawing"),
            (Path(sysconfig.get_paths()["stdlib"]) / "turtle.py", "stdlib")]
    arguments = ["--noconfirm", "--clean", "--name", "sprout", "--windowed" if sys.platform != "linux" else "--console",
                 "--distpath", str(out), "--workpath", str(out / "build"), "--specpath", str(out / "build"),
                 "--icon", str(ROOT / "resources" / "desktop" / "icons" / "256x256" / "io.github.sproutide.Sprout.png"),
                 "--collect-submodules", "vm", "--collect-submodules", "ide",
                 # matplotlib's backend for the Plots pane: loaded by a learner's own matplotlib
                 # (from their package folder), which the bundle does not carry.
                 "--hidden-import", "vm.plots.backend"]
    if sys.platform == "darwin":
        arguments += ["--osx-bundle-identifier", "io.github.sproutide.Sprout"]
    for source, target in data:
        arguments += ["--add-data", f"{source}{separator}{target}"]
    for name in stdlib_modules():
        arguments += ["--hidden-import", name, "--collect-submodules", name]
    for name in ("jedi", "parso"):  # imported only when completion is first asked for; their stubs and grammars are data
        arguments += ["--collect-all", name]
    for name in ("tkinter", "_tkinter", "PySide6.QtNetwork", "PySide6.QtQml", "PySide6.QtQuick", "matplotlib"):
        arguments += ["--exclude-module", name]
    PyInstaller.__main__.run([*arguments, str(ROOT / "main.py")])
    folder = out / "sprout"
    version = _version()
    archive = out / f"sprout-{version}-{sys.platform}-{platform.machine()}.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(folder, arcname="sprout")
    return archive


def _version() -> str:
    import tomllib
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description="Build a standalone Sprout folder and tarball.")
    parser.add_argument("--out", type=Path, default=ROOT / "dist" / "bundle")
    args = parser.parse_args()
    started = time.monotonic()
    archive = build(args.out.resolve())
    print(f"built {args.out / 'sprout'} ({folder_size(args.out / 'sprout') / 1e6:.0f} MB) and {archive.name} "
          f"({archive.stat().st_size / 1e6:.0f} MB) in {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
