"""The menu bar and the toolbar as data: which commands live where, in what order.

As IDLE's ``mainmenu.menudefs``: each menu is a title and a list of entries, an
entry being a command's id in the ``ActionRegistry``, a separator, the panels' View
toggles, or a submenu the window fills itself (recent files, themes, languages,
examples). ``build_menus`` turns the data into menus and returns those submenus as a
value; it never stores anything on the window.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from functools import partial

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMenuBar, QToolBar, QWidget

from . import resources
from .actions import ActionRegistry
from .i18n import tr
from .themes import THEMES

SEPARATOR = "-"
PANEL_TOGGLES = "@panel_toggles"  # the View entries that show and hide each panel's docks


@dataclass(frozen=True)
class Menu:
    """A menu or submenu; a submenu with a ``name`` is handed to the window to fill."""

    title: str
    entries: tuple[Entry, ...] = ()
    name: str = ""


Entry = str | Menu


def menu_definitions() -> list[Menu]:
    """File, Edit, View, Run, Tools, Examples and Help (titles in the IDE's language)."""
    return [
        Menu(tr("&File"), ("new", "open", Menu(tr("Open &Recent"), name="recent"), "save", "save_as", "close_tab", SEPARATOR,
                           "save_output", SEPARATOR, "quit")),
        Menu(tr("&Edit"), ("undo", "redo", "cut", "copy", "paste", SEPARATOR, "find", "find_next", "replace",
                           SEPARATOR, "comment", SEPARATOR, "auto_pairs")),
        Menu(tr("&View"), ("zoom_in", "zoom_out", "zoom_reset", SEPARATOR,
                           "word_wrap", "indent_guides", "fold", "unfold", "unfold_all", SEPARATOR,
                           Menu(tr("&Language"), name="language"), Menu(tr("&Theme"), name="theme"), SEPARATOR,
                           PANEL_TOGGLES, SEPARATOR,
                           "next_tab", "previous_tab", SEPARATOR,
                           "next_pane", "previous_pane", "go_editor", "go_output", "go_drawing", SEPARATOR,
                           "clear_console")),
        Menu(tr("&Run"), ("run", "stop", "abandon", SEPARATOR,
                          "debug", "continue", "step_over", "step_into", "step_out", "pause", "breakpoint",
                          "pause_on_uncaught")),
        Menu(tr("&Tools"), ("packages",)),
        Menu(tr("E&xamples"), name="examples"),
        Menu(tr("&Help"), ("about",)),
    ]


TOOLBAR: tuple[str, ...] = ("new", "open", "save", SEPARATOR, "run", "stop", SEPARATOR,
                            "debug", "continue", "step_over", "step_into", "step_out", "pause")


@dataclass(frozen=True)
class WindowMenus:
    """The submenus whose entries change while Sprout runs, or that the window fills."""

    recent: QMenu
    language: QMenu
    theme: QMenu
    examples: QMenu


def build_menus(bar: QMenuBar, commands: ActionRegistry, panel_toggles: Iterable[QAction],
                definitions: list[Menu] | None = None) -> WindowMenus:
    """Menus from the data (``menu_definitions()`` unless given); an unknown id raises KeyError."""
    named: dict[str, QMenu] = {}
    toggles = list(panel_toggles)

    def fill(menu: QMenu, entries: tuple[Entry, ...]) -> None:
        for entry in entries:
            if isinstance(entry, Menu):
                submenu = menu.addMenu(entry.title)
                add_named(entry, submenu)
            elif entry == SEPARATOR:
                menu.addSeparator()
            elif entry == PANEL_TOGGLES:
                menu.addActions(toggles)
            else:
                menu.addAction(commands[entry])

    def add_named(entry: Menu, menu: QMenu) -> None:
        fill(menu, entry.entries)
        if entry.name:
            named[entry.name] = menu

    for definition in definitions if definitions is not None else menu_definitions():
        add_named(definition, bar.addMenu(definition.title))
    return WindowMenus(**{field.name: named[field.name] for field in fields(WindowMenus)})


def menu_ids(definitions: list[Menu]) -> set[str]:
    """Every command id the menus place (what a test compares with the registry)."""
    found: set[str] = set()
    stack = list(definitions)
    while stack:
        menu = stack.pop()
        for entry in menu.entries:
            if isinstance(entry, Menu):
                stack.append(entry)
            elif entry not in (SEPARATOR, PANEL_TOGGLES):
                found.add(entry)
    return found


def build_toolbar(toolbar: QToolBar, commands: ActionRegistry, ids: tuple[str, ...] = TOOLBAR) -> None:
    for entry in ids:
        if entry == SEPARATOR:
            toolbar.addSeparator()
        else:
            toolbar.addAction(commands[entry])
    for action in toolbar.actions():  # a screen reader says what each button does, too
        button = toolbar.widgetForAction(action)
        if button is not None:
            button.setAccessibleDescription(action.toolTip())


def list_entry(parent: QWidget, text: str, slot: Callable[[], object]) -> QAction:
    """An entry of a list that changes (themes, examples, recent files), not a command."""
    action = QAction(text, parent)
    action.triggered.connect(lambda checked=False: slot())
    return action


def fill_theme_menu(menu: QMenu, current: str, choose: Callable[[str], None]) -> None:
    """One checkable entry per theme; ``current`` checked (Light if it is not one)."""
    group = QActionGroup(menu)
    names = {"light": tr("Light"), "dark": tr("Dark"), "contrast": tr("High Contrast")}
    for name in THEMES:
        entry = list_entry(menu, names.get(name, name), partial(choose, name))
        entry.setCheckable(True)
        entry.setChecked(name == current or (name == "light" and current not in THEMES))
        entry.setData(name)
        group.addAction(entry)
        menu.addAction(entry)


def fill_examples_menu(menu: QMenu, open_example: Callable[..., object]) -> None:
    for example in resources.examples():
        menu.addAction(list_entry(menu, example.title, partial(open_example, example.path)))
