"""The IDE in the learner's language, with Qt's translation system.

Every user-visible string is written ``tr("...")`` (English, the source and the
fallback); ``tools/translations.py`` collects them into
``resources/translations/sprout_<lang>.ts`` and compiles the ``.qm`` loaded here. The
language is the one chosen in View > Language, or else the system's (``LANGUAGE``,
``LC_ALL``, ``LC_MESSAGES``, ``LANG``, then ``QLocale``). The engine's explanations
follow the same choice (``vm.core.i18n``), and Qt's own dialogs (file choosers, standard
buttons) use Qt's catalogue for it when one is installed.
"""
from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from vm.core import i18n as engine_i18n

from .qt_gaps import QtGaps
from .resources import TRANSLATIONS

SYSTEM = "system"
LANGUAGES = engine_i18n.LANGUAGES  # code -> the language's own name
_installed: list[QTranslator] = []


def tr(text: str) -> str:
    """``text`` in the IDE's language (lupdate collects every literal passed here)."""
    return QCoreApplication.translate("", text)


def system_language() -> str:
    """The language the environment asks for, as ``vm.core.i18n`` reads it; ``QLocale`` when
    no locale variable is set (a desktop session that only told Qt)."""
    if any(os.environ.get(variable) for variable in engine_i18n.ENVIRONMENT):
        return engine_i18n.system_language()
    for name in QLocale.system().uiLanguages():
        found = engine_i18n.supported(name)
        if found is not None:
            return found
    return "en"


def resolve(choice: str | None) -> str:
    """The language for a View > Language choice (``system`` or a code)."""
    if choice and choice != SYSTEM:
        return engine_i18n.supported(choice) or "en"
    return system_language()


def apply_language(language: str) -> None:
    """Load the catalogues for ``language`` into the application and the engine."""
    app = QCoreApplication.instance()
    for translator in _installed:
        if app is not None:
            app.removeTranslator(translator)
    _installed.clear()
    engine_i18n.set_language(language)
    if language == "en" or app is None:
        return
    for folder, name in ((str(TRANSLATIONS), f"sprout_{language}"),
                         (QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), f"qtbase_{language}")):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
    gaps = QtGaps(language, app)
    if not gaps.isEmpty():
        app.installTranslator(gaps)  # installed last, asked first
        _installed.append(gaps)
