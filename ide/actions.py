"""Every command of the window in one table: label, keys, icon, and when it is allowed.

Each ``ActionSpec`` names the run states it is enabled in; ``ActionRegistry.apply``
sets every action from the runner's one state, including what F5 means (Run, or
Continue while the debugger is paused). Other parts of the IDE (the panels, the
packages dialog) add their own specs here instead of building actions themselves;
``ide/menus.py`` places every action by its id.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from . import resources
from .run_state import ACTIVE, ENDED, RunState

Shortcut = str | QKeySequence.StandardKey
ALWAYS: frozenset[RunState] = frozenset(RunState)
WHEN_IDLE = ENDED
WHILE_RUNNING = ACTIVE
F5 = "F5"


@dataclass(frozen=True)
class ActionSpec:
    id: str
    label: str
    handler: Callable[[], object]
    shortcuts: tuple[Shortcut, ...] = ()
    icon: str | None = None
    tip: str = ""
    enabled_in: frozenset[RunState] = ALWAYS
    window_wide: bool = False             # shortcut works wherever focus is in the window
    widget_only: bool = False             # shortcut only while the widget has focus (Edit menu)


def button_text(label: str) -> str:
    """A menu label as a toolbar button says it: without the Alt-key letter, which
    Chinese labels carry as a trailing "(&X)" that cost the toolbar a quarter of its width."""
    return re.sub(r"&(&?)", r"\1", re.sub(r"\s*\(&.\)", "", label)).rstrip("…").rstrip(".")


def f5_owner(state: RunState) -> str:
    """What F5 does in ``state``: Continue while paused, otherwise Run."""
    return "continue" if state is RunState.PAUSED else "run"


class ActionRegistry(QObject):
    """Creates the ``QAction``s from specs and keeps them in step with the run state."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._specs: dict[str, ActionSpec] = {}
        self._actions: dict[str, QAction] = {}

    def add(self, spec: ActionSpec) -> QAction:
        if spec.id in self._specs:
            raise ValueError(f"two actions are named {spec.id!r}")
        action = QAction(spec.label, self.parent())
        action.setObjectName(f"action-{spec.id}")
        action.setIconText(button_text(spec.label))
        if spec.icon:
            action.setIcon(resources.icon(spec.icon))
        action.setShortcuts([QKeySequence(key) for key in spec.shortcuts])
        if spec.tip:
            action.setToolTip(spec.tip)
            action.setStatusTip(spec.tip)
        if spec.window_wide:
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if spec.widget_only:
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        handler = spec.handler
        action.triggered.connect(lambda checked=False: handler())
        self._specs[spec.id] = spec
        self._actions[spec.id] = action
        return action

    def add_all(self, specs: Iterable[ActionSpec]) -> list[QAction]:
        return [self.add(spec) for spec in specs]

    def adopt(self, action_id: str, action: QAction) -> QAction:
        """An action made elsewhere (an editor option's toggle), named so menus can place it;
        enabled whatever the run's state."""
        if action_id in self._actions:
            raise ValueError(f"two actions are named {action_id!r}")
        action.setObjectName(f"action-{action_id}")
        self._actions[action_id] = action
        return action

    def ids(self) -> list[str]:
        return list(self._actions)

    def __getitem__(self, action_id: str) -> QAction:
        return self._actions[action_id]

    def __contains__(self, action_id: str) -> bool:
        return action_id in self._actions

    def all(self) -> list[QAction]:
        return list(self._actions.values())

    def apply(self, state: RunState) -> None:
        """Enable what ``state`` allows and give F5 to the action it means now."""
        for action_id, spec in self._specs.items():
            self._actions[action_id].setEnabled(state in spec.enabled_in)
        owner = f5_owner(state)
        for action_id in ("run", "continue"):
            if action_id not in self._actions:
                continue
            keys = [QKeySequence(key) for key in self._specs[action_id].shortcuts if key != F5]
            if action_id == owner:
                keys.insert(0, QKeySequence(F5))
            self._actions[action_id].setShortcuts(keys)
