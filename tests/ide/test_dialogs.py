"""Sprout's questions: the text sits beside its icon, wide enough to read in one go."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMessageBox

from ide.dialogs import question_box

Button = QMessageBox.StandardButton


def test_a_question_keeps_its_text_next_to_its_icon(qtbot):
    box = question_box(None, "Save changes?", "Your changes to spiral.py are not saved. Save them before closing?",
                       Button.Save | Button.Discard | Button.Cancel, Button.Save)
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    icon = box.findChild(QLabel, "qt_msgboxex_icon_label")
    text = box.findChild(QLabel, "qt_msgbox_label")
    assert icon is not None and text is not None
    gap = text.geometry().left() - icon.geometry().right()
    assert 0 <= gap < 4 * text.fontMetrics().horizontalAdvance("M")
    assert text.width() >= 25 * text.fontMetrics().horizontalAdvance("M")  # the sentence is not squeezed
