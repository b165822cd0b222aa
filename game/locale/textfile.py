"""Translate the texts of a YAML file without touching its structure.

A scenario, the rulebook and the glossary keep their words in text maps,
one key per language::

    title: {en: "The River Clean-up", bg: "Почистване на реката"}
    summary:
      en: "A small youth club wants to clean the Danube bank."
      bg: "Малък младежки клуб иска да почисти брега на Дунав."

``python -m game.locale.textfile export FILE --lang el --out el.yaml``
writes every text map of FILE as one entry of a plain list: where it is
(``scenes[choose-partners].options[call-three].text``), the English source,
the other languages present for reference, and a slot for the new language
(filled when the file already has it)::

    file: scenarios/demo-river-cleanup.yaml
    language: el
    texts:
      - at: title
        en: "The River Clean-up"
        bg: "Почистване на реката"
        el: ""

A translator fills the slots; ``python -m game.locale.textfile import FILE
el.yaml`` writes them into FILE: a new key after the map's last one (inside
the braces of a ``{...}`` map, on its own line in a block map), or the
value replaced where the language is there already. Comments, order and
layout stay as they were, empty slots are skipped, a scenario's
``languages`` list gains the language, and the result is read back before
it is written: a file that would not load the same is never written.
``status FILE --lang el`` counts the texts still missing.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's marks count characters, like the pure parser's

LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")
"""A key that names a language: ``en``, ``bg``, ``el``, ``pt-BR``."""


class TextFileError(Exception):
    """A problem with a file or a translation list, said for a person."""


@dataclass
class TextMap:
    """One text map found in a YAML file: where, its texts, and its node."""

    at: str
    texts: dict[str, str]
    node: yaml.MappingNode


def _scalar_pairs(node: yaml.MappingNode) -> list[tuple[yaml.ScalarNode, yaml.Node]]:
    return [(key, value) for key, value in node.value if isinstance(key, yaml.ScalarNode)]


def _is_text_map(node: yaml.Node) -> bool:
    if not isinstance(node, yaml.MappingNode) or not node.value:
        return False
    pairs = _scalar_pairs(node)
    if len(pairs) != len(node.value):
        return False
    keys = [key.value for key, _ in pairs]
    return "en" in keys and all(LANGUAGE_CODE.match(k) for k in keys) and all(isinstance(v, yaml.ScalarNode) for _, v in pairs)


def _item_name(node: yaml.Node, index: int) -> str:
    if isinstance(node, yaml.MappingNode):
        for key, value in _scalar_pairs(node):
            if key.value == "id" and isinstance(value, yaml.ScalarNode) and value.value:
                return value.value
    return str(index)


def text_maps(root: yaml.Node) -> list[TextMap]:
    """Every text map under ``root`` in file order, each with a readable address."""
    found: list[TextMap] = []

    def visit(node: yaml.Node, at: str) -> None:
        if _is_text_map(node):
            found.append(TextMap(at, {key.value: value.value for key, value in _scalar_pairs(node)}, node))
        elif isinstance(node, yaml.MappingNode):
            for key, value in _scalar_pairs(node):
                visit(value, f"{at}.{key.value}" if at else str(key.value))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                visit(item, f"{at}[{_item_name(item, index)}]")

    visit(root, "")
    return found


def compose(path: Path) -> tuple[str, yaml.Node]:
    """The text of a YAML file and its node tree (with positions)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise TextFileError(f"{path}: cannot be read as UTF-8 text ({error})") from None
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as error:
        raise TextFileError(f"{path}: is not valid YAML; fix it first ({error})") from None
    if root is None:
        raise TextFileError(f"{path}: is empty")
    return text, root


def export(path: Path, language: str) -> dict:
    """The translation list of a file for one language."""
    _check_language(language)
    _, root = compose(path)
    entries = []
    for found in text_maps(root):
        entry = {"at": found.at, "en": found.texts["en"]}
        entry.update({lang: text for lang, text in found.texts.items() if lang not in ("en", language)})
        entry[language] = found.texts.get(language, "")
        entries.append(entry)
    return {"file": str(path), "language": language, "texts": entries}


def missing(path: Path, language: str) -> list[str]:
    """Addresses of the texts in a file that have no text in ``language``."""
    _, root = compose(path)
    return [found.at for found in text_maps(root) if not found.texts.get(language, "").strip()]


def _check_language(language: str) -> None:
    if not LANGUAGE_CODE.match(language):
        raise TextFileError(f"{language!r} is not a language code; use a two- or three-letter code such as el, ro or pl")


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar


def _line_end(text: str, index: int) -> int:
    """The index just after the newline that ends the line holding ``index``."""
    newline = text.find("\n", index)
    return len(text) if newline < 0 else newline + 1


def _edit_for(text: str, found: TextMap, language: str, value: str) -> tuple[int, int, str]:
    """One (start, end, replacement) edit that puts ``value`` under ``language`` in a text map."""
    node = found.node
    for key, old in _scalar_pairs(node):
        if key.value == language:
            start, end = old.start_mark.index, old.end_mark.index
            tail = "\n" if old.style in ("|", ">") and end > start and text[end - 1] == "\n" else ""
            return start, end, _quoted(value) + tail
    if node.flow_style:
        close = node.end_mark.index - 1  # the closing brace
        while close > node.start_mark.index and text[close] != "}":
            close -= 1
        before = close
        while before > 0 and text[before - 1] in " \t":
            before -= 1
        return before, before, f", {language}: {_quoted(value)}"
    last_key, last_value = node.value[-1]
    indent = " " * last_key.start_mark.column
    end = last_value.end_mark.index
    at = end if last_value.end_mark.column == 0 else _line_end(text, end)
    line = f"{indent}{language}: {_quoted(value)}\n"
    if at == len(text) and not text.endswith("\n"):
        line = "\n" + line.rstrip("\n")
    return at, at, line


