"""Completions, signatures and docstrings from jedi, computed off the UI thread.

One worker thread serves every editor in the process. Each kind of question (complete,
signature, docstring) has one slot: a newer question replaces a waiting older one, so a
fast typist never queues up work. The worker hands each question to jedi in a process
of its own (``ide/completion_server.py``) and waits for the answer without holding the
GIL. Answers come back as a queued Qt signal on the asking editor's side; the editor
drops an answer that came too late or is for another place
(``ide/completion_controller.py``).

jedi is loaded at the first question, so starting Sprout never pays for it. The
learner's packages folders are on jedi's path, as they are on every run's.
"""
from __future__ import annotations

import atexit
import gc
import json
import logging
import os
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from vm.process.package_folders import with_package_folders
from vm.process.script_path import script_path

log = logging.getLogger(__name__)
MAX_SERVER_DEATHS = 3
PROJECT = str(Path(__file__).resolve().parent.parent)  # where `ide` is, for the jedi process's imports


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
    """The process's one worker thread, started at the first question; jedi runs in
    ``ide/completion_server.py``'s process (in this one when Sprout is frozen into a bundle,
    which has no Python to start it with)."""

    KINDS = ("complete", "signature", "docstring")  # the order the worker takes waiting questions in

    def __init__(self) -> None:
        self._lock = threading.Condition()
        self._waiting: dict[str, Question] = {}
        self._thread: threading.Thread | None = None
        self._server: subprocess.Popen[str] | None = None
        self._in_process: Any = None
        self._server_deaths = 0                 # in a row: past MAX_SERVER_DEATHS jedi cannot start here
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

    # ---- on the worker thread ---------------------------------------------------------
    def answer(self, question: Question) -> Answer:
        message = {"kind": question.kind, "source": question.source, "line": question.line,
                   "column": question.column, "path": question.path, "name": question.name,
                   "sys_path": run_path(question.path)}
        reply = self._ask_in_process(message) if getattr(sys, "frozen", False) else self._ask_server(message)
        signature = reply.get("signature")
        return Answer(question,
                      suggestions=tuple(Suggestion(name, kind) for name, kind in reply.get("suggestions", ())),
                      signature=None if signature is None else Signature(
                          signature["name"], tuple(Parameter(text, kind) for text, kind in signature["parameters"]),
                          signature["current"]),
                      docstring=reply.get("docstring", ""))

    def _ask_server(self, message: dict[str, Any]) -> dict[str, Any]:
        """One question to the jedi process (started on first use, again if it has died)."""
        if self._server is None:
            if self._server_deaths >= MAX_SERVER_DEATHS:
                return {}  # jedi is missing or broken: no suggestions, and no process started per key
            self._server = subprocess.Popen(
                [sys.executable, "-m", "ide.completion_server"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL, text=True, encoding="utf-8", cwd=str(Path.home()),
                env={**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (PROJECT, os.environ.get("PYTHONPATH"))))})
            atexit.register(self._server.kill)
        assert self._server.stdin is not None and self._server.stdout is not None
        try:
            self._server.stdin.write(json.dumps(message) + "\n")
            self._server.stdin.flush()
            line = self._server.stdout.readline()  # waits without the GIL: the window types on
        except OSError:
            line = ""
        if not line:
            self._server.kill()
            self._server.wait()  # killed: it ends at once, and leaves no zombie behind
            self._server = None
            self._server_deaths += 1
            log.warning("the completion process ended (%d in a row)", self._server_deaths)
            return {}
        self._server_deaths = 0
        return json.loads(line)

    def _ask_in_process(self, message: dict[str, Any]) -> dict[str, Any]:
        from .completion_server import Answerer
        if self._in_process is None:
            self._in_process = Answerer(in_process_inspection=False)
            self._in_process.answer({**message, "kind": "complete"})
            freeze_long_lived()
        return self._in_process.answer(message)


def run_path(path: str | None) -> list[str]:
    """The ``sys.path`` the script would run with: its folder, the interpreter's entries and
    the learner's packages folders, so jedi finds what ``import`` will (and not Sprout's own)."""
    return with_package_folders(script_path(str(Path(path).parent) if path else None))


def freeze_long_lived() -> None:
    """Keep the objects alive now (Qt's, the IDE's, jedi's caches of the standard library)
    out of the cyclic collector's full passes: jedi fills the heap, and a full pass over it
    holds the GIL, and so the window, for a third of a second."""
    gc.collect()
    gc.freeze()


_service: CompletionService | None = None


def service() -> CompletionService:
    """The process's worker (created on first use, never at start)."""
    global _service
    if _service is None:
        _service = CompletionService()
    return _service
