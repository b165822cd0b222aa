"""Rebuild the compiled catalogs (``.mo``) from the ``.po`` files, with Babel.

``python -m game.locale.compile`` writes ``bridges.mo`` beside every
``bridges.po``; ``--check`` writes nothing and exits 1 if a committed ``.mo``
differs from what its ``.po`` compiles to. The game itself reads the ``.mo``
with the standard library's gettext, so Babel is needed only here.
"""

from __future__ import annotations

import sys
from io import BytesIO
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent
DOMAIN = "bridges"


def catalogs() -> list[Path]:
    """Every ``<lang>/LC_MESSAGES/bridges.po``."""
    return sorted(LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def compile_po(po: Path) -> bytes:
    """The ``.mo`` bytes Babel compiles from one ``.po`` (fuzzy entries left out)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    language = po.parent.parent.name
    with po.open("rb") as stream:
        catalog = read_po(stream, locale=language, domain=DOMAIN)
    out = BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    check = "--check" in (argv or [])
    stale = 0
    for po in catalogs():
        mo = po.with_suffix(".mo")
        compiled = compile_po(po)
        if check:
            if not mo.is_file() or mo.read_bytes() != compiled:
                print(f"{mo}: stale; run python -m game.locale.compile", file=sys.stderr)
                stale += 1
        else:
            mo.write_bytes(compiled)
            print(mo)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
