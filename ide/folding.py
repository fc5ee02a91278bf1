"""Code folding: hide the body of a ``def``, ``class`` or other compound statement.

A header line (its first word opens a compound statement) whose next lines are
indented deeper gets a triangle in the gutter; a click hides or shows those lines.
Folding only hides blocks (``QTextBlock.setVisible``): the text, a run and a save are
unchanged. A folded body opens again whenever the cursor lands in it (arrow keys,
Find, a traceback link, the halted-line marker) or an edit leaves it without its header.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QAction, QColor, QKeySequence, QPainter, QPaintEvent, QTextBlock
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from .i18n import tr
from .indent_guides import indent_of

MARKER_WIDTH = 14
COMPOUND = re.compile(r"[ \t]*(?:async[ \t]+)?(?:def|class|if|elif|else|for|while|try|except|finally|with"
                      r"|match|case)\b")
PLAIN_CODE_STATE = 0   # the highlighter's state for a line that ends outside any string


def _starts_in_string(block: QTextBlock) -> bool:
    previous = block.previous()
    return previous.isValid() and previous.userState() not in (PLAIN_CODE_STATE, -1)


class Folding(QObject):
    """Finds the foldable regions of an editor's text and hides or shows them."""

    def __init__(self, editor: QPlainTextEdit) -> None:
        super().__init__(editor)
        self.editor = editor
        self._any_folded = False
        self._cursor_position = 0
        editor.cursorPositionChanged.connect(self._reveal_cursor)
        editor.document().contentsChange.connect(self._on_contents_change)

    # ---- regions ---------------------------------------------------------------------
    @staticmethod
    def is_header(block: QTextBlock) -> bool:
        """Does a foldable body start after ``block``? (Cheap: looks at the next code line only.)"""
        if _starts_in_string(block) or not COMPOUND.match(block.text()):
            return False
        indent = indent_of(block.text()) or 0
        following = block.next()
        while following.isValid():
            width = indent_of(following.text())
            if _starts_in_string(following) or width is not None:
                return _starts_in_string(following) or width is not None and width > indent
            following = following.next()
        return False

    def region_end(self, header: QTextBlock) -> QTextBlock | None:
        """The last line of ``header``'s body, or None when ``header`` does not start one."""
        if not self.is_header(header):
            return None
        indent = indent_of(header.text()) or 0
        last = None
        block = header.next()
        while block.isValid():
            inside_string = _starts_in_string(block)
            width = indent_of(block.text())
            if not inside_string and width is not None and width <= indent:
                break
            if inside_string or width is not None:
                last = block  # blank lines belong to the body only when more of it follows
            block = block.next()
        return last

    def is_folded(self, header: QTextBlock) -> bool:
        following = header.next()
        return following.isValid() and not following.isVisible() and self.region_end(header) is not None

    # ---- folding and unfolding -----------------------------------------------------------
    def toggle(self, line: int) -> bool:
        """Fold or unfold the region starting at ``line`` (from 1); False if none starts there."""
        header = self.editor.document().findBlockByNumber(line - 1)
        if not header.isValid() or not self.is_header(header):
            return False
        self._show_body(header, self.is_folded(header))  # folded: show the body; open: hide it
        return True

    def fold_at_cursor(self) -> None:
        """Fold the innermost region holding the cursor (or starting on its line)."""
        block = self.editor.textCursor().block()
        header = block
        while header.isValid():
            end = self.region_end(header)
            if end is not None and end.blockNumber() >= block.blockNumber():
                if not self.is_folded(header):
                    self._show_body(header, False)
                    return
            header = header.previous()

    def unfold_at_cursor(self) -> None:
        header = self.editor.textCursor().block()
        if self.is_folded(header):
            self._show_body(header, True)

    def unfold_all(self) -> None:
        document = self.editor.document()
        if self._any_folded:
            self._set_visible(document.firstBlock(), document.lastBlock(), True)
            self._any_folded = False

    def _show_body(self, header: QTextBlock, visible: bool) -> None:
        end = self.region_end(header)
        if end is None:
            return
        if not visible:
            self._any_folded = True
            cursor = self.editor.textCursor()
            if header.blockNumber() < cursor.blockNumber() <= end.blockNumber():
                # The cursor would be hidden: it goes to the header's end, as in other editors.
                cursor.setPosition(header.position() + header.length() - 1)
                self.editor.setTextCursor(cursor)
        self._set_visible(header.next(), end, visible)

    def _set_visible(self, first: QTextBlock, last: QTextBlock, visible: bool) -> None:
        block = first
        while block.isValid() and block.blockNumber() <= last.blockNumber():
            block.setVisible(visible)
            block = block.next()
        document = self.editor.document()
        start = first.position()
        document.markContentsDirty(start, last.position() + last.length() - start)
        self.editor.viewport().update()
        self.editor.ensureCursorVisible()

    # ---- keeping folds honest ---------------------------------------------------------------
    def _reveal_cursor(self) -> None:
        cursor = self.editor.textCursor()
        previous_position, self._cursor_position = self._cursor_position, cursor.position()
        block = cursor.block()
        if block.isVisible() or cursor.hasSelection():
            if not block.isVisible():
                self._open_around(block)
            return
        header = self._visible_header_above(block)
        end = self.region_end(header) if header is not None and self.is_folded(header) else None
        if header is not None and end is not None:
            # Right/Left across a folded body's edge steps over the body, as in other editors.
            after = end.next()
            header_end = header.position() + header.length() - 1
            forward = previous_position == header_end and cursor.position() > previous_position
            backward = after.isValid() and previous_position == after.position() and \
                cursor.position() < previous_position
            if forward or backward:
                cursor.setPosition(after.position() if forward and after.isValid() else header_end)
                self.editor.setTextCursor(cursor)
                return
        self._open_around(block)

    @staticmethod
    def _visible_header_above(block: QTextBlock) -> QTextBlock | None:
        header = block.previous()
        while header.isValid() and not header.isVisible():
            header = header.previous()
        return header if header.isValid() else None

    def _open_around(self, block: QTextBlock) -> None:
        """Unfold whatever hides ``block`` (Find, a traceback link, the halted line reached it)."""
        while not block.isVisible():
            header = self._visible_header_above(block)
            if header is None or not self.is_folded(header):
                self._set_visible(block, block, True)
                return
            self._show_body(header, True)

    def _on_contents_change(self, position: int, removed: int, added: int) -> None:
        """An edit can take a folded body's header away: such lines are shown again."""
        if not self._any_folded:
            return
        block = self.editor.document().firstBlock()
        any_folded = False
        while block.isValid():
            if block.isVisible() and self.is_folded(block):
                end = self.region_end(block)
                assert end is not None
                any_folded = True
                block = end.next()
                continue
            if not block.isVisible():
                self._set_visible(block, block, True)
            block = block.next()
        self._any_folded = any_folded

    # ---- painting ----------------------------------------------------------------------------
    def paint_marker(self, painter: QPainter, block: QTextBlock, top: int, height: int, right: int,
                     colour: str) -> None:
        """A triangle at the gutter's right edge: pointing down when open, right when folded."""
        if not self.is_header(block):
            return
        size = min(MARKER_WIDTH - 6, height - 6)
        left = right - MARKER_WIDTH + (MARKER_WIDTH - size) / 2
        middle = top + height / 2
        if self.is_folded(block):
            points = [QPointF(left, middle - size / 2), QPointF(left + size, middle),
                      QPointF(left, middle + size / 2)]
        else:
            points = [QPointF(left, middle - size / 3), QPointF(left + size, middle - size / 3),
                      QPointF(left + size / 2, middle + size / 2)]
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colour))
        painter.drawPolygon(points)

    def paint_folded_ends(self, event: QPaintEvent, colour: str) -> None:
        """A small "⋯" box after each folded header, so hidden lines never go unnoticed."""
        if not self._any_folded:
            return
        editor = self.editor
        painter: QPainter | None = None
        block = editor.firstVisibleBlock()
        offset = editor.contentOffset()
        while block.isValid():
            geometry = editor.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > event.rect().bottom():
                break
            if block.isVisible() and self.is_folded(block):
                painter = painter or QPainter(editor.viewport())
                line = block.layout().lineAt(block.layout().lineCount() - 1)
                left = offset.x() + editor.document().documentMargin() + line.naturalTextWidth() + 8
                metrics = editor.fontMetrics()
                box = QRectF(left, geometry.top() + 2, metrics.horizontalAdvance(" ⋯ "), metrics.height() - 4)
                painter.setPen(QColor(colour))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(box, 3, 3)
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, "⋯")
            block = block.next()
        if painter is not None:
            painter.end()


def folding_actions(folding: Callable[[], Folding], parent: QWidget) -> list[QAction]:
    """View > Fold, Unfold and Unfold All, in the editor ``folding()`` belongs to (the tab in front)."""
    entries = ((tr("&Fold"), ("Ctrl+Shift+[", "Ctrl+{"), lambda: folding().fold_at_cursor()),
               (tr("U&nfold"), ("Ctrl+Shift+]", "Ctrl+}"), lambda: folding().unfold_at_cursor()),
               (tr("Unfold &All"), (), lambda: folding().unfold_all()))
    actions = []
    for label, keys, handler in entries:
        action = QAction(label, parent)
        action.setShortcuts([QKeySequence(key) for key in keys])
        action.triggered.connect(lambda checked=False, run=handler: run())
        actions.append(action)
    return actions
