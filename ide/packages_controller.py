"""Tools > Manage Packages in the window, and the offer to install a module a program
could not import (a button in the status bar after a ``ModuleNotFoundError``)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow, QPushButton

from .actions import ActionRegistry, ActionSpec
from .i18n import tr
from .runner import Runner

if TYPE_CHECKING:
    from vm import RunResult

    from .packages_dialog import PackagesDialog


class PackagesController(QObject):
    def __init__(self, window: QMainWindow, runner: Runner, commands: ActionRegistry) -> None:
        super().__init__(window)
        runner.started.connect(lambda _run: self.run_started())
        runner.finished.connect(self.run_finished)
        self.window = window
        self.dialog: PackagesDialog | None = None
        commands.add(ActionSpec("packages", tr("Manage &Packages…"), self.open,
                                tip=tr("Find, install and remove packages your programs can import")))
        self.install_button = QPushButton()
        self.install_button.hide()
        self.install_button.clicked.connect(self._install_missing)
        window.statusBar().addPermanentWidget(self.install_button)
        self._missing = ""

    def open(self, name: str = "") -> PackagesDialog:
        """The dialog (one per window), brought to the front; with ``name`` looked up."""
        if self.dialog is None:  # loaded on first use: the window starts without it
            from vm.process.package_folders import user_packages_folder

            from .packages_dialog import PackagesDialog
            self.dialog = PackagesDialog(user_packages_folder(), self.window)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        if name:
            self.dialog.open_with(name)
        return self.dialog

    def run_started(self) -> None:
        self.install_button.hide()

    def run_finished(self, result: RunResult) -> None:
        from vm.report.missing_modules import missing_module, project_for
        module = missing_module(result)
        self.install_button.setVisible(module is not None)
        if module is not None:
            self._missing = project_for(module)
            self.install_button.setText(tr("Install {name}…").format(name=self._missing))
            self.install_button.setToolTip(tr("Open Tools > Manage Packages with {name} looked up").format(
                name=self._missing))

    def _install_missing(self) -> None:
        self.install_button.hide()
        self.open(self._missing)
