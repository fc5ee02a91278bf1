"""The code editor: gutter, highlighting, indentation helpers, zoom and line markers."""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QTextBlockUserData,
    QTextCursor,
    QTextFormat,
    QWheelEvent,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from .auto_pairs import AutoPairs
from .brackets import BRACKETS, CLOSERS, find_matching_bracket
from .completion_controller import CompletionController
from .folding import MARKER_WIDTH, Folding
from .highlighter import PythonHighlighter
from .i18n import tr
from .indent_guides import paint_indent_guides
from .text_positions import position_in_block, text_before_cursor, to_python, to_qt
from .themes import LIGHT, Theme

INDENT = "    "
DEFAULT_POINT_SIZE = 12
MIN_POINT_SIZE, MAX_POINT_SIZE = 6, 40


class BreakpointMark(QTextBlockUserData):
    """Marks a line's block, so a breakpoint moves with its line as the text is edited."""


class Gutter(QWidget):
    """Line numbers, the halted-line marker and breakpoint dots, left of the text."""

    clicked_line = Signal(int)

    def __init__(self, editor: CodeEditor) -> None:
        super().__init__(editor)
        self._editor = editor
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(self._editor.gutter_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        self._editor.paint_gutter(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802
        line = self._editor.line_at_y(int(event.position().y()))
        in_fold_column = event.position().x() >= self.width() - MARKER_WIDTH
        if line and not (in_fold_column and self._editor.folding.toggle(line)):
            self.clicked_line.emit(line)


class CodeEditor(QPlainTextEdit):
    """A ``QPlainTextEdit`` for Python, after Qt's Code Editor Example."""

    zoom_changed = Signal(int)
    breakpoint_toggled = Signal(int)

    def __init__(self, parent: QWidget | None = None, theme: Theme = LIGHT) -> None:
        super().__init__(parent)
        self.setAccessibleName(tr("Code editor"))
        self.setAccessibleDescription(tr("Your program. F5 runs it, Shift+F5 stops it, F9 sets a breakpoint "
                                         "on the current line; Ctrl+Tab moves to the next pane."))
        self.theme = theme
        self.halted_line: int | None = None
        self.paused_line: int | None = None
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSize(DEFAULT_POINT_SIZE)
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.setFont(font)
        self.gutter = Gutter(self)
        self.gutter.clicked_line.connect(self.toggle_breakpoint)
        self.highlighter = PythonHighlighter(self.document(), theme.style)
        self.auto_pairs = AutoPairs(self)
        self.completion = CompletionController(self)  # suggestions and signatures (an event filter)
        self.show_indent_guides = True
        self.folding = Folding(self)
        self.blockCountChanged.connect(self._update_gutter_width)
        self.updateRequest.connect(self._update_gutter)
        self.cursorPositionChanged.connect(self._refresh_selections)
        self.textChanged.connect(self._on_text_changed)
        self._update_gutter_width()
        self.apply_theme(theme)

    def source_text(self) -> str:
        """The text exactly as in the file: ``toPlainText`` turns no-break spaces into spaces."""
        return self.document().toRawText().replace("\u2029", "\n")

    # ---- appearance ----------------------------------------------------------
    def apply_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.setStyleSheet(f"QPlainTextEdit {{ background: {theme.base}; color: {theme.text}; "
                           f"selection-background-color: {theme.highlight}; }}")
        halted = self.halted_line
        self.highlighter.set_style(theme.style)  # re-colouring reads as a text change to Qt
        self.halted_line = halted                # but it is no edit: the marker stays
        self._refresh_selections()
        self.gutter.update()

    @property
    def point_size(self) -> int:
        return self.font().pointSize()

    def set_point_size(self, size: int) -> None:
        size = max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, size))
        font = self.font()
        font.setPointSize(size)
        self.setFont(font)
        self.setTabStopDistance(self.fontMetrics().horizontalAdvance(" ") * 4)
        self._update_gutter_width()
        self.zoom_changed.emit(size)

    def zoom(self, steps: int) -> None:
        self.set_point_size(self.point_size + steps)

    def reset_zoom(self) -> None:
        self.set_point_size(DEFAULT_POINT_SIZE)

    # ---- gutter --------------------------------------------------------------
    def gutter_width(self) -> int:
        digits = max(3, len(str(self.blockCount())))
        return 24 + MARKER_WIDTH + self.fontMetrics().horizontalAdvance("9") * digits

    def _update_gutter_width(self, *_: object) -> None:
        self.setViewportMargins(self.gutter_width(), 0, 0, 0)

    def _update_gutter(self, rect: QRect, dy: int) -> None:
        if dy:
            self.gutter.scroll(0, dy)
        else:
            self.gutter.update(0, rect.y(), self.gutter.width(), rect.height())

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        area = self.contentsRect()
        self.gutter.setGeometry(QRect(area.left(), area.top(), self.gutter_width(), area.height()))

    def line_at_y(self, y: int) -> int | None:
        block = self.firstVisibleBlock()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        while block.isValid():
            bottom = top + round(self.blockBoundingRect(block).height())
            if top <= y < bottom:
                return block.blockNumber() + 1
            block, top = block.next(), bottom
        return None

    def paint_gutter(self, event: QPaintEvent) -> None:
        painter = QPainter(self.gutter)
        painter.setFont(self.font())  # numbers in the code's font sit on the code's baseline
        painter.fillRect(event.rect(), QColor(self.theme.gutter))
        block = self.firstVisibleBlock()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        height = self.fontMetrics().height()
        width = self.gutter.width()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        while block.isValid() and top <= event.rect().bottom():
            bottom = top + round(self.blockBoundingRect(block).height())
            line = block.blockNumber() + 1
            if block.isVisible() and bottom >= event.rect().top():
                self._paint_gutter_line(painter, line, top, width - MARKER_WIDTH, height,
                                        isinstance(block.userData(), BreakpointMark))
                self.folding.paint_marker(painter, block, top, height, width, self.theme.gutter_text)
            block, top = block.next(), bottom
        painter.end()

    def _paint_gutter_line(self, painter: QPainter, line: int, top: int, width: int,
                           height: int, has_breakpoint: bool) -> None:
        size = max(8, height - 6)
        if has_breakpoint:
            painter.setBrush(QColor("#d73a49"))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(4, top + (height - size) // 2, size, size)
        marker_line = self.paused_line or self.halted_line
        if line == marker_line:
            painter.setBrush(QColor(self.theme.halted_marker))
            # Over a breakpoint dot, an outline in the gutter's colour keeps the two apart.
            painter.setPen(QPen(QColor(self.theme.gutter), 2) if has_breakpoint else Qt.PenStyle.NoPen)
            mid = top + height // 2
            painter.drawPolygon([QPointF(4, mid - size / 2), QPointF(4 + size, mid),
                                 QPointF(4, mid + size / 2)])
        current = self.textCursor().blockNumber() + 1
        painter.setPen(QColor(self.theme.text if line == current else self.theme.gutter_text))
        painter.drawText(0, top, width - 6, height, Qt.AlignmentFlag.AlignRight, str(line))

    # ---- markers -------------------------------------------------------------
    def set_halted_line(self, line: int | None) -> None:
        """Mark where the program stopped or failed; cleared by the next edit."""
        self.halted_line = line
        self._show_marker(line)

    def set_paused_line(self, line: int | None) -> None:
        """The debugger's current line."""
        self.paused_line = line
        self._show_marker(line)

    def _show_marker(self, line: int | None) -> None:
        if line:
            self.go_to_line(line)
        self._refresh_selections()

    @property
    def breakpoints(self) -> set[int]:
        """Line numbers (from 1) that carry a breakpoint now."""
        lines = set()
        block = self.document().begin()
        while block.isValid():
            if isinstance(block.userData(), BreakpointMark):
                lines.add(block.blockNumber() + 1)
            block = block.next()
        return lines

    @breakpoints.setter
    def breakpoints(self, lines: set[int]) -> None:
        block = self.document().begin()
        while block.isValid():
            wanted = block.blockNumber() + 1 in lines
            if wanted != isinstance(block.userData(), BreakpointMark):
                block.setUserData(BreakpointMark() if wanted else None)  # type: ignore[arg-type]
            block = block.next()
        self.gutter.update()

    def toggle_breakpoint(self, line: int) -> None:
        block = self.document().findBlockByNumber(line - 1)
        if not block.isValid():
            return
        marked = isinstance(block.userData(), BreakpointMark)
        block.setUserData(None if marked else BreakpointMark())  # type: ignore[arg-type]
        self.gutter.update()
        self.breakpoint_toggled.emit(line)

    def go_to_line(self, line: int, column: int = 1) -> None:
        block = self.document().findBlockByNumber(max(0, line - 1))
        if not block.isValid():
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(position_in_block(block, column - 1))
        self.setTextCursor(cursor)
        self.centerCursor()
        self.setFocus()

    def _on_text_changed(self) -> None:
        if self.halted_line is not None:
            self.set_halted_line(None)

    def _line_selection(self, line: int, colour: str) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        selection.format.setBackground(QColor(colour))
        selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
        selection.cursor = QTextCursor(self.document().findBlockByNumber(line - 1))
        return selection

    def _refresh_selections(self) -> None:
        current = self.textCursor().blockNumber() + 1
        selections = [self._line_selection(current, self.theme.current_line)]
        for marked in (self.halted_line, self.paused_line):
            if marked:
                selections.append(self._line_selection(marked, self.theme.halted_line))
        selections.extend(self._bracket_selections())
        self.setExtraSelections(selections)
        self.gutter.update()

    # ---- bracket matching ----------------------------------------------------
    def _bracket_selections(self) -> list[QTextEdit.ExtraSelection]:
        document = self.document()
        position = self.textCursor().position()
        for at in (position, position - 1):
            if 0 <= at and (document.characterAt(at) in BRACKETS or document.characterAt(at) in CLOSERS):
                # Only copy the text out when the cursor is next to a bracket.
                text = document.toPlainText()
                partner = find_matching_bracket(text, to_python(text, at))
                if partner is None:
                    return []
                return [self._char_selection(at), self._char_selection(to_qt(text, partner))]
        return []

    def _char_selection(self, position: int) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        selection.format.setBackground(QColor(self.theme.bracket_match))
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        cursor.setPosition(position + 1, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        return selection

    # ---- keys ----------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key, modifiers = event.key(), event.modifiers()
        control = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        if self.auto_pairs.handle(event):
            self.ensureCursorVisible()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not modifiers & ~Qt.KeyboardModifier.KeypadModifier:
            self._newline_with_indent()
        elif key == Qt.Key.Key_Tab and not control:
            self._indent_selection() if self.textCursor().hasSelection() else self.insertPlainText(INDENT)
        elif key == Qt.Key.Key_Backtab:
            self._dedent_selection()
        elif key == Qt.Key.Key_Backspace and not modifiers and self._at_indent_stop():
            cursor = self.textCursor()
            cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor, 4)
            cursor.removeSelectedText()
        elif control and key == Qt.Key.Key_Slash:
            self.toggle_comment()
        else:
            super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        if self.show_indent_guides:
            paint_indent_guides(self, event, self.theme.gutter_text)
        self.folding.paint_folded_ends(event, self.theme.gutter_text)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom(1 if event.angleDelta().y() > 0 else -1)
        else:
            super().wheelEvent(event)

    def _newline_with_indent(self) -> None:
        cursor = self.textCursor()
        line = text_before_cursor(cursor)
        indent = line[:len(line) - len(line.lstrip())]
        stripped = line.split("#", 1)[0].rstrip() if "#" in line else line.rstrip()
        if stripped.endswith(":"):
            indent += INDENT
        elif stripped.split()[:1] in (["return"], ["pass"], ["break"], ["continue"], ["raise"]):
            indent = indent[:-len(INDENT)] if indent.endswith(INDENT) else indent
        cursor.insertText("\n" + indent)
        self.ensureCursorVisible()

    def _at_indent_stop(self) -> bool:
        cursor = self.textCursor()
        if cursor.hasSelection():
            return False
        before = text_before_cursor(cursor)
        return bool(before) and not before.strip() and len(before) % 4 == 0

    def _selected_blocks(self) -> tuple[int, int]:
        cursor = self.textCursor()
        document = self.document()
        first = document.findBlock(cursor.selectionStart()).blockNumber()
        last_position = cursor.selectionEnd()
        last = document.findBlock(last_position).blockNumber()
        if cursor.hasSelection() and document.findBlock(last_position).position() == last_position and last > first:
            last -= 1  # a selection ending at a line start does not include that line
        return first, last

    def _edit_lines(self, change) -> None:
        first, last = self._selected_blocks()
        cursor = self.textCursor()
        cursor.beginEditBlock()
        for number in range(first, last + 1):
            block = self.document().findBlockByNumber(number)
            change(QTextCursor(block), block.text())
        cursor.endEditBlock()

    def _indent_selection(self) -> None:
        self._edit_lines(lambda cursor, text: cursor.insertText(INDENT))

    def _dedent_selection(self) -> None:
        def dedent(cursor: QTextCursor, text: str) -> None:
            width = min(len(INDENT), len(text) - len(text.lstrip(" ")))
            cursor.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.KeepAnchor, width)
            cursor.removeSelectedText()
        self._edit_lines(dedent)

    def toggle_comment(self) -> None:
        """Comment the selected lines, or uncomment them if all are comments."""
        first, last = self._selected_blocks()
        blocks = [self.document().findBlockByNumber(n).text() for n in range(first, last + 1)]
        code_lines = [text for text in blocks if text.strip()]
        uncomment = bool(code_lines) and all(t.lstrip().startswith("#") for t in code_lines)
        indent = min((len(t) - len(t.lstrip()) for t in code_lines), default=0)

        def change(cursor: QTextCursor, text: str) -> None:
            if not text.strip():
                return
            block = cursor.block()
            if uncomment:
                at = text.index("#")
                width = 2 if text[at:at + 2] == "# " else 1
                cursor.setPosition(position_in_block(block, at))
                cursor.setPosition(position_in_block(block, at + width), QTextCursor.MoveMode.KeepAnchor)
                cursor.removeSelectedText()
            else:
                cursor.setPosition(position_in_block(block, indent))
                cursor.insertText("# ")
        self._edit_lines(change)

