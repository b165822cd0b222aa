"""The UI's text catalogs (gettext): ``<lang>/LC_MESSAGES/bridges.po`` and the
compiled ``bridges.mo`` beside it. ``python -m game.locale.extract`` adds new
messages from the code to every ``.po``; ``python -m game.locale.compile``
rebuilds the ``.mo`` files (both need Babel, a test dependency only)."""
