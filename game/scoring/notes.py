"""The debrief's closing notes, in every language of the catalogs, from a scorecard.

They say plainly when the goals and the handbook disagree: a player can
reach the scenario's goals and still break the handbook, or the reverse.
Counts use the catalogs' plural forms (gettext's ngettext).
"""

from __future__ import annotations

from game.locale import languages, translations


def _(message: str) -> str:
    """Mark a message for the catalogs; it is translated per language below."""
    return message


def _each(message: str, **values) -> dict:
    return {lang: translations(lang).gettext(message).format(**values) for lang in languages()}


def _each_plural(singular: str, plural: str, n: int, **values) -> dict:
    return {lang: translations(lang).ngettext(singular, plural, n).format(n=n, **values) for lang in languages()}


def closing_notes(card: dict) -> list[dict]:
    notes: list[dict] = []
    goals, met = len(card["goals"]), card["goals_met"]
    broken = [r for r in card["rules"] if r["broken"]]
    score = card["overall"]
    if goals and met == goals and broken:
        notes.append(_each_plural(
            "You reached every goal of the scenario, but broke {n} rule of the handbook on the way. In real partnerships such shortcuts tend to cost you later.",
            "You reached every goal of the scenario, but broke {n} rules of the handbook on the way. In real partnerships such shortcuts tend to cost you later.",
            len(broken)))
    if goals and met < goals and score is not None and score >= 75:
        rounded = f"{score:.0f}"
        notes.append(_each_plural(
            "You followed the handbook well ({score} %) but met {met} of {n} goal. Doing things right can cost time and money now; look at where your resources went.",
            "You followed the handbook well ({score} %) but met {met} of {n} goals. Doing things right can cost time and money now; look at where your resources went.",
            goals, score=rounded, met=met))
    if goals and met == goals and not broken and score is not None:
        notes.append(_each(_("Goals reached and the handbook followed: this is the partnership the handbook describes.")))
    if not card["finished"]:
        notes.append(_each(_("The scenario is not finished yet; this scorecard covers the decisions so far.")))
    return notes
