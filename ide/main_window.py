"""Sprout's main window: editor above, console below, Run and Stop always at hand."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from vm.limits import Limits

from . import resources, storage
from .actions import F5, WHEN_IDLE, WHILE_RUNNING, ActionRegistry, ActionSpec
from .console import Console
from .debug_controller import DebugController
from .document import DocumentController
from .drawing_panel import DrawingController
from .editor import CodeEditor
from .editor_options import EditorOptions
from .file_watch import FileWatch
from .files import RecoveryStore
from .find_bar import FindBar
from .i18n import apply_language, resolve, tr
from .menus import build_menus
from .output_panel import OutputPanel
from .packages_controller import PackagesController
from .pane_focus import PaneFocus
from .plots_panel import PlotsController
from .plotter import PlotterController
from .run_state import RunState
from .runner import Runner
from .settings import Settings
from .status import RunStatus
from .text_positions import column_of
from .themes import THEMES, apply_palette

if TYPE_CHECKING:
    from vm import RunResult

# Generous limits: they exist to keep the IDE alive, not to cut learners short.
IDE_LIMITS = Limits(memory=2 * 1024**3)


class MainWindow(QMainWindow):
    """Wires the editor, console and runner together."""

    def __init__(self, settings: Settings | None = None, recovery: RecoveryStore | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings()
        apply_language(resolve(self.settings.language))  # before any text is made
        self.theme = THEMES.get(self.settings.theme, THEMES["light"])
        self.editor = CodeEditor(theme=self.theme)
        self.editor.set_point_size(self.settings.font_size)
        self.runner = Runner(IDE_LIMITS, self)
        self.document = DocumentController(self.editor, self.settings, self, recovery)
        self.editor.completion.file_path = lambda: self.document.path  # jedi finds the script's neighbours
        self.status = RunStatus(self)
        self._run_clock = QElapsedTimer()
        self._closing = False
        self._storage_warned = False
        self._shell_note = ""  # the last "the shell now sees…" said, until the shell is used
        self._ran_source = ""
        self._shell_source = ""
        self._build_layout()
        self._build_actions()
        self.debug = DebugController(self.runner, self.editor, self.actions, self, self.settings,
                                     file_name=lambda: self.document.display_name,
                                     start_debug_run=lambda: self.run_script(debug=True))
        self.drawing = DrawingController(self.runner, self)
        self.plots = PlotsController(self.runner, self)
        self.plotter = PlotterController(self.runner, self)
        self.packages = PackagesController(self, self.runner)
        self.editor_options = EditorOptions(self.editor, self.settings, self)
        self.pane_focus = PaneFocus(self.actions, self._panes, {
            "go_editor": (tr("Go to &Editor"), "Ctrl+1", lambda: self.editor),
            "go_output": (tr("Go to C&onsole or Shell"), "Ctrl+2", self.output_panel.currentWidget),
            "go_drawing": (tr("Go to &Drawing"), "Ctrl+3", lambda: self.drawing.view)})
        self._build_menus()
        self._connect()
        self._restore_geometry()
        self._update_title()
        self._on_state_changed(self.runner.state)
        self._apply_zoom(self.editor.point_size)
        self.setWindowIcon(resources.icon("sprout"))

    # ---- construction ------------------------------------------------------------
    def _build_layout(self) -> None:
        self.output_panel = OutputPanel(self.theme)
        self.console, self.shell = self.output_panel.console, self.output_panel.shell
        self.clear_button = self.output_panel.clear_button
        self.find_bar = FindBar(self.editor)
        editor_panel = QWidget()
        editor_layout = QVBoxLayout(editor_panel)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.setSpacing(0)
        self.file_watch = FileWatch(self.document, self)
        editor_layout.addWidget(self.file_watch.bar)
        editor_layout.addWidget(self.editor)
        editor_layout.addWidget(self.find_bar)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(editor_panel)
        self.splitter.addWidget(self.output_panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.setCentralWidget(self.splitter)
        self.abandon_button = QPushButton(tr("Abandon run"))
        self.abandon_button.setToolTip(tr("Leave the stuck program behind and get a fresh engine"))
        self.abandon_button.hide()
        self.statusBar().addWidget(self.status.label, 1)
        self.statusBar().addPermanentWidget(self.abandon_button)
        self.statusBar().addPermanentWidget(self.status.position_label)

    def _command_specs(self) -> list[ActionSpec]:
        document, editor = self.document, self.editor
        return [
            ActionSpec("new", tr("&New"), document.new, (QKeySequence.StandardKey.New,), "new"),
            ActionSpec("open", tr("&Open…"), document.open, (QKeySequence.StandardKey.Open,), "open"),
            ActionSpec("save", tr("&Save"), document.save, (QKeySequence.StandardKey.Save,), "save"),
            ActionSpec("save_as", tr("Save &As…"), document.save_as, ("Ctrl+Shift+S",)),
            ActionSpec("save_output", tr("Save O&utput…"), self.save_output,
                       tip=tr("Save everything the Console (or the Shell) has shown, to a text file")),
            ActionSpec("quit", tr("&Quit"), self.close, (QKeySequence.StandardKey.Quit,)),
            ActionSpec("run", tr("&Run"), self.run_script, (F5,), "run", tr("Run the program (F5)"),
                       enabled_in=WHEN_IDLE),
            ActionSpec("stop", tr("S&top"), self.stop_script, ("Shift+F5", "Ctrl+F2"), "stop",
                       tr("Stop the program (Shift+F5)"), enabled_in=WHILE_RUNNING),
            ActionSpec("abandon", tr("&Abandon Run"), self.abandon_run,
                       tip=tr("Leave the stuck program behind and get a fresh engine"),
                       enabled_in=frozenset({RunState.STALLED})),
            ActionSpec("undo", tr("&Undo"), editor.undo, (QKeySequence.StandardKey.Undo,), widget_only=True),
            ActionSpec("redo", tr("&Redo"), editor.redo, (QKeySequence.StandardKey.Redo,), widget_only=True),
            ActionSpec("cut", tr("Cu&t"), editor.cut, (QKeySequence.StandardKey.Cut,), widget_only=True),
            ActionSpec("copy", tr("&Copy"), editor.copy, (QKeySequence.StandardKey.Copy,), widget_only=True),
            ActionSpec("paste", tr("&Paste"), editor.paste, (QKeySequence.StandardKey.Paste,), widget_only=True),
            ActionSpec("comment", tr("Toggle &Comment"), editor.toggle_comment, ("Ctrl+/",), window_wide=True),
            ActionSpec("find", tr("&Find…"), self.find_bar.open, (QKeySequence.StandardKey.Find,)),
            ActionSpec("find_next", tr("Find &Next"), self.find_bar.find_next, (QKeySequence.StandardKey.FindNext,)),
            ActionSpec("replace", tr("R&eplace…"), self.find_bar.open_replace, ("Ctrl+H",)),
            ActionSpec("zoom_in", tr("Zoom &In"), lambda: self.editor.zoom(1), ("Ctrl+=", "Ctrl++"), window_wide=True),
            ActionSpec("zoom_out", tr("Zoom &Out"), lambda: self.editor.zoom(-1), ("Ctrl+-",), window_wide=True),
            ActionSpec("zoom_reset", tr("&Reset Zoom"), self.editor.reset_zoom, ("Ctrl+0",), window_wide=True),
            ActionSpec("clear_console", tr("&Clear Console"), self.console.clear_output, ("Ctrl+L",), "clear"),
            ActionSpec("about", tr("&About Sprout"), self._about),
        ]

    def _build_actions(self) -> None:
        self.actions = ActionRegistry(self)
        self.actions.add_all(self._command_specs())
        for name in ("new", "open", "save", "save_as", "quit", "run", "stop", "abandon", "comment",
                     "find", "find_next", "zoom_in", "zoom_out", "zoom_reset"):
            setattr(self, f"{name}_action", self.actions[name])
        self.clear_action = self.actions["clear_console"]
        toolbar = self.addToolBar(tr("Main toolbar"))
        toolbar.setObjectName("main-toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addActions([self.actions[i] for i in ("new", "open", "save")])
        toolbar.addSeparator()
        toolbar.addActions([self.actions["run"], self.actions["stop"]])
        toolbar.addSeparator()
        self.toolbar = toolbar

    def menu_action(self, text: str, slot) -> QAction:
        """An entry of a list that changes (themes, examples, recent files), not a command."""
        action = QAction(text, self)
        action.triggered.connect(lambda checked=False: slot())
        return action

    def _build_menus(self) -> None:
        build_menus(self)
        self._fill_recent_menu()

    def _panes(self) -> list[QWidget]:
        """The panes Ctrl+Tab goes round, in reading order."""
        return [self.editor, self.output_panel.currentWidget(), *self.debug.panels(), self.drawing.view, self.plots.view.canvas]

    def _connect(self) -> None:
        self.runner.output.connect(self._show_output)
        self.shell.statement_ready.connect(self.run_shell_entry)
        self.shell.answer.connect(self.runner.send_input)
        self.shell.names = self.runner.shell_names
        self.output_panel.reset_requested.connect(self._reset_shell)
        self.runner.input_requested.connect(self._on_input_requested)
        self.runner.finished.connect(self._on_finished)
        self.runner.state_changed.connect(self._on_state_changed)
        self.runner.started.connect(self._run_clock.start)  # a program or a Shell entry
        self.console.input_submitted.connect(self.runner.send_input)
        self.console.input_closed.connect(lambda: self.runner.send_input(None))
        self.console.line_activated.connect(self.editor.go_to_line)
        self.console.line_activated.connect(lambda line, column: self.debug.select_traceback_line(line))
        self.abandon_button.clicked.connect(self.abandon_run)
        self.console.save_requested.connect(lambda: self.save_output(self.console))
        self.shell.save_requested.connect(lambda: self.save_output(self.shell))
        self.output_panel.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.document.title_changed.connect(self._update_title)
        self.document.recent_changed.connect(self._fill_recent_menu)
        self.document.message.connect(lambda text: self.statusBar().showMessage(text, 3000))
        self.document.autosave_failed.connect(lambda reason: self._warn_storage_once([storage.StorageProblem(
            tr("autosaved copies of your work"), self.document.recovery.folder, reason)]))
        self.editor.cursorPositionChanged.connect(self._update_position)
        self.editor.zoom_changed.connect(self._apply_zoom)
        self.document.loaded.connect(self._on_document_loaded)
        self._tick = QTimer(self)
        self._tick.setInterval(100)
        self._tick.timeout.connect(self._show_status)

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
        self.output_panel.show_console()
        self.console.append_system(tr("▶ Running {file}").format(file=self.document.display_name))
        self._ran_source = self.editor.source_text()  # no-break spaces stay as python reads them
        folder = str(self.document.path.parent) if self.document.path else ""
        self.runner.start(self._ran_source, self.document.display_name, debug=debug,
                          breakpoints=set(self.editor.breakpoints), folder=folder)

    def stop_script(self) -> None:
        if self.runner.running:
            self.runner.stop()

    def abandon_run(self) -> None:
        if self.runner.running:
            self.runner.abandon()

    def save_output(self, console: Console | None = None) -> bool:
        """File > Save Output…: all the output of the current tab, what was trimmed too."""
        if self.runner.running:
            self.runner.flush_output()  # what the program printed until now
        folder = self.document.path.parent if self.document.path else Path.home()
        name = "shell" if (console or self.output_panel.currentWidget()) is self.shell else self.document.display_name
        return self.output_panel.save_output(console, folder, name)

    def _on_input_requested(self, prompt: str) -> None:
        if self.runner.shell_run:
            self.shell.program_wants_input()
        else:
            self.console.begin_input()

    def _show_output(self, chunks: list[tuple[str, str]]) -> None:
        (self.shell if self.runner.shell_run else self.console).append_batch(chunks)

    # ---- the shell -----------------------------------------------------------------
    def run_shell_entry(self, source: str) -> None:
        if self.runner.running:
            self.shell.announce(tr("A program is running: wait for it, or Stop it, then try again."))
            return
        self._shell_source = source
        self._shell_note = ""
        self.runner.start(source, "<shell>", shell=True)

    def _reset_shell(self) -> None:
        if self.runner.running:
            return
        self.runner.reset_namespace()
        self.shell.announce(tr("Fresh variables: the shell no longer sees your last program's."))
        self._shell_note = ""

    def _finish_shell_entry(self, result: RunResult) -> None:
        from vm import explain, format_result  # loaded with the engine, after the window is shown
        frame = next((f for f in reversed(result.frames) if f.filename == "<shell>"), None)
        if frame is not None:
            self.shell.mark_entry_line(frame.line)
        text = format_result(result)
        if text:
            self.shell.append_traceback(result, text, "")
            sentence = explain(result, self._shell_source)
            if sentence:
                self.shell.append_hint(sentence)
        self.shell.statement_finished()

    def _on_finished(self, result: RunResult) -> None:
        from vm import explain, format_result
        self.packages.run_finished(result)
        if self.runner.shell_run:
            self._finish_shell_entry(result)
            return
        note = tr("The shell now sees the variables of {file}.").format(file=self.document.display_name)
        if note != self._shell_note:  # said once until the shell is used: runs of one file do not pile it up
            self.shell.announce(note)
            self._shell_note = note
        self.console.end_input()
        for leftover in result.leftovers:
            self.console.append_system(tr("Sprout cleaned up after the program: {what}.").format(what=leftover))
        if self.focusWidget() in (None, self.console):
            self.editor.setFocus()  # typing goes back to the code, not the read-only console
        if result.status == "finished":
            if result.exit_code:
                self.console.append_system(tr("✔ Finished in {seconds:.2f} s (exit code {code})").format(
                    seconds=result.duration, code=result.exit_code))
            else:
                self.console.append_system(tr("✔ Finished in {seconds:.2f} s").format(seconds=result.duration))
            return
        text = format_result(result)
        if text:
            self.console.append_traceback(result, text, self.document.display_name)
        sentence = explain(result, self._ran_source)
        if sentence:
            self.console.append_hint(sentence)
        if result.status == "halted":
            self.console.append_system(tr("■ Stopped after {seconds:.2f} s").format(seconds=result.duration))
        self.console.scroll_to_end()  # the traceback and hint are what the learner needs now
        frame = next((f for f in reversed(result.frames) if f.filename == self.document.display_name), None)
        if frame is not None:
            self.editor.set_halted_line(frame.line)

    def _on_state_changed(self, state: RunState) -> None:
        """Everything that depends on the run's state follows from it here."""
        self.actions.apply(state)
        self.abandon_button.setVisible(state is RunState.STALLED)
        if state.active:
            self._tick.start()
        else:
            self._tick.stop()
        self._show_status()

    def _show_status(self) -> None:
        runner = self.runner
        self.status.show(runner.state, self._run_clock.elapsed() / 1000 if runner.running else 0.0,
                         runner.last_result, runner.pause_info, runner.vm.activity if runner.running else None,
                         in_shell=runner.shell_run)

    def _on_document_loaded(self) -> None:
        if not self.runner.running:
            self.status.clear()

    # ---- appearance and chrome ------------------------------------------------------------
    def set_theme(self, name: str) -> None:
        self.theme = THEMES[name]
        self.settings.theme = name
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_palette(app, self.theme)
        self.editor.apply_theme(self.theme)
        self.output_panel.apply_theme(self.theme)
        for entry in self.theme_menu.actions():
            entry.setChecked(entry.data() == name)


    def _apply_zoom(self, size: int) -> None:
        """One zoom for every pane: the editor's size leads, the others follow a step smaller."""
        self.settings.font_size = size
        for widget in (self.console, self.shell, *self.debug.panels()):
            font = widget.font()
            font.setPointSize(max(6, size - 1))
            widget.setFont(font)

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
            self.recent_menu.addAction(self.menu_action(path, lambda p=path: self.document.open(p)))
        self.recent_menu.setEnabled(bool(recent))

    def _about(self) -> None:
        QMessageBox.about(self, tr("About Sprout"),
                          tr("<b>Sprout</b> — a Python IDE for learners.<br>"
                             "Stop always works: press Shift+F5 whenever your program runs away."))

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

    def check_storage(self) -> None:
        """Say once if settings or autosaves cannot be kept (a read-only or full home folder)."""
        problems = [problem for problem in (
            storage.settings_problem(self.settings.store),
            storage.folder_problem(tr("autosaved copies of your work"), self.document.recovery.folder))
            if problem is not None]
        self._warn_storage_once(problems)

    def _warn_storage_once(self, problems: list[storage.StorageProblem]) -> None:
        if not problems or self._storage_warned:
            return
        self._storage_warned = True
        QMessageBox.warning(self, tr("Sprout cannot keep your work safe here"), storage.describe(problems))

    def open_initial(self, path: str | None) -> None:
        """What the window shows first: a crash recovery, the given file, the last one, or the welcome."""
        if self.document.offer_recovery():
            return
        if path and self.document.load(Path(path)):
            return
        last = self.settings.last_file
        if last and Path(last).is_file() and self.document.load(Path(last)):
            return
        self.document.open_example(resources.welcome_example())
        self.settings.welcomed = True

