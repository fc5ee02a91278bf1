"""Completion and signature help in the code editor: when to ask, what to show, the keys.

Ctrl+Space asks for suggestions at the cursor; typing ``.`` after a name in code asks on
its own (never in a string, a comment or a number such as ``3.``). ``(`` and ``,`` ask
for the call's signature. The questions go to the jedi worker (``ide/completion.py``);
the editor never waits for it. An answer is shown only if it is the newest of its kind,
came within ``DEADLINE_S`` (once jedi is loaded; the very first answer includes loading
it) and the cursor is still in the word it was asked for; typing on filters the list.

Everything hangs on an event filter on the editor, so the editor's own keys (auto pairs,
indentation) run unchanged when no list is showing.
"""
from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QTextCursor

from .completion import Answer, Question, Replies, service
from .completion_popup import CompletionPopup
from .signature_help import SignatureHelp
from .text_positions import column_of, position_in_block, text_before_cursor

if TYPE_CHECKING:
    from .editor import CodeEditor

DEADLINE_S = 1.0
FOLLOW_MS = 120   # the signature follows the cursor once it rests this long (not at every key)
WORD_END = re.compile(r"\w*\Z")
NUMBER_END = re.compile(r"(?<![\w.])\d[\d_]*\Z")   # `3.` or `1_000.` starts a float, not an attribute
PAGE_ROWS = 8
Key = Qt.Key


