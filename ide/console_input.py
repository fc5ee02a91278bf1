"""Typing an answer in the console while ``input()`` waits: the editable region at the
end of the output, Enter, Ctrl+D, history with Up/Down, pasting one line."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from .output_log import OutputLog

HISTORY_LIMIT = 200

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from .console_text import SqueezedLine
    _Base = QPlainTextEdit
else:
    _Base = object


class InlineInput(_Base):
    """Mixed into ``Console`` (a ``QPlainTextEdit``): the input region and its keys."""

    if TYPE_CHECKING:
        _input_start: int | None
        _history: list[str]
        _history_index: int
        _formats: dict[str, QTextCharFormat]
        _open_line: SqueezedLine | None
        _line_start: int
        log: OutputLog
        input_submitted: SignalInstance
        input_closed: SignalInstance

        def append_output(self, stream: str, text: str) -> None: ...

    @property
    def awaiting_input(self) -> bool:
        return self._input_start is not None

    def begin_input(self) -> None:
        """Let the learner type an answer at the end of the output."""
        cursor = QTextCursor(self.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        self._input_start = cursor.position()
        self._open_line = None
        self.setReadOnly(False)
        self.setTextCursor(cursor)
        self._history_index = len(self._history)
        self.setCurrentCharFormat(self._formats["input"])
        self.setFocus()
        self.verticalScrollBar().setValue(self.verticalScrollBar().maximum())

    def end_input(self) -> None:
        self._input_start = None
        self.setReadOnly(True)

    def typed_text(self) -> str:
        if self._input_start is None:
            return ""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._input_start)
        cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
        return cursor.selectedText()

    def _replace_typed_text(self, text: str) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._input_start or 0)
        cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(text, self._formats["input"])
        self.setTextCursor(cursor)

    def submit_input(self) -> None:
        """Send the typed line to the program (what Enter does)."""
        if self._input_start is None:
            return
        text = self.typed_text()
        end = QTextCursor(self.document())
        end.movePosition(QTextCursor.MoveOperation.End)
        end.insertText("\n", self._formats["input"])
        self.log.write(text + "\n")
        self._line_start = self.log.size
        if text and (not self._history or self._history[-1] != text):
            self._history = (self._history + [text])[-HISTORY_LIMIT:]
        self.end_input()
        self.input_submitted.emit(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if self._input_start is None:
            super().keyPressEvent(event)
            return
        key = event.key()
        start = self._input_start
        cursor = self.textCursor()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit_input()
        elif key == Qt.Key.Key_D and event.modifiers() & Qt.KeyboardModifier.ControlModifier \
                and not self.typed_text():
            self.append_output("system", "^D\n")
            self.end_input()
            self.input_closed.emit()
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self._recall(-1 if key == Qt.Key.Key_Up else 1)
        elif key == Qt.Key.Key_Backspace and cursor.position() <= start and not cursor.hasSelection():
            return
        elif key == Qt.Key.Key_Home:
            cursor.setPosition(start)
            self.setTextCursor(cursor)
        elif event.text() or key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            if min(cursor.position(), cursor.anchor()) < start:
                cursor.movePosition(QTextCursor.MoveOperation.End)
                self.setTextCursor(cursor)
            self.setCurrentCharFormat(self._formats["input"])
            super().keyPressEvent(event)
        else:
            super().keyPressEvent(event)

    def insertFromMimeData(self, source) -> None:  # noqa: N802
        if self._input_start is None:
            return
        cursor = self.textCursor()
        if cursor.position() < self._input_start:
            cursor.movePosition(QTextCursor.MoveOperation.End)
            self.setTextCursor(cursor)
        self.insertPlainText(source.text().replace("\r", "").split("\n")[0])

    def _recall(self, step: int) -> None:
        if not self._history:
            return
        self._history_index = max(0, min(len(self._history), self._history_index + step))
        entry = self._history[self._history_index] if self._history_index < len(self._history) else ""
        self._replace_typed_text(entry)
