"""Signals and timers aimed at Sprout's own process act on the script or are refused."""
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.vm.harness import Harness

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="POSIX signals")

ATTEMPTS = '''
    import faulthandler, os, signal, time

    def attempt(name, call):
        try:
            call()
            print(name, "ran")
        except PermissionError as error:
            print(name, "refused:", error)

    attempt("alarm", lambda: signal.alarm(1))
    attempt("setitimer", lambda: signal.setitimer(signal.ITIMER_REAL, 0.5))
    attempt("raise_signal", lambda: signal.raise_signal(signal.SIGTERM))
    attempt("killpg", lambda: os.killpg(os.getpgrp(), signal.SIGTERM))
    attempt("kill 0", lambda: os.kill(0, signal.SIGTERM))
    attempt("kill -group", lambda: os.kill(-os.getpgrp(), signal.SIGTERM))
    attempt("kill self", lambda: os.kill(os.getpid(), signal.SIGKILL))
    attempt("faulthandler", lambda: faulthandler.dump_traceback_later(0.5, exit=True))
    attempt("alive?", lambda: os.kill(os.getpid(), 0))
    attempt("no alarm", lambda: signal.alarm(0))
    time.sleep(1.5)  # an alarm or a timer set above would have gone off by now
    print("still here")
'''


def test_signals_and_timers_aimed_at_sprout_are_refused_and_the_process_lives(tmp_path):
    script = tmp_path / "signals.py"
    script.write_text(textwrap.dedent(ATTEMPTS), encoding="utf-8")
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "run", str(script)], cwd=ROOT,
                          capture_output=True, text=True, timeout=60, start_new_session=True)
    assert done.returncode == 0, (done.returncode, done.stdout, done.stderr)
    lines = done.stdout.splitlines()
    refused = [line.split(" refused: ")[0] for line in lines if " refused: " in line]
    assert refused == ["alarm", "setitimer", "raise_signal", "killpg", "kill 0", "kill -group", "kill self",
                       "faulthandler"]
    assert "signal.alarm() would take the whole Sprout IDE down with your program" in lines[0]
    assert lines[-3:] == ["alive? ran", "no alarm ran", "still here"]


def test_sigint_to_itself_interrupts_the_script_as_in_python(tmp_path):
    source = '''
        import os, signal
        try:
            signal.raise_signal(signal.SIGINT)
        except KeyboardInterrupt:
            print("caught")
        os.kill(os.getpid(), signal.SIGINT)
        print("not reached")
    '''
    script = tmp_path / "interrupt_myself.py"
    script.write_text(textwrap.dedent(source), encoding="utf-8")
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "run", str(script)], cwd=ROOT,
                          capture_output=True, text=True, timeout=60, start_new_session=True)
    assert done.stdout == "caught\n"
    assert "KeyboardInterrupt" in done.stderr and "stopped" not in done.stderr


def test_harmless_signals_to_itself_do_what_they_do_in_python():
    harness = Harness()
    result = harness.run('''
        import signal
        signal.raise_signal(signal.SIGWINCH)
        signal.raise_signal(signal.SIGCHLD)
        print('fine')
    ''')
    assert result.status == "finished" and harness.text() == "fine\n"


def test_interrupt_main_interrupts_the_scripts_main_thread_as_in_python(tmp_path):
    source = '''
        import _thread, threading, time
        try:
            _thread.interrupt_main()
            print("not reached")
        except KeyboardInterrupt:
            print("caught at once")
        threading.Timer(0.2, _thread.interrupt_main).start()
        try:
            time.sleep(30)
        except KeyboardInterrupt:
            print("a timer interrupted the sleep")
        threading.Timer(0.2, _thread.interrupt_main).start()
        try:
            while True:
                pass
        except KeyboardInterrupt:
            print("a timer interrupted the loop")
    '''
    script = tmp_path / "timeout.py"
    script.write_text(textwrap.dedent(source), encoding="utf-8")
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "run", str(script)], cwd=ROOT,
                          capture_output=True, text=True, timeout=60, start_new_session=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "caught at once\na timer interrupted the sleep\na timer interrupted the loop\n"
