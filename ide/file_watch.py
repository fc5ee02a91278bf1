"""The open file changed on disk (another editor, ``git checkout``): follow it safely.

An unchanged buffer simply shows the new text. A buffer with unsaved changes is never
replaced without asking: a bar above the editor offers Reload or Keep Mine. A deleted
or moved file is said so, and the buffer is marked unsaved so nothing is lost on quit.
Sprout's own atomic saves also replace the file; they are recognised by content (the
disk holds what Sprout last wrote), never by timing.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from .document import DocumentController
from .files import UnreadableFile, read_source_and_encoding
from .i18n import tr

SETTLE_MS = 150   # git and other editors write in several steps: look once they are done


class FileNoticeBar(QWidget):
    """A line above the editor: what happened to the file, and what can be done about it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        self.label = QLabel()
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)
        self.reload_button = QPushButton(tr("Reload"))
        self.keep_button = QPushButton(tr("Keep Mine"))
        self.save_button = QPushButton(tr("Save"))
        for button in (self.reload_button, self.keep_button, self.save_button):
            layout.addWidget(button)
        # A warm tint over the theme's own colours: it stands out in light, dark and high contrast.
        self.setObjectName("file-notice")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#file-notice { background: rgba(255, 170, 0, 0.28); }")
        self.setAccessibleName(tr("File changed on disk"))
        self.announced: list[str] = []  # what screen readers were told, newest last
        self.hide()

    def show_notice(self, text: str, changed: bool) -> None:
        self.label.setText(text)
        self.reload_button.setVisible(changed)
        self.keep_button.setVisible(changed)
        self.save_button.setVisible(not changed)
        self.show()
        # The bar appears while the learner may be typing elsewhere: a screen reader says it at once.
        self.announced.append(text)
        event = QAccessibleAnnouncementEvent(self.label, text)
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
        QAccessible.updateAccessibility(event)


class FileWatch(QObject):
    """Watches the open file and brings what happened to it into the window."""

    checked = Signal()   # after each look at the disk (tests wait for it)

    def __init__(self, document: DocumentController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.bar = FileNoticeBar()
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._schedule)
        self.watcher.directoryChanged.connect(self._schedule)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.check)
        self._watched: Path | None = None
        self._gone = False
        self._kept: str | None = None      # a disk version the learner chose not to load
        self.bar.reload_button.clicked.connect(self._reload_from_bar)
        self.bar.keep_button.clicked.connect(self._keep_mine)
        self.bar.save_button.clicked.connect(document.save)
        document.loaded.connect(self._follow)
        document.title_changed.connect(self._follow)

    def _follow(self) -> None:
        """Watch the file the document has now (after open, save as, new)."""
        path = self.document.path
        if path != self._watched:
            self._watch_nothing()
            self._watched, self._gone, self._kept = path, False, None
            self.bar.hide()
        if path is not None and path.exists() and str(path) not in self.watcher.files():
            self.watcher.addPath(str(path))  # a replaced file is no longer watched: watch the new one
        if not self.document.modified:
            self.bar.hide()
            self._stop_watching_folder()
            self._gone = False

    def _watch_nothing(self) -> None:
        for paths in (self.watcher.files(), self.watcher.directories()):
            if paths:
                self.watcher.removePaths(paths)

    def _stop_watching_folder(self) -> None:
        if self.watcher.directories():
            self.watcher.removePaths(self.watcher.directories())

    def _schedule(self, _path: str) -> None:
        self._settle.start()

    def check(self) -> None:
        """Compare the disk with what Sprout knows, and act on the difference."""
        try:
            self._check()
        finally:
            self.checked.emit()

    def _check(self) -> None:
        path = self.document.path
        if path is None:
            return
        if not path.exists():
            if not self._gone:
                self._gone = True
                # The file may come back (git checkout): its folder says when.
                if path.parent.is_dir():
                    self.watcher.addPath(str(path.parent))
                self.document.mark_disk_differs()
                self.bar.show_notice(tr("{file} was deleted or moved away. Your text is still here: "
                                        "save it to keep it.").format(file=path.name), changed=False)
            return
        if str(path) not in self.watcher.files():
            self.watcher.addPath(str(path))
        try:
            text, encoding = read_source_and_encoding(path)
        except UnreadableFile:
            return  # half-written, or now something else: the next change will tell
        was_gone, self._gone = self._gone, False
        if was_gone:
            self._stop_watching_folder()
        if self.document.matches_saved(text):
            self.bar.hide()  # Sprout's own save, or a change that was undone
        elif text == self.document.editor.source_text():
            self.document.mark_saved(text)
            self.bar.hide()
        elif text == self._kept:
            pass
        elif not self.document.modified and not was_gone:
            self.document.reload(text, encoding)
            self.document.message.emit(tr("{file} changed on disk and was reloaded").format(file=path.name))
        else:
            self.document.mark_disk_differs()
            self.bar.show_notice(tr("{file} was changed by another program. Reload it and lose your "
                                    "unsaved changes, or keep your version?").format(file=path.name),
                                 changed=True)

    def _reload_from_bar(self) -> None:
        path = self.document.path
        self.bar.hide()
        if path is None:
            return
        try:
            text, encoding = read_source_and_encoding(path)
        except UnreadableFile:
            return
        self._kept = None
        self.document.reload(text, encoding)

    def _keep_mine(self) -> None:
        path = self.document.path
        self.bar.hide()
        if path is None:
            return
        try:
            self._kept, _ = read_source_and_encoding(path)
        except UnreadableFile:
            self._kept = None
        self.document.mark_disk_differs()
