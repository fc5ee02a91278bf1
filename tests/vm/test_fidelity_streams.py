"""The script's standard streams answer as ``python``'s do in the same environment."""
import subprocess
import sys
import textwrap

from tests.vm.harness import Harness


def test_the_streams_error_handlers_are_pythons(tmp_path):
    source = textwrap.dedent('''
        import sys
        print(sys.stdin.errors, sys.stdout.errors, sys.stderr.errors)
    ''')
    script = tmp_path / "lesson.py"
    script.write_text(source)
    # The environment Sprout itself runs in: no PYTHONIOENCODING of the harness's own.
    plain = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                           timeout=30, stdin=subprocess.DEVNULL).stdout
    harness = Harness()
    harness.run(source, filename=str(script), folder=str(tmp_path))
    assert harness.text() == plain
