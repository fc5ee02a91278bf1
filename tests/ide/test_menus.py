"""The menus are built from data: every command has its place, and only the registry's."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMenu, QMenuBar

from ide.menus import SEPARATOR, TOOLBAR, Menu, build_menus, menu_definitions, menu_ids


def _entries(menu: QMenu) -> list:
    found = []
    for action in menu.actions():
        found.append(action)
        if action.menu() is not None:
            found += _entries(action.menu())
    return found


def _menu_bar_actions(window) -> list:
    found = []
    for top in window.menuBar().actions():
        found += _entries(top.menu())
    return found


def test_every_command_is_in_a_menu_and_every_menu_entry_is_a_command(window):
    assert menu_ids(menu_definitions()) == set(window.commands.ids())
    shown = _menu_bar_actions(window)
    for action_id in window.commands.ids():
        assert window.commands[action_id] in shown, action_id


def test_the_toolbar_holds_run_stop_and_the_debugger_from_the_same_registry(window):
    buttons = [action for action in window.toolbar.actions() if not action.isSeparator()]
    assert buttons == [window.commands[action_id] for action_id in TOOLBAR if action_id != SEPARATOR]


def test_the_submenus_the_window_fills_come_back_as_a_value(window):
    menus = window.menus
    assert [entry.data() for entry in menus.theme.actions()] == ["light", "dark", "contrast"]
    assert menus.examples.actions() and menus.language.actions()
    assert not menus.recent.isEnabled()  # nothing opened yet in this test's settings
    assert not hasattr(window, "recent_menu") and not hasattr(window, "theme_menu")


def test_an_id_the_registry_does_not_have_is_refused(qtbot, window):
    bar = QMenuBar()
    qtbot.addWidget(bar)
    with pytest.raises(KeyError):
        build_menus(bar, window.commands, [], [Menu("&File", ("no_such_command",))])