def _languages_edit(text: str, root: yaml.Node, language: str) -> tuple[int, int, str] | None:
    """The edit adding ``language`` to a top-level ``languages`` list, if there is one without it."""
    if not isinstance(root, yaml.MappingNode):
        return None
    for key, value in _scalar_pairs(root):
        if key.value != "languages" or not isinstance(value, yaml.SequenceNode):
            continue
        if any(isinstance(item, yaml.ScalarNode) and item.value == language for item in value.value):
            return None
        if value.flow_style or not value.value:
            close = value.end_mark.index - 1
            while close > value.start_mark.index and text[close] != "]":
                close -= 1
            separator = ", " if value.value else ""
            return close, close, f"{separator}{language}"
        last = value.value[-1]
        indent = " " * (last.start_mark.column - 2)
        at = _line_end(text, last.end_mark.index)
        return at, at, f"{indent}- {language}\n"
    return None


def _read_list(source: Path) -> dict:
    try:
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise TextFileError(f"{source}: cannot be read as a translation list ({error})") from None
    if not isinstance(data, dict) or not isinstance(data.get("texts"), list) or not isinstance(data.get("language"), str):
        raise TextFileError(f"{source}: a translation list needs 'language:' and a 'texts:' list (make one with 'export')")
    return data


def import_texts(path: Path, source: Path) -> tuple[int, list[str]]:
    """Write the filled slots of a translation list into ``path``.

    Returns how many texts were written and the addresses in the list that
    the file no longer has (the file changed since the export).
    """
    data = _read_list(source)
    language = data["language"]
    _check_language(language)
    if language == "en":
        raise TextFileError("English is the source language; edit the file itself to change English text")
    text, root = compose(path)
    maps = {found.at: found for found in text_maps(root)}
    edits, unknown, written = [], [], {}
    for number, entry in enumerate(data["texts"], 1):
        if not isinstance(entry, dict) or not isinstance(entry.get("at"), str):
            raise TextFileError(f"{source}: entry {number} has no 'at:' address")
        value = entry.get(language)
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        if not isinstance(value, str):
            raise TextFileError(f"{source}: entry {number} ({entry['at']}): the {language} text must be text, in quotes if it has a colon")
        found = maps.get(entry["at"])
        if found is None:
            unknown.append(entry["at"])
            continue
        if found.texts.get(language) == value:
            continue
        edits.append(_edit_for(text, found, language, value))
        written[entry["at"]] = value
    if written:
        languages = _languages_edit(text, root, language)
        if languages:
            edits.append(languages)
    for start, end, replacement in sorted(edits, key=lambda edit: edit[0], reverse=True):
        text = text[:start] + replacement + text[end:]
    if written:
        _verify(path, text, language, written)
        _write(path, text)
    return len(written), unknown


def _verify(path: Path, text: str, language: str, written: dict[str, str]) -> None:
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as error:
        raise TextFileError(f"{path}: the translated file would not be valid YAML, nothing written ({error})") from None
    readback = {found.at: found.texts.get(language) for found in text_maps(root)}
    wrong = [at for at, value in written.items() if readback.get(at) != value]
    if wrong:
        raise TextFileError(f"{path}: the translated file would not read back the same at {', '.join(wrong[:5])}; nothing written")


def _write(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.translating")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m game.locale.textfile", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    out = commands.add_parser("export", help="write a file's texts as a translation list for one language")
    out.add_argument("file", type=Path)
    out.add_argument("--lang", required=True, help="the language to translate into, e.g. el")
    out.add_argument("--out", type=Path, help="where to write the list (default: print it)")
    into = commands.add_parser("import", help="write a filled translation list into the file")
    into.add_argument("file", type=Path)
    into.add_argument("translations", type=Path)
    status = commands.add_parser("status", help="list the texts of a file that lack a language")
    status.add_argument("file", type=Path)
    status.add_argument("--lang", required=True)
    args = parser.parse_args(argv)
    try:
        if args.command == "export":
            listing = yaml.safe_dump(export(args.file, args.lang), allow_unicode=True, sort_keys=False, width=1000)
            if args.out:
                args.out.write_text(listing, encoding="utf-8")
                print(f"{args.out}: {listing.count('- at:')} texts to translate into {args.lang}")
            else:
                sys.stdout.write(listing)
        elif args.command == "import":
            count, unknown = import_texts(args.file, args.translations)
            print(f"{args.file}: {count} texts written")
            for at in unknown:
                print(f"  not in the file any more, skipped: {at}", file=sys.stderr)
        else:
            gaps = missing(args.file, args.lang)
            for at in gaps:
                print(at)
            print(f"{args.file}: {len(gaps)} texts without {args.lang}", file=sys.stderr)
            return 1 if gaps else 0
    except TextFileError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
