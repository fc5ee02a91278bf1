"""jedi's answers as the editor receives them: names, docstrings, signatures without annotations."""
from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from ide import completion
from ide.completion_server import Answerer, without_annotation

# Not importorskip: importing jedi here would raise this process's recursion limit (jedi does on import).
pytestmark = pytest.mark.skipif(importlib.util.find_spec("jedi") is None, reason="jedi is not installed")
ROOT = str(Path(__file__).resolve().parents[2])


def test_answers_list_names_docstrings_and_signatures(tmp_path):
    answerer = Answerer(in_process_inspection=True)
    path = str(tmp_path / "a.py")
    question = {"source": "import math\nmath.sq", "line": 2, "column": 7, "path": path, "sys_path": completion.run_path(path)}
    assert answerer.answer({**question, "kind": "complete"}) == {"suggestions": [["sqrt", "function"]]}
    docstring = answerer.answer({**question, "kind": "docstring", "name": "sqrt"})["docstring"]
    assert "square root" in docstring
    call = {"source": "def area(width, height=1):\n    pass\narea(3, ", "line": 3, "column": 8, "path": None,
            "sys_path": completion.run_path(None)}
    assert answerer.answer({**call, "kind": "signature"})["signature"] == {
        "name": "area", "parameters": [["width", "POSITIONAL_OR_KEYWORD"], ["height=1", "POSITIONAL_OR_KEYWORD"]],
        "current": 1}


def test_loading_jedi_in_sprouts_process_leaves_the_recursion_limit_alone():
    # In a fresh Python: this one has imported jedi already (jedi raises the limit as it is imported).
    check = ("import sys; from ide.completion_server import Answerer; "
             "Answerer(in_process_inspection=False); print(sys.getrecursionlimit())")
    done = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.stdout.strip() == "1000", done.stderr


def test_a_module_beside_the_script_completes(tmp_path):
    (tmp_path / "helpers.py").write_text("def shout(text):\n    return text.upper()\n", encoding="utf-8")
    answerer = Answerer(in_process_inspection=True)
    path = str(tmp_path / "main.py")
    reply = answerer.answer({"kind": "complete", "source": "import helpers\nhelpers.sh", "line": 2, "column": 10,
                             "path": path, "sys_path": completion.run_path(path)})
    assert reply == {"suggestions": [["shout", "function"]]}


def test_a_frozen_sprout_asks_jedi_in_its_own_process(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(completion, "freeze_long_lived", lambda: None)  # would freeze the test run's heap
    service = completion.CompletionService()
    answer = service.answer(completion.Question("complete", "import math\nmath.sq", 2, 7, str(tmp_path / "a.py")))
    assert answer.suggestions == (completion.Suggestion("sqrt", "function"),)


def test_sprouts_own_modules_are_not_offered(tmp_path):
    path = str(tmp_path / "main.py")
    reply = Answerer(in_process_inspection=True).answer(
        {"kind": "complete", "source": "import id", "line": 1, "column": 9, "path": path,
         "sys_path": completion.run_path(path)})
    names = [name for name, kind in reply["suggestions"]]
    assert "idlelib" in names and "ide" not in names  # a learner's `import ide` is not Sprout's


def test_annotations_are_left_out():
    assert without_annotation('sep: str | None=" "') == "sep=' '"
    assert without_annotation("*values: object") == "*values"
    assert without_annotation("not a parameter(") == ""


def test_without_a_working_jedi_there_are_no_suggestions_and_no_endless_restarts(monkeypatch, tmp_path):
    started = []
    real_popen = completion.subprocess.Popen

    def popen(command, **kwargs):
        started.append(command)
        return real_popen([sys.executable, "-c", "raise SystemExit(1)"], **kwargs)  # as if jedi failed to import
    monkeypatch.setattr(completion.subprocess, "Popen", popen)
    service = completion.CompletionService()
    for _ in range(5):
        answer = service.answer(completion.Question("complete", "import math\nmath.", 2, 5, None))
        assert answer.suggestions == ()
    assert len(started) == completion.MAX_SERVER_DEATHS
