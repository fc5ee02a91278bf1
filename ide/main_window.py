"""Sprout's main window: editor above, console below, Run and Stop always at hand."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from vm import Limits, RunResult, explain, format_result

from . import resources
from .console import Console
from .debug_controller import DebugController
from .document import DocumentController
from .editor import CodeEditor
from .files import RecoveryStore
from .find_bar import FindBar
from .runner import Runner
from .settings import Settings
from .status import RunStatus
from .text_positions import column_of
from .themes import THEMES, apply_palette

# Generous limits: they exist to keep the IDE alive, not to cut learners short.
IDE_LIMITS = Limits(memory=2 * 1024**3)


class MainWindow(QMainWindow):
    """Wires the editor, console and runner together."""

    def __init__(self, settings: Settings | None = None, recovery: RecoveryStore | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.theme = THEMES.get(self.settings.theme, THEMES["light"])
        self.editor = CodeEditor(theme=self.theme)
        self.editor.set_point_size(self.settings.font_size)
        self.console = Console(theme=self.theme)
        self.runner = Runner(IDE_LIMITS, self)
        self.document = DocumentController(self.editor, self.settings, self, recovery)
        self.status = RunStatus(self)
        self._run_clock = QElapsedTimer()
        self._closing = False
        self._ran_source = ""
        self._build_layout()
        self._build_actions()
        self.debug = DebugController(self)
        self._build_menus()
        self._connect()
        self._restore_geometry()
        self._update_title()
        self._set_running(False)
        self._style_chrome()
        self.setWindowIcon(resources.icon("sprout"))

    # ---- construction ------------------------------------------------------------
    def _build_layout(self) -> None:
        console_panel = QWidget()
        layout = QVBoxLayout(console_panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        header = QHBoxLayout()
        header.setContentsMargins(8, 2, 4, 2)
        self.console_title = QLabel("Console")
        header.addWidget(self.console_title)
        header.addStretch()
        self.clear_button = QToolButton()
        self.clear_button.setIcon(resources.icon("clear"))
        self.clear_button.setToolTip("Clear the console")
        self.clear_button.setAutoRaise(True)
        header.addWidget(self.clear_button)
        layout.addLayout(header)
        layout.addWidget(self.console)
        self.find_bar = FindBar(self.editor)
        editor_panel = QWidget()
        editor_layout = QVBoxLayout(editor_panel)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.setSpacing(0)
        editor_layout.addWidget(self.editor)
        editor_layout.addWidget(self.find_bar)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(editor_panel)
        self.splitter.addWidget(console_panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.setCentralWidget(self.splitter)
        self.abandon_button = QPushButton("Abandon run")
        self.abandon_button.setToolTip("Leave the stuck program behind and get a fresh engine")
        self.abandon_button.hide()
        self.statusBar().addWidget(self.status.label, 1)
        self.statusBar().addPermanentWidget(self.abandon_button)
        self.statusBar().addPermanentWidget(self.status.position_label)

    def _action(self, text: str, slot, shortcuts=(), icon: str | None = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if icon:
            action.setIcon(resources.icon(icon))
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        if tip:
            action.setToolTip(tip)
        action.triggered.connect(lambda checked=False: slot())
        return action

    def _build_actions(self) -> None:
        self.new_action = self._action("&New", self.document.new, [QKeySequence.StandardKey.New], "new")
        self.open_action = self._action("&Open…", self.document.open, [QKeySequence.StandardKey.Open], "open")
        self.save_action = self._action("&Save", self.document.save, [QKeySequence.StandardKey.Save], "save")
        self.save_as_action = self._action("Save &As…", self.document.save_as, ["Ctrl+Shift+S"])
        self.quit_action = self._action("&Quit", self.close, [QKeySequence.StandardKey.Quit])
        self.run_action = self._action("&Run", self.run_script, ["F5"], "run", "Run the program (F5)")
        self.stop_action = self._action("S&top", self.stop_script, ["Shift+F5", "Ctrl+F2"], "stop",
                                        "Stop the program (Shift+F5)")
        self.abandon_action = self._action("&Abandon Run", self.abandon_run)
        self.comment_action = self._action("Toggle &Comment", self.editor.toggle_comment, ["Ctrl+/"])
        self.find_action = self._action("&Find…", self.find_bar.open, [QKeySequence.StandardKey.Find])
        self.find_next_action = self._action("Find &Next", self.find_bar.find_next,
                                             [QKeySequence.StandardKey.FindNext])
        self.zoom_in_action = self._action("Zoom &In", lambda: self.editor.zoom(1), ["Ctrl+=", "Ctrl++"])
        self.zoom_out_action = self._action("Zoom &Out", lambda: self.editor.zoom(-1), ["Ctrl+-"])
        self.zoom_reset_action = self._action("&Reset Zoom", self.editor.reset_zoom, ["Ctrl+0"])
        self.clear_action = self._action("&Clear Console", self.console.clear_output, ["Ctrl+L"], "clear")
        for action in (self.comment_action, self.zoom_in_action, self.zoom_out_action,
                       self.zoom_reset_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("main-toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.new_action, self.open_action, self.save_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.run_action)
        toolbar.addAction(self.stop_action)
        toolbar.addSeparator()
        self.toolbar = toolbar

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addActions([self.new_action, self.open_action])
        self.recent_menu = file_menu.addMenu("Open &Recent")
        file_menu.addActions([self.save_action, self.save_as_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu("&Edit")
        for label, slot, key in (("&Undo", self.editor.undo, QKeySequence.StandardKey.Undo),
                                 ("&Redo", self.editor.redo, QKeySequence.StandardKey.Redo),
                                 ("Cu&t", self.editor.cut, QKeySequence.StandardKey.Cut),
                                 ("&Copy", self.editor.copy, QKeySequence.StandardKey.Copy),
                                 ("&Paste", self.editor.paste, QKeySequence.StandardKey.Paste)):
            action = self._action(label, slot, [key])
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        edit_menu.addActions([self.find_action, self.find_next_action])
        edit_menu.addSeparator()
        edit_menu.addAction(self.comment_action)
        view_menu = bar.addMenu("&View")
        view_menu.addActions([self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action])
        view_menu.addSeparator()
        theme_menu = view_menu.addMenu("&Theme")
        for name in THEMES:
            theme_menu.addAction(self._action(name.capitalize(), lambda n=name: self.set_theme(n)))
        view_menu.addAction(self.clear_action)
        run_menu = bar.addMenu("&Run")
        run_menu.addActions([self.run_action, self.stop_action, self.abandon_action])
        self.debug.add_to(self.toolbar, run_menu)
        self.examples_menu = bar.addMenu("E&xamples")
        for example in resources.examples():
            self.examples_menu.addAction(self._action(
                example.title, lambda p=example.path: self.document.open_example(p)))
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self._action("&About Sprout", self._about))
        self._fill_recent_menu()

    def _connect(self) -> None:
        self.runner.output.connect(self.console.append_output)
        self.runner.input_requested.connect(self._on_input_requested)
        self.runner.finished.connect(self._on_finished)
        self.runner.stop_stalled.connect(self._on_stop_stalled)
        self.console.input_submitted.connect(self.runner.send_input)
        self.console.input_closed.connect(lambda: self.runner.send_input(None))
        self.console.line_activated.connect(self.editor.go_to_line)
        self.clear_button.clicked.connect(self.console.clear_output)
        self.abandon_button.clicked.connect(self.abandon_run)
        self.document.title_changed.connect(self._update_title)
        self.document.recent_changed.connect(self._fill_recent_menu)
        self.document.message.connect(lambda text: self.statusBar().showMessage(text, 3000))
        self.editor.cursorPositionChanged.connect(self._update_position)
        self.editor.zoom_changed.connect(self._remember_font_size)
        self._tick = QTimer(self)
        self._tick.setInterval(100)
        self._tick.timeout.connect(lambda: self.status.running(self._run_clock.elapsed() / 1000,
                                                               self.runner.stopping))

    def _restore_geometry(self) -> None:
        if self.settings.geometry is not None:
            self.restoreGeometry(self.settings.geometry)
        else:
            self.resize(1000, 720)
        if self.settings.splitter_state is not None:
            self.splitter.restoreState(self.settings.splitter_state)

    # ---- running -------------------------------------------------------------------
    def run_script(self, debug: bool = False) -> None:
        if self.runner.running:
            return
        self.document.autosave()
        self.editor.set_halted_line(None)
        self.console.clear_output()
        self.console.append_system(f"▶ Running {self.document.display_name}")
        self._run_clock.start()
        self._ran_source = self.editor.toPlainText()
        folder = str(self.document.path.parent) if self.document.path else ""
        self.runner.start(self._ran_source, self.document.display_name, debug=debug,
                          breakpoints=set(self.editor.breakpoints), folder=folder)
        self._set_running(True)

    def stop_script(self) -> None:
        if self.runner.running:
            self.runner.stop()
            self.status.running(self._run_clock.elapsed() / 1000, stopping=True)

    def abandon_run(self) -> None:
        if self.runner.running:
            self.runner.abandon()

    def _on_input_requested(self, prompt: str) -> None:
        self.console.begin_input()
        self.status.waiting_for_input()

    def _on_stop_stalled(self) -> None:
        self.status.stalled()
        self.abandon_button.show()

    def _on_finished(self, result: RunResult) -> None:
        self.console.end_input()
        if self.focusWidget() in (None, self.console):
            self.editor.setFocus()  # typing goes back to the code, not the read-only console
        self._set_running(False)
        self.debug.finished()
        self.status.finished(result)
        if result.status == "finished":
            code = f" (exit code {result.exit_code})" if result.exit_code else ""
            self.console.append_system(f"✔ Finished in {result.duration:.2f} s{code}")
            return
        text = format_result(result)
        if text:
            self.console.append_traceback(result, text, self.document.display_name)
        sentence = explain(result, self._ran_source)
        if sentence:
            self.console.append_hint(sentence)
        if result.status == "halted":
            self.console.append_system(f"■ Stopped after {result.duration:.2f} s")
        frame = next((f for f in reversed(result.frames) if f.filename == self.document.display_name), None)
        if frame is not None:
            self.editor.set_halted_line(frame.line)

    def _set_running(self, running: bool) -> None:
        self.run_action.setEnabled(not running)
        self.stop_action.setEnabled(running)
        self.abandon_action.setEnabled(running)
        self.debug.update_actions()
        if running:
            self.status.running(0.0, False)
            self._tick.start()
        else:
            self._tick.stop()
            self.abandon_button.hide()

    # ---- appearance and chrome ------------------------------------------------------------
    def set_theme(self, name: str) -> None:
        self.theme = THEMES[name]
        self.settings.theme = name
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_palette(app, self.theme)
        self.editor.apply_theme(self.theme)
        self.console.apply_theme(self.theme)
        self._style_chrome()

    def _style_chrome(self) -> None:
        self.console_title.setStyleSheet(f"font-weight: bold; color: {self.theme.text};")

    def _remember_font_size(self, size: int) -> None:
        self.settings.font_size = size

    def _update_title(self) -> None:
        mark = "*" if self.document.modified else ""
        where = f" — {self.document.path.parent}" if self.document.path else ""
        self.setWindowTitle(f"{mark}{self.document.display_name}{where} — Sprout")

    def _update_position(self) -> None:
        cursor = self.editor.textCursor()
        self.status.position(cursor.blockNumber() + 1, column_of(cursor) + 1)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent_files
        for path in recent:
            self.recent_menu.addAction(self._action(path, lambda p=path: self.document.open(p)))
        self.recent_menu.setEnabled(bool(recent))

    def _about(self) -> None:
        QMessageBox.about(self, "About Sprout",
                          "<b>Sprout</b> — a Python IDE for learners.<br>"
                          "Stop always works: press Shift+F5 whenever your program runs away.")

    # ---- closing --------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self.document.maybe_keep_changes():
            event.ignore()
            return
        self.settings.geometry = self.saveGeometry()
        self.settings.splitter_state = self.splitter.saveState()
        self.settings.sync()
        self.runner.shutdown()
        self.document.discard_recovery()
        self._closing = True
        event.accept()

    def open_initial(self, path: str | None) -> None:
        """What the window shows first: a crash recovery, the given file, the last one, or the welcome."""
        if self.document.offer_recovery():
            return
        if path and self.document.load(Path(path)):
            return
        last = self.settings.last_file
        if last and Path(last).is_file() and self.document.load(Path(last)):
            return
        self.document.open_example(resources.WELCOME_EXAMPLE)
        self.settings.welcomed = True

