"""The list of suggestions under the cursor, with the selected one's docstring beside it.

It is a child of the editor, never a window of its own: the editor keeps the keyboard
focus (so typing goes on into the text and filters the list), and the list moves,
hides and is painted with the editor. The keys (Up, Down, Enter, Tab, Esc) are read by
``ide/completion_controller.py``.
"""
from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QWidget

from .completion import Suggestion
from .i18n import tr

VISIBLE_ROWS = 10
PREVIEW_WIDTH_CHARS = 46


def kind_name(kind: str) -> str:
    """jedi's type of a suggestion in the learner's words."""
    names = {
        "module": tr("module"), "class": tr("class"), "function": tr("function"),
        "instance": tr("value"), "statement": tr("variable"), "keyword": tr("keyword"),
        "param": tr("parameter"), "property": tr("property"), "path": tr("file"),
    }
    return names.get(kind, kind)


class CompletionPopup(QFrame):
    """Suggestions filtered by what has been typed; ``chosen`` carries the accepted name."""

    chosen = Signal(str)
    selection_changed = Signal(str)  # the highlighted name: its docstring is wanted

    def __init__(self, editor: QWidget) -> None:
        super().__init__(editor)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAutoFillBackground(True)
        self.list = QListWidget(self)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setAccessibleName(tr("Suggestions"))
        self.list.setFont(editor.font())
        self.list.setUniformItemSizes(True)
        self.preview = QLabel(self)
        self.preview.setAccessibleName(tr("Documentation of the suggestion"))
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.preview.setMargin(6)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.setSpacing(0)
        layout.addWidget(self.list)
        layout.addWidget(self.preview)
        self.suggestions: tuple[Suggestion, ...] = ()
        self.list.currentRowChanged.connect(self._on_row_changed)
        self.list.itemActivated.connect(lambda item: self.chosen.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.hide()

    # ---- contents ---------------------------------------------------------------------
    def set_suggestions(self, suggestions: tuple[Suggestion, ...], typed: str) -> bool:
        """Show the ones that start with ``typed``; says whether any is left worth showing."""
        self.suggestions = suggestions
        return self.filter(typed)

    def filter(self, typed: str) -> bool:
        wanted = typed.lower()
        # Names starting with _ are the module's own business, until the learner types one.
        shown = [s for s in self.suggestions if s.name.lower().startswith(wanted)
                 and (typed.startswith("_") or not s.name.startswith("_"))]
        if not shown or (len(shown) == 1 and shown[0].name == typed):
            return False
        current = self.current_name()
        self.list.blockSignals(True)
        self.list.clear()
        for suggestion in shown:
            item = QListWidgetItem(suggestion.name)
            item.setData(Qt.ItemDataRole.UserRole, suggestion.name)
            item.setToolTip(kind_name(suggestion.kind))
            self.list.addItem(item)
        names = [s.name for s in shown]
        self.list.setCurrentRow(names.index(current) if current in names else 0)
        self.list.blockSignals(False)
        self._on_row_changed(self.list.currentRow())
        return True

    def current_name(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def move_selection(self, rows: int) -> None:
        count = self.list.count()
        if count:
            self.list.setCurrentRow(max(0, min(count - 1, self.list.currentRow() + rows)))

    def show_docstring(self, name: str, text: str) -> None:
        if name == self.current_name():
            body = text.strip() or tr("No documentation.")
            self.preview.setText(f"{self._heading(name)}\n\n{body}")

    def _heading(self, name: str) -> str:
        """``sqrt — function``: what the name is, in the learner's words."""
        kind = next((s.kind for s in self.suggestions if s.name == name), "")
        return f"{name} \u2014 {kind_name(kind)}"

    def _on_row_changed(self, row: int) -> None:
        name = self.current_name()
        if name is None:
            return
        self.preview.setText(self._heading(name))  # the docstring follows from the worker
        self.selection_changed.emit(name)

    # ---- place ------------------------------------------------------------------------
    def show_at(self, cursor_rect: QRect) -> None:
        """Below the cursor's line, or above it when the editor has no room below."""
        metrics = self.list.fontMetrics()
        row_height = max(self.list.sizeHintForRow(0), metrics.height())
        list_width = min(max(metrics.horizontalAdvance("m" * 14),
                             self.list.sizeHintForColumn(0) + 30), metrics.horizontalAdvance("m" * 32))
        preview_width = self.preview.fontMetrics().averageCharWidth() * PREVIEW_WIDTH_CHARS
        height = row_height * min(VISIBLE_ROWS, max(self.list.count(), 4)) + 6
        self.list.setFixedWidth(list_width)
        self.preview.setFixedWidth(preview_width)
        editor = self.parentWidget()
        assert editor is not None  # made with the editor as its parent
        area = editor.rect()
        width = min(list_width + preview_width + 2, area.width())
        height = min(height, area.height())
        left = min(cursor_rect.left(), area.right() - width)
        top = cursor_rect.bottom() + 2
        if top + height > area.bottom() and cursor_rect.top() - height - 2 >= 0:
            top = cursor_rect.top() - height - 2
        self.setGeometry(QRect(QPoint(max(0, left), max(0, top)), QRect(0, 0, width, height).size()))
        self.show()
        self.raise_()

