"""Several files open at once, each in a tab with its own editor, undo history,
breakpoints, file watch, encoding and autosaved copy.

The tabs also know which one the last run came from: its markers (the halted and
paused lines, breakpoints sent to the debugger) follow that tab whichever is in front.
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QTabWidget, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from vm import Frame

from . import dialogs
from .actions import ActionSpec
from .document import DocumentController, default_recovery_folder
from .editor import CodeEditor
from .file_watch import FileWatch
from .files import RecoveryStore, UnreadableFile, read_source
from .i18n import tr
from .settings import Settings
from .themes import Theme

RUNNING_MARK = "▶ "
MODIFIED_MARK = "*"


class EditorTab(QWidget):
    """One open file: the notice bar of its file watch above its editor."""

    def __init__(self, theme: Theme, point_size: int, settings: Settings, recovery: RecoveryStore,
                 dialog_parent: QWidget, breakpoint_memory: dict[str, set[int]]) -> None:
        super().__init__()
        self.editor = CodeEditor(theme=theme)
        self.editor.set_point_size(point_size)
        self.document = DocumentController(self.editor, settings, dialog_parent, recovery, breakpoint_memory)
        self.editor.completion.file_path = lambda: self.document.path  # jedi finds the script's neighbours
        self.file_watch = FileWatch(self.document, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.file_watch.bar)
        layout.addWidget(self.editor)
        self.setFocusProxy(self.editor)

    @property
    def untouched(self) -> bool:
        """An empty untitled buffer nobody typed in: Open puts the file here instead of a new tab."""
        document = self.document
        return (document.path is None and not document.modified and not self.editor.document().isUndoAvailable()
                and not self.editor.source_text())


class EditorTabs(QTabWidget):
    """Owns the editors; the window reaches the one in front through ``current_editor``."""

    current_changed = Signal()        # another tab is in front
    title_changed = Signal()          # the name or modified mark of the tab in front changed
    tabs_changed = Signal()           # opened, closed, moved or saved under another name
    tab_added = Signal(object)        # an EditorTab, for whatever each editor needs (options)
    loaded = Signal()                 # a tab shows another file
    recent_changed = Signal()
    message = Signal(str)
    autosave_failed = Signal(str)
    zoom_changed = Signal(int)        # one size for every tab
    cursor_moved = Signal()           # in the tab in front
    breakpoint_toggled = Signal()

    def __init__(self, theme: Theme, point_size: int, settings: Settings,
                 recovery: RecoveryStore | None = None, dialog_parent: QWidget | None = None) -> None:
        super().__init__()
        self.theme = theme
        self.point_size = point_size
        self.settings = settings
        self.recovery = recovery or RecoveryStore(default_recovery_folder())
        self._dialog_parent = dialog_parent or self
        self.run_tab: EditorTab | None = None   # where the last run came from, while that tab is open
        self.run_name = ""                      # the name that run gave its file (the frames carry it)
        self.run_path: Path | None = None       # and its file, should its tab be closed
        self.running = False
        self._breakpoint_memory: dict[str, set[int]] = {}
        self.setObjectName("editor-tabs")
        self.setAccessibleName(tr("Open files"))
        self.setDocumentMode(True)
        self.setTabsClosable(True)
        self.setMovable(True)
        self.setElideMode(Qt.TextElideMode.ElideMiddle)
        self.setUsesScrollButtons(True)
        self.tabBar().setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Ctrl+Tab goes round panes, not tab bars
        self.tabCloseRequested.connect(lambda index: self.close_tab(self.tab(index)))
        self.currentChanged.connect(self._on_current_changed)
        self.tabBar().tabMoved.connect(lambda *_: self.tabs_changed.emit())
        self.add_tab()

    # ---- looking up ----------------------------------------------------------------
    def tab(self, index: int) -> EditorTab:
        widget = self.widget(index)
        assert isinstance(widget, EditorTab)
        return widget

    def tabs(self) -> list[EditorTab]:
        return [self.tab(index) for index in range(self.count())]

    @property
    def current_tab(self) -> EditorTab:
        widget = self.currentWidget()
        assert isinstance(widget, EditorTab)
        return widget

    @property
    def current_editor(self) -> CodeEditor:
        return self.current_tab.editor

    @property
    def current_document(self) -> DocumentController:
        return self.current_tab.document

    def editors(self) -> list[CodeEditor]:
        return [tab.editor for tab in self.tabs()]

    def tab_for_path(self, path: str | Path) -> EditorTab | None:
        wanted = Path(path).resolve()
        return next((tab for tab in self.tabs() if tab.document.path == wanted), None)

    def tab_for_file(self, filename: str) -> EditorTab | None:
        """The tab a run's frame is in: the run's own file by the name it ran under, an
        imported module of the learner's by its path."""
        if self.run_tab is not None and filename == self.run_name:
            return self.run_tab
        if Path(filename).is_absolute():
            return self.tab_for_path(filename)
        return None

    def reveal_file(self, filename: str) -> EditorTab | None:
        """The tab a run's frame is in, opened if the file is not (the run's own file again
        if its tab was closed during the run, or an imported module of the learner's)."""
        tab = self.tab_for_file(filename)
        if tab is not None:
            return tab
        is_program = self.run_tab is None and filename == self.run_name
        path = self.run_path if is_program else Path(filename) if Path(filename).is_absolute() else None
        if path is None or not path.is_file() or not self.open(str(path)):
            return None
        tab = self.tab_for_path(path)
        if is_program:
            self.run_tab = tab  # the run's marks go here from now on
        return tab

    def breakpoints_by_file(self) -> dict[str, set[int]]:
        """Every tab's breakpoints under the name the debugger sees its frames by."""
        found: dict[str, set[int]] = {}
        for tab in self.tabs():
            if tab.document.path is not None:
                found[str(tab.document.path)] = set(tab.editor.breakpoints)
        if self.run_tab is not None:
            found[self.run_name] = set(self.run_tab.editor.breakpoints)
        return found

    # ---- opening -------------------------------------------------------------------
    def add_tab(self) -> EditorTab:
        """A new untitled tab, in front."""
        tab = EditorTab(self.theme, self.point_size, self.settings, self.recovery, self._dialog_parent,
                        self._breakpoint_memory)
        tab.document.untitled_name = self._free_untitled_name()
        document, editor = tab.document, tab.editor
        document.title_changed.connect(lambda: self._on_title_changed(tab))
        document.loaded.connect(self.loaded)
        document.recent_changed.connect(self.recent_changed)
        document.message.connect(self.message)
        document.autosave_failed.connect(self.autosave_failed)
        editor.zoom_changed.connect(self._on_zoom)
        editor.cursorPositionChanged.connect(lambda: self._if_current(tab, self.cursor_moved))
        editor.breakpoint_toggled.connect(lambda _line: self.breakpoint_toggled.emit())
        self.tab_added.emit(tab)
        self.setCurrentIndex(self.addTab(tab, ""))
        self._on_title_changed(tab)
        self.tabs_changed.emit()
        return tab

    def _free_untitled_name(self) -> str:
        taken = {tab.document.display_name for tab in self.tabs()}
        number = 1
        while (name := "untitled.py" if number == 1 else f"untitled{number}.py") in taken:
            number += 1
        return name

    def new(self) -> EditorTab:
        """File > New: an empty tab to type in."""
        tab = self.add_tab()
        tab.document.type_here()
        return tab

    def open(self, path: str | Path | None = None) -> bool:
        """File > Open: the file in its tab, a new one unless it is open already (or the
        tab in front is an untouched empty one, which it takes over)."""
        if path is None:
            current = self.current_document.path
            chosen, _ = QFileDialog.getOpenFileName(self._dialog_parent, tr("Open a Python file"),
                                                    str(current.parent if current else Path.home()),
                                                    tr("Python files (*.py);;All files (*)"))
            if not chosen:
                return False
            path = chosen
        existing = self.tab_for_path(path) if Path(path).is_file() else None
        if existing is not None:
            self.setCurrentWidget(existing)
            existing.document.type_here()
            return True
        return self._open_in_tab(lambda tab: tab.document.load(Path(path)))

    def _open_in_tab(self, fill) -> bool:
        """Fill the untouched tab in front, or a new tab that is closed again if ``fill`` fails."""
        reused = self.current_tab if self.current_tab.untouched else None
        tab = reused or self.add_tab()
        if not fill(tab):
            if reused is None:
                self._remove(tab)
            return False
        self.tabs_changed.emit()
        tab.document.type_here()
        return True

    def open_example(self, path: Path) -> bool:
        """Examples open as untitled copies, so the originals stay intact."""
        try:
            text = read_source(path)
        except UnreadableFile as reason:
            QMessageBox.warning(self._dialog_parent, tr("Cannot open example"), str(reason))
            return False

        def fill(tab: EditorTab) -> bool:
            tab.document.show_untitled(text, path.name.split("_", 1)[-1])
            return True
        return self._open_in_tab(fill)

    def go_to(self, tab: EditorTab, line: int, column: int = 1) -> None:
        self.setCurrentWidget(tab)
        tab.editor.go_to_line(line, column)

    def go_to_run_line(self, line: int, column: int) -> None:
        """A traceback link to the program that ran: its tab, wherever the learner is now
        (opened again if it was closed since)."""
        if self.run_tab is not None:
            self.go_to(self.run_tab, line, column)
        elif self.run_path is not None:
            self.go_to_file_line(str(self.run_path), line, column)

    def go_to_file_line(self, path: str, line: int, column: int) -> None:
        """A traceback link to another of the learner's files: its tab, opened if need be."""
        if self.open(path) and (tab := self.tab_for_path(path)) is not None:
            self.go_to(tab, line, column)

    def action_specs(self) -> list[ActionSpec]:
        """Close Tab, Next Tab and Previous Tab (Ctrl+Tab is kept for moving between panes)."""
        return [
            ActionSpec("close_tab", tr("&Close Tab"), self.close_current, ("Ctrl+W", "Ctrl+F4"), window_wide=True),
            ActionSpec("next_tab", tr("Next &Tab"), lambda: self.next_tab(1), ("Ctrl+PgDown",), window_wide=True),
            ActionSpec("previous_tab", tr("Previous T&ab"), lambda: self.next_tab(-1), ("Ctrl+PgUp",),
                       window_wide=True)]

    # ---- closing -------------------------------------------------------------------
    def close_current(self) -> bool:
        return self.close_tab(self.current_tab)

    def close_tab(self, tab: EditorTab) -> bool:
        """Close ``tab``, asking first if it has unsaved changes; the last tab makes way for an empty one."""
        in_front = self.current_tab
        if tab.document.modified:
            self.setCurrentWidget(tab)  # the question is about the file the learner sees
        if not tab.document.maybe_keep_changes():
            self.setCurrentWidget(in_front)
            return False
        tab.document.discard_recovery()
        if self.count() == 1:
            self.add_tab()
        self._remove(tab)
        if in_front is not tab:
            self.setCurrentWidget(in_front)  # closing a tab behind leaves the learner where they were
        self.tabs_changed.emit()
        return True

    def _remove(self, tab: EditorTab) -> None:
        if tab is self.run_tab:
            self.run_tab = None  # the run goes on; its markers have nowhere to go
        tab.document.close()
        self.removeTab(self.indexOf(tab))
        tab.document.deleteLater()  # a child of the window (its dialogs' parent), not of the tab
        tab.deleteLater()

    def modified_tabs(self) -> list[EditorTab]:
        return [tab for tab in self.tabs() if tab.document.modified]

    def maybe_keep_all_changes(self) -> bool:
        """Before the window closes: one question for every tab with unsaved changes."""
        modified = self.modified_tabs()
        if len(modified) == 1:
            self.setCurrentWidget(modified[0])
            return modified[0].document.maybe_keep_changes()
        if not modified:
            return True
        names = "\n".join(f"    {tab.document.display_name}" for tab in modified)
        answer = dialogs.ask(
            self._dialog_parent, tr("Unsaved changes"),
            tr("These files have changes that are not saved:\n{files}\n\nSave them first?").format(files=names),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            for tab in modified:
                self.setCurrentWidget(tab)
                if not tab.document.save():
                    return False
            return True
        return answer == QMessageBox.StandardButton.Discard

    def discard_recovery(self) -> None:
        """A clean exit: nothing needs recovering."""
        for tab in self.tabs():
            tab.document.discard_recovery()

    # ---- moving between tabs -------------------------------------------------------
    def next_tab(self, step: int = 1) -> None:
        if self.count() > 1:
            self.setCurrentIndex((self.currentIndex() + step) % self.count())
            self.current_editor.setFocus(Qt.FocusReason.TabFocusReason)

    def _on_current_changed(self, index: int) -> None:
        if index < 0:
            return
        self.current_changed.emit()
        self.title_changed.emit()

    def _if_current(self, tab: EditorTab, signal) -> None:
        if tab is self.currentWidget():
            signal.emit()

    # ---- what the tabs show --------------------------------------------------------
    def _on_title_changed(self, tab: EditorTab) -> None:
        index = self.indexOf(tab)
        if index < 0:
            return
        document = tab.document
        mark = MODIFIED_MARK if document.modified else ""
        running = RUNNING_MARK if self.running and tab is self.run_tab else ""
        self.setTabText(index, f"{running}{document.display_name}{mark}".replace("&", "&&"))
        where = str(document.path) if document.path else document.display_name
        self.setTabToolTip(index, tr("{file} (running)").format(file=where) if running else where)
        if tab is self.currentWidget():
            self.title_changed.emit()
        self.tabs_changed.emit()

    # ---- runs ----------------------------------------------------------------------
    def begin_run(self) -> dict[str, set[int]]:
        """The tab in front is run: it is marked, the last run's lines are cleared; returns
        every open file's breakpoints, by the names the run's frames will carry."""
        previous = self.run_tab
        self.run_tab, self.run_name, self.running = self.current_tab, self.current_document.display_name, True
        self.run_path = self.current_document.path
        for editor in self.editors():
            editor.set_halted_line(None)
        for marked in {previous, self.run_tab} - {None}:
            assert marked is not None
            self._on_title_changed(marked)
        return self.breakpoints_by_file()

    def end_run(self) -> None:
        """The run ended: its tab loses the running mark (and keeps being the run's, for its links)."""
        if self.running:
            self.running = False
            if self.run_tab is not None:
                self._on_title_changed(self.run_tab)

    def mark_halted(self, frames: Sequence[Frame]) -> None:
        """Where the run stopped or failed: the innermost line of each open file it went through."""
        marked: list[EditorTab] = []
        for frame in reversed(frames):
            tab = self.tab_for_file(frame.filename)
            if tab is not None and tab not in marked:
                tab.editor.set_halted_line(frame.line)
                marked.append(tab)

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        for editor in self.editors():
            editor.apply_theme(theme)

    def _on_zoom(self, size: int) -> None:
        """A zoom in one tab zooms them all."""
        self.point_size = size
        for editor in self.editors():
            if editor.point_size != size:
                with QSignalBlocker(editor):
                    editor.set_point_size(size)
        self.zoom_changed.emit(size)
