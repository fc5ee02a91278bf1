"""Ctrl+F finds and Ctrl+H replaces: a small bar under the editor, wrapping at the end.

The find row counts the matches as the learner types; its options are match case,
whole word and regular expression (Python's ``re``, so ``\\1`` works in the replacement).
Replace All is a single undo step.
"""
from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QCheckBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from .editor import CodeEditor
from .i18n import tr
from .search import Query, find_all, replacement_for
from .text_positions import to_python


def qt_offsets(text: str, indices: list[int]) -> list[int]:
    """Qt positions of ascending Python ``indices`` of ``text``, in one pass."""
    if text.isascii() or max(text, default="a") < "\U00010000":
        return list(indices)
    offsets, qt, last = [], 0, 0
    for index in indices:
        qt += len(text[last:index].encode("utf-16-le")) // 2
        last = index
        offsets.append(qt)
    return offsets


class FindBar(QWidget):
    """Find next/previous, replace and replace all in the editor; Escape hides the bar."""

    def __init__(self, editor: CodeEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        grid = QGridLayout(self)
        grid.setContentsMargins(6, 2, 6, 2)
        grid.setVerticalSpacing(2)
        grid.addWidget(QLabel(tr("Find:")), 0, 0)
        self.field = QLineEdit()
        self.field.setAccessibleName(tr("Text to find"))
        self.field.setPlaceholderText(tr("text to find (Enter: next, Shift+Enter: previous)"))
        grid.addWidget(self.field, 0, 1)
        # The options sit under the fields, so the fields keep their width in a narrow window.
        options = QHBoxLayout()
        self.match_case = QCheckBox(tr("Match case"))
        self.whole_word = QCheckBox(tr("Whole word"))
        self.regex = QCheckBox(tr("Regular expression"))
        for option in (self.match_case, self.whole_word, self.regex):
            option.toggled.connect(self.update_count)
            options.addWidget(option)
        options.addStretch(1)
        grid.addLayout(options, 2, 1)
        find_buttons = QHBoxLayout()
        previous_button = QPushButton(tr("Previous"))
        previous_button.clicked.connect(self.find_previous)
        next_button = QPushButton(tr("Next"))
        next_button.clicked.connect(self.find_next)
        find_buttons.addWidget(previous_button)
        find_buttons.addWidget(next_button)
        self.result_label = QLabel("")
        self.result_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("0000 / 0000") + 12)
        find_buttons.addWidget(self.result_label)
        grid.addLayout(find_buttons, 0, 2)
        self.replace_label = QLabel(tr("Replace:"))
        grid.addWidget(self.replace_label, 1, 0)
        self.replace_field = QLineEdit()
        self.replace_field.setAccessibleName(tr("Replacement text"))
        self.replace_field.setPlaceholderText(tr("replace with (Enter: replace and find the next)"))
        grid.addWidget(self.replace_field, 1, 1)
        replace_buttons = QHBoxLayout()
        self.replace_button = QPushButton(tr("Replace"))
        self.replace_button.clicked.connect(self.replace)
        self.replace_all_button = QPushButton(tr("Replace All"))
        self.replace_all_button.clicked.connect(self.replace_all)
        replace_buttons.addWidget(self.replace_button)
        replace_buttons.addWidget(self.replace_all_button)
        replace_buttons.addStretch(1)
        grid.addLayout(replace_buttons, 1, 2)
        grid.setColumnStretch(1, 1)
        self.field.textChanged.connect(self.update_count)
        editor.textChanged.connect(self._on_editor_changed)
        self._replace_row = (self.replace_label, self.replace_field, self.replace_button, self.replace_all_button)
        self.hide()

    def set_editor(self, editor: CodeEditor) -> None:
        """Find in another editor (the tab in front changed)."""
        if editor is self.editor:
            return
        self.editor.textChanged.disconnect(self._on_editor_changed)
        self.editor = editor
        editor.textChanged.connect(self._on_editor_changed)
        if self.isVisible():
            self.update_count()

    # ---- opening ---------------------------------------------------------------------
    def open(self) -> None:
        """Ctrl+F: the find row only, filled with the selected text."""
        self._open(replacing=False)

    def open_replace(self) -> None:
        """Ctrl+H: find and replace rows."""
        self._open(replacing=True)

    def _open(self, replacing: bool) -> None:
        selected = self.editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.field.setText(selected)
        for widget in self._replace_row:
            widget.setVisible(replacing)
        self.show()
        self.field.setFocus()
        self.field.selectAll()
        self.update_count()

    @property
    def replacing(self) -> bool:
        return self.replace_field.isVisible()

    # ---- finding ---------------------------------------------------------------------
    def query(self) -> Query:
        return Query(self.field.text(), self.match_case.isChecked(), self.whole_word.isChecked(),
                     self.regex.isChecked())

    def _matches(self) -> tuple[str, list[re.Match[str]]] | None:
        """The editor's text and the matches in it; None (and the reason shown) for a bad pattern."""
        text = self.editor.toPlainText()
        try:
            return text, find_all(text, self.query())
        except re.error as error:
            self.result_label.setText(tr("invalid pattern: {reason}").format(reason=error.msg))
            return None

    def _selection_span(self, text: str) -> tuple[int, int]:
        cursor = self.editor.textCursor()
        return to_python(text, cursor.selectionStart()), to_python(text, cursor.selectionEnd())

    def update_count(self) -> None:
        """Say how many matches there are, and which one is selected."""
        if not self.isVisible() or not self.field.text():
            self.result_label.setText("")
            return
        found = self._matches()
        if found is None:
            return
        text, matches = found
        if not matches:
            self.result_label.setText(tr("not found"))
            return
        span = self._selection_span(text)
        spans = [m.span() for m in matches]
        current = spans.index(span) + 1 if span in spans else 0
        self.result_label.setText(tr("{current} of {count}").format(current=current, count=len(matches))
                                  if current else tr("{count} found").format(count=len(matches)))

    def _on_editor_changed(self) -> None:
        if self.isVisible():
            self.update_count()

    def find_next(self) -> bool:
        return self._find(backward=False)

    def find_previous(self) -> bool:
        return self._find(backward=True)

    def _find(self, backward: bool) -> bool:
        found = self._matches()
        if found is None:
            return False
        text, matches = found
        if not matches:
            self.result_label.setText(tr("not found") if self.field.text() else "")
            return False
        start, end = self._selection_span(text)
        if backward:
            earlier = [m for m in matches if m.end() <= start and m.span() != (start, end)]
            match = earlier[-1] if earlier else matches[-1]
        else:
            later = [m for m in matches if m.start() >= end and m.span() != (start, end)]
            match = later[0] if later else matches[0]
        self._select(text, match)
        return True

    def _select(self, text: str, match: re.Match[str]) -> None:
        begin, finish = qt_offsets(text, [match.start(), match.end()])
        cursor = QTextCursor(self.editor.document())
        cursor.setPosition(begin)
        cursor.setPosition(finish, QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.centerCursor()
        self.update_count()

    # ---- replacing -------------------------------------------------------------------
    def replace(self) -> bool:
        """Replace the selected match (or find one first), then move to the next."""
        found = self._matches()
        if found is None:
            return False
        text, matches = found
        span = self._selection_span(text)
        match = next((m for m in matches if m.span() == span), None)
        if match is None:
            return self.find_next()
        try:
            new = replacement_for(match, self.query(), self.replace_field.text())
        except (re.error, IndexError) as error:
            self.result_label.setText(tr("invalid replacement: {reason}").format(reason=error))
            return False
        cursor = self.editor.textCursor()
        cursor.insertText(new)
        self.editor.setTextCursor(cursor)
        self.find_next()
        return True

    def replace_all(self) -> int:
        """Replace every match as one undo step; returns how many were replaced."""
        found = self._matches()
        if found is None or not found[1]:
            if found is not None:
                self.result_label.setText(tr("not found") if self.field.text() else "")
            return 0
        text, matches = found
        query, replace = self.query(), self.replace_field.text()
        try:
            replacements = [replacement_for(m, query, replace) for m in matches]
        except (re.error, IndexError) as error:
            self.result_label.setText(tr("invalid replacement: {reason}").format(reason=error))
            return 0
        offsets = qt_offsets(text, [index for m in matches for index in m.span()])
        cursor = QTextCursor(self.editor.document())
        cursor.beginEditBlock()
        for number in reversed(range(len(matches))):  # from the end, so earlier offsets stay valid
            cursor.setPosition(offsets[2 * number])
            cursor.setPosition(offsets[2 * number + 1], QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(replacements[number])
        cursor.endEditBlock()
        self.result_label.setText(tr("replaced {count}").format(count=len(matches)))
        return len(matches)

    # ---- keys ------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.hide()
            self.editor.setFocus()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.replace_field.hasFocus():
                self.replace()
            elif event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.find_previous()
            else:
                self.find_next()
        else:
            super().keyPressEvent(event)
