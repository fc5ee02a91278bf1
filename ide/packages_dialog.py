"""Tools > Manage Packages: find a package on PyPI, install, upgrade or remove it, install
what a ``requirements.txt`` lists, see what is installed. Packages go to Sprout's own
packages folder, which every run sees (``vm.process.package_folders``)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .i18n import tr
from .packages import PYPI_JSON, IndexEntry, PackageJobs, installed_packages, normalize, refusal, uninstall


class PackagesDialog(QDialog):
    def __init__(self, folder: Path, parent: QWidget | None = None, index: str = PYPI_JSON) -> None:
        super().__init__(parent)
        self.folder = folder
        self.jobs = PackageJobs(folder, self, index=index)
        self.setWindowTitle(tr("Manage Packages"))
        self.setAccessibleName(tr("Manage Packages"))
        self.resize(760, 560)
        self._shown_name = ""

        self.name_field = QLineEdit()
        self.name_field.setPlaceholderText(tr("Package name, for example numpy"))
        self.name_field.setAccessibleName(tr("Package name"))
        self.find_button = QPushButton(tr("&Find on PyPI"))
        search_row = QHBoxLayout()
        search_row.addWidget(self.name_field, 1)
        search_row.addWidget(self.find_button)

        self.installed_list = QListWidget()
        self.installed_list.setAccessibleName(tr("Installed packages"))
        self.details = QLabel(tr("Type a package's name and press Find, or pick an installed package."))
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.install_button = QPushButton(tr("&Install"))
        self.upgrade_button = QPushButton(tr("&Upgrade"))
        self.uninstall_button = QPushButton(tr("&Remove"))
        self.requirements_button = QPushButton(tr("Install from &requirements.txt…"))
        actions = QHBoxLayout()
        for button in (self.install_button, self.upgrade_button, self.uninstall_button):
            actions.addWidget(button)
        actions.addStretch(1)
        detail_box = QVBoxLayout()
        detail_box.addWidget(self.details, 1)
        detail_box.addLayout(actions)
        middle = QGridLayout()
        middle.addWidget(QLabel(tr("Installed for your programs:")), 0, 0)
        middle.addWidget(self.installed_list, 1, 0)
        middle.addLayout(detail_box, 1, 1)
        middle.setColumnStretch(0, 2)
        middle.setColumnStretch(1, 3)

        self.log = QPlainTextEdit()
        self.log.setReadOnly(True)
        self.log.setAccessibleName(tr("Messages from pip"))
        self.log.setMaximumBlockCount(5000)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(tr("&Cancel"))
        self.cancel_button.setEnabled(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.requirements_button)
        bottom.addWidget(self.progress, 1)
        bottom.addWidget(self.cancel_button)
        where = QLabel(tr("Packages are installed in {folder}. Sprout's own Python is not changed.").format(
            folder=folder))
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(search_row)
        layout.addLayout(middle, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.status)
        layout.addWidget(self.log, 1)
        layout.addWidget(where)
        layout.addWidget(close)

        self.find_button.clicked.connect(self.look_up)
        self.name_field.returnPressed.connect(self.look_up)
        self.installed_list.currentItemChanged.connect(self._installed_chosen)
        self.install_button.clicked.connect(lambda: self._install(self._shown_name))
        self.upgrade_button.clicked.connect(lambda: self._install(self._shown_name))
        self.uninstall_button.clicked.connect(self.remove)
        self.requirements_button.clicked.connect(self.choose_requirements)
        self.cancel_button.clicked.connect(self.jobs.cancel)
        self.jobs.output.connect(self._append_log)
        self.jobs.finished.connect(self._job_done)
        self.jobs.looked_up.connect(self._show_lookup)
        self.refresh()
        self._show_choice("", None)

    # ---- what is installed ----------------------------------------------------------
    def installed(self) -> dict[str, str]:
        """Normalised name → version of what is in the packages folder."""
        return {normalize(package.name): package.version for package in installed_packages(self.folder)}

    def refresh(self) -> None:
        self.installed_list.clear()
        for package in installed_packages(self.folder):
            item = QListWidgetItem(f"{package.name}  {package.version}")
            item.setData(Qt.ItemDataRole.UserRole, package.name)
            item.setToolTip(package.summary)
            self.installed_list.addItem(item)

    def _installed_chosen(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        name = item.data(Qt.ItemDataRole.UserRole)
        package = next((p for p in installed_packages(self.folder) if p.name == name), None)
        if package is not None:
            self.details.setText(f"<b>{package.name}</b> {package.version}<br>{package.summary}")
            self._show_choice(package.name, None)

    # ---- finding and installing -----------------------------------------------------
    def open_with(self, name: str) -> None:
        """Open with ``name`` looked up already (the hint after ``ModuleNotFoundError``)."""
        self.name_field.setText(name)
        self.look_up()

    def look_up(self) -> None:
        name = self.name_field.text().strip()
        if not name:
            return
        refused = refusal(name)
        if refused:
            self.details.setText(refused)
            self._show_choice("", None)
            return
        self.details.setText(tr("Looking up {name} on PyPI…").format(name=name))
        self.find_button.setEnabled(False)
        self.jobs.look_up(name)

    def _show_lookup(self, answer: IndexEntry | LookupError) -> None:
        self.find_button.setEnabled(True)
        if isinstance(answer, LookupError):
            self.details.setText(str(answer))
            self._show_choice("", None)
            return
        have = self.installed().get(normalize(answer.name))
        text = f"<b>{answer.name}</b> {answer.version}<br>{answer.summary}"
        if have:
            text += "<br><br>" + tr("Installed: {version}").format(version=have)
        self.details.setText(text)
        self._show_choice(answer.name, answer)

    def _show_choice(self, name: str, entry: IndexEntry | None) -> None:
        self._shown_name = name
        have = self.installed().get(normalize(name)) if name else None
        idle = not self.jobs.busy
        self.install_button.setEnabled(idle and entry is not None and have is None)
        self.upgrade_button.setEnabled(idle and have is not None and (entry is None or entry.version != have))
        self.uninstall_button.setEnabled(idle and have is not None)
        self.requirements_button.setEnabled(idle)

    def _install(self, name: str) -> None:
        if name and not refusal(name):
            self._busy(True)
            self.jobs.install([name])

    def choose_requirements(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, tr("Install from requirements.txt"), "",
                                                tr("Requirements (*.txt);;All files (*)"))
        if chosen:
            self.install_requirements(Path(chosen))

    def install_requirements(self, path: Path) -> None:
        from .packages import requirement_name
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            self.status.setText(tr("Cannot read {file}: {reason}").format(file=path.name, reason=error))
            return
        refused = [refusal(requirement_name(line)) for line in lines if not line.lstrip().startswith(("#", "-"))]
        reasons = [reason for reason in refused if reason]
        if reasons:
            self.status.setText("\n".join(reasons))
            return
        self._busy(True)
        self.jobs.install_requirements(path)

    def remove(self) -> None:
        name = self._shown_name
        if not name:
            return
        removed = uninstall(self.folder, name)
        self.status.setText(tr("Removed {name}.").format(name=name) if removed else
                            tr("{name} is not installed here.").format(name=name))
        self.refresh()
        self._show_choice(name, None)

    # ---- progress -----------------------------------------------------------------------
    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        for button in (self.install_button, self.upgrade_button, self.uninstall_button,
                       self.requirements_button, self.find_button):
            button.setEnabled(not busy)
        if busy:
            self.status.setText(tr("Working… (Cancel stops it)"))

    def _append_log(self, text: str) -> None:
        self.log.moveCursor(self.log.textCursor().MoveOperation.End)
        self.log.insertPlainText(text)
        self.log.ensureCursorVisible()

    def _job_done(self, ok: bool, message: str) -> None:
        self._busy(False)
        self.status.setText(message)
        self.refresh()
        self._show_choice(self._shown_name, None)
        self.find_button.setEnabled(True)

    def reject(self) -> None:
        self.jobs.cancel()
        super().reject()
