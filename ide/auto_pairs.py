"""Brackets and quotes that close themselves, as learners expect from other editors.

Typing an opener inserts its closer after the cursor; typing that closer next steps
over it; Backspace between an empty pair removes both; a selection typed over with an
opener or a quote is wrapped instead of replaced. Inside a comment, and for brackets
inside a string, keys type what they say: a pair there would be wrong more often than
right. Each change is one undo step.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from .text_positions import to_python

PAIRS = {"(": ")", "[": "]", "{": "}", '"': '"', "'": "'"}
CLOSING_BRACKETS = {")", "]", "}"}
QUOTES = {'"', "'"}
# After these, an opener gets its closer; before anything else (a name, a number)
# the learner is probably wrapping existing code by hand.
CLOSE_BEFORE = set(" \t)]},:;=")
STRING_PREFIX = re.compile(r"(?:^|[^\w])[rRbBfFuU]{1,2}$")
# The rest of a string after its opening delimiter, up to the closing one (escapes skipped).
STRING_BODY = {
    '"': re.compile(r'(?:\\.|[^\\"\n])*(")?'),
    "'": re.compile(r"(?:\\.|[^\\'\n])*(')?"),
    '"""': re.compile(r'(?:\\.|[^\\]|\\\n)*?(""")|(?:\\.|[^\\]|\\\n)*\Z', re.DOTALL),
    "'''": re.compile(r"(?:\\.|[^\\]|\\\n)*?(''')|(?:\\.|[^\\]|\\\n)*\Z", re.DOTALL),
}
STARTS = re.compile(r"#|'''|\"\"\"|'|\"")
LOOKBACK_BLOCKS = 2000  # how far to look for a line that starts outside any string


@dataclass(frozen=True)
class Context:
    """Where the end of some text is: in code, in a comment, or in a string (with its quote)."""

    kind: str = "code"          # "code" | "comment" | "string"
    quote: str = ""             # the string's delimiter: ', ", ''' or \"\"\"


def context_at_end(text: str) -> Context:
    """What the end of ``text`` (Python source from a line outside any string) is inside."""
    position = 0
    while True:
        start = STARTS.search(text, position)
        if start is None:
            return Context()
        delimiter = start.group()
        if delimiter == "#":
            newline = text.find("\n", start.end())
            if newline == -1:
                return Context("comment")
            position = newline + 1
            continue
        body = STRING_BODY[delimiter].match(text, start.end())
        assert body is not None  # every pattern can match the empty string
        if body.group(1) is None:
            if len(delimiter) == 1 and body.end() < len(text):  # a one-quote string ends at the line's end
                position = body.end() + 1
                continue
            return Context("string", delimiter)
        position = body.end()


def _typing(modifiers: Qt.KeyboardModifier) -> bool:
    """Modifiers that still type a character: Shift, and AltGr (which Windows reports as
    Ctrl+Alt and X11 as the group switch) on keyboards where brackets need it."""
    shift, control, alt = (Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.ControlModifier,
                           Qt.KeyboardModifier.AltModifier)
    rest = modifiers & ~shift & ~Qt.KeyboardModifier.GroupSwitchModifier
    return rest == Qt.KeyboardModifier.NoModifier or rest == control | alt


class AutoPairs:
    """Handles the pair keys for one editor; ``handle`` says whether it used the key."""

    def __init__(self, editor: QPlainTextEdit) -> None:
        self.editor = editor
        self.enabled = True

    def handle(self, event: QKeyEvent) -> bool:
        if not self.enabled:
            return False
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() == Qt.Key.Key_Backspace and not modifiers:
            return self._remove_empty_pair()
        char = event.text()
        if len(char) != 1 or not _typing(modifiers):
            return False
        if char in PAIRS or char in CLOSING_BRACKETS:
            return self._type(char)
        return False

    # ---- what the cursor is next to ----------------------------------------------------------
    def _before_and_after(self) -> tuple[str, str]:
        cursor = self.editor.textCursor()
        text = cursor.block().text()
        at = to_python(text, cursor.positionInBlock())
        return text[:at], text[at:]

    def context_at(self, position: int) -> Context:
        """The context at ``position``, scanning from the nearest line that starts outside a string."""
        block = self.editor.document().findBlock(position)
        # The highlighter stores each line's end state; 0 means plain code (no open string).
        for _ in range(LOOKBACK_BLOCKS):
            previous = block.previous()
            if not previous.isValid() or previous.userState() == 0:
                break
            block = previous
        start = QTextCursor(block)
        start.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
        return context_at_end(start.selectedText().replace("\u2029", "\n"))

    # ---- the edits ---------------------------------------------------------------------------
    def _type(self, char: str) -> bool:
        cursor = self.editor.textCursor()
        context = self.context_at(cursor.selectionStart())
        if context.kind == "comment":
            return False
        if cursor.hasSelection():
            return context.kind == "code" and char in PAIRS and self._wrap(cursor, char)
        before, after = self._before_and_after()
        if context.kind == "string":
            # One quote at a time, so typing the three closing quotes of a docstring works too.
            escaped = (len(before) - len(before.rstrip("\\"))) % 2 == 1  # \" is a quote inside
            if char in QUOTES and context.quote[0] == char and after.startswith(char) and not escaped:
                return self._step_over(cursor, 1)
            return False
        if char in CLOSING_BRACKETS:
            return after[:1] == char and self._step_over(cursor, 1)
        if after[:1] and after[:1] not in CLOSE_BEFORE:
            return False
        if char in QUOTES:
            if before.endswith(char * 2):  # the third quote of a docstring
                return self._insert(cursor, char, char * 3)
            if before[-1:].isalnum() and not STRING_PREFIX.search(before) or before[-1:] in ("_", char):
                return False
        return self._insert(cursor, char, PAIRS[char])

    def _insert(self, cursor: QTextCursor, typed: str, closer: str) -> bool:
        cursor.beginEditBlock()
        cursor.insertText(typed + closer)
        cursor.endEditBlock()
        cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.MoveAnchor, len(closer))
        self.editor.setTextCursor(cursor)
        return True

    def _step_over(self, cursor: QTextCursor, width: int) -> bool:
        cursor.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.MoveAnchor, width)
        self.editor.setTextCursor(cursor)
        return True

    def _wrap(self, cursor: QTextCursor, char: str) -> bool:
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        cursor.beginEditBlock()
        cursor.setPosition(end)
        cursor.insertText(PAIRS[char])
        cursor.setPosition(start)
        cursor.insertText(char)
        cursor.endEditBlock()
        # The wrapped text stays selected, so a second quote or bracket wraps again.
        cursor.setPosition(start + 1)
        cursor.setPosition(end + 1, QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        return True

    def _remove_empty_pair(self) -> bool:
        cursor = self.editor.textCursor()
        if cursor.hasSelection():
            return False
        before, after = self._before_and_after()
        if not before or PAIRS.get(before[-1]) != after[:1]:
            return False
        # An empty pair only: `(|)` in code, or a string just opened, `"|"`, not `"a"|"`.
        context = self.context_at(cursor.position())
        wanted = Context("string", before[-1]) if before[-1] in QUOTES else Context("code")
        if context != wanted:
            return False
        cursor.beginEditBlock()
        cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.MoveAnchor, 1)
        cursor.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.KeepAnchor, 2)
        cursor.removeSelectedText()
        cursor.endEditBlock()
        return True
