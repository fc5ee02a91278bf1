"""Sprout's main window: editor above, console below, Run and Stop always at hand."""
from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from vm.stop.limits import Limits

from . import open_tabs, resources, storage
from .actions import ActionRegistry
from .console import Console
from .debug_controller import DebugController
from .document import DocumentController
from .drawing_panel import DrawingController
from .editor import CodeEditor
from .editor_options import EditorOptions
from .editor_tabs import EditorTabs
from .file_watch import FileWatch
from .files import RecoveryStore
from .find_bar import FindBar
from .folding import folding_actions
from .i18n import apply_language, resolve, tr
from .language_menu import LanguageMenu
from .menus import build_menus, build_toolbar, fill_examples_menu, fill_theme_menu, list_entry
from .output_panel import OutputPanel
from .packages_controller import PackagesController
from .pane_focus import PaneFocus
from .panels import Panel, add_to_window
from .plots_panel import PlotsController
from .plotter import PlotterController
from .run_state import RunInfo, RunState
from .runner import Runner
from .separate_runs import SeparateRuns, debug_note, shell_note
from .settings import Settings
from .shell_entries import ShellEntries
from .status import RunStatus
from .text_positions import column_of
from .themes import THEMES, apply_palette
from .window_commands import window_command_specs

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
        self.tabs = EditorTabs(self.theme, self.settings.font_size, self.settings, recovery, self)
        self.runner = Runner(IDE_LIMITS, self, pause_on_uncaught=self.settings.pause_on_uncaught,
                             separate_processes=self.settings.separate_process)
        self.run = self.runner.info  # the last RunInfo announced: what the window shows
        self.status = RunStatus(self)
        self._run_clock = QElapsedTimer()
        self._closing = False  # the open tabs are remembered until the window closes
        self._storage_warned = False
        self._ran_source = ""
        self._build_layout()
        self.shell_entries = ShellEntries(self.runner, self.output_panel)
        self.commands = ActionRegistry(self)
        self.commands.add_all(window_command_specs(self))
        self.debug = DebugController(self.runner, self.tabs, self.console.line_activated, self, self.settings,
                                     start_debug_run=lambda: self.run_script(debug=True))
        self.drawing = DrawingController(self.runner, self)
        self.plots = PlotsController(self.runner, self)
        self.plotter = PlotterController(self.runner, self)
        self.separate_runs = SeparateRuns(self.runner, self.settings)
        self.panels: list[Panel] = [self.debug, self.drawing, self.plots, self.plotter, self.separate_runs]
        add_to_window(self.panels, self, self.commands)
        self.packages = PackagesController(self, self.runner, self.commands)
        self.editor_options = EditorOptions(self.tabs, self.settings, self)
        self.pane_focus = PaneFocus(self.commands, self._panes, {
            "go_editor": (tr("Go to &Editor"), "Ctrl+1", lambda: self.editor),
            "go_output": (tr("Go to C&onsole or Shell"), "Ctrl+2", self.output_panel.current_console)})
        self._build_menus()
        self._connect()
        self._restore_geometry()
        self._update_title()
        self._on_state_changed(self.run)
        self._apply_zoom(self.editor.point_size)
        self.setWindowIcon(resources.icon("sprout"))

    @property
    def editor(self) -> CodeEditor:
        """The editor of the tab in front."""
        return self.tabs.current_editor

    @property
    def document(self) -> DocumentController:
        return self.tabs.current_document

    @property
    def file_watch(self) -> FileWatch:
        return self.tabs.current_tab.file_watch

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
        editor_layout.addWidget(self.tabs)
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

    def _build_menus(self) -> None:
        """The toolbar and the menus, from ``ide/menus.py``'s data; the editor's toggles join the commands."""
        options = self.editor_options
        editor_toggles = {"auto_pairs": options.auto_pairs_action, "word_wrap": options.word_wrap_action,
                          "indent_guides": options.indent_guides_action}
        for action_id, action in zip(("fold", "unfold", "unfold_all"), folding_actions(lambda: self.editor.folding, self),
                                     strict=True):
            editor_toggles[action_id] = action
        for action_id, action in editor_toggles.items():
            self.commands.adopt(action_id, action)
        self.toolbar = self.addToolBar(tr("Main toolbar"))
        self.toolbar.setObjectName("main-toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        build_toolbar(self.toolbar, self.commands)
        self.menus = build_menus(self.menuBar(), self.commands,
                                 [toggle for panel in self.panels for toggle in panel.view_toggles()])
        self.language_menu = LanguageMenu(self, self.settings, self.menus.language, lambda: self.document.path)
        fill_theme_menu(self.menus.theme, self.settings.theme, self.set_theme)
        fill_examples_menu(self.menus.examples, self.tabs.open_example)
        self._fill_recent_menu()

    def _panes(self) -> list[QWidget]:
        """The panes Ctrl+Tab goes round, in reading order."""
        return [self.editor, self.output_panel.current_console(),
                *(pane for panel in self.panels for pane in panel.focus_panes())]

    def _connect(self) -> None:
        self.runner.output.connect(self._show_output)
        self.runner.input_requested.connect(self._on_input_requested)
        self.runner.finished.connect(self._on_finished)
        self.runner.state_changed.connect(self._on_state_changed)
        self.runner.started.connect(self._run_clock.start)  # a program or a Shell entry
        self.console.input_submitted.connect(self.runner.send_input)
        self.console.input_closed.connect(lambda: self.runner.send_input(None))
        self.console.line_activated.connect(self.tabs.go_to_run_line)
        self.console.file_line_activated.connect(self.tabs.go_to_file_line)
        self.shell.file_line_activated.connect(self.tabs.go_to_file_line)
        self.abandon_button.clicked.connect(self.abandon_run)
        self.console.save_requested.connect(lambda: self.save_output(self.console))
        self.shell.save_requested.connect(lambda: self.save_output(self.shell))
        self.output_panel.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.tabs.title_changed.connect(self._update_title)
        self.tabs.recent_changed.connect(self._fill_recent_menu)
        self.tabs.message.connect(lambda text: self.statusBar().showMessage(text, 3000))
        self.tabs.autosave_failed.connect(lambda reason: self._warn_storage_once([storage.StorageProblem(
            tr("autosaved copies of your work"), self.tabs.recovery.folder, reason)]))
        self.tabs.cursor_moved.connect(self._update_position)
        self.tabs.current_changed.connect(self._on_tab_changed)
        self.tabs.zoom_changed.connect(self._apply_zoom)
        self.tabs.loaded.connect(self._on_document_loaded)
        self.tabs.tabs_changed.connect(self._remember_tabs)
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
        if self.run.active:
            return
        self.document.autosave()
        self.console.clear_output()
        self.output_panel.show_console()
        self.console.append_system(tr("▶ Running {file}").format(file=self.document.display_name))
        if debug and self.run.separate_processes:
            self.console.append_system(debug_note())
        self._ran_source = self.editor.source_text()  # no-break spaces stay as python reads them
        folder = str(self.document.path.parent) if self.document.path else ""
        for filename, lines in self.tabs.begin_run().items():  # the learner's imported files' too
            self.runner.set_breakpoints(filename, lines)
        self.runner.start(self._ran_source, self.tabs.run_name, debug=debug,
                          breakpoints=set(self.editor.breakpoints), folder=folder)

    def stop_script(self) -> None:
        if self.run.active:
            self.runner.stop()

    def abandon_run(self) -> None:
        if self.run.active:
            self.runner.abandon()

    def save_output(self, console: Console | None = None) -> bool:
        """File > Save Output…: all the output of the current tab, what was trimmed too."""
        if self.run.active:
            self.runner.flush_output()  # what the program printed until now
        folder = self.document.path.parent if self.document.path else Path.home()
        name = "shell" if (console or self.output_panel.currentWidget()) is self.shell else self.document.display_name
        return self.output_panel.save_output(console, folder, name)

    def _on_input_requested(self, prompt: str) -> None:
        if self.run.in_shell:
            self.shell.program_wants_input()
        else:
            self.output_panel.show_console()  # the Shell may be in front: the answer goes here
            self.console.begin_input()

    def _show_output(self, chunks: list[tuple[str, str]]) -> None:
        (self.shell if self.run.in_shell else self.console).append_batch(chunks)

    def _on_finished(self, result: RunResult) -> None:
        from vm import explain, format_result  # loaded with the engine, after the window is shown
        if self.run.in_shell:
            self.shell_entries.entry_finished(result)
            return
        self.shell_entries.program_finished(self.tabs.run_name,
                                            shell_note(self.tabs.run_name) if self.run.in_separate_process else "")
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
            self.console.append_traceback(result, text, self.tabs.run_name)
        sentence = "" if result.reported_by_script else explain(result, self._ran_source)  # the script's own hook spoke
        if sentence:
            self.console.append_hint(sentence)
        if result.status == "halted":
            self.console.append_system(tr("■ Stopped after {seconds:.2f} s").format(seconds=result.duration))
        self.console.scroll_to_end()  # the traceback and hint are what the learner needs now
        self.tabs.mark_halted(result.frames)

    def _on_state_changed(self, run: RunInfo) -> None:
        """Everything that depends on the run's state follows from it here, the panels' too."""
        self.run = run
        self.commands.apply(run.state)
        self.abandon_button.setVisible(run.state is RunState.STALLED)
        if not run.active:
            self.tabs.end_run()
            self._tick.stop()
        elif not self._tick.isActive():
            self._tick.start()
        self._show_status()
        for panel in self.panels:
            panel.run_state_changed(run)

    def _show_status(self) -> None:
        run = self.run
        self.status.show(run.state, self._run_clock.elapsed() / 1000 if run.active else 0.0, run.result, run.pause,
                         self.runner.activity if run.active else None, in_shell=run.in_shell,
                         separate=run.in_separate_process)

    def _on_document_loaded(self) -> None:
        if not self.run.active:
            self.status.clear()

    # ---- appearance and chrome ------------------------------------------------------------
    def set_theme(self, name: str) -> None:
        self.theme = THEMES[name]
        self.settings.theme = name
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_palette(app, self.theme)
        self.tabs.set_theme(self.theme)
        self.output_panel.apply_theme(self.theme)
        for entry in self.menus.theme.actions():
            entry.setChecked(entry.data() == name)

    def _apply_zoom(self, size: int) -> None:
        """One zoom for every pane: the editor's size leads, the others follow a step smaller."""
        self.settings.font_size = size
        for widget in (self.console, self.shell):
            font = widget.font()
            font.setPointSize(max(6, size - 1))
            widget.setFont(font)
        for panel in self.panels:
            panel.set_text_size(max(6, size - 1))

    def _update_title(self) -> None:
        mark = "*" if self.document.modified else ""
        where = f" — {self.document.path.parent}" if self.document.path else ""
        self.setWindowTitle(f"{mark}{self.document.display_name}{where} — Sprout")

    def _on_tab_changed(self) -> None:
        """Find and the cursor's position follow the tab in front; the run's verdict stays."""
        self.find_bar.set_editor(self.editor)
        self._update_position()

    def _update_position(self) -> None:
        cursor = self.editor.textCursor()
        self.status.position(cursor.blockNumber() + 1, column_of(cursor) + 1)

    def _remember_tabs(self) -> None:
        """At each change of the tabs, so a crash still reopens them; not once the window closes."""
        if not self._closing:
            open_tabs.remember(self.tabs, self.settings)

    def _fill_recent_menu(self) -> None:
        menu = self.menus.recent
        menu.clear()
        recent = self.settings.recent_files
        for path in recent:
            menu.addAction(list_entry(self, path, partial(self.tabs.open, path)))
        menu.setEnabled(bool(recent))

    def _about(self) -> None:
        QMessageBox.about(self, tr("About Sprout"),
                          tr("<b>Sprout</b> — a Python IDE for learners.<br>"
                             "Stop always works: press Shift+F5 whenever your program runs away."))

    # ---- closing --------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self.tabs.maybe_keep_all_changes():
            event.ignore()
            return
        open_tabs.remember(self.tabs, self.settings)
        self.settings.geometry = self.saveGeometry()
        self.settings.splitter_state = self.splitter.saveState()
        self.settings.sync()
        self.runner.shutdown()
        self.tabs.discard_recovery()
        self._closing = True
        event.accept()

    def check_storage(self) -> None:
        """Say once if settings or autosaves cannot be kept (a read-only or full home folder)."""
        problems = [problem for problem in (
            storage.settings_problem(self.settings.store),
            storage.folder_problem(tr("autosaved copies of your work"), self.tabs.recovery.folder))
            if problem is not None]
        self._warn_storage_once(problems)

    def _warn_storage_once(self, problems: list[storage.StorageProblem]) -> None:
        if not problems or self._storage_warned:
            return
        self._storage_warned = True
        QMessageBox.warning(self, tr("Sprout cannot keep your work safe here"), storage.describe(problems))

    def open_initial(self, path: str | None) -> None:
        """What the window shows first: the files open last time with any unsaved text a crash
        left, and the given file in front; the welcome when there is nothing else."""
        reopened = open_tabs.reopen(self.tabs, self.settings)
        recovered = open_tabs.offer_recovery(self.tabs)
        if path and self.tabs.open(path):
            return
        if reopened or recovered:
            return
        self.tabs.open_example(resources.welcome_example())
        self.settings.welcomed = True

