"""The rulebook: the handbook's rules, each with an id, area, weight and advice.

Checked like a scenario (same loader, same strict models, same messages).

```yaml
version: 1
areas:
  - {id: sponsors, name: {en: Sponsors, bg: Спонсори}}
rules:
  - id: sponsor.background-check
    area: sponsors
    section: "3.2"
    weight: 3
    title: {en: Check a sponsor's past, bg: ...}
    advice: {en: ..., bg: ...}
```
"""

from __future__ import annotations

from functools import cached_property, lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, model_validator

from game.core.base import Id, RuleId, Strict, Text
from game.core.problems import ContentError
from game.core.shape import check_shape
from game.core.yamlsafe import load_file

DEFAULT_RULEBOOK = Path(__file__).resolve().parents[2] / "scenarios" / "rulebook.yaml"


class Area(Strict):
    """A group of rules shown together on the scorecard."""

    id: Id
    name: Text


class Rule(Strict):
    """One rule of the handbook; ``advice`` is what the debrief tells the player."""

    id: RuleId
    area: Id
    section: Annotated[str, Field(pattern=r"^\d+(\.\d+)*$")]
    weight: Annotated[int, Field(ge=1, le=3)]
    title: Text
    advice: Text


class Rulebook(Strict):
    version: Literal[1]
    areas: Annotated[list[Area], Field(min_length=1)]
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

    @cached_property
    def by_id(self) -> dict[str, Rule]:
        return {r.id: r for r in self.rules}

    @cached_property
    def area_by_id(self) -> dict[str, Area]:
        return {a.id: a for a in self.areas}

    @property
    def ids(self) -> set[str]:
        return set(self.by_id)


def load_rulebook(path: str | Path = DEFAULT_RULEBOOK) -> Rulebook:
    """Load and check a rulebook; raises ContentError with file:line:col problems."""
    doc = load_file(path)
    book, problems = check_shape(Rulebook, doc)
    if book is None:
        raise ContentError(problems)
    return book


@lru_cache(maxsize=4)
def default_rulebook() -> Rulebook:
    return load_rulebook(DEFAULT_RULEBOOK)
