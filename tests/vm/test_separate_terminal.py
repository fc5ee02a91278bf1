"""``python main.py run --separate FILE``: the terminal runner with the program in a
process of its own; Ctrl+C ends even a program stuck inside a C call."""
from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

from vm.separate.terminal import wants_separate

from .harness import ENDS_WITHIN, RUN_TIMEOUT

ROOT = Path(__file__).resolve().parents[2]


def _start(tmp_path: Path, source: str, *options: str) -> subprocess.Popen[str]:
    script = tmp_path / "spin.py"
    script.write_text(source)
    return subprocess.Popen([sys.executable, str(ROOT / "main.py"), "run", *options, str(script)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, cwd=tmp_path)


def _read_until(process: subprocess.Popen[str], marker: str) -> str:
    assert process.stdout is not None
    seen = ""
    while marker not in seen:
        line = process.stdout.readline()
        if not line:
            break
        seen += line
    return seen


def test_the_option_is_found_before_the_file_only() -> None:
    assert wants_separate(["--separate", "a.py"])
    assert wants_separate(["--time-limit", "3", "--separate", "a.py"])
    assert not wants_separate(["a.py", "--separate"])  # the script's own argument
    assert not wants_separate(["--time-limit", "3", "a.py"])


def test_output_input_and_an_error_as_the_terminal_runner(tmp_path: Path) -> None:
    process = _start(tmp_path, "import os\nname = input('name? ')\nprint('hi', name)\nprint(os.getcwd())\n1/0\n",
                     "--separate")
    out, err = process.communicate("Ada\n", timeout=RUN_TIMEOUT)
    assert out.splitlines()[:2] == ["name? hi Ada", str(tmp_path)]
    assert "ZeroDivisionError: division by zero" in err and "line 5" in err
    assert process.returncode == 1


def test_ctrl_c_ends_a_program_stuck_in_a_c_call(tmp_path: Path) -> None:
    process = _start(tmp_path, "rows = [[0]] * 200_000\nprint('go', flush=True)\ntotal = sum(rows, [])\n",
                     "--separate")
    assert "go" in _read_until(process, "go")
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=ENDS_WITHIN)
    assert process.returncode == 130
    assert "stuck inside a call" in err and "ended its process" in err
