"""The script's standard streams answer as ``python``'s do in the same environment."""
import faulthandler
import gc
import subprocess
import sys
import textwrap
import warnings

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


def test_a_runs_stdout_leaves_no_resource_warning_behind():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        harness = Harness()
        result = harness.run("import warnings\nwarnings.simplefilter('error')\nprint('hi', 'there', '!')\n")
        del harness
        gc.collect()
    assert result.status == "finished"
    assert [str(warning.message) for warning in caught if issubclass(warning.category, ResourceWarning)] == []


def test_stderr_has_a_descriptor_for_faulthandler_and_os_write():
    enabled_before = faulthandler.is_enabled()
    harness = Harness()
    result = harness.run('''
        import faulthandler, os, sys
        faulthandler.enable()
        print(faulthandler.is_enabled())
        os.write(sys.stderr.fileno(), b"written to the descriptor\\n")
        sys.stderr.write("then a line\\n")
    ''')
    assert result.status == "finished", result.message
    assert harness.text() == "True\n"
    assert harness.text("stderr") == "written to the descriptor\nthen a line\n"
    assert faulthandler.is_enabled() == enabled_before  # the run's stderr went with it
