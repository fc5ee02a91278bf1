"""The menu bar: which commands live in which menu, in what order."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from . import resources
from .folding import folding_actions
from .i18n import tr
from .language_menu import LanguageMenu
from .themes import THEMES

if TYPE_CHECKING:
    from .main_window import MainWindow


def build_menus(window: MainWindow) -> None:
    """File, Edit, View, Run, Examples and Help, from the window's action registry."""
    bar, actions = window.menuBar(), window.actions
    file_menu = bar.addMenu(tr("&File"))
    file_menu.addActions([actions["new"], actions["open"]])
    window.recent_menu = file_menu.addMenu(tr("Open &Recent"))
    file_menu.addActions([actions["save"], actions["save_as"]])
    file_menu.addAction(actions["close_tab"])
    file_menu.addSeparator()
    file_menu.addAction(actions["save_output"])
    file_menu.addSeparator()
    file_menu.addAction(actions["quit"])
    edit_menu = bar.addMenu(tr("&Edit"))
    edit_menu.addActions([actions[i] for i in ("undo", "redo", "cut", "copy", "paste")])
    edit_menu.addSeparator()
    edit_menu.addActions([actions["find"], actions["find_next"]])
    edit_menu.addSeparator()
    edit_menu.addAction(actions["comment"])
    view_menu = bar.addMenu(tr("&View"))
    view_menu.addActions([actions["zoom_in"], actions["zoom_out"], actions["zoom_reset"]])
    view_menu.addSeparator()
    window.language_menu = LanguageMenu(window, window.settings, view_menu)
    window.theme_menu = view_menu.addMenu(tr("&Theme"))
    themes = QActionGroup(window)
    for name in THEMES:
        entry = window.menu_action({"light": tr("Light"), "dark": tr("Dark"),
                                   "contrast": tr("High Contrast")}.get(name, name),
                                  lambda n=name: window.set_theme(n))
        entry.setCheckable(True)
        entry.setChecked(name == window.settings.theme or (name == "light" and window.settings.theme not in THEMES))
        entry.setData(name)
        themes.addAction(entry)
        window.theme_menu.addAction(entry)
    view_menu.addSeparator()
    view_menu.addActions([*window.debug.view_actions(), window.drawing.toggle_action(),
                          window.plots.toggle_action(), window.plotter.toggle_action()])
    view_menu.addSeparator()
    view_menu.addActions([actions["next_tab"], actions["previous_tab"], *window.pane_focus.actions])
    view_menu.addSeparator()
    view_menu.addAction(actions["clear_console"])
    run_menu = bar.addMenu(tr("&Run"))
    run_menu.addActions([actions["run"], actions["stop"], actions["abandon"]])
    window.debug.add_to(window.toolbar, run_menu)
    for action in window.toolbar.actions():  # a screen reader says what each button does, too
        button = window.toolbar.widgetForAction(action)
        if button is not None:
            button.setAccessibleDescription(action.toolTip())
    tools_menu = bar.addMenu(tr("&Tools"))
    window.packages.add_to(tools_menu)
    window.examples_menu = bar.addMenu(tr("E&xamples"))
    for example in resources.examples():
        window.examples_menu.addAction(window.menu_action(
            example.title, lambda p=example.path: window.tabs.open_example(p)))
    help_menu = bar.addMenu(tr("&Help"))
    help_menu.addAction(actions["about"])
    add_editor_entries(window, edit_menu, view_menu)


def add_editor_entries(window: MainWindow, edit_menu: QMenu, view_menu: QMenu) -> None:
    """Replace and the editor's options, each beside its kin."""
    actions, options = window.actions, window.editor_options

    def after(menu: QMenu, action: QAction) -> QAction | None:
        entries = menu.actions()
        index = entries.index(action) + 1
        return entries[index] if index < len(entries) else None

    edit_menu.insertAction(after(edit_menu, actions["find_next"]), actions["replace"])
    edit_menu.addSeparator()
    edit_menu.addAction(options.auto_pairs_action)
    before = after(view_menu, actions["zoom_reset"])
    window.fold_actions = folding_actions(lambda: window.editor.folding, window)
    view_menu.insertActions(before, [options.word_wrap_action, options.indent_guides_action, *window.fold_actions])
    view_menu.insertSeparator(options.word_wrap_action)
