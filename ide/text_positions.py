"""Qt counts text positions in UTF-16 code units; Python counts code points.

An emoji such as 🌱 is one Python character but two Qt positions, so every place that
moves between a ``QTextCursor`` position and a Python string index converts here.
Columns shown to learners (the status bar, tracebacks) are Python's: code points.
"""
from __future__ import annotations

from PySide6.QtGui import QTextBlock, QTextCursor

_FIRST_ASTRAL = "\U00010000"


def _all_in_bmp(text: str) -> bool:
    return text.isascii() or max(text, default="a") < _FIRST_ASTRAL


def to_qt(text: str, index: int) -> int:
    """The Qt offset of Python index ``index`` in ``text``."""
    if _all_in_bmp(text):
        return index
    return len(text[:index].encode("utf-16-le")) // 2


def to_python(text: str, offset: int) -> int:
    """The Python index of Qt offset ``offset`` in ``text`` (inside a pair: the pair's start)."""
    if _all_in_bmp(text):
        return offset
    return len(text.encode("utf-16-le")[:2 * max(offset, 0)].decode("utf-16-le", "ignore"))


def column_of(cursor: QTextCursor) -> int:
    """The cursor's 0-based column in Python characters."""
    return to_python(cursor.block().text(), cursor.positionInBlock())


def text_before_cursor(cursor: QTextCursor) -> str:
    """The cursor's line up to the cursor, as a Python string."""
    text = cursor.block().text()
    return text[:to_python(text, cursor.positionInBlock())]


def position_in_block(block: QTextBlock, index: int) -> int:
    """The document position of Python index ``index`` in ``block``'s text (clamped)."""
    text = block.text()
    return block.position() + to_qt(text, min(max(index, 0), len(text)))
