"""Completions, signatures and docstrings from jedi, computed off the UI thread.

One worker thread serves every editor in the process (jedi is not thread-safe). Each
kind of question (complete, signature, docstring) has one slot: a newer question
replaces a waiting older one, so a fast typist never queues up work. Answers come back
as a queued Qt signal on the asking editor's side; the editor drops an answer that came
too late or is for another place (``ide/completion_controller.py``).

jedi is imported by the worker the first time a question is asked, so starting Sprout
never pays for it. Where a Python interpreter can be found, jedi inspects compiled
modules in a process of its own; the learner's packages folders are on its path.
"""
from __future__ import annotations

import ast
import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from vm.package_folders import package_folders

log = logging.getLogger(__name__)
MAX_SUGGESTIONS = 500      # past this a list is no help to a learner, and jedi's answer is slow to pass on
MAX_DOCSTRING = 2000       # characters of a docstring the preview shows


@dataclass(frozen=True)
class Question:
    """What the editor asks: ``kind`` at ``line`` (from 1) and ``column`` (Python characters)."""

    kind: str                  # "complete" | "signature" | "docstring"
    source: str
    line: int
    column: int
    path: str | None
    number: int = 0            # the asker's count, to match answers to questions
    name: str = ""             # for "docstring": the suggestion whose docstring is wanted
    replies: Any = field(default=None, compare=False)   # the asker's Replies object


@dataclass(frozen=True)
class Suggestion:
    name: str
    kind: str                  # jedi's type: module, class, function, instance, keyword, ...


@dataclass(frozen=True)
class Parameter:
    text: str                  # as a learner reads it: ``sep=' '``, ``*values`` (no annotations)
    kind: str                  # inspect.Parameter's kind name, e.g. "KEYWORD_ONLY"


@dataclass(frozen=True)
class Signature:
    name: str
    parameters: tuple[Parameter, ...]
    current: int | None        # the parameter the cursor is at, if any


@dataclass(frozen=True)
class Answer:
    question: Question
    suggestions: tuple[Suggestion, ...] = ()
    signature: Signature | None = None
    docstring: str = ""


class Replies(QObject):
    """Lives on the UI thread; the worker emits here, so the slot runs on the UI thread."""

    answered = Signal(object)  # Answer


class CompletionService:
    """The process's one jedi worker thread, started at the first question."""

    KINDS = ("complete", "signature", "docstring")  # the order the worker takes waiting questions in

    def __init__(self) -> None:
        self._lock = threading.Condition()
        self._waiting: dict[str, Question] = {}
        self._thread: threading.Thread | None = None
        self._jedi: Any = None
        self._completions: dict[str, Any] = {}  # the last completion's jedi objects, for docstrings
        self.warm = False                       # jedi has answered once: later answers are quick

    def ask(self, question: Question) -> None:
        with self._lock:
            self._waiting[question.kind] = question
            if self._thread is None:
                # A daemon: a question jedi is still thinking about never holds up quitting.
                self._thread = threading.Thread(target=self._serve, name="sprout-completion", daemon=True)
                self._thread.start()
            self._lock.notify()

    def _serve(self) -> None:
        while True:
            with self._lock:
                while not self._waiting:
                    self._lock.wait()
                kind = next(kind for kind in self.KINDS if kind in self._waiting)
                question = self._waiting.pop(kind)
            try:
                answer = self.answer(question)
            except Exception:  # jedi fails on some code; no suggestions is the right answer then
                log.debug("completion failed", exc_info=True)
                answer = Answer(question)
            self.warm = True
            try:
                question.replies.answered.emit(answer)
            except RuntimeError:  # the editor that asked has been closed
                pass

    # ---- jedi, on the worker thread -------------------------------------------------
    def answer(self, question: Question) -> Answer:
        if question.kind == "docstring":
            completion = self._completions.get(question.name)
            text = completion.docstring() if completion is not None else ""
            return Answer(question, docstring=text[:MAX_DOCSTRING])
        script = self._script(question)
        if question.kind == "complete":
            completions = script.complete(question.line, question.column)[:MAX_SUGGESTIONS]
            self._completions = {completion.name: completion for completion in completions}
            return Answer(question, suggestions=tuple(Suggestion(c.name, c.type) for c in completions))
        signatures = script.get_signatures(question.line, question.column)
        return Answer(question, signature=describe(signatures[0]) if signatures else None)

    def _script(self, question: Question) -> Any:
        if self._jedi is None:
            import jedi  # here, not at the top: only a learner who asks for completion loads it
            self._jedi = jedi
        folder = Path(question.path).parent if question.path else Path.home()
        project = self._jedi.Project(folder, added_sys_path=package_folders())
        return self._jedi.Script(question.source, path=question.path, project=project)


def describe(signature: Any) -> Signature:
    """A jedi signature as a learner reads it: ``print(*values, sep=' ', end='\\n', ...)``."""
    parameters: list[Parameter] = []
    for parameter in signature.params:
        text = parameter.to_string()
        parameters.append(Parameter(without_annotation(text) or parameter.name, parameter.kind.name))
    return Signature(signature.name, tuple(parameters), signature.index)


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


_service: CompletionService | None = None


def service() -> CompletionService:
    """The process's worker (created on first use, never at start)."""
    global _service
    if _service is None:
        _service = CompletionService()
    return _service
