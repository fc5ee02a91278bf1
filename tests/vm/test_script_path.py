"""A script's ``sys.path`` and imports are what ``python script.py`` gives it."""
import json
import subprocess
import sys
from pathlib import Path

from tests.vm.harness import Harness

ROOT = Path(__file__).resolve().parents[2]
REPORT = '''
import json, sys
found = {}
for name in ("vm", "ide", "main", "tests", "json"):
    try:
        exec(f"import {name}")
        found[name] = True
    except ImportError as error:
        found[name] = type(error).__name__ + ": " + str(error)
print(json.dumps({"path": sys.path, "found": found}))
'''


def _plain(*command: str, cwd: Path = ROOT) -> dict:
    # From Sprout's own folder by default: the current directory is not on a script's path.
    done = subprocess.run([sys.executable, *command], cwd=cwd, capture_output=True, text=True,
                          timeout=60, check=True)
    return json.loads(done.stdout)


def test_a_saved_script_sees_the_path_and_modules_plain_python_gives(tmp_path):
    script = tmp_path / "lesson.py"
    script.write_text(REPORT)
    harness = Harness()
    result = harness.run(REPORT, filename="lesson.py", folder=str(tmp_path))
    assert result.status == "finished", result
    assert json.loads(harness.text()) == _plain(str(script))


def test_the_terminal_runner_gives_the_path_plain_python_gives(tmp_path):
    script = tmp_path / "lesson.py"
    script.write_text(REPORT)
    assert _plain(str(ROOT / "main.py"), "run", str(script)) == _plain(str(script))


def test_an_untitled_buffer_sees_the_interpreters_path_without_a_folder(tmp_path):
    harness = Harness()
    result = harness.run(REPORT, filename="<untitled>")
    assert result.status == "finished", result
    plain = _plain("-c", REPORT, cwd=tmp_path)
    assert plain["path"][0] == ""  # python -c: the current (here empty) folder; a buffer has none
    assert json.loads(harness.text()) == {"path": plain["path"][1:], "found": plain["found"]}
