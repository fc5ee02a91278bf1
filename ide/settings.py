"""What Sprout remembers between sessions, kept in ``QSettings``."""
from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 8



def _flag(key: str, default: bool) -> property:
    """A yes/no setting, stored as "true"/"false" (what QSettings' INI files hold)."""
    def get(settings: Settings) -> bool:
        return settings._get(key, "true" if default else "false", str) in ("true", "True", "1")

    def set_(settings: Settings, value: bool) -> None:
        settings.store.setValue(key, "true" if value else "false")
    return property(get, set_)


class Settings:
    """Typed access to the settings Sprout uses."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store or QSettings()

    def _get(self, key: str, default, kind=None):
        value = self.store.value(key, default)
        if kind is None or value is None:
            return value
        try:
            return kind(value)
        except (TypeError, ValueError):
            return default

    @property
    def theme(self) -> str:
        return str(self._get("appearance/theme", "light"))

    @theme.setter
    def theme(self, name: str) -> None:
        self.store.setValue("appearance/theme", name)

    @property
    def font_size(self) -> int:
        return self._get("appearance/font_size", 12, int)

    @font_size.setter
    def font_size(self, size: int) -> None:
        self.store.setValue("appearance/font_size", size)

    @property
    def geometry(self) -> QByteArray | None:
        value = self.store.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self.store.setValue("window/geometry", value)

    @property
    def splitter_state(self) -> QByteArray | None:
        value = self.store.value("window/splitter")
        return value if isinstance(value, QByteArray) else None

    @splitter_state.setter
    def splitter_state(self, value: QByteArray) -> None:
        self.store.setValue("window/splitter", value)

    @property
    def last_file(self) -> str | None:
        value = self.store.value("files/last")
        return str(value) if value else None

    @last_file.setter
    def last_file(self, path: str | None) -> None:
        self.store.setValue("files/last", path or "")

    @property
    def open_files(self) -> list[str] | None:
        """The files open in tabs when Sprout last changed its tabs, in tab order; None
        before Sprout had tabs (the last file opened is then what comes back)."""
        return self._paths("files/open") if self.store.contains("files/open") else None

    @open_files.setter
    def open_files(self, paths: list[str]) -> None:
        self.store.setValue("files/open", list(paths))

    @property
    def current_file(self) -> str | None:
        """The file of the tab that was in front."""
        value = self.store.value("files/current")
        return str(value) if value else None

    @current_file.setter
    def current_file(self, path: str | None) -> None:
        self.store.setValue("files/current", path or "")

    def _paths(self, key: str) -> list[str]:
        value = self.store.value(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, (list, tuple)):
            return []
        return [str(item) for item in value if item]

    @property
    def recent_files(self) -> list[str]:
        return self._paths("files/recent")

    def add_recent(self, path: str) -> None:
        recent = [path] + [item for item in self.recent_files if item != path]
        self.store.setValue("files/recent", recent[:MAX_RECENT])

    def remove_recent(self, path: str) -> None:
        self.store.setValue("files/recent", [item for item in self.recent_files if item != path])

    @property
    def language(self) -> str:
        """``system`` (follow the desktop) or a language code such as ``zh_CN``."""
        return str(self._get("appearance/language", "system"))

    @language.setter
    def language(self, code: str) -> None:
        self.store.setValue("appearance/language", code)

    welcomed = _flag("app/welcomed", default=False)
    pause_on_uncaught = _flag("debug/pause_on_uncaught", default=True)
    auto_pairs = _flag("editor/auto_pairs", default=True)
    word_wrap = _flag("editor/word_wrap", default=False)
    indent_guides = _flag("editor/indent_guides", default=True)

    def sync(self) -> None:
        self.store.sync()
