"""A hardened YAML loader for files written by people, not programs.

It reads the event stream of libyaml (PyYAML's C parser when present) and
builds plain Python data itself, so it can refuse what a scenario never needs:

* files over 2 MB and text that is not UTF-8;
* nesting deeper than 64 levels;
* anchors, aliases and merge keys (``<<``), duplicate keys, explicit tags;
* more than one document.

Only ``true`` and ``false`` are booleans: ``yes``, ``no``, ``on`` and ``off``
stay text. Every failure, including the odd ``ValueError`` or
``RecursionError`` PyYAML can let escape, becomes one :class:`YamlError`
with file, line and column. Beside the data it returns where every value
and key stood, so later checks can point at the author's line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from game.core.problems import YamlError
from game.core.yamlerrors import explain

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 64

_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_INT = re.compile(r"^[-+]?(0|[1-9][0-9_]*)$")
_FLOAT = re.compile(r"^[-+]?([0-9][0-9_]*)?\.[0-9_]+([eE][-+]?[0-9]+)?$|^[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+$")
_NULL = {"", "~", "null", "Null", "NULL"}
_SPECIAL_FLOATS = {".inf": float("inf"), "+.inf": float("inf"), "-.inf": float("-inf"), ".nan": float("nan")}

Path_ = tuple  # a path into the data: keys and list indices


@dataclass
class Document:
    """Loaded YAML: the data and where each value (and mapping key) was written.

    ``sources`` keeps the text of plain scalars that became a number, a
    boolean or null, so messages can quote them as written (``1.10``, not ``1.1``).
    """

    file: str
    data: Any
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    sources: dict[Path_, str] = field(default_factory=dict)

    def where(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """Line and column (1-based) of the value at ``path``, or of its nearest parent."""
        table = self.keys if key else self.values
        path = tuple(path)
        while path:
            if path in table:
                return table[path]
            if key and path in self.values:
                return self.values[path]
            path = path[:-1]
        return self.values.get((), (1, 1))


def read_limited(path: str | Path, display: str | None = None) -> bytes:
    """A YAML file's bytes; its size is checked before reading (a huge or sparse file is never read)."""
    name = display or str(path)
    try:
        if Path(path).stat().st_size > MAX_BYTES:
            raise YamlError(name, 1, 1, f"the file is larger than {MAX_BYTES // (1024 * 1024)} MB; split it into smaller scenarios")
        with open(path, "rb") as handle:
            return handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise YamlError(name, 1, 1, f"cannot read the file: {exc.strerror or exc}") from None


def load_file(path: str | Path, display: str | None = None) -> Document:
    """Read and load one YAML file; ``display`` is the name shown in messages."""
    return load_bytes(read_limited(path, display), display or str(path))


def load_bytes(raw: bytes, name: str = "<text>") -> Document:
    """Load YAML from bytes, refusing anything the module docstring lists."""
    if len(raw) > MAX_BYTES:
        raise YamlError(name, 1, 1, f"the file is larger than {MAX_BYTES // (1024 * 1024)} MB; split it into smaller scenarios")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise YamlError(name, line, col, "the file is not UTF-8 text; save it as UTF-8 in your editor") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    return load_text(text, name)


def load_text(text: str, name: str = "<text>") -> Document:
    """Load YAML from text; see the module docstring for what is refused."""
    builder = _Builder(name)
    try:
        for event in yaml.parse(text, Loader=_Parser):
            builder.feed(event)
    except YamlError:
        raise
    except yaml.MarkedYAMLError as exc:
        raise YamlError(name, *explain(text, exc)) from None
    except (yaml.YAMLError, ValueError, AttributeError, IndexError, TypeError, KeyError, RecursionError, MemoryError) as exc:
        line, col = builder.last
        raise YamlError(name, line, col, f"YAML could not be read ({type(exc).__name__}: {exc})") from None
    return builder.document()


