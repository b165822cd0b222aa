"""The handbook's checklists that a handout prints, read from ``game/data/checklists.yaml``.

Each checklist is a run of rulebook rules in the handbook's order; an item's
words are its rule's title, so a checklist speaks every language the
rulebook does. A handout prints the lists whose rules the scenario tests and
marks every item by the player's verdicts.

```yaml
checklists:
  - id: agreement-parts
    section: "1.2"
    title: {en: "The six parts of a partnership agreement", bg: "Шестте части на споразумението за партньорство"}
    rules: [agreement.common-goals, agreement.responsibilities, agreement.contributions, agreement.period, agreement.mechanism, agreement.benefits]
```
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Annotated

from pydantic import Field, model_validator

from game.core.base import Id, RuleId, Strict, Text
from game.core.shape import shaped
from game.core.yamlsafe import load_file
from game.scoring.rulebook import Rulebook, SectionId

NAME = "checklists.yaml"


class Checklist(Strict):
    """One list of the handbook: its title, its section, its rules in order."""

    id: Id
    section: SectionId
    title: Text
    rules: Annotated[list[RuleId], Field(min_length=2, max_length=14)]


class Checklists(Strict):
    checklists: Annotated[list[Checklist], Field(min_length=1)]

    @model_validator(mode="after")
    def _ids_unique(self) -> "Checklists":
        ids = [c.id for c in self.checklists]
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            raise ValueError(f"checklist ids appear twice: {', '.join(twice)}")
        return self


def unknown_references(checklists: Checklists, rulebook: Rulebook) -> list[str]:
    """Rules and sections the checklists name that the rulebook does not have."""
    problems = [f"{c.id}: section {c.section}" for c in checklists.checklists if c.section not in rulebook.section_by_id]
    problems += [f"{c.id}: rule {rule}" for c in checklists.checklists for rule in c.rules if rule not in rulebook.by_id]
    return problems


def load_checklists(path: str | Path | None = None) -> Checklists:
    """Load and check the checklists (the shipped file by default); raises ContentError."""
    if path is None:
        with resources.as_file(resources.files("game.data") / NAME) as shipped:
            return shaped(Checklists, load_file(shipped, display=f"game/data/{NAME}"))
    return shaped(Checklists, load_file(path))


@lru_cache(maxsize=1)
def default_checklists() -> Checklists:
    return load_checklists()


MARKS = ("honoured", "broken", "mixed", "open")


def marked(checklists: Checklists, tested: set[str], card: dict) -> list[tuple[Checklist, list[tuple[str, str]]]]:
    """The checklists the scenario touches, each item as ``(rule id, mark)``.

    A list is touched when the scenario tests one of its rules. The mark is the
    rule's verdict in this play (``honoured``, ``broken``, ``mixed``) or
    ``open`` when the play gave no evidence for it.
    """
    verdicts = {entry["rule"]: entry.get("verdict", "open") for entry in card.get("rules") or []}
    return [
        (checklist, [(rule, verdicts.get(rule, "open")) for rule in checklist.rules])
        for checklist in checklists.checklists
        if tested.intersection(checklist.rules)
    ]
