"""The console: program output in colour, inline ``input()``, clickable tracebacks.

Every character a program prints reaches the console, in order: the runner hands
over each batch the engine produced, and all of it goes into the console's
``OutputLog`` (a temporary file, what Save Output… writes). The view keeps the last
``MAX_LINES`` lines; past that the oldest are trimmed and a notice at the top says
so. Very long lines are squeezed (double-click expands them, copying gives the full
line, both read back from the log). The view only follows new output while the
learner is at the bottom; scrolled up, it holds still on the lines being read even
as old lines are trimmed, and a "new output below" button offers the way back down.
"""
from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QFontDatabase,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QToolButton, QWidget

from .console_input import InlineInput
from .console_text import KIND, SqueezedLine, last_lines, recolour, selected_text
from .i18n import tr
from .output_log import OutputLog, byte_length
from .themes import LIGHT, Theme
from .trim_notice import TrimNotice

if TYPE_CHECKING:
    from vm import Frame, RunResult

MAX_LINES = 2000           # lines the view keeps; older ones are trimmed (the log keeps them)
SQUEEZE_AT = 1000          # characters shown of a longer line
EXPAND_LIMIT = 100_000     # a squeezed line expands to at most this much
COPY_LIMIT = 10_000_000    # a squeezed line copies at most this much
SQUEEZE_NOTE = "  … [long line squeezed: double-click to expand]"  # as shown in English


