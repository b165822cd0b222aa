"""Where a scenario refers to handbook rules: evidence on options, cards,
terms, shares and sequences, and end-of-play checks. Used by the grader
(rules this play could have touched), the analyzer and coverage.
"""

from __future__ import annotations

from typing import Iterator

from game.core.references import walk
from game.core.scenario import RuleCheck, Scenario
from game.core.scenes import Evidence


def rule_references(scenario: Scenario) -> Iterator[tuple[str, tuple]]:
    """(rule id, path) for every mention of a rule in the scenario."""
    for path, node in walk(scenario):
        if isinstance(node, Evidence):
            for rule in (*node.honours, *node.breaks):
                yield rule, path
        elif isinstance(node, RuleCheck):
            yield node.rule, path
