"""Resource limits a script sets would bind the IDE: they are refused."""
import resource
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.vm.harness import Harness

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="POSIX resource limits")


def test_a_cpu_limit_is_refused_and_the_process_lives(tmp_path):
    script = tmp_path / "cpu_limit.py"
    script.write_text(textwrap.dedent('''
        import resource
        soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
        try:
            resource.setrlimit(resource.RLIMIT_CPU, (1, hard))
        except PermissionError as error:
            print(error)
        import time
        start = time.process_time()
        while time.process_time() - start < 1.5:  # past the limit: SIGXCPU would have come
            pass
        print("still here")
    '''), encoding="utf-8")
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "run", str(script)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, start_new_session=True)
    assert done.returncode == 0, (done.returncode, done.stderr)
    assert done.stdout == ("resource.setrlimit() would take the whole Sprout IDE down with your program, "
                           "so it is not available here\nstill here\n")


def test_limits_can_still_be_read():
    before = resource.getrlimit(resource.RLIMIT_NOFILE)
    harness = Harness()
    result = harness.run('''
        import os, resource
        print(resource.getrlimit(resource.RLIMIT_NOFILE) == resource.prlimit(os.getpid(), resource.RLIMIT_NOFILE))
        resource.prlimit(0, resource.RLIMIT_NOFILE, resource.getrlimit(resource.RLIMIT_NOFILE))  # harmless
    ''')
    assert harness.text() == "True\n"
    assert result.error_type == "PermissionError" and "resource.prlimit()" in result.message
    assert resource.getrlimit(resource.RLIMIT_NOFILE) == before
