"""The Shell tab: ``>>>`` statements run in the last program's variables, on the engine.

It is a console whose typing area holds a statement when no program is waiting for
an answer. Complete statements go to the runner like a run (so Stop, Pause, input()
and the colours all work as for a program); an unfinished one (an ``if`` block, an
open bracket) continues with ``...``.
"""
from __future__ import annotations

import builtins
import codeop
import keyword
import os
import re
import sys
from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QTextCursor, QTextFormat
from PySide6.QtWidgets import QTextEdit, QWidget

from .console import Console
from .i18n import tr
from .themes import LIGHT, Theme

PROMPT, CONTINUATION = ">>> ", "... "
BLOCK_GOES_ON = ("else", "elif", "except", "finally", "case", ")", "]", "}")
WORD_BEFORE_CURSOR = re.compile(r"[A-Za-z_][A-Za-z0-9_]*$")


class Shell(Console):
    """Statement entry with history and Tab completion; program output in colour."""

    statement_ready = Signal(str)   # a complete entry, to run in the engine
    answer = Signal(str)            # a line typed for the running statement's input()

    def __init__(self, parent: QWidget | None = None, theme: Theme = LIGHT) -> None:
        super().__init__(parent, theme)
        self.setAccessibleName(tr("Shell"))
        self.setAccessibleDescription(tr("Type Python statements after >>> and press Enter; they run in the "
                                         "variables of your last program."))
        self._lines: list[str] = []
        self._pasted: list[str | None] = []   # lines pasted together, entered one by one
        self._entry_start = 0
        self._answering = False
        self.names: Callable[[], Iterable[str]] = lambda: ()
        self.input_submitted.connect(self._on_line)
        self.append_system(tr("Python {version} shell: statements run in the variables "
                              "of your last program. Reset starts from fresh ones.").format(version=sys.version.split()[0]))
        self.prompt()

    # ---- prompts -------------------------------------------------------------
    def prompt(self, continuation: bool = False) -> None:
        """Show ``>>>`` (or ``...``) and wait for the learner's next line."""
        if not self.document().isEmpty() and self.document().lastBlock().text():
            self.append_output("stdout", "\n")
        self.append_output("system", CONTINUATION if continuation else PROMPT)
        self.begin_input()

    def program_wants_input(self) -> None:
        """The running statement called ``input()``: the next line is its answer."""
        self._answering = True
        self.begin_input()

    def mark_entry_line(self, line: int) -> None:
        """Mark line ``line`` of the last entry: where a stop or an error was."""
        block = self.document().findBlockByNumber(self._entry_start + line - 1)
        if not block.isValid():
            return
        marker = QTextEdit.ExtraSelection()
        marker.format.setBackground(QColor(self.theme.halted_line))
        marker.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
        marker.cursor = QTextCursor(block)
        self.setExtraSelections([marker])

    def announce(self, text: str) -> None:
        """A note from Sprout between entries; what the learner had typed is kept."""
        typed = self.typed_text() if self.awaiting_input and not self._answering else ""
        self.end_input()
        last = self.document().lastBlock()
        if last.text() in (PROMPT, CONTINUATION):  # an unused prompt: the note takes its place
            cursor = QTextCursor(last)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
        else:
            self.append_output("stdout", "\n")
        self.append_system(text)
        self._lines = []
        self.prompt()
        if typed:
            self.insertPlainText(typed)

    def statement_finished(self) -> None:
        self._answering = False
        self.end_input()
        self.prompt()
        self._enter_pasted()

    # ---- pasting several lines --------------------------------------------------------
    def insertFromMimeData(self, source) -> None:  # noqa: N802
        """Several pasted lines are entered one after another, as a terminal's ``>>>`` does."""
        lines = source.text().replace("\r", "").split("\n")
        if len(lines) < 2 or self._answering or not self.awaiting_input:
            super().insertFromMimeData(source)
            return
        if lines[-1] == "":
            lines.pop()
        self._pasted.extend(lines)
        self._pasted.append(None)  # the end of the paste: close a block still open
        self._enter_pasted()

    def _enter_pasted(self) -> None:
        while self._pasted and self.awaiting_input and not self._answering:
            line = self._pasted[0]
            if line is None:
                self._pasted.pop(0)
                if not self._lines:
                    continue
                line = ""
            elif self._lines and line and not line[0].isspace() and not line.startswith(BLOCK_GOES_ON):
                line = ""  # a line back at the margin ends the open block first, as in a file
            else:
                self._pasted.pop(0)
            self.insertPlainText(line)
            waiting = len(self._lines)
            self.submit_input()
            if len(self._lines) <= waiting and not self.awaiting_input:
                return  # an entry went to the engine: the rest follows when it is done

    def clear_output(self) -> None:
        super().clear_output()
        self._lines = []
        self.prompt()

    # ---- typing --------------------------------------------------------------------
    def _on_line(self, text: str) -> None:
        if self._answering:
            self._answering = False
            self.answer.emit(text)
            return
        self._lines.append(text)
        source = "\n".join(self._lines)
        if not source.strip():
            self._lines = []
            self.prompt()
            return
        try:
            complete = codeop.compile_command(source, "<shell>", "single") is not None
        except (SyntaxError, ValueError, OverflowError):
            complete = True  # the engine reports the error exactly as for a program
        if not complete:
            self.prompt(continuation=True)
            return
        # The entry's lines are the blocks just above the cursor: remember where, so a
        # stop or an error inside it can be marked in the shell's own text.
        self._entry_start = QTextCursor(self.document().lastBlock()).block().blockNumber() - len(self._lines)
        self._lines = []
        self.setExtraSelections([])
        self.statement_ready.emit(source + "\n")

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Tab and self.awaiting_input and not self._answering:
            self._complete()
            return
        super().keyPressEvent(event)

    def _complete(self) -> None:
        typed = self.typed_text()
        match = WORD_BEFORE_CURSOR.search(typed)
        if match is None:
            self.insertPlainText("    ")  # Tab at the start of a line indents, as at >>>
            return
        word = match.group()
        candidates = sorted({name for name in self._all_names() if name.startswith(word)})
        if not candidates:
            return
        common = os.path.commonprefix(candidates)
        if len(common) > len(word):
            self.insertPlainText(common[len(word):])
        elif len(candidates) > 1:
            self.end_input()
            self.append_output("system", "\n" + "  ".join(candidates[:60]) + "\n")
            self.prompt(continuation=bool(self._lines))
            self.insertPlainText(typed)

    def _all_names(self) -> set[str]:
        return set(self.names()) | set(dir(builtins)) | set(keyword.kwlist)
