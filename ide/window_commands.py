"""The window's own commands, as data for its ``ActionRegistry``: files, running, editing,
zoom. The panels (debugger, drawing, plots) and the tabs bring their own."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence

from .actions import F5, WHEN_IDLE, WHILE_RUNNING, ActionSpec
from .i18n import tr
from .run_state import RunState

if TYPE_CHECKING:
    from .main_window import MainWindow


def window_command_specs(window: MainWindow) -> list[ActionSpec]:
    """The window's own commands (the panels bring theirs); each acts on the tab in front."""
    tabs = window.tabs
    return [
        ActionSpec("new", tr("&New"), tabs.new, (QKeySequence.StandardKey.New,), "new"),
        ActionSpec("open", tr("&Open…"), tabs.open, (QKeySequence.StandardKey.Open,), "open"),
        ActionSpec("save", tr("&Save"), lambda: window.document.save(), (QKeySequence.StandardKey.Save,), "save"),
        ActionSpec("save_as", tr("Save &As…"), lambda: window.document.save_as(), ("Ctrl+Shift+S",)),
        *tabs.action_specs(),
        ActionSpec("save_output", tr("Save O&utput…"), window.save_output,
                   tip=tr("Save everything the Console (or the Shell) has shown, to a text file")),
        ActionSpec("quit", tr("&Quit"), window.close, (QKeySequence.StandardKey.Quit,)),
        ActionSpec("run", tr("&Run"), window.run_script, (F5,), "run", tr("Run the program (F5)"),
                   enabled_in=WHEN_IDLE),
        ActionSpec("stop", tr("S&top"), window.stop_script, ("Shift+F5", "Ctrl+F2"), "stop",
                   tr("Stop the program (Shift+F5)"), enabled_in=WHILE_RUNNING),
        ActionSpec("abandon", tr("&Abandon Run"), window.abandon_run,
                   tip=tr("Leave the stuck program behind and get a fresh engine"),
                   enabled_in=frozenset({RunState.STALLED})),
        ActionSpec("undo", tr("&Undo"), lambda: window.editor.undo(), (QKeySequence.StandardKey.Undo,), widget_only=True),
        ActionSpec("redo", tr("&Redo"), lambda: window.editor.redo(), (QKeySequence.StandardKey.Redo,), widget_only=True),
        ActionSpec("cut", tr("Cu&t"), lambda: window.editor.cut(), (QKeySequence.StandardKey.Cut,), widget_only=True),
        ActionSpec("copy", tr("&Copy"), lambda: window.editor.copy(), (QKeySequence.StandardKey.Copy,), widget_only=True),
        ActionSpec("paste", tr("&Paste"), lambda: window.editor.paste(), (QKeySequence.StandardKey.Paste,), widget_only=True),
        ActionSpec("comment", tr("Toggle &Comment"), lambda: window.editor.toggle_comment(), ("Ctrl+/",), window_wide=True),
        ActionSpec("find", tr("&Find…"), window.find_bar.open, (QKeySequence.StandardKey.Find,)),
        ActionSpec("find_next", tr("Find &Next"), window.find_bar.find_next, (QKeySequence.StandardKey.FindNext,)),
        ActionSpec("replace", tr("R&eplace…"), window.find_bar.open_replace, ("Ctrl+H",)),
        ActionSpec("zoom_in", tr("Zoom &In"), lambda: window.editor.zoom(1), ("Ctrl+=", "Ctrl++"), window_wide=True),
        ActionSpec("zoom_out", tr("Zoom &Out"), lambda: window.editor.zoom(-1), ("Ctrl+-",), window_wide=True),
        ActionSpec("zoom_reset", tr("&Reset Zoom"), lambda: window.editor.reset_zoom(), ("Ctrl+0",), window_wide=True),
        ActionSpec("clear_console", tr("&Clear Console"), window.console.clear_output, ("Ctrl+L",), "clear"),
        ActionSpec("about", tr("&About Sprout"), window._about),
    ]