class Console(InlineInput, QPlainTextEdit):
    """Read-only output with an editable input region while ``input()`` waits."""

    input_submitted = Signal(str)
    save_requested = Signal()          # the trim notice's Save Output… link
    input_closed = Signal()            # Ctrl+D: end of input, as in a terminal
    line_activated = Signal(int, int)  # line, column in the editor's file
    file_line_activated = Signal(str, int, int)  # another of the learner's files (a module it imported)

    def __init__(self, parent: QWidget | None = None, theme: Theme = LIGHT) -> None:
        super().__init__(parent)
        self.setAccessibleName(tr("Console"))
        self.setAccessibleDescription(tr("What the program prints. When it asks for input, type your answer "
                                         "here and press Enter."))
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSize(11)
        self.setFont(font)
        self._formats: dict[str, QTextCharFormat] = {}
        self._input_start: int | None = None  # document position where typing begins
        self._history: list[str] = []
        self._history_index = 0
        self._open_line: SqueezedLine | None = None
        self.log = OutputLog()
        self._line_start = 0        # where the last line of output begins in the log
        self.trimmed = False        # whether older output left the view
        self.trim_notice = TrimNotice(MAX_LINES, self)
        self.trim_notice.save_requested.connect(self.save_requested)
        self.new_output_button = QToolButton(self)
        self.new_output_button.setText(tr("↓ New output below"))
        self.new_output_button.setToolTip(tr("Jump to the newest output"))
        self.new_output_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.new_output_button.clicked.connect(self.scroll_to_end)
        self.new_output_button.hide()
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.apply_theme(theme)

    # ---- appearance ----------------------------------------------------------
    def apply_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.trim_notice.apply_theme(theme)
        self.setStyleSheet(f"QPlainTextEdit {{ background: {theme.base}; color: {theme.text}; }}")
        colours = {"stdout": theme.stdout, "stderr": theme.stderr, "system": theme.system,
                   "input": theme.input_echo, "link": theme.link, "hint": theme.hint}
        self._formats = {}
        for kind, colour in colours.items():
            char_format = QTextCharFormat()
            char_format.setForeground(QColor(colour))
            if kind == "system":
                char_format.setFontItalic(True)
            if kind in ("input", "hint"):
                char_format.setFontWeight(QFont.Weight.Bold)
            char_format.setProperty(KIND, kind)
            self._formats[kind] = char_format
        recolour(self.document(), self._formats)

    # ---- output --------------------------------------------------------------
    def _at_bottom(self) -> bool:
        bar = self.verticalScrollBar()
        return bar.value() >= bar.maximum() - 2

    def _insertion_cursor(self) -> QTextCursor:
        cursor = QTextCursor(self.document())
        if self._input_start is not None:
            cursor.setPosition(self._input_start)  # before what the learner is typing
        else:
            cursor.movePosition(QTextCursor.MoveOperation.End)
        return cursor

    def _shift_input_start(self, length_before: int) -> None:
        """Output went in before the typing area (maybe trimming old lines): follow it."""
        if self._input_start is not None:
            self._input_start += self.document().characterCount() - length_before

    # ---- scrolling ----------------------------------------------------------------
    def scroll_to_end(self) -> None:
        bar = self.verticalScrollBar()
        bar.setValue(bar.maximum())
        self.new_output_button.hide()

    def _on_scrolled(self, _value: int) -> None:
        if self._at_bottom():
            self.new_output_button.hide()

    def _place_new_output_button(self) -> None:
        button, area = self.new_output_button, self.viewport().geometry()
        button.adjustSize()
        button.move(area.right() - button.width() - 12, area.bottom() - button.height() - 8)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._place_new_output_button()
        if self.trim_notice.isVisibleTo(self):
            self._place_trim_notice()

    def _hold_view(self, top: QTextCursor, line_in_block: int) -> None:
        """Scrolled up: keep the block that was at the top there, though lines above went."""
        self.verticalScrollBar().setValue(top.block().firstLineNumber() + line_in_block)
        if not self._at_bottom():
            self._place_new_output_button()
            self.new_output_button.show()
            self.new_output_button.raise_()

    def append_output(self, stream: str, text: str) -> None:
        """Add program output (``stream`` is stdout, stderr, system or input)."""
        self.append_batch([(stream, text)])

    def append_batch(self, chunks: Sequence[tuple[str, str]]) -> None:
        """Add a batch of output in order: all of it goes to the log; the view makes
        room by trimming its oldest lines (a batch longer than the view shows its end)."""
        chunks = [(stream, text) for stream, text in chunks if text]
        if not chunks:
            return
        for _, text in chunks:
            self.log.write(text)
        self._check_log()
        follow = self._at_bottom()
        if not follow:
            first = self.firstVisibleBlock()
            top = QTextCursor(first)
            line_in_block = self.verticalScrollBar().value() - first.firstLineNumber()
        length_before = self.document().characterCount()
        new_lines = sum(text.count("\n") for _, text in chunks)
        if new_lines >= MAX_LINES:
            chunks = last_lines(chunks, MAX_LINES - 1)
            self._trim_before(self._insertion_cursor().position())
            self._open_line = None
            self._line_start = self.log.size - sum(byte_length(text) for _, text in chunks)
        else:
            self._make_room(new_lines)
        cursor = self._insertion_cursor()
        cursor.beginEditBlock()  # one layout pass for the whole batch, not one per chunk
        for stream, text in chunks:
            self._insert(cursor, text, self._formats.get(stream, self._formats["stdout"]))
        cursor.endEditBlock()
        self._shift_input_start(length_before)
        if follow:
            self.verticalScrollBar().setValue(self.verticalScrollBar().maximum())
        else:
            self._hold_view(top, line_in_block)

    def _make_room(self, new_lines: int) -> None:
        """Trim the oldest lines so that ``new_lines`` more fit in ``MAX_LINES``.

        One removal of many lines costs what removing one does; Qt's own block limit
        removes them one by one, which under a flood took most of the window's time."""
        excess = self.document().blockCount() + new_lines - MAX_LINES
        if excess > 0:
            self._trim_before(self.document().findBlockByNumber(excess).position())

    def _trim_before(self, position: int) -> None:
        if position <= 0:
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        if not self.trimmed:
            self.trimmed = True
            self._show_trim_notice(True)

    def _check_log(self) -> None:
        """The log failed (a full disk): the notice says Save Output… no longer has it all."""
        if self.log.error is not None and self.trim_notice.log_error is None:
            self.trim_notice.set_log_error(self.log.error)
            self._show_trim_notice(True)

    def _show_trim_notice(self, shown: bool) -> None:
        self.trim_notice.setVisible(shown)
        if shown:
            self._place_trim_notice()
        else:
            self.setViewportMargins(0, 0, 0, 0)

    def _place_trim_notice(self) -> None:
        """Above the text, as wide as the view (its words wrap when the console is narrow)."""
        area, width = self.contentsRect(), self.viewport().width()
        height = self.trim_notice.heightForWidth(width)
        if height <= 0:
            height = self.trim_notice.sizeHint().height()
        self.setViewportMargins(0, height, 0, 0)
        self.trim_notice.setGeometry(area.left(), area.top(), width, height)

    def _insert(self, cursor: QTextCursor, text: str, char_format: QTextCharFormat) -> None:
        """Insert one stream's text at ``cursor``, squeezing lines past ``SQUEEZE_AT``;
        ``text`` was the last thing written to the log."""
        end = self.log.size
        pieces = text.split("\n")
        if self._open_line is None and max(map(len, pieces)) + cursor.block().length() <= SQUEEZE_AT:
            cursor.insertText(text, char_format)  # the common case: one insertion per batch
        else:
            position = end - byte_length(text)  # where ``text`` begins in the log
            for index, piece in enumerate(pieces):
                if index:
                    cursor.insertText("\n", char_format)
                    self._open_line = None
                    position += 1
                    self._line_start = position
                if piece:
                    self._insert_piece(cursor, piece, char_format)
                    position += byte_length(piece)
        line_end = text.rfind("\n")
        if line_end != -1:
            self._line_start = end - byte_length(text[line_end + 1:])

    def _insert_piece(self, cursor: QTextCursor, piece: str, char_format: QTextCharFormat) -> None:
        if self._open_line is not None:
            return  # the rest of a squeezed line: in the log, not in view
        room = SQUEEZE_AT - cursor.block().length() + 1
        if len(piece) <= room:
            cursor.insertText(piece, char_format)
            return
        cursor.insertText(piece[:max(room, 0)], char_format)
        squeezed = SqueezedLine(self._line_start, len(cursor.block().text()))
        cursor.insertText(tr("  … [long line squeezed: double-click to expand]"), self._formats["system"])
        cursor.block().setUserData(squeezed)
        self._open_line = squeezed

    def append_system(self, text: str) -> None:
        """A message from Sprout itself (run started, finished...), on its own line."""
        if not self.document().isEmpty() and self.document().lastBlock().text():
            self.append_output("system", "\n")
        self.append_output("system", text + "\n")

    def append_traceback(self, result: RunResult, text: str, user_file: str) -> None:
        """The halt or error traceback, with each line in the learner's files a link to the editor:
        the program's own (``user_file``) and the modules of theirs it imported (named by path)."""
        frames = {f'File "{frame.filename}", line {frame.line}': frame for frame in result.frames}
        if not self.document().isEmpty() and self.document().lastBlock().text():
            self.append_output("stderr", "\n")
        for line in text.splitlines():
            frame = next((f for key, f in frames.items() if key in line), None)
            if frame is not None and (frame.filename == user_file or _learner_module(frame.filename)):
                self._append_link_line(line, frame, frame.filename != user_file)
            else:
                self.append_output("stderr", line + "\n")

    def append_hint(self, sentence: str) -> None:
        """The plain-language explanation shown under a traceback."""
        self.append_output("hint", tr("Hint: {sentence}").format(sentence=sentence) + "\n")

    def _append_link_line(self, line: str, frame: Frame, other_file: bool) -> None:
        self.log.write(line + "\n")
        self._check_log()
        length_before = self.document().characterCount()
        self._make_room(1)
        cursor = self._insertion_cursor()
        link = QTextCharFormat(self._formats["link"])
        link.setAnchor(True)
        link.setAnchorHref(f"file:{frame.line}:{frame.column}:{frame.filename}" if other_file
                           else f"line:{frame.line}:{frame.column}")
        link.setFontUnderline(True)
        cursor.insertText(line, link)
        cursor.insertText("\n", self._formats["stderr"])
        self._open_line, self._line_start = None, self.log.size
        self._shift_input_start(length_before)

    def clear_output(self) -> None:
        self.end_input()
        self.clear()
        self.log.clear()
        self._open_line, self._line_start = None, 0
        self.new_output_button.hide()
        if self.trimmed or self.trim_notice.log_error is not None:
            self.trimmed = False
            self.trim_notice.set_log_error(None)
            self._show_trim_notice(False)

    def plain_text(self) -> str:
        return self.toPlainText()

    # ---- links and squeezed lines -----------------------------------------------
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        href = self.anchorAt(event.position().toPoint())
        if href.startswith("line:") and event.button() == Qt.MouseButton.LeftButton:
            _, line, column = href.split(":")
            self.line_activated.emit(int(line), int(column))
            return
        if href.startswith("file:") and event.button() == Qt.MouseButton.LeftButton:
            _, line, column, path = href.split(":", 3)
            self.file_line_activated.emit(path, int(line), int(column))
            return
        super().mouseReleaseEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        over_link = bool(self.anchorAt(event.position().toPoint()))
        self.viewport().setCursor(Qt.CursorShape.PointingHandCursor if over_link
                                  else Qt.CursorShape.IBeamCursor)
        super().mouseMoveEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        block = self.cursorForPosition(event.position().toPoint()).block()
        if not self.expand_line(block.blockNumber()):
            super().mouseDoubleClickEvent(event)

    def expand_line(self, block_number: int) -> bool:
        """Show a squeezed line in full (up to ``EXPAND_LIMIT`` characters)."""
        block = self.document().findBlockByNumber(block_number)
        squeezed = block.userData()
        if not isinstance(squeezed, SqueezedLine) or self._holds_input(block):
            return False
        full, goes_on = self.log.line_from(squeezed.start, EXPAND_LIMIT)
        if len(full) < squeezed.shown:
            return False  # the log could not keep it (a full disk): leave the line as it is
        cursor = QTextCursor(block)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(full, self._formats["stdout"])
        if goes_on:
            cursor.insertText(tr("  … [the line goes on: Save Output… keeps all of it]"), self._formats["system"])
        block.setUserData(None)  # type: ignore[arg-type]
        if self._open_line is squeezed:
            self._open_line = None
        return True

    def _holds_input(self, block: QTextBlock) -> bool:
        return self._input_start is not None and block.position() + block.length() > self._input_start

    def copy(self) -> None:
        """Copying a squeezed line copies all of it (up to ``COPY_LIMIT`` characters).

        Done through the clipboard's own text, not by overriding
        ``createMimeDataFromSelection``: a QMimeData made in Python and handed to Qt is
        freed twice when the application exits (a segmentation fault)."""
        cursor = self.textCursor()
        text = selected_text(self.document(), self.log, cursor.selectionStart(), cursor.selectionEnd(), COPY_LIMIT)
        if text is None:
            super().copy()
        else:
            QApplication.clipboard().setText(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy()
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        menu = self.createStandardContextMenu(event.pos())
        for action in menu.actions():
            if action.objectName() == "edit-copy":  # Qt's name for its Copy entry
                action.triggered.disconnect()
                action.triggered.connect(self.copy)
        menu.exec(event.globalPos())
        menu.deleteLater()


def _learner_module(filename: str) -> bool:
    """A frame of the learner's own imported module: the engine names those by their path."""
    return os.path.isabs(filename) and os.path.isfile(filename)
