"""Render the completion and signature help screenshots in docs/screenshots/ (offscreen).

    QT_QPA_PLATFORM=offscreen python docs/make_completion_screenshots.py
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_screenshots import new_window, shoot, wait_until
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ide.app import create_app
from ide.i18n import apply_language

PROGRAM = '''import math

radius = 3
area = math.pi * radius ** 2
print("Area:", round(area, 2))

'''


def shots(app: QApplication, folder: Path, language: str, prefix: str) -> None:
    """The completion list (and, in English, the signature line) in one language."""
    window = new_window(app, folder, f"completion_{language}", language=language)
    window.resize(1000, 600)
    window.splitter.setSizes([440, 160])
    editor = window.editor
    editor.setPlainText(PROGRAM)
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    editor.setFocus()
    QTest.keyClicks(editor, "side = math.s")
    editor.completion.complete()
    wait_until(lambda: editor.completion.popup.isVisible(), timeout=60)
    while editor.completion.popup.current_name() != "sqrt":
        QTest.keyClick(editor, Qt.Key.Key_Down)
    wait_until(lambda: "square root" in editor.completion.popup.preview.text(), timeout=60)
    shoot(window, f"{prefix}completion.png")
    if not prefix:
        QTest.keyClick(editor, Qt.Key.Key_Return)  # accepts math.sqrt
        QTest.keyClicks(editor, "(area)")
        editor.moveCursor(editor.textCursor().MoveOperation.End)
        QTest.keyClick(editor, Qt.Key.Key_Return)
        QTest.keyClicks(editor, "print(round(side, ")
        wait_until(lambda: "<b>ndigits" in editor.completion.signature_help.text(), timeout=60)
        shoot(window, "signature_help.png")
    editor.document().setModified(False)
    window.close()
    apply_language("en")


def main() -> None:
    QStandardPaths.setTestModeEnabled(True)
    app = create_app()
    folder = Path(tempfile.mkdtemp())
    for language, prefix in (("en", ""), ("zh_CN", "zh_CN_")):
        shots(app, folder, language, prefix)


if __name__ == "__main__":
    main()
