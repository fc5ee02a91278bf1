"""The console's text beyond what a plain text view does: squeezed lines, the end of a
batch too long for the view, copying squeezed lines in full, recolouring by kind."""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QTextBlockUserData, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat

from .output_log import OutputLog
from .text_positions import to_python

KIND = QTextFormat.Property.UserProperty + 1   # which kind of text a fragment is (stdout...)


class SqueezedLine(QTextBlockUserData):
    """A line shown in part: where it begins in the log, and how much of it is shown."""

    def __init__(self, start: int, shown: int) -> None:
        super().__init__()
        self.start = start    # byte offset in the console's log
        self.shown = shown    # characters shown before the squeeze note


def last_lines(chunks: Sequence[tuple[str, str]], keep: int) -> list[tuple[str, str]]:
    """What follows the last ``keep + 1`` line ends of ``chunks`` (there are more)."""
    kept: list[tuple[str, str]] = []
    for stream, text in reversed(chunks):
        end = len(text)
        while end > 0:
            end = text.rfind("\n", 0, end)
            if end == -1:
                break
            if keep == 0:
                kept.append((stream, text[end + 1:]))
                kept.reverse()
                return kept
            keep -= 1
        kept.append((stream, text))
    kept.reverse()
    return kept


def selected_text(document: QTextDocument, log: OutputLog, start: int, end: int,
                  limit: int) -> str | None:
    """The text between positions ``start`` and ``end`` with each squeezed line in it
    whole (up to ``limit`` characters); ``None`` when no squeezed line is in it."""
    block = document.findBlock(start)
    lines: list[str] = []
    squeezed_any = False
    while block.isValid() and block.position() <= end:
        text = block.text()
        first = to_python(text, max(start - block.position(), 0))
        last = to_python(text, end - block.position()) if end < block.position() + block.length() else len(text)
        squeezed = block.userData()
        if isinstance(squeezed, SqueezedLine) and last > squeezed.shown:
            full, _goes_on = log.line_from(squeezed.start, limit)
            if len(full) >= squeezed.shown:
                squeezed_any = True
                text, last = full, len(full)
        lines.append(text[first:last])
        block = block.next()
    return "\n".join(lines) if squeezed_any else None


def recolour(document: QTextDocument, formats: dict[str, QTextCharFormat]) -> None:
    """Give the text already shown the colours of ``formats``, kind by kind."""
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            kind = fragment.charFormat().property(KIND)
            if kind in formats:
                cursor.setPosition(fragment.position())
                cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                colour = QTextCharFormat()
                colour.setForeground(formats[kind].foreground())
                cursor.mergeCharFormat(colour)
            fragments += 1
        block = block.next()
    cursor.endEditBlock()
