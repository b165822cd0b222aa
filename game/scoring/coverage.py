"""Coverage across the campaign: which scenarios test each rule of the rulebook.

``python main.py coverage [--json]`` exits 1 while any rule is untested.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from game.core.checker import check_file
from game.scoring.references import rule_references
from game.scoring.rulebook import Rulebook

RULEBOOK_FILE = "rulebook.yaml"


def scenario_paths(folder: Path) -> list[Path]:
    """The shipped scenarios: every YAML file under the folder but the rulebook and templates."""
    return sorted(p for p in folder.rglob("*.yaml") if p.name != RULEBOOK_FILE and "template" not in p.parts)


def coverage(folder: Path, rulebook: Rulebook) -> dict:
    per_rule: dict[str, Counter] = {rule.id: Counter() for rule in rulebook.rules}
    scenarios, broken = [], []
    for path in scenario_paths(folder):
        checked = check_file(path, rulebook.ids)
        if not checked.ok:
            broken.append({"file": str(path), "problems": [str(p) for p in checked.errors]})
            continue
        scenarios.append(checked.scenario.id)
        for rule, _ in rule_references(checked.scenario):
            if rule in per_rule:
                per_rule[rule][checked.scenario.id] += 1
    rules = [
        {"rule": rule.id, "area": rule.area, "scenarios": dict(sorted(per_rule[rule.id].items())), "mentions": sum(per_rule[rule.id].values())}
        for rule in rulebook.rules
    ]
    tested = [r for r in rules if r["scenarios"]]
    twice = [r for r in rules if len(r["scenarios"]) >= 2]
    total = len(rules)
    return {
        "scenarios": scenarios,
        "unreadable": broken,
        "rules": rules,
        "untested": [r["rule"] for r in rules if not r["scenarios"]],
        "tested_percent": round(100.0 * len(tested) / total, 1),
        "tested_twice_percent": round(100.0 * len(twice) / total, 1),
    }


def render_text(report: dict) -> str:
    lines = [f"Scenarios: {', '.join(report['scenarios']) or 'none'}"]
    for bad in report["unreadable"]:
        lines.append(f"not counted (has errors): {bad['file']}")
    lines.append("")
    width = max(len(r["rule"]) for r in report["rules"])
    for r in report["rules"]:
        where = ", ".join(f"{s} x{n}" for s, n in r["scenarios"].items()) or "NOT TESTED"
        lines.append(f"{r['rule']:<{width}}  {where}")
    lines.append("")
    lines.append(f"Rules tested: {report['tested_percent']} %; by two or more scenarios: {report['tested_twice_percent']} %; untested: {len(report['untested'])}")
    return "\n".join(lines)
