"""The Shell tab's side of running: an entry goes to the runner like a program, its
result is reported in the Shell, and a note says whose variables the Shell sees."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vm import RunResult

from .i18n import tr
from .output_panel import OutputPanel
from .runner import Runner

SHELL_FILE = "<shell>"


class ShellEntries:
    """Owns what the Shell said last, so a note is not repeated run after run."""

    def __init__(self, runner: Runner, output_panel: OutputPanel) -> None:
        self.runner = runner
        self.shell = output_panel.shell
        self._note = ""    # the last "the shell now sees…" said, until the shell is used
        self._source = ""  # the entry that runs or ran last, for the hint under its error
        self.shell.statement_ready.connect(self.run_entry)
        self.shell.answer.connect(runner.send_input)
        self.shell.names = runner.shell_names
        output_panel.reset_requested.connect(self.reset)

    def run_entry(self, source: str) -> None:
        if self.runner.running:
            self.shell.announce(tr("A program is running: wait for it, or Stop it, then try again."))
            return
        self._source = source
        self._note = ""
        self.runner.start(source, SHELL_FILE, shell=True)

    def reset(self) -> None:
        if self.runner.running:
            return
        self.runner.reset_namespace()
        self.shell.announce(tr("Fresh variables: the shell no longer sees your last program's."))
        self._note = ""

    def entry_finished(self, result: RunResult) -> None:
        frame = next((f for f in reversed(result.frames) if f.filename == SHELL_FILE), None)
        if frame is not None:
            self.shell.mark_entry_line(frame.line)
        from vm import explain, format_result  # loaded with the engine, after the window is shown
        text = format_result(result)
        if text:
            self.shell.append_traceback(result, text, "")
            sentence = explain(result, self._source)
            if sentence:
                self.shell.append_hint(sentence)
        self.shell.statement_finished()

    def program_finished(self, file_name: str) -> None:
        """Say once, until the Shell is used, that it now sees the program's variables
        (runs of one file do not pile the note up)."""
        note = tr("The shell now sees the variables of {file}.").format(file=file_name)
        if note != self._note:
            self.shell.announce(note)
            self._note = note
