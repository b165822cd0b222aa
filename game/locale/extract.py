"""Collect the UI messages from the code and add new ones to every catalog.

``python -m game.locale.extract`` finds every ``_()``, ``N_()`` and
``ngettext()`` under ``game/ui`` (and in the pure modules of ``EXTRA_SOURCES``),
writes the template ``game/locale/bridges.pot`` (a new language starts from
it), then updates each ``bridges.po``: new
messages are added (untranslated in Bulgarian, the message id itself in
English), messages no longer used are dropped, translations are kept. Needs Babel (``pip install -e '.[test]'``).
"""

from __future__ import annotations

import sys
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent
SOURCE_DIR = LOCALE_DIR.parent / "ui"
EXTRA_SOURCES = (  # pure code whose text is in the catalogs too
    LOCALE_DIR.parent / "scoring" / "notes.py",
    LOCALE_DIR.parent / "scoring" / "answers.py",
    LOCALE_DIR.parent / "scoring" / "compare.py",
    *sorted((LOCALE_DIR.parent / "handouts").glob("*.py")),
)
DOMAIN = "bridges"
POT_PATH = LOCALE_DIR / f"{DOMAIN}.pot"
"""The template a translator starts a new language from (written by :func:`main`; shipped in the repository)."""
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "_each_plural": (1, 2)}


def languages() -> tuple[str, ...]:
    """Every language with a catalog source (``<lang>/LC_MESSAGES/bridges.po``), English first.

    The game itself offers the compiled ones (:func:`game.locale.languages`).
    """
    found = sorted(path.parent.parent.name for path in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    return tuple(sorted(found, key=lambda lang: lang != "en"))


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def extract():
    """A Babel catalog of every message the UI code uses."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir
    from babel.messages.extract import extract_from_file

    template = Catalog(domain=DOMAIN, project="Bridges", charset="utf-8")
    for filename, lineno, message, comments, context in extract_from_dir(
        str(SOURCE_DIR), method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=("Translators:",)
    ):
        template.add(message, None, [(f"game/ui/{filename}", lineno)], auto_comments=comments, context=context)
    for path in EXTRA_SOURCES:
        for lineno, message, comments, context in extract_from_file("python", str(path), keywords=KEYWORDS, comment_tags=("Translators:",)):
            template.add(message, None, [(f"game/{path.parent.name}/{path.name}", lineno)], auto_comments=comments, context=context)
    return template


def template_text() -> str:
    """The ``.pot`` template: every message, with its translators' comments, without line numbers.

    Without locations and with the header's date kept from the committed
    file, it changes only when the messages change.
    """
    from io import BytesIO

    from babel.messages.pofile import read_po, write_po

    template = extract()
    template.copyright_holder = "the Bridges authors"
    if POT_PATH.is_file():
        with POT_PATH.open("rb") as stream:
            template.creation_date = read_po(stream, domain=DOMAIN).creation_date
    buffer = BytesIO()
    write_po(buffer, template, width=100, omit_header=False, no_location=True, sort_output=False)
    return buffer.getvalue().decode("utf-8")


def main(argv: list[str] | None = None) -> int:
    from babel.messages.pofile import read_po, write_po

    POT_PATH.write_text(template_text(), encoding="utf-8")
    print(f"{POT_PATH}: the template")

    for language in languages():
        template = extract()  # fresh for each catalog: Babel's update adopts the template's message objects
        path = po_path(language)
        with path.open("rb") as stream:
            catalog = read_po(stream, locale=language, domain=DOMAIN)
        created = catalog.creation_date
        catalog.update(template, no_fuzzy_matching=True)
        catalog.creation_date = created
        if language == "en":  # English text is the message id
            for message in catalog:
                strings = message.string if isinstance(message.string, tuple) else (message.string,)
                if message.id and not all(strings):
                    message.string = message.id
        with path.open("wb") as stream:
            write_po(stream, catalog, width=100, omit_header=False, ignore_obsolete=True, include_previous=False, sort_output=False)
        print(f"{path}: {len(catalog)} messages")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
