"""The rulebook: the handbook's rules, each with an id, area, weight and advice.

Checked like a scenario (same loader, same strict models, same messages).
Every rule names the handbook section it rests on (``section``, listed under
``sections``) and the lines of ``handbook.bg.txt`` its teaching comes from
(``source``). Section ids follow the outline's numbering (``1``, ``1.1`` ...
``3.3``); where the handbook spreads one outline section over several headed
pages, each page is a sub-section (``3.2.1`` "Развиване на връзки със спонсори
(1)"). A section's ``bg`` title is the handbook's own heading, its ``en`` title
an English rendering of it.

```yaml
version: 1
areas:
  - {id: sponsors, name: {en: Sponsors, bg: Спонсори}}
sections:
  - {id: "3", title: {en: Productive partnerships, bg: Продуктивни партньорства}, lines: "539-675"}
  - {id: "3.2", title: {en: Developing relationships with sponsors, bg: Развиване на връзки със спонсори}, lines: "604-659"}
  - {id: "3.2.1", title: {en: Developing relationships with sponsors (1), bg: Развиване на връзки със спонсори (1)}, lines: "604-633"}
rules:
  - id: sponsor.background-check
    area: sponsors
    section: "3.2.1"
    source: "623-627"
    weight: 3
    title: {en: Check a sponsor's past, bg: ...}
    advice: {en: ..., bg: ...}
```

For the UI: ``rulebook.section_of(rule_id)`` is the section a rule rests on
(``.title.get(language)`` is its heading), ``rulebook.trail(section_id)`` the
section with its parents, outermost first.
"""

from __future__ import annotations

import re
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, model_validator

from game.core.base import Id, RuleId, Strict, Text
from game.core.shape import shaped
from game.core.yamlsafe import load_file
from game.resources import rulebook_file

DEFAULT_RULEBOOK = rulebook_file()

_SECTION = r"^[0-9]+(\.[0-9]+)*$"
_LINES = r"^[1-9][0-9]*(-[1-9][0-9]*)?$"


def _section_id(value: str) -> str:
    if not re.fullmatch(_SECTION, value):
        raise ValueError(f"'{value}' is not a section number: write it as in the outline, in quotes, such as \"1.11\" or \"3.2.1\"")
    return value


def _line_range(value: str) -> str:
    if not re.fullmatch(_LINES, value):
        raise ValueError(f"'{value}' is not a line range of the handbook: write first-last, such as \"263-275\", or one line, \"135\"")
    first, last = span(value)
    if first > last:
        raise ValueError(f"'{value}' ends before it starts: write first-last, such as \"263-275\"")
    return value


SectionId = Annotated[
    str,
    AfterValidator(_section_id),
    Field(json_schema_extra={"pattern": _SECTION}, description='a handbook section, numbered as in the outline: "1.11", "3.2.1"'),
]
LineRange = Annotated[
    str,
    AfterValidator(_line_range),
    Field(json_schema_extra={"pattern": _LINES}, description='lines of handbook.bg.txt: first-last ("263-275") or one line ("135")'),
]


def span(lines: str) -> tuple[int, int]:
    """``"263-275"`` -> ``(263, 275)``; ``"135"`` -> ``(135, 135)``."""
    first, _, last = lines.partition("-")
    return int(first), int(last or first)


def _inside(inner: str, outer: str) -> bool:
    (a, b), (c, d) = span(inner), span(outer)
    return c <= a and b <= d


class Area(Strict):
    """A group of rules shown together on the scorecard."""

    id: Id
    name: Text


class Section(Strict):
    """A section of the handbook: its outline number, its heading and its lines."""

    id: SectionId
    title: Text
    lines: LineRange

    @property
    def parent_id(self) -> str | None:
        """``"3.2.1"`` -> ``"3.2"``; a part (``"3"``) has none."""
        head, dot, _ = self.id.rpartition(".")
        return head if dot else None


class Rule(Strict):
    """One rule of the handbook; ``advice`` is what the debrief tells the player.

    ``section`` names a listed section; ``source`` is the lines of
    ``handbook.bg.txt`` the rule's teaching rests on, inside that section.
    """

    id: RuleId
    area: Id
    section: SectionId
    source: LineRange
    weight: Annotated[int, Field(ge=1, le=3)]
    title: Text
    advice: Text


class Rulebook(Strict):
    version: Literal[1]
    areas: Annotated[list[Area], Field(min_length=1)]
    sections: Annotated[list[Section], Field(min_length=1)]
    rules: Annotated[list[Rule], Field(min_length=1)]

    @model_validator(mode="after")
    def _areas_known(self) -> "Rulebook":
        areas = {a.id for a in self.areas}
        ids = [r.id for r in self.rules]
        bad = sorted({r.area for r in self.rules} - areas)
        if bad:
            raise ValueError(f"rules name unknown areas: {', '.join(bad)}")
        if len(set(ids)) != len(ids):
            raise ValueError("a rule id appears twice")
        return self

    @model_validator(mode="after")
    def _sections_known(self) -> "Rulebook":
        sections: dict[str, Section] = {}
        for section in self.sections:
            if section.id in sections:
                raise ValueError(f"section {section.id} is listed twice under sections:")
            parent = sections.get(section.parent_id) if section.parent_id else None
            if section.parent_id and parent is None:
                raise ValueError(f"section {section.id} needs its parent section {section.parent_id} listed before it under sections:")
            if parent is not None and not _inside(section.lines, parent.lines):
                raise ValueError(f"section {section.id}: lines {section.lines} are not inside its parent {parent.id}'s lines {parent.lines}")
            sections[section.id] = section
        for index, rule in enumerate(self.rules):
            section = sections.get(rule.section)
            if section is None:
                raise ValueError(
                    f"rules[{index}] ({rule.id}): section \"{rule.section}\" is not listed under sections:; "
                    f"list it there or use one of: {', '.join(sections)}"
                )
            if not _inside(rule.source, section.lines):
                raise ValueError(
                    f"rules[{index}] ({rule.id}): source {rule.source} is not inside section {section.id}'s lines {section.lines}; "
                    "fix the range or name the section the lines belong to"
                )
        return self

    @cached_property
    def by_id(self) -> dict[str, Rule]:
        return {r.id: r for r in self.rules}

    @cached_property
    def area_by_id(self) -> dict[str, Area]:
        return {a.id: a for a in self.areas}

    @cached_property
    def section_by_id(self) -> dict[str, Section]:
        return {s.id: s for s in self.sections}

    @property
    def ids(self) -> set[str]:
        return set(self.by_id)

    def section_of(self, rule_id: str) -> Section:
        """The handbook section a rule rests on; KeyError for an unknown rule.

        ``rulebook.section_of("liaison.right-person").title.get("bg")`` -> "Лиезон (свръзка)".
        """
        return self.section_by_id[self.by_id[rule_id].section]

    def trail(self, section_id: str) -> list[Section]:
        """The section and the sections it belongs to, outermost first: 3, 3.2, 3.2.1."""
        trail = []
        current: str | None = section_id
        while current is not None:
            section = self.section_by_id[current]
            trail.append(section)
            current = section.parent_id
        return trail[::-1]


def load_rulebook(path: str | Path = DEFAULT_RULEBOOK) -> Rulebook:
    """Load and check a rulebook; raises ContentError with file:line:col problems."""
    return shaped(Rulebook, load_file(path))


@lru_cache(maxsize=4)
def default_rulebook() -> Rulebook:
    return load_rulebook(DEFAULT_RULEBOOK)
