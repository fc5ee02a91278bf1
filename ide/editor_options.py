"""The editor's on/off options: self-closing pairs, word wrap and indentation guides.

Each is a checkable menu entry whose state is remembered in the settings.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from .editor import CodeEditor
from .i18n import tr
from .settings import Settings


class EditorOptions:
    """Creates the option actions and applies the remembered choices to the editor."""

    def __init__(self, editor: CodeEditor, settings: Settings, parent: QWidget) -> None:
        self.editor = editor
        self.settings = settings
        self.auto_pairs_action = self._toggle(parent, tr("Auto-close &Brackets and Quotes"),
                                              settings.auto_pairs, self.set_auto_pairs)
        self.word_wrap_action = self._toggle(parent, tr("&Word Wrap"), settings.word_wrap,
                                             self.set_word_wrap, "Alt+Z")
        self.indent_guides_action = self._toggle(parent, tr("Indentation &Guides"), settings.indent_guides,
                                                 self.set_indent_guides)

    @staticmethod
    def _toggle(parent: QWidget, label: str, checked: bool, apply: Callable[[bool], None],
                shortcut: str = "") -> QAction:
        action = QAction(label, parent)
        action.setCheckable(True)
        action.setChecked(checked)
        if shortcut:
            action.setShortcut(shortcut)
        action.toggled.connect(apply)
        apply(checked)
        return action

    def set_auto_pairs(self, on: bool) -> None:
        self.editor.auto_pairs.enabled = on
        self.settings.auto_pairs = on

    def set_word_wrap(self, on: bool) -> None:
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth if on
                                    else QPlainTextEdit.LineWrapMode.NoWrap)
        self.settings.word_wrap = on

    def set_indent_guides(self, on: bool) -> None:
        self.editor.show_indent_guides = on
        self.editor.viewport().update()
        self.settings.indent_guides = on