class _Builder:
    """Turns libyaml events into data, enforcing the hardening rules."""

    def __init__(self, name: str):
        self.name = name
        self.doc = Document(name, None)
        self.stack: list[list] = []  # frames: [container, path, pending_key, key_mark, seen]
        self.last = (1, 1)
        self.documents = 0
        self.root_set = False

    def fail(self, line: int, col: int, message: str) -> None:
        raise YamlError(self.name, line, col, message)

    def feed(self, event: yaml.Event) -> None:
        mark = event.start_mark
        line, col = mark.line + 1, mark.column + 1
        self.last = (line, col)
        kind = type(event)
        if kind is yaml.AliasEvent:
            self.fail(line, col, f"aliases (*{event.anchor}) are not allowed; write the content out in full")
        if getattr(event, "anchor", None):
            self.fail(line, col, f"anchors (&{event.anchor}) are not allowed; write the content out in full")
        if kind is yaml.DocumentStartEvent:
            self.documents += 1
            if self.documents > 1:
                self.fail(line, col, "only one YAML document per file is allowed; remove the extra '---'")
            return
        if kind is yaml.ScalarEvent:
            self._scalar(event, line, col)
        elif kind in (yaml.MappingStartEvent, yaml.SequenceStartEvent):
            self._check_tag(event, line, col)
            if len(self.stack) >= MAX_DEPTH:
                self.fail(line, col, f"nesting is deeper than {MAX_DEPTH} levels; flatten the structure")
            container: Any = {} if kind is yaml.MappingStartEvent else []
            path = self._attach(container, line, col)
            self.stack.append([container, path, None, None, set()])
        elif kind in (yaml.MappingEndEvent, yaml.SequenceEndEvent):
            frame = self.stack.pop()
            if isinstance(frame[0], dict) and frame[2] is not None:
                self.fail(line, col, "a key has no value")

    def _check_tag(self, event: Any, line: int, col: int) -> None:
        tag = event.tag
        if tag and tag not in ("!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"):
            self.fail(line, col, f"tags like '{tag}' are not allowed; remove it")

    def _scalar(self, event: yaml.ScalarEvent, line: int, col: int) -> None:
        self._check_tag(event, line, col)
        plain = event.implicit[0] and not event.style and event.tag in (None, "!")
        try:
            value = _resolve(event.value) if plain else event.value
        except ValueError:  # Python refuses ints of more than 4300 digits
            self.fail(line, col, "this number has too many digits; put it in quotes if it is text")
        if self.stack and isinstance(self.stack[-1][0], dict) and self.stack[-1][2] is None:
            frame = self.stack[-1]
            if event.value == "":
                self.fail(line, col, "a mapping key is empty; write a name before the ':'")
            key = event.value
            if key == "<<" and plain:
                self.fail(line, col, "merge keys ('<<') are not allowed; write the keys out in full")
            if key in frame[4]:
                first = self.doc.keys.get(frame[1] + (key,), (line, col))
                self.fail(line, col, f"duplicate key '{key}' (first written at line {first[0]}); keep one of them")
            frame[4].add(key)
            frame[2], frame[3] = key, (line, col)
            return
        path = self._attach(value, line, col)
        if not isinstance(value, str):
            self.doc.sources[path] = event.value

    def _attach(self, value: Any, line: int, col: int) -> tuple:
        if not self.stack:
            if self.root_set:
                self.fail(line, col, "only one YAML document per file is allowed")
            self.root_set = True
            self.doc.data = value
            self.doc.values[()] = (line, col)
            return ()
        frame = self.stack[-1]
        container, parent = frame[0], frame[1]
        if isinstance(container, dict):
            if frame[2] is None:
                self.fail(line, col, "a mapping key must be plain text, not a list or a mapping")
            key = frame[2]
            container[key] = value
            path = parent + (key,)
            self.doc.keys[path] = frame[3]
            frame[2] = None
        else:
            path = parent + (len(container),)
            container.append(value)
        self.doc.values[path] = (line, col)
        return path

    def document(self) -> Document:
        return self.doc


def _resolve(text: str) -> Any:
    """Resolve a plain scalar: only true/false are booleans; ints, floats, null."""
    if text in ("true", "false"):
        return text == "true"
    if text in _NULL:
        return None
    if _INT.match(text):
        return int(text.replace("_", ""))
    if _FLOAT.match(text):
        return float(text.replace("_", ""))
    if text.lower() in _SPECIAL_FLOATS:
        return _SPECIAL_FLOATS[text.lower()]
    return text
