"""Ctrl+F: a small bar under the editor that finds text, wrapping at the end."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from .editor import CodeEditor
from .i18n import tr


class FindBar(QWidget):
    """Find next/previous in the editor; Escape hides the bar."""

    def __init__(self, editor: CodeEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(QLabel(tr("Find:")))
        self.field = QLineEdit()
        self.field.setAccessibleName(tr("Text to find"))
        self.field.setPlaceholderText(tr("text to find (Enter: next, Shift+Enter: previous)"))
        self.field.returnPressed.connect(self.find_next)
        layout.addWidget(self.field, 1)
        previous_button = QPushButton(tr("Previous"))
        previous_button.clicked.connect(self.find_previous)
        next_button = QPushButton(tr("Next"))
        next_button.clicked.connect(self.find_next)
        layout.addWidget(previous_button)
        layout.addWidget(next_button)
        self.result_label = QLabel("")
        layout.addWidget(self.result_label)
        self.hide()

    def open(self) -> None:
        selected = self.editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.field.setText(selected)
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def find_next(self) -> bool:
        return self._find(QTextDocument.FindFlag(0))

    def find_previous(self) -> bool:
        return self._find(QTextDocument.FindFlag.FindBackward)

    def _find(self, flags: QTextDocument.FindFlag) -> bool:
        text = self.field.text()
        if not text:
            return False
        if self.editor.find(text, flags):
            self.result_label.setText("")
            return True
        wrapped = QTextCursor(self.editor.document())
        if flags & QTextDocument.FindFlag.FindBackward:
            wrapped.movePosition(QTextCursor.MoveOperation.End)
        self.editor.setTextCursor(wrapped)
        found = self.editor.find(text, flags)
        self.result_label.setText("" if found else tr("not found"))
        return found

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            self.editor.setFocus()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.find_previous()
        else:
            super().keyPressEvent(event)
