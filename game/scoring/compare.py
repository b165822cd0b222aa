"""The comparison debrief of a workshop: teams side by side, where they split,
the rules broken most often, and one discussion question per split.

Teams in turn: each team has its own session; a split is a scene that two or
more teams answered differently. Plenary vote: one shared session; a split
is a decision whose votes were not unanimous.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from game.core.scenario import Scenario
from game.locale import languages, translations
from game.scoring.grader import grade
from game.scoring.rulebook import Rulebook


def _(message: str) -> str:
    """Mark a message for the catalogs; it is translated per language below."""
    return message


ANSWER_WORDS = {
    "in-order": _("in order"),
    "out-of-order": _("out of order"),
    "agreed": _("signed the agreement"),
    "walked_away": _("walked away"),
    "left": _("the counterpart left"),
    "none": _("picked nobody"),
}


def answer_label(scenario: Scenario, scene_id: str, key: str) -> dict[str, str]:
    """What a team chose in a scene, in words (every language of the game)."""
    scene = scenario.scenes[scene_id]
    if scene.kind in ("choice", "event"):
        option = next((o for o in scene.options if o.id == key), None)
        if option is not None:
            return {lang: option.text.get(lang) for lang in languages()}
    if scene.kind == "pick" and key != "none":
        names = [scenario.cast_by_id[c].name for c in key.split(",") if c in scenario.cast_by_id]
        return {lang: ", ".join(n.get(lang) for n in names) for lang in languages()}
    if scene.kind == "allocate":
        texts = {o.id: o.text for o in scene.options}
        shares = [part.partition("=") for part in key.split(",") if part and not part.endswith("=0")]
        if all(share in texts for share, _sep, _amount in shares):
            return {lang: "; ".join(f"{texts[share].get(lang)}: {amount}" for share, _sep, amount in shares) for lang in languages()}
    if key in ANSWER_WORDS:
        return {lang: translations(lang).gettext(ANSWER_WORDS[key]) for lang in languages()}
    return {lang: key for lang in languages()}


def _decision_evidence(card: dict, scene_id: str) -> list[dict]:
    return [e for step in card["timeline"] if step["scene"] == scene_id for e in step["evidence"]]


def _question(scenario: Scenario, scene_id: str, groups: list[dict], rulebook: Rulebook) -> dict[str, str]:
    scene = scenario.scenes[scene_id]
    title = scene.title or getattr(scene, "headline", None) or scene.text
    rules = []
    for group in groups:
        for e in group["evidence"]:
            if e["rule"] not in rules:
                rules.append(e["rule"])
    rule = rulebook.by_id.get(rules[0]) if rules else None
    if rule is not None:
        message = _("At “{scene}” the teams chose differently. What did each team expect to gain, and what does the handbook say about “{rule}”?")
    else:
        message = _("At “{scene}” the teams chose differently. What did each team expect to gain, and how did it change what happened next?")
    texts = [title] + ([rule.title] if rule is not None else [])
    question = {}
    for lang in languages():
        # a scenario without this language asks in English, never one sentence in two languages
        said = lang if all(text.has(lang) for text in texts) else "en"
        question[lang] = translations(said).gettext(message).format(scene=title.get(said), rule=rule.title.get(said) if rule is not None else "")
    return question


def compare_teams(scenario: Scenario, teams: list[dict[str, Any]], rulebook: Rulebook) -> dict:
    """``teams``: [{"name": str, "session": Session}] (teams in turn)."""
    cards = [grade(scenario, team["session"], rulebook) for team in teams]
    names = [team["name"] for team in teams]
    splits = []
    for scene_id in scenario.scenes:
        chosen = {i: team["session"].state.chosen.get(scene_id) for i, team in enumerate(teams)}
        chosen = {i: key for i, key in chosen.items() if key is not None}
        if len(chosen) < 2 or len(set(chosen.values())) < 2:
            continue
        groups = []
        for key in dict.fromkeys(chosen.values()):
            members = [i for i, k in chosen.items() if k == key]
            evidence = _decision_evidence(cards[members[0]], scene_id)
            groups.append({
                "answer": key,
                "label": answer_label(scenario, scene_id, key),
                "teams": [names[i] for i in members],
                "evidence": [{"rule": e["rule"], "verdict": e["verdict"]} for e in evidence],
                "led_to": [{"team": names[i], "overall": cards[i]["overall"], "ending": cards[i]["ending"]} for i in members],
            })
        splits.append({"scene": scene_id, "groups": groups, "question": _question(scenario, scene_id, groups, rulebook)})
    return _summary(scenario, names, cards, splits, rulebook)


def compare_votes(scenario: Scenario, session: Any, votes: list[dict], rulebook: Rulebook) -> dict:
    """Plenary vote: one session; ``votes`` = [{"scene", "votes": {answer key: count}, "chosen", "teams": {team index: answer key}}]."""
    card = grade(scenario, session, rulebook)
    splits = []
    for record in votes:
        counts = {k: v for k, v in record["votes"].items() if v}
        if len(counts) < 2:
            continue
        scene_id = record["scene"]
        groups = [{
            "answer": key,
            "label": answer_label(scenario, scene_id, key),
            "votes": count,
            "voters": sorted(int(t) for t, option in (record.get("teams") or {}).items() if option == key),  # teams that voted for it
            "chosen": key == record["chosen"],
            "evidence": [{"rule": r, "verdict": v} for r, v in _option_evidence(scenario, scene_id, key)],
        } for key, count in sorted(counts.items(), key=lambda kv: -kv[1])]
        splits.append({"scene": scene_id, "groups": groups, "question": _question(scenario, scene_id, groups, rulebook)})
    return _summary(scenario, ["plenary"], [card], splits, rulebook)


def _option_evidence(scenario: Scenario, scene_id: str, key: str) -> list[tuple[str, str]]:
    scene = scenario.scenes[scene_id]
    option = next((o for o in getattr(scene, "options", []) if getattr(o, "id", None) == key), None)
    if option is None or option.evidence is None:
        return []
    return [(r["rule"], r["verdict"]) for r in option.evidence.records()]


def _summary(scenario: Scenario, names: list[str], cards: list[dict], splits: list[dict], rulebook: Rulebook) -> dict:
    area_ids = [a.id for a in rulebook.areas if any(x["area"] == a.id for card in cards for x in card["areas"])]
    areas = []
    for area in area_ids:
        scores = [next((x["score"] for x in card["areas"] if x["area"] == area), None) for card in cards]
        areas.append({"area": area, "name": rulebook.area_by_id[area].name.model_dump(), "scores": scores})
    broken: Counter = Counter()
    points: Counter = Counter()
    for card in cards:
        for rule in card["rules"]:
            if rule["broken"]:
                broken[rule["rule"]] += 1
                points[rule["rule"]] += rule["broken"]
    most_broken = [
        {"rule": rule, "title": rulebook.by_id[rule].title.model_dump(), "advice": rulebook.by_id[rule].advice.model_dump(), "teams": count, "points": points[rule]}
        for rule, count in sorted(broken.items(), key=lambda kv: (-kv[1], -points[kv[0]], kv[0]))[:5]
    ]
    return {
        "scenario": scenario.id,
        "teams": [{"name": n, "overall": c["overall"], "grade": c["grade"], "goals_met": c["goals_met"], "goals": len(c["goals"]), "ending": c["ending"], "outcome": c["outcome"],
                   "decisions": c["decisions"]} for n, c in zip(names, cards)],
        "areas": areas,
        "splits": splits,
        "most_broken": most_broken,
        "scorecards": cards,
    }
