"""The engine's own words in the learner's language (English, 简体中文), via ``gettext``.

The language follows the usual rules — ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``,
``LANG``, first one set wins — unless the IDE chose one (``set_language``). Catalogues
live in ``vm/locale/<language>/LC_MESSAGES/sprout.mo`` (built from the ``.po`` beside it
by ``tools/translations.py``); English is the source text and the fallback. Python's own
exception messages are never translated: Sprout's hint stands above them.
"""
from __future__ import annotations

import gettext
import os
from pathlib import Path

DOMAIN = "sprout"
LOCALE_DIR = Path(__file__).parents[1] / "locale"  # vm/locale
LANGUAGES = {"en": "English", "zh_CN": "简体中文"}
ENVIRONMENT = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_chosen: str | None = None
_catalogue: gettext.NullTranslations | None = None


def supported(code: str | None) -> str | None:
    """Sprout's language for a locale name (``zh_CN.UTF-8``, ``zh-Hans``, ``zh``), or None."""
    if not code:
        return None
    base = code.split(".")[0].split("@")[0].replace("-", "_")
    if base in ("C", "POSIX"):
        return "en"
    language, _, region = base.partition("_")
    if language.lower() == "zh":
        # Traditional Chinese has no catalogue yet: English, not Simplified, is the fallback.
        return None if region.upper() in ("TW", "HK", "MO", "HANT") else "zh_CN"
    if language.lower() == "en":
        return "en"
    return None


def system_language() -> str:
    """The language the environment asks for, among Sprout's; English otherwise."""
    for variable in ENVIRONMENT:
        value = os.environ.get(variable)
        if not value:
            continue
        for candidate in value.split(":"):  # LANGUAGE may list several, in order
            found = supported(candidate)
            if found is not None:
                return found
        return "en"  # the first variable that is set decides, as gettext does
    return "en"


def current_language() -> str:
    return _chosen or system_language()


def set_language(code: str | None) -> None:
    """Use ``code`` from now on (``None``: follow the environment again)."""
    global _chosen, _catalogue
    _chosen = supported(code) if code else None
    _catalogue = None


def _translations() -> gettext.NullTranslations:
    global _catalogue
    if _catalogue is None:
        language = current_language()
        _catalogue = gettext.translation(DOMAIN, LOCALE_DIR, languages=[language], fallback=True)
    return _catalogue


def _(text: str) -> str:
    """``text`` in the current language (the English itself when there is no translation)."""
    return _translations().gettext(text)


def N_(text: str) -> str:
    """Marks ``text`` for the catalogue where it is defined; translate it with ``_`` where used."""
    return text


def ngettext(singular: str, plural: str, count: int) -> str:
    return _translations().ngettext(singular, plural, count)


def SPACE() -> str:  # noqa: N802 - reads as the constant it stands for
    """What goes between two sentences: a space in English, nothing in Chinese."""
    return _("{first} {second}").format(first="", second="")
