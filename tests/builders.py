"""Small scenarios built in tests from tests/data/valid/minimal.yaml, broken or stretched on purpose."""

from __future__ import annotations

from pathlib import Path

from game.core.scenario import Scenario
from game.core.shape import check_shape
from game.core.yamlsafe import load_text

MINIMAL = (Path(__file__).resolve().parent / "data" / "valid" / "minimal.yaml").read_text(encoding="utf-8")

NO_OPTION_AVAILABLE = MINIMAL.replace('''      - id: plan
        text:''', '''      - id: plan
        when: {flag: never}
        text:''').replace('''      - id: rush
        text:''', '''      - id: rush
        when: {flag: never}
        text:''')
"""The minimal scenario whose first decision offers no option (every option needs a flag nothing sets)."""


def scenario_from_text(text: str) -> Scenario:
    """A scenario model from YAML text, checked for shape only (the story checks may refuse it)."""
    scenario, problems = check_shape(Scenario, load_text(text, "test.yaml"))
    assert scenario is not None, [str(p) for p in problems]
    return scenario
