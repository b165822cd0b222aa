"""UI text in the player's language, from gettext catalogs.

The catalogs live in ``game/locale/<lang>/LC_MESSAGES/bridges.po`` and are
compiled to ``.mo`` (``python -m game.locale.compile``); the runtime reads
the ``.mo`` with the standard library. Message ids are the English text::

    _("Continue")
    ngettext("{n} pick left", "{n} picks left", n).format(n=n)
    N_("Budget")          # marked for extraction, translated later with _()

Scenario text (``Text`` models with ``en``/``bg``) is not in the catalogs:
:func:`tr` picks the current language from it.
"""

from __future__ import annotations

import gettext
from typing import Any

from game.locale import translations

LANGUAGES = ("en", "bg")
LANGUAGE_NAMES = {"en": "English", "bg": "Български"}  # each in its own language, never translated

_current = "en"


def catalog(language: str) -> gettext.NullTranslations:
    """The compiled catalog of a language (English text if it is missing)."""
    return translations(language)


def set_language(language: str) -> str:
    """Switch the UI language; unknown languages fall back to English. Returns the language set."""
    global _current
    _current = language if language in LANGUAGES else "en"
    return _current


def language() -> str:
    return _current


def _(message: str) -> str:
    """Translate a UI message into the current language."""
    return catalog(_current).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a message with plural forms, chosen by ``n``."""
    return catalog(_current).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a message for the catalogs without translating it yet."""
    return message


def tr(text: Any) -> str:
    """Scenario text (a ``Text`` model or an ``{en, bg}`` dict) in the current language."""
    if text is None:
        return ""
    if isinstance(text, dict):
        return text.get(_current) or text.get("en") or ""
    return text.get(_current)
