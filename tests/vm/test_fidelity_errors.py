"""Errors read as ``python`` prints them: the same traceback and message lines."""
import subprocess
import sys

import pytest

from tests.vm.test_fidelity import MAIN


def _stderr_both(tmp_path, source: str) -> tuple[str, str]:
    """(python's stderr, the terminal runner's without its hint) for one script."""
    script = tmp_path / "lesson.py"
    script.write_text(source)
    plain = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=30)
    sprout = subprocess.run([sys.executable, str(MAIN), "run", str(script)], capture_output=True,
                            text=True, timeout=60)
    hintless = "".join(line for line in sprout.stderr.splitlines(keepends=True) if not line.startswith("Hint:"))
    return plain.stderr, hintless


@pytest.mark.parametrize("source", [
    "x = 1\nprnt(x)\n",
    "def f():\n    counter = 1\n    return countr\nf()\n",
    "import math\nmath.sqr(2)\n",
], ids=["name", "local", "attribute"])
def test_the_message_line_carries_pythons_suggestion(tmp_path, source):
    plain, sprout = _stderr_both(tmp_path, source)
    assert sprout == plain
    assert "Did you mean" in plain


@pytest.mark.parametrize("source", [
    "x = (1 +\nprint(x\n",
    "for x in range(3):\nprint(x)\n",
    'print "hi"\n',
    "x = 1 +* 2\n",
], ids=["never-closed", "indentation", "whole-line", "operator"])
def test_a_syntax_errors_carets_are_pythons(tmp_path, source):
    plain, sprout = _stderr_both(tmp_path, source)
    assert sprout == plain
