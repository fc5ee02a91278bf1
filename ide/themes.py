"""Light, dark and high-contrast themes: a Qt palette plus a matching pygments style."""
from __future__ import annotations

from dataclasses import dataclass

from pygments.style import StyleMeta
from pygments.styles import get_style_by_name
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication


@dataclass(frozen=True)
class Theme:
    name: str
    pygments_style: str
    window: str
    base: str
    text: str
    alternate: str
    highlight: str
    gutter: str
    gutter_text: str
    current_line: str
    halted_line: str
    halted_marker: str
    stdout: str
    stderr: str
    system: str
    input_echo: str
    link: str
    bracket_match: str
    hint: str
    disabled: str = ""  # text of what cannot be used now; the gutter's colour when empty

    @property
    def style(self) -> StyleMeta:
        return get_style_by_name(self.pygments_style)


LIGHT = Theme(
    name="light", pygments_style="friendly", window="#f3f4f1", base="#ffffff", text="#1f2328",
    alternate="#f6f8fa", highlight="#b6d7a8", gutter="#eef0eb", gutter_text="#8a8f87",
    current_line="#f2f7ec", halted_line="#ffe3b3", halted_marker="#e8590c", stdout="#1f2328",
    stderr="#c0392b", system="#6b7280", input_echo="#2f7d32", link="#1565c0",
    bracket_match="#c8e6c9", hint="#7b3fa0",
)
DARK = Theme(
    name="dark", pygments_style="one-dark", window="#21252b", base="#282c34", text="#dcdfe4",
    alternate="#2c313a", highlight="#3e5c3a", gutter="#21252b", gutter_text="#636d83",
    current_line="#2f343f", halted_line="#5c4422", halted_marker="#ff9f43", stdout="#dcdfe4",
    stderr="#ff6b6b", system="#8b93a5", input_echo="#98c379", link="#61afef",
    bracket_match="#3e5c3a", hint="#d19ae8",
)
# For projectors and low vision: white and yellow on black, nothing pale, strong accents.
HIGH_CONTRAST = Theme(
    name="contrast", pygments_style="rrt", window="#000000", base="#000000", text="#ffffff",
    alternate="#1a1a1a", highlight="#1f4fd6", gutter="#000000", gutter_text="#d0d0d0",
    current_line="#202020", halted_line="#7a3d00", halted_marker="#ff8c00", stdout="#ffffff",
    stderr="#ff6060", system="#00ffff", input_echo="#7cfc00", link="#ffff00",
    bracket_match="#1f4fd6", hint="#ff80ff", disabled="#707070",
)
THEMES = {theme.name: theme for theme in (LIGHT, DARK, HIGH_CONTRAST)}


def apply_palette(app: QApplication, theme: Theme) -> None:
    """Colour the whole application to match the editor's theme."""
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: theme.window, QPalette.ColorRole.WindowText: theme.text,
        QPalette.ColorRole.Base: theme.base, QPalette.ColorRole.AlternateBase: theme.alternate,
        QPalette.ColorRole.Text: theme.text, QPalette.ColorRole.Button: theme.window,
        QPalette.ColorRole.ButtonText: theme.text, QPalette.ColorRole.ToolTipBase: theme.base,
        QPalette.ColorRole.ToolTipText: theme.text, QPalette.ColorRole.Highlight: theme.highlight,
        QPalette.ColorRole.HighlightedText: theme.text, QPalette.ColorRole.Link: theme.link,
        QPalette.ColorRole.PlaceholderText: theme.gutter_text,
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText,
                     QColor(theme.disabled or theme.gutter_text))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText,
                     QColor(theme.disabled or theme.gutter_text))
    app.setPalette(palette)
