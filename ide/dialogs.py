"""Questions Sprout asks, with buttons a keyboard can reach (Alt+S, Alt+D...).

Qt's static ``QMessageBox.question`` labels standard buttons without mnemonics;
learners who work by keyboard (or with a screen reader) need them.
"""
from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from .i18n import tr

Button = QMessageBox.StandardButton
def _labels() -> dict[Button, str]:
    return {Button.Save: tr("&Save"), Button.Discard: tr("&Don't Save"), Button.Cancel: tr("&Cancel"),
            Button.Yes: tr("&Yes"), Button.No: tr("&No")}


def ask(parent: QWidget | None, title: str, text: str, buttons: Button, default: Button) -> Button:
    """Ask and wait for the answer; Escape answers Cancel (or No)."""
    return Button(question_box(parent, title, text, buttons, default).exec())


def question_box(parent: QWidget | None, title: str, text: str, buttons: Button, default: Button) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, buttons, parent)
    box.setAccessibleName(title)
    box.setAccessibleDescription(text)  # a screen reader reads the question, not only the title
    for standard, label in _labels().items():
        button = box.button(standard)
        if button is not None:
            button.setText(label)
    box.setDefaultButton(default)
    # Wide enough that a sentence is not broken after its second-to-last word; only the
    # text's label (the icon is a QLabel too, and would be pushed 30em away from the text).
    box.setStyleSheet("QLabel#qt_msgbox_label { min-width: 30em; }")
    return box

