"""Indentation guides: faint vertical lines that show which lines belong to which block.

A learner's most common Python error is an indentation one; a line at each level of
four spaces makes "this line is inside the loop" visible before running.
"""
from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QTextBlock
from PySide6.QtWidgets import QPlainTextEdit

INDENT_WIDTH = 4
BLANK_LOOKAHEAD = 200   # blank lines looked through to find the next line of code


def indent_of(text: str) -> int | None:
    """The indentation width of a line (a tab counts as one step), or None for a blank line."""
    stripped = text.lstrip(" \t")
    if not stripped:
        return None
    leading = text[:len(text) - len(stripped)]
    return leading.count(" ") + INDENT_WIDTH * leading.count("\t")


def guide_levels(lines: list[str]) -> list[int]:
    """How many guides each line shows: one per indentation step before its code.

    A blank line takes the smaller indentation of the code lines around it, so a guide
    runs through the blank lines inside a block and stops at the end of the block.
    """
    indents = [indent_of(line) for line in lines]
    levels: list[int] = []
    previous = 0
    for number, indent in enumerate(indents):
        if indent is None:
            following = next((i for i in indents[number + 1:] if i is not None), 0)
            levels.append(min(previous, following) // INDENT_WIDTH)
        else:
            previous = indent
            levels.append(indent // INDENT_WIDTH)
    return levels


def _neighbour_indent(block: QTextBlock, forward: bool) -> int:
    """The indentation of the nearest code line before (or after) ``block``."""
    for _ in range(BLANK_LOOKAHEAD):
        block = block.next() if forward else block.previous()
        if not block.isValid():
            return 0
        indent = indent_of(block.text())
        if indent is not None:
            return indent
    return 0


def paint_indent_guides(editor: QPlainTextEdit, event: QPaintEvent, colour: str) -> None:
    """Draw the guides of the visible lines on the editor's viewport."""
    block = editor.firstVisibleBlock()
    offset = editor.contentOffset()
    step = editor.fontMetrics().horizontalAdvance(" ") * INDENT_WIDTH
    left = offset.x() + editor.document().documentMargin()
    lines: list[tuple[float, float, str]] = []
    while block.isValid():
        geometry = editor.blockBoundingGeometry(block).translated(offset)
        if geometry.top() > event.rect().bottom():
            break
        if block.isVisible():
            lines.append((geometry.top(), geometry.bottom(), block.text()))
        last = block
        block = block.next()
    if not lines:
        return
    # Blank lines at the edges of the view need the code beyond it to know their level.
    first = editor.firstVisibleBlock()
    before = " " * _neighbour_indent(first, forward=False) + "x"
    after = " " * _neighbour_indent(last, forward=True) + "x"
    levels = guide_levels([before, *(text for _, _, text in lines), after])[1:-1]
    painter = QPainter(editor.viewport())
    pen_colour = QColor(colour)
    pen_colour.setAlpha(110)
    painter.setPen(QPen(pen_colour, 1))
    for (top, bottom, _), level in zip(lines, levels, strict=True):
        for depth in range(level):
            x = round(left + depth * step) + 0.5
            painter.drawLine(QPointF(x, top), QPointF(x, bottom))
    painter.end()
