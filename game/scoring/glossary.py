"""The glossary: the handbook's terms in English and Bulgarian, each tied to a handbook section.

Pure data (no pygame), read from ``game/data/glossary.yaml`` with the same
hardened loader and strict models as the rulebook. Every ``section`` must be a
section of the rulebook (:func:`unknown_sections` lists any that are not).

```yaml
terms:
  - id: liaison
    term: {en: "Liaison", bg: "Лиезон (свръзка)"}
    meaning: {en: "A person who bridges ...", bg: "Човек, който свързва ..."}
    section: "1.11"
```

For the UI: ``default_glossary().grouped(rulebook)`` gives ``(section, terms)``
pairs in the handbook's order; ``term.term.get(language)`` and
``term.meaning.get(language)`` the texts. ``python -m game.scoring.glossary
docs/glossary.md`` writes the Markdown page (:func:`glossary_markdown`).
"""

from __future__ import annotations

import sys
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Annotated

from pydantic import Field, model_validator

from game.core.base import Id, Strict, Text
from game.core.shape import shaped
from game.core.yamlsafe import load_file
from game.locale import english_name, languages
from game.scoring.rulebook import Rulebook, Section, SectionId, default_rulebook

GLOSSARY_PACKAGE = "game.data"
GLOSSARY_NAME = "glossary.yaml"


class Term(Strict):
    """One term of the handbook, with its meaning, in every language of the game."""

    id: Id
    term: Text
    meaning: Text
    section: SectionId

    @model_validator(mode="after")
    def _every_language(self) -> "Term":
        missing = sorted({lang for text in (self.term, self.meaning) for lang in text.missing()})
        if missing:
            raise ValueError(f"term {self.id}: add the {', '.join(missing)} text of both 'term' and 'meaning'")
        return self


class Glossary(Strict):
    terms: Annotated[list[Term], Field(min_length=1)]

    @model_validator(mode="after")
    def _ids_unique(self) -> "Glossary":
        seen: set[str] = set()
        for term in self.terms:
            if term.id in seen:
                raise ValueError(f"term id '{term.id}' appears twice")
            seen.add(term.id)
        return self

    @cached_property
    def by_id(self) -> dict[str, Term]:
        return {t.id: t for t in self.terms}

    def grouped(self, rulebook: Rulebook) -> list[tuple[Section, list[Term]]]:
        """The terms by section, sections in the rulebook's (the handbook's) order, terms as written."""
        by_section: dict[str, list[Term]] = {}
        for term in self.terms:
            by_section.setdefault(term.section, []).append(term)
        return [(s, by_section[s.id]) for s in rulebook.sections if s.id in by_section]


def unknown_sections(glossary: Glossary, rulebook: Rulebook) -> list[str]:
    """Terms whose section the rulebook does not list, as ``id (section)``."""
    return [f"{t.id} ({t.section})" for t in glossary.terms if t.section not in rulebook.section_by_id]


def load_glossary(path: str | Path | None = None) -> Glossary:
    """Load and check a glossary (the shipped one by default); raises ContentError with file:line:col problems."""
    if path is None:
        with resources.as_file(resources.files(GLOSSARY_PACKAGE) / GLOSSARY_NAME) as shipped:
            doc = load_file(shipped, display=f"game/data/{GLOSSARY_NAME}")
    else:
        doc = load_file(path)
    return shaped(Glossary, doc)


@lru_cache(maxsize=1)
def default_glossary() -> Glossary:
    return load_glossary()


_HEADINGS = {
    "en": ("Term", "Meaning"),
    "bg": ("Термин", "Значение"),
    "el": ("Όρος", "Σημασία"),
    "ro": ("Termen", "Semnificație"),
    "pl": ("Termin", "Znaczenie"),
}


def table_languages(glossary: Glossary) -> list[str]:
    """The game's languages every term of the glossary is written in (English and Bulgarian at least): the table's columns."""
    return [lang for lang in languages() if all(not text.missing([lang]) for term in glossary.terms for text in (term.term, term.meaning))]


def _heading(lang: str) -> tuple[str, str]:
    return _HEADINGS.get(lang) or tuple(f"{word} ({lang})" for word in _HEADINGS["en"])  # type: ignore[return-value]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def glossary_markdown(glossary: Glossary, rulebook: Rulebook) -> str:
    """``docs/glossary.md``: one table per handbook section, each language the glossary is complete in side by side."""
    columns = table_languages(glossary)
    names = [english_name(lang).split(" (")[0] for lang in columns]
    spoken = " and ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else names[0]
    lines = [
        "# Glossary of the handbook's terms / Речник на термините от наръчника",
        "",
        "The terms of the handbook \"Networking: Building Partnerships\" (Bulgarian original:",
        f"`handbook.bg.txt`), grouped by the handbook section they come from, in {spoken}.",
        "Generated from `game/data/glossary.yaml`; do not edit by hand, run",
        "`.venv/bin/python -m game.scoring.glossary docs/glossary.md`.",
        "",
        "Термините от наръчника „Нетуъркинг: Изграждане на партньорства“, подредени по раздела, от който",
        "идват, на английски и на български.",
    ]
    header = [name for lang in columns for name in _heading(lang)]
    for section, terms in glossary.grouped(rulebook):
        lines += ["", f"## {section.id} {section.title.en} / {section.title.bg}", ""]
        lines.append("| " + " | ".join(header) + " |")
        lines.append("|" + "---|" * len(header))
        for term in terms:
            cells = [_cell(text.get(lang)) for lang in columns for text in (term.term, term.meaning)]
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write docs/glossary.md (or print it when no path is given)."""
    args = sys.argv[1:] if argv is None else argv
    glossary, rulebook = default_glossary(), default_rulebook()
    bad = unknown_sections(glossary, rulebook)
    if bad:
        print("terms name sections the rulebook does not list: " + ", ".join(bad), file=sys.stderr)
        return 1
    text = glossary_markdown(glossary, rulebook)
    if args:
        Path(args[0]).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
