"""The tabs across sessions: which files were open (reopened at the next start), and
the unsaved text of every tab after a crash (each tab autosaves its own copy)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from . import dialogs
from .editor_tabs import EditorTab, EditorTabs
from .files import Recovered
from .i18n import tr
from .settings import Settings


def remember(tabs: EditorTabs, settings: Settings) -> None:
    """Keep the open files and the one in front (untitled tabs live on as autosaves only)."""
    settings.open_files = [str(tab.document.path) for tab in tabs.tabs() if tab.document.path is not None]
    settings.current_file = str(tabs.current_document.path) if tabs.current_document.path else None


def reopen(tabs: EditorTabs, settings: Settings) -> bool:
    """Open again the files that were open last time; True if any was."""
    remembered = settings.open_files
    if remembered is None:
        remembered = [settings.last_file or ""]
    current = settings.current_file  # read first: each file opened is remembered as the current one
    opened = [path for path in remembered if path and Path(path).is_file() and tabs.open(path)]
    if current and (tab := tabs.tab_for_path(current)) is not None:
        tabs.setCurrentWidget(tab)
    return bool(opened)


def offer_recovery(tabs: EditorTabs) -> bool:
    """After a crash, offer every unsaved buffer back at once, each in its tab."""
    pending = sorted(tabs.recovery.pending(), key=lambda entry: entry.saved_at)
    if not pending:
        return False
    names = [Path(entry.original_path).name if entry.original_path else tr("an untitled file")
             for entry in pending]
    if len(names) == 1:
        question = tr("Sprout did not close properly last time.\n\n"
                      "Your unsaved changes to {file} were kept. Do you want them back?").format(file=names[0])
    else:
        question = tr("Sprout did not close properly last time.\n\n"
                      "Your unsaved changes to these files were kept:\n{files}\n\nDo you want them back?").format(
            files="\n".join(f"    {name}" for name in names))
    answer = dialogs.ask(
        tabs.window(), tr("Recover unsaved work?"), question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes)
    for entry in pending:
        if answer == QMessageBox.StandardButton.Yes:
            _restore(tabs, entry)  # autosaved again at once, under its new tab
        tabs.recovery.forget(entry)
    return answer == QMessageBox.StandardButton.Yes


def _restore(tabs: EditorTabs, entry: Recovered) -> None:
    path = Path(entry.original_path).resolve() if entry.original_path else None
    tab: EditorTab | None = tabs.tab_for_path(path) if path is not None else None
    if tab is None:
        tab = tabs.current_tab if tabs.current_tab.untouched else tabs.add_tab()
    tab.document.restore(entry.text, path)
    tabs.setCurrentWidget(tab)
