"""The line at the top of a console whose oldest output no longer fits in it, or whose
log could not keep everything (a full disk)."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QLabel, QWidget

from .i18n import tr
from .themes import Theme


class TrimNotice(QLabel):
    """Says that older output was trimmed, and offers Save Output…, which keeps all of it."""

    save_requested = Signal()

    def __init__(self, kept_lines: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kept_lines = kept_lines
        self._theme: Theme | None = None
        self.log_error: str | None = None   # why Save Output… cannot write everything
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setContentsMargins(8, 3, 8, 3)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.linkActivated.connect(lambda _link: self.save_requested.emit())
        self.setAccessibleName(tr("Older output trimmed"))
        self.hide()

    def apply_theme(self, theme: Theme) -> None:
        self._theme = theme
        if self.log_error is None:
            self.setText(tr('Older output trimmed: the console keeps the last {lines:,} lines. '
                            '<a href="save" style="color: {link};">Save Output…</a> keeps all of it.').format(
                lines=self._kept_lines, link=theme.link))
        else:
            self.setText(tr('Sprout could not keep all the output ({error}). '
                            '<a href="save" style="color: {link};">Save Output…</a> writes what it kept.').format(
                error=self.log_error, link=theme.link))
        self.setAccessibleDescription(QTextDocumentFragment.fromHtml(self.text()).toPlainText())
        self.setStyleSheet(f"QLabel {{ background: {theme.alternate}; color: {theme.system};"
                           f" border-bottom: 1px solid {theme.gutter_text}; }}")

    def set_log_error(self, error: str | None) -> None:
        self.log_error = error
        if self._theme is not None:
            self.apply_theme(self._theme)
