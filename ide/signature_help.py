"""The parameters of the call being typed, above the cursor, the current one in bold.

Like the completion list it is a child of the editor, so it never takes the focus.
``ide/completion_controller.py`` asks for the signature when ``(`` or ``,`` is typed and
as the cursor moves while it shows; it hides on ``)``, Esc, or outside any call.
"""
from __future__ import annotations

from html import escape

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QLabel, QWidget

from .completion import Signature
from .i18n import tr


def signature_html(signature: Signature) -> str:
    """``name(a, *, b=1)`` as rich text, the current parameter in bold.

    The ``/`` and ``*`` markers are shown as Python writes them, so a learner sees which
    parameters must be given by position and which by name.
    """
    parts: list[str] = []
    kinds = [parameter.kind for parameter in signature.parameters]
    for index, parameter in enumerate(signature.parameters):
        if parameter.kind == "KEYWORD_ONLY" and "VAR_POSITIONAL" not in kinds[:index] \
                and "KEYWORD_ONLY" not in kinds[:index]:
            parts.append("*")
        text = escape(parameter.text, quote=False)
        parts.append(f"<b>{text}</b>" if index == signature.current else text)
        if parameter.kind == "POSITIONAL_ONLY" and (index + 1 == len(kinds) or kinds[index + 1] != "POSITIONAL_ONLY"):
            parts.append("/")
    return f"{escape(signature.name, quote=False)}({', '.join(parts)})"


class SignatureHelp(QLabel):
    """A tooltip-like line that follows the call being typed."""

    def __init__(self, editor: QWidget) -> None:
        super().__init__(editor)
        self.setAccessibleName(tr("Parameters of the call"))
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFont(editor.font())
        self.setMargin(4)
        self.setAutoFillBackground(True)
        self.setFrameShape(QLabel.Shape.StyledPanel)
        self.setForegroundRole(self.foregroundRole().ToolTipText)
        self.setBackgroundRole(self.backgroundRole().ToolTipBase)
        self.signature: Signature | None = None
        self.hide()

    def show_signature(self, signature: Signature, cursor_rect: QRect) -> None:
        """Above the cursor's line (below it on the first visible line), inside the editor."""
        self.signature = signature
        self.setText(signature_html(signature))
        self.adjustSize()
        parent = self.parentWidget()
        assert parent is not None  # made with the editor as its parent
        area = parent.rect()
        width = min(self.width(), area.width())
        top = cursor_rect.top() - self.height() - 2
        if top < 0:
            top = cursor_rect.bottom() + 2
        left = max(0, min(cursor_rect.left(), area.right() - width))
        self.setGeometry(QRect(QPoint(left, top), QRect(0, 0, width, self.height()).size()))
        self.show()
        self.raise_()

    def close_help(self) -> None:
        self.signature = None
        self.hide()
