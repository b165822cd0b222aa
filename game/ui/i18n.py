"""UI text in the player's language, from gettext catalogs.

The catalogs live in ``game/locale/<lang>/LC_MESSAGES/bridges.po`` and are
compiled to ``.mo`` (``python -m game.locale.compile``); the runtime reads
the ``.mo`` with the standard library. Message ids are the English text::

    _("Continue")
    ngettext("{n} pick left", "{n} picks left", n).format(n=n)
    N_("Budget")          # marked for extraction, translated later with _()

Scenario text (``Text`` models: ``en`` and any other language code) is not
in the catalogs: :func:`tr` picks the current language from it, and
:func:`lacks` tells whether that fell back to English (the UI marks such a
text block, never mixing languages inside one sentence).

The languages are the catalogs that exist (:func:`game.locale.languages`);
each is shown by its own name (:func:`language_name`).
"""

from __future__ import annotations

import gettext
from typing import Any

from game.locale import LANGUAGE_NAMES, SOURCE, available, decimal, language_name, languages, translations

__all__ = ["InEnglish", "LANGUAGE_NAMES", "N_", "_", "available", "catalog", "decimal", "language", "language_name", "languages", "lacks", "ngettext", "next_language", "set_language", "tr"]

_current = "en"


def catalog(language: str) -> gettext.NullTranslations:
    """The compiled catalog of a language (English text if it is missing)."""
    return translations(language)


def set_language(language: str) -> str:
    """Switch the UI language; a language with no catalog falls back to English. Returns the language set."""
    global _current
    _current = available(language)
    return _current


def language() -> str:
    return _current


def next_language(current: str | None = None) -> str:
    """The language after ``current`` (default: the one in use) in :func:`languages`, round to the first."""
    found = languages()
    here = _current if current is None else current
    return found[(found.index(here) + 1) % len(found)] if here in found else found[0]


def _(message: str) -> str:
    """Translate a UI message into the current language."""
    return catalog(_current).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a message with plural forms, chosen by ``n``."""
    return catalog(_current).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a message for the catalogs without translating it yet."""
    return message


class InEnglish(str):
    """Scenario text shown in English because it lacks the player's language.

    The layout draws it with a small tag (``EN``) beside the block, so a
    player sees the text is a fallback; one text block is always in one
    language. Any string operation gives a plain ``str`` again.
    """

    fallback = SOURCE.upper()


def tr(text: Any) -> str:
    """Scenario text (a ``Text`` model or a ``{en: ..., bg: ...}`` dict) in the current language, else English (as :class:`InEnglish`)."""
    if text is None:
        return ""
    if isinstance(text, dict):
        chosen = text.get(_current) or text.get(SOURCE) or ""
    else:
        chosen = text.get(_current)
    return InEnglish(chosen) if chosen and lacks(text) else chosen


def lacks(text: Any) -> bool:
    """Whether scenario text shows in English only because it lacks the current language."""
    if text is None or _current == SOURCE:
        return False
    if isinstance(text, dict):
        return not text.get(_current) and bool(text.get(SOURCE))
    return not text.has(_current)
