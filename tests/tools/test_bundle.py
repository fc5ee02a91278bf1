"""The standalone bundle (``tools/bundle.py``) starts the IDE and runs programs on a
machine with no Python: tested with a scrubbed environment and nothing on ``PATH``.

Building takes minutes, so it runs when asked (``SPROUT_TEST_BUNDLE=1``, as ``.ci/run``
does) and PyInstaller is installed."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILD_TIMEOUT = 1800   # proves "it ends" on a loaded 2-core machine
START_TIMEOUT = 120

pytestmark = pytest.mark.skipif(os.environ.get("SPROUT_TEST_BUNDLE") != "1",
                                reason="building the bundle takes minutes: set SPROUT_TEST_BUNDLE=1")

PROGRAM = """\
import statistics, json, fractions, sys
print("mean", statistics.mean([1, 2, 3, 4]))
print(json.dumps({"third": str(fractions.Fraction(1, 3))}))
count = 0
while count < 3:
    count += 1
print("counted", count)
"""


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    pytest.importorskip("PyInstaller")
    out = tmp_path_factory.mktemp("bundle")
    subprocess.run([sys.executable, str(ROOT / "tools" / "bundle.py"), "--out", str(out)], check=True,
                   timeout=BUILD_TIMEOUT, capture_output=True)
    assert list(out.glob("sprout-*.tar.gz")), "no tarball was written"
    return out / "sprout" / "sprout"


def _scrubbed(home: Path, **extra: str) -> dict[str, str]:
    """No Python anywhere: an empty PATH, no PYTHON* variables, a fresh home."""
    empty = home / "bin"
    empty.mkdir(parents=True, exist_ok=True)
    return {"PATH": str(empty), "HOME": str(home), "LANG": "C.UTF-8", **extra}


def test_the_bundle_runs_a_program_as_plain_python_does(bundle, tmp_path):
    script = tmp_path / "program.py"
    script.write_text(PROGRAM, encoding="utf-8")
    expected = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60).stdout
    completed = subprocess.run([str(bundle), "run", str(script)], env=_scrubbed(tmp_path / "home"),
                               capture_output=True, text=True, timeout=START_TIMEOUT)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout == expected


def test_the_bundle_draws_with_pythons_own_turtle(bundle, tmp_path):
    script = tmp_path / "drawing.py"
    script.write_text("import turtle\npen = turtle.Turtle()\npen.forward(50)\nprint(pen.position())\n")
    completed = subprocess.run([str(bundle), "run", str(script)], env=_scrubbed(tmp_path / "home"),
                               capture_output=True, text=True, timeout=START_TIMEOUT)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout == "(50.00,0.00)\n"


def test_the_bundle_opens_its_window(bundle, tmp_path):
    state = tmp_path / "state"
    process = subprocess.Popen([str(bundle)], env=_scrubbed(tmp_path / "home", QT_QPA_PLATFORM="offscreen",
                                                           XDG_STATE_HOME=str(state)),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    log = state / "Sprout" / "sprout.log"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline and process.poll() is None:
            if log.is_file() and "Sprout started" in log.read_text(encoding="utf-8"):
                break
            time.sleep(0.2)  # polling another process's log: there is no event to wait on
        assert process.poll() is None, process.communicate()[1]
        assert "Sprout started" in log.read_text(encoding="utf-8")
    finally:
        process.terminate()
        _, errors = process.communicate(timeout=30)
    assert "Traceback" not in errors and "Cannot open file" not in errors, errors
