"""Words Qt's own catalogues leave untranslated in the dialogs Sprout shows.

Qt 6's ``qtbase_zh_CN`` lacks "&Look in:" and "Files of &type:" (its entries have no
mnemonic), so a Chinese file dialog shows them in English. A translator installed after
Qt's answers just those.
"""
from __future__ import annotations

from PySide6.QtCore import QTranslator

GAPS = {
    "zh_CN": {
        ("QFileDialog", "&Look in:"): "查找范围(&L)：",
        ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
    },
}


class QtGaps(QTranslator):
    def __init__(self, language: str, parent=None) -> None:
        super().__init__(parent)
        self.words = GAPS.get(language, {})

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        return self.words.get((context, source))  # None: not ours, Qt asks the next catalogue

    def isEmpty(self) -> bool:  # noqa: N802
        return not self.words
