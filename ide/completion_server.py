"""jedi in a process of its own: one JSON question per line on stdin, one answer per line out.

    python -m ide.completion_server

jedi builds large object graphs; in the IDE's process its work and the garbage
collector's passes over them would take the GIL from the window for tens, sometimes
hundreds, of milliseconds while the learner types. Here they cost the window nothing,
and what jedi imports to inspect compiled modules stays out of the learner's runs.
This module imports neither Qt nor the engine.
"""
from __future__ import annotations

import ast
import json
import os
import sys
from pathlib import Path
from typing import Any

MAX_SUGGESTIONS = 500      # past this a list is no help to a learner, and jedi's answer is slow to pass on
MAX_DOCSTRING = 2000       # characters of a docstring the preview shows
JEDI_RECURSION_LIMIT = 3000  # what jedi sets for itself: it recurses deeply


class Answerer:
    """Answers questions with jedi; keeps the last completion's objects for their docstrings."""

    def __init__(self, in_process_inspection: bool) -> None:
        limit = sys.getrecursionlimit()
        import jedi  # here, not at the top: only a learner who asks for completion loads it
        # jedi raises the limit for itself on import; in Sprout's process the learner's
        # programs would hit RecursionError later than under plain Python. serve() raises it back.
        sys.setrecursionlimit(limit)
        self.jedi = jedi
        # In a process of its own jedi may import compiled modules to inspect them; in the
        # IDE's process it would change sys.path under a running program, so there it asks
        # a helper process of jedi's own (its default).
        self.environment = jedi.InterpreterEnvironment() if in_process_inspection else None
        self.completions: dict[str, Any] = {}

    def answer(self, question: dict[str, Any]) -> dict[str, Any]:
        kind = question["kind"]
        if kind == "docstring":
            completion = self.completions.get(question["name"])
            return {"docstring": completion.docstring()[:MAX_DOCSTRING] if completion is not None else ""}
        path = question.get("path")
        folder = Path(path).parent if path else Path.home()
        # The path is the run's, complete: jedi adds nothing of its own (not this process's path).
        project = self.jedi.Project(folder, sys_path=question.get("sys_path"), smart_sys_path=False)
        script = self.jedi.Script(question["source"], path=path, project=project, environment=self.environment)
        if kind == "complete":
            completions = script.complete(question["line"], question["column"])[:MAX_SUGGESTIONS]
            self.completions = {completion.name: completion for completion in completions}
            return {"suggestions": [[c.name, c.type] for c in completions]}
        signatures = script.get_signatures(question["line"], question["column"])
        return {"signature": describe(signatures[0]) if signatures else None}


def describe(signature: Any) -> dict[str, Any]:
    """A jedi signature as a learner reads it: ``print(*values, sep=' ', end='\\n', ...)``."""
    parameters = [[without_annotation(p.to_string()) or p.name, p.kind.name] for p in signature.params]
    return {"name": signature.name, "parameters": parameters, "current": signature.index}


def without_annotation(parameter: str) -> str:
    """``sep: str | None=" "`` -> ``sep=' '``; the annotations of the standard library's
    stubs say more than a learner needs, and crowd out the parameter names."""
    try:
        tree = ast.parse(f"def f({parameter}): pass")
    except SyntaxError:
        return ""
    function = tree.body[0]
    assert isinstance(function, ast.FunctionDef)
    for argument in ast.walk(function.args):
        if isinstance(argument, ast.arg):
            argument.annotation = None
    return ast.unparse(function.args)


def serve() -> None:
    """Answer until stdin closes (the IDE quit). Nothing but answers goes to stdout."""
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8")
    if hasattr(os, "nice"):
        os.nice(10)  # on a busy machine the window, and the learner's program, come first
    sys.stdout = sys.stderr
    answerer = Answerer(in_process_inspection=True)
    sys.setrecursionlimit(max(sys.getrecursionlimit(), JEDI_RECURSION_LIMIT))
    for line in sys.stdin:
        try:
            reply = answerer.answer(json.loads(line))
        except Exception as error:  # jedi fails on some code; no suggestions is the right answer then
            reply = {"failed": repr(error)}
        answers.write(json.dumps(reply) + "\n")
        answers.flush()


if __name__ == "__main__":
    serve()
