"""Put translations into a catalog, then bring every catalog up to date.

``python -m game.locale.fill LANG FILE.json`` reads a JSON object of message
id to translation (a new language's catalog is started when missing; a list of two or more strings for a plural message, keyed
by its singular id), runs the extractor so every catalog knows every message
the code uses, writes the given translations into ``LANG``'s ``bridges.po``
and compiles the ``.mo`` files. Messages not in the file keep their
translation. Run it under ``flock /tmp/bridges-catalog.lock`` when several
people edit the catalogs at once. Needs Babel (``pip install -e '.[test]'``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from game.locale import compile as compile_module
from game.locale import extract as extract_module


def fill(language: str, translations: dict[str, str | list[str]]) -> list[str]:
    """Write ``translations`` into ``language``'s catalog; returns the ids the code does not use."""
    from babel.messages.pofile import read_po, write_po

    path = extract_module.po_path(language)
    with path.open("rb") as stream:
        catalog = read_po(stream, locale=language, domain=extract_module.DOMAIN)
    _our_header(catalog)
    unknown = []
    for message_id, text in translations.items():
        message = next((m for m in catalog if m.id and (m.id == message_id or (isinstance(m.id, tuple) and m.id[0] == message_id))), None)
        if message is None:
            unknown.append(message_id)
            continue
        message.string = tuple(text) if isinstance(text, list) else text
        message.flags.discard("fuzzy")
    with path.open("wb") as stream:
        write_po(stream, catalog, width=100, omit_header=False, ignore_obsolete=True, include_previous=False, sort_output=False)
    return unknown


def _our_header(catalog) -> None:
    """The project's own header fields instead of Babel's placeholders (and a header that is not fuzzy)."""
    catalog.project, catalog.version = "Bridges", "0.1"
    catalog.copyright_holder = "the Bridges team"
    catalog.msgid_bugs_address = "Bridges maintainers"
    catalog.last_translator = "Bridges team"
    catalog.language_team = "Bridges"
    catalog.fuzzy = False


def create(language: str) -> Path:
    """Start an empty catalog for a new language (plural rules from Babel's locale data)."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    path = extract_module.po_path(language)
    path.parent.mkdir(parents=True, exist_ok=True)
    catalog = Catalog(locale=language, domain=extract_module.DOMAIN, project="Bridges", charset="utf-8")
    _our_header(catalog)
    with path.open("wb") as stream:
        write_po(stream, catalog, width=100, omit_header=False)
    return path


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 2:
        print("usage: python -m game.locale.fill LANG FILE.json", file=sys.stderr)
        return 2
    language, source = args
    if not extract_module.po_path(language).is_file():
        create(language)
    translations = json.loads(Path(source).read_text(encoding="utf-8"))
    extract_module.main([])
    unknown = fill(language, translations)
    for message_id in unknown:
        print(f"not used by the code, skipped: {message_id!r}", file=sys.stderr)
    compile_module.main([])
    return 0


if __name__ == "__main__":
    sys.exit(main())