class CompletionController(QObject):
    """Owns one editor's suggestion list and signature line."""

    def __init__(self, editor: CodeEditor) -> None:
        super().__init__(editor)
        self.editor = editor
        self.enabled = True
        self.deadline = DEADLINE_S
        self.file_path: Callable[[], Path | None] = lambda: None  # the window tells where the file is
        self.popup = CompletionPopup(editor)
        self.signature_help = SignatureHelp(editor)
        self.replies = Replies(self)
        self.replies.answered.connect(self._on_answer)
        self._number = 0
        self._asked: dict[str, tuple[int, float, bool]] = {}  # kind -> (number, when, jedi was warm)
        self._word: tuple[int, int] = (-1, 0)                 # the list's block and word start column
        self._follow = QTimer(self)
        self._follow.setSingleShot(True)
        self._follow.setInterval(FOLLOW_MS)
        self._follow.timeout.connect(self._follow_signature)
        self.popup.chosen.connect(self.accept)
        self.popup.selection_changed.connect(lambda name: self._ask("docstring", name))
        editor.cursorPositionChanged.connect(self._on_cursor_moved)
        editor.verticalScrollBar().valueChanged.connect(self._follow_scroll)
        editor.horizontalScrollBar().valueChanged.connect(self._follow_scroll)
        editor.installEventFilter(self)

    # ---- asking -----------------------------------------------------------------------
    def complete(self) -> None:
        """Ask for suggestions for the word the cursor ends."""
        cursor = self.editor.textCursor()
        self._word = (cursor.blockNumber(), column_of(cursor) - len(self._typed_word(cursor)))
        self._ask("complete")

    def ask_signature(self) -> None:
        self._ask("signature")

    def _follow_signature(self) -> None:
        """The cursor moved while the parameters line is shown: ask again for where it is now."""
        if self.signature_help.isVisible():
            self.ask_signature()

    def _ask(self, kind: str, name: str = "") -> None:
        if not self.enabled:
            return
        cursor = self.editor.textCursor()
        self._number += 1
        path = self.file_path()
        worker = service()
        self._asked[kind] = (self._number, time.monotonic(), worker.warm)
        worker.ask(Question(kind, self.editor.source_text(), cursor.blockNumber() + 1, column_of(cursor),
                            str(path) if path else None, self._number, name, self.replies))

    # ---- answers ----------------------------------------------------------------------
    def _on_answer(self, answer: Answer) -> None:
        question = answer.question
        number, asked_at, warm = self._asked.get(question.kind, (-1, 0.0, False))
        if question.number != number or (warm and time.monotonic() - asked_at > self.deadline):
            return  # superseded, or so late the learner has moved on
        if question.kind == "docstring":
            if self.popup.isVisible():
                self.popup.show_docstring(question.name, answer.docstring)
        elif question.kind == "complete":
            typed = self._typed_in_word()
            if typed is not None and self.popup.set_suggestions(answer.suggestions, typed):
                self.popup.show_at(self._cursor_rect())
            else:
                self.popup.hide()
        elif answer.signature is None:
            self.signature_help.close_help()
        else:
            self.signature_help.show_signature(answer.signature, self._cursor_rect())

    # ---- keys -------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._key_press(event)
        if event.type() == QEvent.Type.FocusOut:
            self.close()
        return False

    def _key_press(self, event: QKeyEvent) -> bool:
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key == Key.Key_Space and modifiers == Qt.KeyboardModifier.ControlModifier:
            self.complete()
            return True
        if self.popup.isVisible() and self._list_key(key, modifiers):
            return True
        if key == Key.Key_Escape and self.signature_help.isVisible():
            self._close_signature()
            return True
        text = event.text()
        if text in (".", "(", ",", ")") and not modifiers & ~Qt.KeyboardModifier.ShiftModifier:
            self.editor.event(event)  # the editor (and its auto pairs) types it first
            self._typed(text)
            return True
        return False

    def _list_key(self, key: int, modifiers: Qt.KeyboardModifier) -> bool:
        moves: dict[int, int] = {Key.Key_Up: -1, Key.Key_Down: 1, Key.Key_PageUp: -PAGE_ROWS, Key.Key_PageDown: PAGE_ROWS}
        if key in moves and not modifiers:
            self.popup.move_selection(moves[key])
        elif key in (Key.Key_Return, Key.Key_Enter, Key.Key_Tab) and not modifiers:
            name = self.popup.current_name()
            if name is not None:
                self.accept(name)
        elif key == Key.Key_Escape:
            self.popup.hide()
        else:
            return False
        return True

    def _typed(self, text: str) -> None:
        if text == ")":
            self._close_signature()
            return
        cursor = self.editor.textCursor()
        if self.editor.auto_pairs.context_at(cursor.position()).kind != "code":
            return
        if text == ".":
            before = text_before_cursor(cursor)[:-1]
            if before.rstrip() == before and before[-1:] and not NUMBER_END.search(before) \
                    and (before[-1].isidentifier() or before[-1].isdigit() or before[-1] in ")]\"'"):
                self.complete()
        else:
            self.ask_signature()

    def accept(self, name: str) -> None:
        """Put ``name`` in place of the word typed so far."""
        cursor = self.editor.textCursor()
        block_number, start = self._word
        if cursor.blockNumber() == block_number and self._typed_in_word() is not None:
            cursor.setPosition(position_in_block(cursor.block(), start), QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(name)
            self.editor.setTextCursor(cursor)
        self.popup.hide()

    def close(self) -> None:
        self.popup.hide()
        self._close_signature()

    def _close_signature(self) -> None:
        """Hide the parameters line; an answer still on its way is for a call now closed."""
        self._asked.pop("signature", None)
        self.signature_help.close_help()

    # ---- where the cursor is ----------------------------------------------------------
    def _on_cursor_moved(self) -> None:
        if self.popup.isVisible():
            typed = self._typed_in_word()
            if typed is None or not self.popup.filter(typed):
                self.popup.hide()
        if self.signature_help.isVisible():
            self._follow.start()  # the current parameter follows the cursor; outside the call it hides

    def _follow_scroll(self) -> None:
        """The list and the parameters stay beside the cursor as the text scrolls."""
        rect = self._cursor_rect()
        if not self.editor.viewport().geometry().contains(rect.center()):
            self.close()  # the cursor scrolled out of view
            return
        if self.popup.isVisible():
            self.popup.show_at(rect)
        if self.signature_help.isVisible() and self.signature_help.signature is not None:
            self.signature_help.show_signature(self.signature_help.signature, rect)

    @staticmethod
    def _typed_word(cursor: QTextCursor) -> str:
        match = WORD_END.search(text_before_cursor(cursor))
        return match.group() if match else ""

    def _typed_in_word(self) -> str | None:
        """What has been typed of the list's word, or None once the cursor has left it."""
        cursor = self.editor.textCursor()
        block_number, start = self._word
        column = column_of(cursor)
        if cursor.hasSelection() or cursor.blockNumber() != block_number or column < start:
            return None
        typed = text_before_cursor(cursor)[start:]
        return typed if WORD_END.fullmatch(typed) else None

    def _cursor_rect(self) -> QRect:
        rect = self.editor.cursorRect()
        return rect.translated(self.editor.viewport().mapTo(self.editor, rect.topLeft()) - rect.topLeft())
