"""The text catalogs (gettext): ``<lang>/LC_MESSAGES/bridges.po`` and the
compiled ``bridges.mo`` beside it. ``python -m game.locale.extract`` adds new
messages from the code (the UI, and the grader's closing notes) to every
``.po``; ``python -m game.locale.compile`` rebuilds the ``.mo`` files (both need
Babel, a test dependency only). Reading a catalog needs only the standard
library, so the pure core can use it too."""

from __future__ import annotations

import gettext
from functools import lru_cache
from pathlib import Path

DOMAIN = "bridges"
LOCALE_DIR = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def translations(language: str) -> gettext.NullTranslations:
    """The compiled catalog of a language (the English message ids if it is missing)."""
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[language], fallback=True)
