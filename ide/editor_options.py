"""The editor's on/off options: self-closing pairs, word wrap and indentation guides.

Each is a checkable menu entry whose state is remembered in the settings and applies
to every tab, those opened later too.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from .editor import CodeEditor
from .editor_tabs import EditorTab, EditorTabs
from .i18n import tr
from .settings import Settings


class EditorOptions:
    """Creates the option actions and applies the remembered choices to the editor."""

    def __init__(self, tabs: EditorTabs, settings: Settings, parent: QWidget) -> None:
        self.tabs = tabs
        self.settings = settings
        self.auto_pairs_action = self._toggle(parent, tr("Auto-close &Brackets and Quotes"),
                                              settings.auto_pairs, self.set_auto_pairs)
        self.word_wrap_action = self._toggle(parent, tr("&Word Wrap"), settings.word_wrap,
                                             self.set_word_wrap, "Alt+Z")
        self.indent_guides_action = self._toggle(parent, tr("Indentation &Guides"), settings.indent_guides,
                                                 self.set_indent_guides)
        tabs.tab_added.connect(self._apply_to)

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

    def _apply_to(self, tab: EditorTab) -> None:
        self._set_options(tab.editor, self.auto_pairs_action.isChecked(), self.word_wrap_action.isChecked(),
                          self.indent_guides_action.isChecked())

    @staticmethod
    def _set_options(editor: CodeEditor, auto_pairs: bool | None = None, word_wrap: bool | None = None,
                     indent_guides: bool | None = None) -> None:
        if auto_pairs is not None:
            editor.auto_pairs.enabled = auto_pairs
        if word_wrap is not None:
            editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth if word_wrap
                                   else QPlainTextEdit.LineWrapMode.NoWrap)
        if indent_guides is not None:
            editor.show_indent_guides = indent_guides
            editor.viewport().update()

    def set_auto_pairs(self, on: bool) -> None:
        for editor in self.tabs.editors():
            self._set_options(editor, auto_pairs=on)
        self.settings.auto_pairs = on

    def set_word_wrap(self, on: bool) -> None:
        for editor in self.tabs.editors():
            self._set_options(editor, word_wrap=on)
        self.settings.word_wrap = on

    def set_indent_guides(self, on: bool) -> None:
        for editor in self.tabs.editors():
            self._set_options(editor, indent_guides=on)
        self.settings.indent_guides = on
