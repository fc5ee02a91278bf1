"""One tab's file: load and save, the unsaved-changes prompt, autosave and its recovery."""
from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from . import dialogs
from .editor import CodeEditor
from .files import RecoveryStore, UnreadableFile, read_source_and_encoding, save_atomically
from .i18n import tr
from .settings import Settings
from .source_encoding import EncodingProblem, encoding_to_save

AUTOSAVE_INTERVAL_MS = 5000


def default_recovery_folder() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".sprout") / "recovery"


class DocumentController(QObject):
    """Owns one editor's file state; asked before its tab closes."""

    title_changed = Signal()
    loaded = Signal()                  # the buffer now holds another file (or a new one)
    recent_changed = Signal()
    message = Signal(str)
    autosave_failed = Signal(str)  # the reason: the home folder is read-only or full

    def __init__(self, editor: CodeEditor, settings: Settings, parent_widget: QWidget,
                 recovery: RecoveryStore | None = None,
                 breakpoint_memory: dict[str, set[int]] | None = None) -> None:
        super().__init__(parent_widget)
        self.editor = editor
        self.settings = settings
        self.parent_widget = parent_widget
        self.path: Path | None = None
        self.untitled_name = "untitled.py"
        self.encoding = "utf-8"        # what the open file was read in (its coding line, or UTF-8)
        self.recovery = recovery or RecoveryStore(default_recovery_folder())
        self._session_key = uuid.uuid4().hex
        self._autosaved_revision = -1
        # Shared by the tabs: a file closed and opened again gets its breakpoints back.
        self._breakpoints_by_file: dict[str, set[int]] = {} if breakpoint_memory is None else breakpoint_memory
        # What the file on disk holds, and its length in Qt's units; None when not known.
        self._saved: tuple[str, int] | None = ("", 0)
        editor.document().modificationChanged.connect(lambda _: self.title_changed.emit())
        editor.document().contentsChanged.connect(self._notice_return_to_saved)
        self._autosave_timer = QTimer(self)
        self._autosave_timer.setInterval(AUTOSAVE_INTERVAL_MS)
        self._autosave_timer.timeout.connect(self.autosave)
        self._autosave_timer.start()

    # ---- state -----------------------------------------------------------------
    @property
    def modified(self) -> bool:
        return self.editor.document().isModified()

    @property
    def _breakpoint_key(self) -> str:
        """Breakpoints are kept per file for as long as Sprout runs."""
        return str(self.path) if self.path else f"untitled:{self.untitled_name}"

    @property
    def display_name(self) -> str:
        return self.path.name if self.path else self.untitled_name

    def _set_text(self, text: str, path: Path | None, untitled_name: str = "untitled.py",
                  modified: bool = False, encoding: str = "utf-8") -> None:
        self._breakpoints_by_file[self._breakpoint_key] = set(self.editor.breakpoints)
        self.editor.setPlainText(text)
        self.editor.set_halted_line(None)
        self.path = path
        self.untitled_name = untitled_name
        self.encoding = encoding
        self.editor.breakpoints = set(self._breakpoints_by_file.get(self._breakpoint_key, ()))
        self.editor.gutter.update()
        self.editor.document().setModified(modified)
        self._remember_saved(None if modified else self.editor.source_text())
        self.title_changed.emit()
        self.loaded.emit()

    def _remember_saved(self, text: str | None) -> None:
        self._saved = None if text is None else (text, len(text.encode("utf-16-le")) // 2)

    def _notice_return_to_saved(self) -> None:
        """Typing a letter and deleting it leaves nothing to save: the buffer is the file again."""
        document = self.editor.document()
        # The length check is cheap (Qt counts one more, for the final block); only a
        # buffer of the saved length is compared in full.
        if self._saved is None or not document.isModified() or document.characterCount() - 1 != self._saved[1]:
            return
        if self.editor.source_text() == self._saved[0]:
            document.setModified(False)
            self.recovery.discard(self._session_key)

    # ---- the file on disk changed (ide/file_watch.py) ------------------------------------
    def matches_saved(self, text: str) -> bool:
        """Is ``text`` what Sprout last read from or wrote to the file?"""
        return self._saved is not None and self._saved[0] == text

    def mark_saved(self, text: str) -> None:
        """The file on disk holds ``text`` (the buffer's text) again."""
        self._remember_saved(text)
        self.editor.document().setModified(False)

    def mark_disk_differs(self) -> None:
        """The file was deleted, or holds another text the learner has not taken: the buffer needs saving."""
        self._remember_saved(None)
        self.editor.document().setModified(True)

    def reload(self, text: str, encoding: str) -> None:
        """Show the file's new ``text``, keeping the cursor's line and the scroll position."""
        assert self.path is not None
        cursor = self.editor.textCursor()
        line, column = cursor.blockNumber(), cursor.positionInBlock()
        scroll = self.editor.verticalScrollBar().value()
        self._set_text(text, self.path, encoding=encoding)
        block = self.editor.document().findBlockByNumber(min(line, self.editor.blockCount() - 1))
        cursor.setPosition(block.position() + min(column, block.length() - 1))
        self.editor.setTextCursor(cursor)
        self.editor.verticalScrollBar().setValue(scroll)

    # ---- commands ---------------------------------------------------------------
    def type_here(self) -> None:
        """A file just opened or made is what the learner types into next, whichever pane
        (the drawing, say, which keeps keys for the program) had the keyboard."""
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def load(self, path: Path) -> bool:
        """Replace the buffer with ``path``; a bad file is refused with the reason."""
        try:
            text, encoding = read_source_and_encoding(path)
        except UnreadableFile as reason:
            QMessageBox.warning(self.parent_widget, tr("Cannot open file"),
                                tr("Sprout cannot open {file}:\n{reason}").format(file=path.name, reason=reason))
            self.settings.remove_recent(str(path))
            self.recent_changed.emit()
            return False
        self._set_text(text, path.resolve(), encoding=encoding)
        self.settings.add_recent(str(self.path))
        self.settings.last_file = str(self.path)
        self.recent_changed.emit()
        return True

    def show_untitled(self, text: str, name: str) -> None:
        """An untitled buffer: a new file, or the copy of an example."""
        self._set_text(text, None, untitled_name=name)

    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self._write(self.path)

    def save_as(self, path: str | Path | None = None) -> bool:
        if path is None:
            start = self.path or Path.home() / self.untitled_name
            chosen, _ = QFileDialog.getSaveFileName(self.parent_widget, tr("Save as"), str(start),
                                                    tr("Python files (*.py);;All files (*)"))
            if not chosen:
                return False
            path = chosen
        path = Path(path)
        if path.suffix == "" and not path.exists():
            path = path.with_suffix(".py")
        return self._write(path)

    def _write(self, path: Path) -> bool:
        text = self.editor.source_text()
        try:
            encoding = encoding_to_save(text, self.encoding)
        except EncodingProblem as problem:
            QMessageBox.critical(self.parent_widget, tr("Could not save"),
                                 tr("Sprout could not save {file}:\n{reason}").format(file=path, reason=problem))
            return False
        try:
            save_atomically(path, text, encoding=encoding)
        except OSError as error:
            QMessageBox.critical(self.parent_widget, tr("Could not save"),
                                 tr("Sprout could not save {file}:\n{reason}\n\n"
                                    "Your text is still here; try another folder.").format(
                                     file=path, reason=error.strerror or error))
            return False
        self.path = path.resolve()
        self.encoding = encoding
        self._remember_saved(text)
        self.editor.document().setModified(False)
        self.recovery.discard(self._session_key)
        self.settings.add_recent(str(self.path))
        self.settings.last_file = str(self.path)
        self.recent_changed.emit()
        self.title_changed.emit()
        self.message.emit(tr("Saved {file}").format(file=self.path.name))
        return True

    def maybe_keep_changes(self) -> bool:
        """Ask about unsaved changes; True when it is fine to replace the buffer."""
        if not self.modified:
            return True
        answer = dialogs.ask(
            self.parent_widget, tr("Unsaved changes"),
            tr("{file} has changes that are not saved. Save them first?").format(file=self.display_name),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    # ---- autosave and recovery ------------------------------------------------------
    def autosave(self) -> None:
        """Copy an unsaved buffer to the recovery folder (every few seconds, and before Run)."""
        revision = self.editor.document().revision()
        if not self.modified or revision == self._autosaved_revision:
            return
        try:
            self.recovery.store(self._session_key, self.editor.source_text(),
                                str(self.path) if self.path else None)
            self._autosaved_revision = revision
        except OSError as error:
            self.message.emit(tr("Autosave failed: {reason}").format(reason=error.strerror or error))
            self.autosave_failed.emit(error.strerror or str(error))

    def close(self) -> None:
        """The tab is closing (its text saved or given up): keep its breakpoints, stop autosaving."""
        self._breakpoints_by_file[self._breakpoint_key] = set(self.editor.breakpoints)
        self._autosave_timer.stop()

    def discard_recovery(self) -> None:
        """A clean exit: nothing needs recovering."""
        self.recovery.discard(self._session_key)

    def restore(self, text: str, path: Path | None) -> None:
        """Unsaved text kept by a crashed Sprout: shown as unsaved, autosaved again at once."""
        encoding = self.encoding if path is not None and path == self.path else "utf-8"
        self._set_text(text, path, untitled_name=self.untitled_name, modified=True, encoding=encoding)
        self.autosave()
