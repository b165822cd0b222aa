"""How far each language is: ``bridges i18n-status [--lang L]``.

Pure (no pygame, no Babel): reads the catalogs (``bridges.po``) and the
shipped YAML files (every scenario, the rulebook and the glossary) and
counts, per language, the catalog messages still untranslated or fuzzy and
the texts each file lacks. With one language it lists them: the message ids
to translate, and each file's text addresses as ``python -m
game.locale.textfile export`` names them::

                                   bg        el           pl
    UI catalog (522 messages)          complete  3 to do      complete
    demo-river-cleanup (270 texts)     complete  complete     complete
    youth-centre-funding (355 texts)   complete  355 missing* 355 missing*
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from game.locale import SOURCE, english_name, languages, po_file
from game.locale.textfile import TextFileError, compose, text_maps
from game.resources import scenarios_folder

GLOSSARY = ("game.data", "glossary.yaml")


@dataclass
class CatalogStatus:
    """One language's UI catalog: how many messages, which are untranslated or fuzzy."""

    language: str
    total: int = 0
    untranslated: list[str] = field(default_factory=list)
    fuzzy: list[str] = field(default_factory=list)
    problem: str = ""

    @property
    def complete(self) -> bool:
        return not (self.untranslated or self.fuzzy or self.problem)


@dataclass
class FileStatus:
    """One YAML file: its texts, the languages it declares (a scenario's ``languages``), and per language the texts it lacks."""

    name: str
    total: int
    declared: list[str] | None
    missing: dict[str, list[str]]
    problem: str = ""


def _unquote(line: str) -> str:
    text = line.strip()
    if not (text.startswith('"') and text.endswith('"')):
        return ""
    return re.sub(r'\\(.)', lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), text[1:-1])


def read_po(text: str) -> list[tuple[str, list[str], bool]]:
    """The entries of a ``.po`` file as (message id, translations, fuzzy); the header left out.

    Enough of the format for the catalogs Babel writes: ``#,`` flags,
    ``msgid``, ``msgid_plural``, ``msgstr`` and ``msgstr[n]``, strings
    continued on the following lines; obsolete (``#~``) entries are skipped.
    """
    entries = []
    for block in re.split(r"\n\s*\n", text):
        lines = [line for line in block.splitlines() if not line.startswith("#~")]
        fuzzy = any(line.startswith("#,") and "fuzzy" in line for line in lines)
        fields: dict[str, str] = {}
        current = None
        for line in lines:
            match = re.match(r"^(msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+(\".*\")\s*$", line)
            if match:
                current = match.group(1)
                fields[current] = _unquote(match.group(2))
            elif current and line.startswith('"'):
                fields[current] += _unquote(line)
        if fields.get("msgid"):
            strings = [value for key, value in sorted(fields.items()) if key.startswith("msgstr")]
            entries.append((fields["msgid"], strings, fuzzy))
    return entries


def catalog_status(language: str) -> CatalogStatus:
    status = CatalogStatus(language)
    try:
        entries = read_po(po_file(language).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        status.problem = f"cannot read {po_file(language)}: {error}"
        return status
    status.total = len(entries)
    for message, strings, fuzzy in entries:
        if fuzzy:
            status.fuzzy.append(message)
        elif not strings or not all(s.strip() for s in strings):
            status.untranslated.append(message)
    return status


def shipped_files() -> list[tuple[str, Path]]:
    """(name, path) of every shipped file with texts: the scenarios, the rulebook, the glossary."""
    found = [(path.stem, path) for path in sorted(scenarios_folder().glob("*.yaml"))]
    glossary = resources.files(GLOSSARY[0]) / GLOSSARY[1]
    found.append(("glossary", Path(str(glossary))))
    return found


def _declared(root: yaml.Node) -> list[str] | None:
    """A scenario's ``languages`` list, read from the composed tree (None when the file has none)."""
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if isinstance(key, yaml.ScalarNode) and key.value == "languages" and isinstance(value, yaml.SequenceNode):
                return [item.value for item in value.value if isinstance(item, yaml.ScalarNode)]
    return None


def file_status(name: str, path: Path, wanted: list[str]) -> FileStatus:
    try:
        _, root = compose(path)
    except TextFileError as error:
        return FileStatus(name, 0, None, {}, str(error))
    maps = text_maps(root)
    declared = _declared(root)
    missing = {lang: [m.at for m in maps if not str(m.texts.get(lang) or "").strip()] for lang in wanted}
    return FileStatus(name, len(maps), declared, missing)


def status(language: str | None = None) -> tuple[list[CatalogStatus], list[FileStatus]]:
    """The catalogs and the shipped files, for one language or every language the game has but English."""
    wanted = [language] if language else [lang for lang in languages() if lang != SOURCE]
    catalogs = [catalog_status(lang) for lang in wanted]
    files = [file_status(name, path, wanted) for name, path in shipped_files()]
    return catalogs, files


def _catalog_cell(catalog: CatalogStatus) -> str:
    if catalog.problem:
        return "unreadable"
    if catalog.complete:
        return "complete"
    parts = [f"{len(catalog.untranslated)} to do"] if catalog.untranslated else []
    return ", ".join(parts + ([f"{len(catalog.fuzzy)} fuzzy"] if catalog.fuzzy else []))


def _file_cell(found: FileStatus, language: str) -> str:
    if found.problem:
        return "unreadable"
    count = len(found.missing.get(language, []))
    cell = "complete" if not count else f"{count} missing"
    undeclared = found.declared is not None and language not in found.declared
    return cell + ("*" if undeclared else "")


def render(catalogs: list[CatalogStatus], files: list[FileStatus], detail: bool = False) -> str:
    """A table (a row per catalog or file, a column per language), and with ``detail`` every missing message and text."""
    total = max((c.total for c in catalogs), default=0)
    rows = [[f"UI catalog ({total} messages)"] + [_catalog_cell(c) for c in catalogs]]
    rows += [[f"{f.name} ({f.total} texts)"] + [_file_cell(f, c.language) for c in catalogs] for f in files]
    header = [""] + [c.language for c in catalogs]
    widths = [max(len(row[i]) for row in [header] + rows) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in [header] + rows]
    if any(f.declared is not None and c.language not in f.declared for f in files for c in catalogs):
        lines.append("* the scenario's 'languages' does not list it: players in that language see it in English")
    if detail:
        for catalog in catalogs:
            name = english_name(catalog.language)
            if not catalog.complete:
                lines += ["", f"{name}: the catalog {po_file(catalog.language)}"]
                lines += [f"  {catalog.problem}"] if catalog.problem else []
                lines += [f"  to translate: {message!r}" for message in catalog.untranslated]
                lines += [f"  fuzzy (check it, then remove the flag): {message!r}" for message in catalog.fuzzy]
            for found in files:
                missing = found.missing.get(catalog.language, [])
                if missing:
                    lines += ["", f"{name}: {found.name}, {len(missing)} text(s) missing"]
                    lines += [f"  {at}" for at in missing]
    return "\n".join(lines) + "\n"


def incomplete(catalogs: list[CatalogStatus], files: list[FileStatus]) -> bool:
    """Whether anything is missing in any language asked about."""
    return any(not c.complete for c in catalogs) or any(f.problem or any(f.missing.values()) for f in files)
