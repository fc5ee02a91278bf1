"""``python main.py run FILE``: a real process, a real SIGINT."""
import os
import selectors
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="SIGINT delivery and /proc are Linux-specific")


_started: list[subprocess.Popen] = []


@pytest.fixture(autouse=True)
def _no_leftover_processes():
    yield
    while _started:
        process = _started.pop()
        if process.poll() is None:
            process.kill()
            process.wait()


def _start(script: Path, *options: str, script_args: tuple[str, ...] = ()) -> subprocess.Popen:
    process = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "run", *options, str(script),
                                *script_args],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, cwd=ROOT)
    _started.append(process)
    return process


def _read_until(process: subprocess.Popen, marker: str, timeout: float = 10.0) -> str:
    seen = ""
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    deadline = time.monotonic() + timeout
    while marker not in seen:
        assert time.monotonic() < deadline, f"never printed {marker!r}: {seen!r}"
        if selector.select(timeout=max(0.0, deadline - time.monotonic())):
            chunk = os.read(process.stdout.fileno(), 4096).decode()
            assert chunk, f"the process ended before printing {marker!r}"
            seen += chunk
    return seen


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _wait_for_cpu_seconds(process: subprocess.Popen, seconds: float) -> None:
    start = _cpu_seconds(process.pid)
    deadline = time.monotonic() + 10
    while _cpu_seconds(process.pid) - start < seconds:
        assert time.monotonic() < deadline, "the script never got busy"


def test_ctrl_c_prints_the_halt_traceback_and_exits_130(tmp_path):
    script = tmp_path / "spin.py"
    script.write_text("print('ready', flush=True)\ncount = 0\nwhile True:\n    count += 1\n")
    process = _start(script)
    _read_until(process, "ready")
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=10)
    assert process.returncode == 130
    assert "KeyboardInterrupt" in stderr
    assert "count += 1" in stderr and "line 4" in stderr


def test_stdin_lines_answer_input(tmp_path):
    script = tmp_path / "greet.py"
    script.write_text("name = input('Name? ')\nprint('Hello,', name)\n")
    process = _start(script)
    stdout, _ = process.communicate("Ada\n", timeout=10)
    assert process.returncode == 0
    assert stdout == "Name? Hello, Ada\n"


def test_errors_print_a_traceback_and_exit_1(tmp_path):
    script = tmp_path / "broken.py"
    script.write_text("values = [1, 2]\nprint(values[5])\n")
    process = _start(script)
    _, stderr = process.communicate(timeout=10)
    assert process.returncode == 1
    assert "IndexError: list index out of range" in stderr and "line 2" in stderr
    assert "Hint: Line 2 asks for a position that the sequence does not have" in stderr


def test_time_limit_halts_and_exits_1(tmp_path):
    script = tmp_path / "slow.py"
    script.write_text("while True:\n    pass\n")
    process = _start(script, "--time-limit", "0.3")
    _, stderr = process.communicate(timeout=10)
    assert process.returncode == 1 and "time limit" in stderr


def test_unreadable_file_is_refused_with_a_reason(tmp_path):
    binary = tmp_path / "image.py"
    binary.write_bytes(b"\x89PNG\x00\x01")
    process = _start(binary)
    _, stderr = process.communicate(timeout=10)
    assert process.returncode == 2 and "binary" in stderr
    missing = _start(tmp_path / "nope.py")
    _, stderr = missing.communicate(timeout=10)
    assert missing.returncode == 2 and "does not exist" in stderr


def test_second_ctrl_c_ends_a_run_stuck_in_one_c_call(tmp_path):
    script = tmp_path / "regex.py"
    # re's private compile skips Sprout's regex guard: one C call that never returns.
    script.write_text("import re\nprint('ready', flush=True)\nre._compile(r'(a+)+$', 0).match('a' * 64 + 'b')\n")
    process = _start(script)
    _read_until(process, "ready")
    _wait_for_cpu_seconds(process, 0.3)  # deep inside the regex by now
    process.send_signal(signal.SIGINT)
    with pytest.raises(subprocess.TimeoutExpired):
        process.wait(timeout=0.5)  # the first stop cannot reach a safe point
    process.send_signal(signal.SIGINT)
    process.wait(timeout=5)
    assert process.returncode in (-signal.SIGINT, 130)


def test_arguments_after_the_file_reach_the_script(tmp_path):
    script = tmp_path / "args.py"
    script.write_text("import sys, argparse\nparser = argparse.ArgumentParser()\n"
                      "parser.add_argument('--name')\nprint(parser.parse_args().name, sys.argv[1:])\n")
    process = _start(script, script_args=("--name", "Ada"))
    stdout, _ = process.communicate(timeout=10)
    assert process.returncode == 0 and stdout == "Ada ['--name', 'Ada']\n"


def test_help_prints_usage_for_the_ide_and_the_run_command():
    for flag in ("--help", "-h"):
        completed = subprocess.run([sys.executable, str(ROOT / "main.py"), flag],
                                   capture_output=True, text=True, timeout=30)
        assert completed.returncode == 0
        assert "python main.py run" in completed.stdout
        assert "python main.py [FILE]" in completed.stdout


def test_without_a_display_the_ide_says_what_is_missing_in_one_line():
    env = {key: value for key, value in os.environ.items()
           if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    completed = subprocess.run([sys.executable, str(ROOT / "main.py")], capture_output=True,
                               text=True, timeout=30, env=env)
    assert completed.returncode == 1
    lines = completed.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "no display" in lines[0] and "python main.py run FILE" in lines[0]


def test_a_turtle_program_runs_and_says_where_its_drawing_would_be(tmp_path):
    script = tmp_path / "square.py"
    script.write_text("import turtle\nfor _ in range(4):\n    turtle.forward(10)\n    turtle.left(90)\n"
                      "print(turtle.pos())\nturtle.done()\n")
    process = _start(script)
    stdout, stderr = process.communicate(timeout=20)
    assert process.returncode == 0
    assert stdout == "(0.00,0.00)\n" or stdout == "(-0.00,0.00)\n"
    assert stderr.count("turtle drawings are shown in the Sprout window") == 1


def test_an_uncaught_keyboard_interrupt_ends_the_process_by_sigint_as_python(tmp_path):
    script = tmp_path / "lesson.py"
    script.write_text("print('before')\nraise KeyboardInterrupt\n")
    plain = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=30)
    sprout = subprocess.run([sys.executable, str(ROOT / "main.py"), "run", str(script)],
                            capture_output=True, text=True, timeout=60)
    assert sprout.returncode == plain.returncode == -signal.SIGINT
    assert sprout.stdout == plain.stdout == "before\n"
    assert sprout.stderr.endswith("KeyboardInterrupt\n")
