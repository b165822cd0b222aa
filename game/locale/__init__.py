"""The text catalogs (gettext): ``<lang>/LC_MESSAGES/bridges.po`` and the
compiled ``bridges.mo`` beside it. ``python -m game.locale.extract`` adds new
messages from the code (the UI, and the grader's closing notes) to every
``.po`` and writes the template ``bridges.pot``; ``python -m game.locale.compile``
rebuilds the ``.mo`` files (both need Babel, a test dependency only). Reading a
catalog needs only the standard library, so the pure core can use it too.

The game's languages are the catalogs that exist: a folder
``<lang>/LC_MESSAGES`` holding ``bridges.mo`` makes ``<lang>`` a language the
player can choose (:func:`languages`), shown by its own name
(:func:`language_name`). Adding a language needs no code.
"""

from __future__ import annotations

import gettext
from functools import lru_cache
from pathlib import Path

DOMAIN = "bridges"
LOCALE_DIR = Path(__file__).resolve().parent
SOURCE = "en"
"""The language of the message ids and of every text map's required key."""

LANGUAGE_NAMES = {
    "en": "English",
    "bg": "Български",
    "el": "Ελληνικά",
    "ro": "Română",
    "pl": "Polski",
    "de": "Deutsch",
    "fr": "Français",
    "es": "Español",
    "it": "Italiano",
    "pt": "Português",
    "tr": "Türkçe",
    "sr": "Српски",
    "mk": "Македонски",
    "hr": "Hrvatski",
    "hu": "Magyar",
    "cs": "Čeština",
    "sk": "Slovenčina",
    "sl": "Slovenščina",
    "uk": "Українська",
    "lt": "Lietuvių",
    "lv": "Latviešu",
    "et": "Eesti",
    "nl": "Nederlands",
}
"""Each language's name in that language (never translated: a player looks for their own)."""

ENGLISH_NAMES = {
    "en": "English", "bg": "Bulgarian", "el": "Greek", "ro": "Romanian", "pl": "Polish", "de": "German", "fr": "French",
    "es": "Spanish", "it": "Italian", "pt": "Portuguese", "tr": "Turkish", "sr": "Serbian", "mk": "Macedonian",
    "hr": "Croatian", "hu": "Hungarian", "cs": "Czech", "sk": "Slovak", "sl": "Slovenian", "uk": "Ukrainian",
    "lt": "Lithuanian", "lv": "Latvian", "et": "Estonian", "nl": "Dutch",
}
"""Each language's name in English, for the checker's and the command line's messages."""


DECIMAL_POINT = frozenset({"en", "ja", "ko", "zh", "he", "th"})
"""Languages that write 2.5; the others (bg, el, ro, pl and most of Europe) write 2,5."""


def decimal(number: str, language: str) -> str:
    """A number written with a decimal point (``"2.5"``) as ``language`` writes it."""
    return number if language in DECIMAL_POINT else number.replace(".", ",")


def languages() -> tuple[str, ...]:
    """Every language with a compiled catalog, English first, then by code: ``('en', 'bg', 'el', 'pl', 'ro')``."""
    return _languages(LOCALE_DIR)


@lru_cache(maxsize=None)
def _languages(folder: Path) -> tuple[str, ...]:
    found = {path.parent.parent.name for path in folder.glob(f"*/LC_MESSAGES/{DOMAIN}.mo")}
    return (SOURCE,) + tuple(sorted(found - {SOURCE}))


def language_name(language: str) -> str:
    """A language's own name (``Ελληνικά``); the code itself for a language not in the table."""
    return LANGUAGE_NAMES.get(language, language)


def english_name(language: str) -> str:
    """``Greek ('el')``: how the checker and the command line name a language."""
    name = ENGLISH_NAMES.get(language)
    return f"{name} ('{language}')" if name else f"'{language}'"


def available(language: str | None) -> str:
    """``language`` when the game has its catalog, else English."""
    return language if language in languages() else SOURCE


def po_file(language: str) -> Path:
    """The catalog source of a language: ``<lang>/LC_MESSAGES/bridges.po``."""
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@lru_cache(maxsize=None)
def translations(language: str) -> gettext.NullTranslations:
    """The compiled catalog of a language (the English message ids if it is missing)."""
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[language], fallback=True)
