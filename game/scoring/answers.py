"""What a player did in one decision, in words, in any language of the game.

Pure (no pygame): the debrief, the handouts and the records say a logged
answer the same way. ``entry`` is one step of a scorecard's timeline (or a
log entry): ``{"scene": "choose-partners", "answer": {"choose": "call-three"}}``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from game.locale import translations

if TYPE_CHECKING:  # the models are loaded by whoever holds a scenario; saying an answer needs none of them
    from game.core.scenario import Scenario


def N_(message: str) -> str:
    """Mark a message for the catalogs; it is translated where it is shown."""
    return message


ELEMENT_NAMES = {
    "goals": N_("Goals"), "responsibilities": N_("Responsibilities"), "contributions": N_("Contributions"),
    "period": N_("Period"), "mechanism": N_("Mechanism"), "benefits": N_("Benefits"),
    "use": N_("Use"), "remuneration": N_("Remuneration"), "exclusivity": N_("Exclusivity"), "territory": N_("Territory"),
}
"""The words for the parts of a partnership agreement and of a licence."""


def _text(text: Any, language: str) -> str:
    if text is None:
        return ""
    if isinstance(text, dict):
        return text.get(language) or text.get("en") or ""
    return text.get(language)


def describe(scenario: "Scenario", entry: dict, language: str) -> str:
    """One sentence for one decision ("You chose: ..."), or "" for an answer with nothing to say."""
    _ = translations(language).gettext
    answer = entry.get("answer") or {k: v for k, v in entry.items() if k != "scene"}
    scene = scenario.scenes.get(entry.get("scene", ""))

    def cast_name(cast_id: str) -> str:
        member = scenario.member(cast_id)
        return _text(member.name, language) if member else cast_id

    verb, value = next(iter(answer.items()), ("", None))
    if verb == "choose" and scene is not None:
        option = next((o for o in getattr(scene, "options", []) if o.id == value), None)
        return _("You chose: {option}").format(option=_text(option.text, language) if option else value)
    if verb == "pick" and not value and getattr(scene, "refuse", None) is not None:
        return _("You picked nobody: {refusal}").format(refusal=_text(scene.refuse.text, language))
    if verb == "pick":
        return _("You picked: {names}.").format(names=", ".join(cast_name(c) for c in value))
    if verb == "research":
        member = scenario.member(value.get("cast", ""))
        action = next((a for a in member.research if a.id == value.get("action")), None) if member else None
        return _("Research: {action} ({name})").format(action=_text(action.label, language) if action else value.get("action"), name=cast_name(value.get("cast", "")))
    if verb == "order":
        return _("You put the steps in order.")
    if verb == "allocate":
        shares = {s.id: _text(s.text, language) for s in getattr(scene, "options", [])}
        return _("You spread the points: {shares}").format(shares="; ".join(f"{shares.get(k, k)} {v}" for k, v in value.items()))
    names = {c.element: (_text(c.label, language) if c.label else _(ELEMENT_NAMES.get(c.element, c.element))) for c in getattr(scene, "clauses", [])}
    if verb == "propose":
        return _("You proposed terms on: {clauses}").format(clauses=", ".join(names.get(e, e) for e in value))
    if verb == "ask":
        return _("You asked what they need on: {clause}").format(clause=names.get(value, value))
    if verb == "concede":
        return _("You accepted their offer on: {clause}").format(clause=names.get(value, value))
    if verb == "facilitator":
        return _("You called the facilitator.")
    if verb == "sign":
        return _("You signed the agreement.")
    if verb == "walk_away":
        return _("You walked away from the table.")
    return ""
