"""The debrief's closing notes, in English and Bulgarian, from a scorecard.

They say plainly when the goals and the handbook disagree: a player can
reach the scenario's goals and still break the handbook, or the reverse.
"""

from __future__ import annotations


def closing_notes(card: dict) -> list[dict]:
    notes: list[dict] = []
    goals, met = len(card["goals"]), card["goals_met"]
    broken = [r for r in card["rules"] if r["broken"]]
    score = card["overall"]
    if goals and met == goals and broken:
        notes.append({
            "en": f"You reached every goal of the scenario, but broke {len(broken)} handbook rule(s) on the way. In real partnerships those shortcuts tend to cost you later.",
            "bg": f"Постигнахте всички цели на сценария, но нарушихте {len(broken)} правила от наръчника по пътя. В истинските партньорства такива преки пътища обикновено се плащат по-късно.",
        })
    if goals and met < goals and score is not None and score >= 75:
        notes.append({
            "en": f"You followed the handbook well ({score:.0f} %) but met {met} of {goals} goals. Doing things right can cost time and money now; look at where your resources went.",
            "bg": f"Следвахте наръчника добре ({score:.0f} %), но постигнахте {met} от {goals} цели. Правилният път понякога струва време и пари; вижте къде отидоха ресурсите ви.",
        })
    if goals and met == goals and not broken and score is not None:
        notes.append({
            "en": "Goals reached and the handbook followed: this is the partnership the handbook describes.",
            "bg": "Целите са постигнати и наръчникът е спазен: точно такова партньорство описва наръчникът.",
        })
    if not card["finished"]:
        notes.append({"en": "The scenario is not finished yet; this scorecard covers the decisions so far.", "bg": "Сценарият още не е завършен; тази оценка обхваща решенията досега."})
    return notes
