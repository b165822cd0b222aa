"""The one-page handout of a player or a team: score, areas, decisions, advice, checklists.

``player_handout(card, scenario, rulebook, language, name=...)`` returns the
PDF bytes for a scorecard (:func:`game.scoring.grader.scorecard`); a workshop
team's turns that passed with no answer (``missed=[{"decision": 2, "scene": ...}]``)
are listed among its decisions, where they happened, counted by no rule. Text that
does not fit one A4 page is set smaller, then trimmed (advice to its first
sentences, then the decisions that broke no rule folded into one line), so a
player always takes home one sheet.
"""

from __future__ import annotations

import re
from datetime import datetime

from game.core.scenario import Scenario
from game.handouts.checklists import Checklists, default_checklists, marked
from game.handouts.sheet import ACCENT, MARGIN, MUTED, Sheet, Size, fit_one_page
from game.locale import translations
from game.scoring.answers import describe
from game.scoring.grader import tested_rules
from game.scoring.rulebook import Rulebook

MOST_DECISIONS = 10
"""At the most compact, the decisions printed; the rest are counted in one line."""
OUTCOME_WORDS = {"success": "Success", "mixed": "Partly a success", "failure": "Not a success"}


def text_in(text, language: str) -> str:
    """A text map (a model or a dict) in ``language``, English where it has none."""
    if text is None:
        return ""
    if isinstance(text, dict):
        return text.get(language) or text.get("en") or ""
    return text.get(language)


def first_sentences(text: str, count: int) -> str:
    sentences = re.split(r"(?<=[.!?;])\s+", text.strip())
    short = " ".join(sentences[:count])
    return short if len(sentences) <= count else short + " …"


def _score(card: dict) -> str:
    return "–" if card.get("overall") is None else f"{round(card['overall'])}%"


def section_label(rulebook: Rulebook, rule_id: str, language: str) -> str:
    if rule_id not in rulebook.by_id:
        return ""
    section = rulebook.section_of(rule_id)
    return f"{section.id} {text_in(section.title, language)}"


def header(sheet: Sheet, title: str, subtitle: str, right: str, game_name: str) -> None:
    """The coloured band across the top: the game's name in the session's language, the scenario and the player."""
    sheet.band(24)
    sheet.pdf.set_y(6)
    sheet.text(game_name, points=7.5, bold=True, colour=(204, 240, 235))
    sheet.text(title, points=15, bold=True, colour=(255, 255, 255), width=sheet.width * 0.68)
    sheet.pdf.set_y(7)
    sheet.text(right, x=MARGIN + sheet.width * 0.68, width=sheet.width * 0.32, points=8.5, colour=(255, 255, 255), align="R")
    sheet.text(subtitle, x=MARGIN + sheet.width * 0.68, width=sheet.width * 0.32, points=8.5, bold=True, colour=(255, 255, 255), align="R")
    sheet.pdf.set_y(28)


def score_row(sheet: Sheet, card: dict, scenario: Scenario, language: str, missed: int = 0) -> None:
    """The score badge and, beside it, the ending, the goals and the decisions."""
    _ = translations(language).gettext
    ngettext = translations(language).ngettext
    pdf, top = sheet.pdf, sheet.y
    pdf.set_fill_color(*ACCENT)
    pdf.rect(MARGIN, top, 30, 20, style="F", round_corners=True, corner_radius=2)
    pdf.set_y(top + 2.5)
    sheet.text(_score(card), x=MARGIN, width=30, points=17, bold=True, colour=(255, 255, 255), align="C")
    sheet.text(_("Grade {grade}").format(grade=card.get("grade", "–")), x=MARGIN, width=30, points=8.5, colour=(255, 255, 255), align="C")
    pdf.set_y(top + 0.5)
    x, width = MARGIN + 34, sheet.width - 34
    ending = scenario.scenes.get(card.get("ending") or "")
    outcome = card.get("outcome")
    if outcome in OUTCOME_WORDS:
        ending_title = text_in(getattr(ending, "title", None), language)
        line = _(OUTCOME_WORDS[outcome]) + (f": {ending_title}" if ending_title else "")
    else:
        line = _("Not finished")
    sheet.text(line, x=x, width=width, points=sheet.size.heading, bold=True)
    goals = card.get("goals") or []
    sheet.text(ngettext("{met} of {n} goal met", "{met} of {n} goals met", len(goals)).format(met=card.get("goals_met", 0), n=len(goals)),
               x=x, width=width, colour=MUTED)
    decisions = card.get("decisions", 0)
    sheet.text(ngettext("{n} decision", "{n} decisions", decisions).format(n=decisions), x=x, width=width, colour=MUTED)
    if missed:
        sheet.text(ngettext("{n} turn with no answer", "{n} turns with no answer", missed).format(n=missed), x=x, width=width, colour=MUTED)
    pdf.set_y(max(sheet.y, top + 20) + 2)


def areas(sheet: Sheet, card: dict, language: str) -> None:
    _ = translations(language).gettext
    rows = card.get("areas") or []
    if not rows:
        return
    sheet.heading(_("The handbook's areas"))
    half = sheet.width / 2
    for index, area in enumerate(rows):
        column = index % 2
        if column == 0:
            top = sheet.y
        x = MARGIN + column * half
        sheet.pdf.set_y(top)
        name = text_in(area.get("name"), language)
        sheet.text(name, x=x, width=half * 0.5, points=sheet.size.small)
        used = sheet.y - top
        line = sheet.size.line(sheet.size.small)
        score = area.get("score")
        sheet.bar(x + half * 0.52, top + line * 0.2, half * 0.33, line * 0.6, None if score is None else score / 100)
        sheet.pdf.set_y(top)
        sheet.text("–" if score is None else f"{round(score)}%", x=x + half * 0.87, width=half * 0.12, points=sheet.size.small, bold=True, align="R")
        if column == 1 or index == len(rows) - 1:
            sheet.pdf.set_y(top + max(used, line) + 0.6)


def no_answer(sheet: Sheet, turn: dict, scenario: Scenario, language: str) -> None:
    """A turn that passed with no answer: the decision's title, and that no rule counts it (nor did the grader)."""
    _ = translations(language).gettext
    scene = scenario.scenes.get(turn.get("scene", ""))
    title = text_in(getattr(scene, "title", None) or getattr(scene, "headline", None), language) or turn.get("scene", "")
    sheet.text(_("No answer in time: {title}").format(title=title), bold=True, points=sheet.size.small, colour=ACCENT)
    sheet.text(_("The turn passed to the next team; no rule counts a missed turn, and the decision came back at the team's next turn."),
               x=MARGIN + 4, points=sheet.size.small, colour=MUTED)
    sheet.pdf.ln(0.8)


def decisions(sheet: Sheet, card: dict, scenario: Scenario, rulebook: Rulebook, language: str, trim: int, missed: list[dict] | None = None) -> None:
    _ = translations(language).gettext
    timeline = card.get("timeline") or []
    missed = missed or []
    sheet.heading(_("Decisions"))
    if not timeline and not missed:
        sheet.text(_("No decisions were recorded."), colour=MUTED)
        return
    quiet, shown = 0, 0
    for number, entry in enumerate(timeline, 1):
        for turn in missed:
            if turn.get("decision") == number - 1:  # missed before the team answered this decision
                no_answer(sheet, turn, scenario, language)
        evidence = entry.get("evidence") or []
        if trim >= 2 and not any(e.get("verdict") == "breaks" for e in evidence):
            quiet += 1
            continue
        if trim >= 4 and shown >= MOST_DECISIONS:
            quiet += 1
            continue
        shown += 1
        title = text_in(entry.get("title"), language) or entry.get("scene", "")
        sheet.text(f"{number}. {title}", bold=True, points=sheet.size.body)
        did = describe(scenario, entry, language) if trim < 3 else ""
        if did:
            sheet.text(did, x=MARGIN + 4, points=sheet.size.small, colour=MUTED)
        for item in evidence:
            verdict = "honoured" if item.get("verdict") == "honours" else "broken"
            if trim >= 3 and verdict == "honoured":
                continue
            rule = rulebook.by_id.get(item.get("rule", ""))
            words = text_in(rule.title, language) if rule else item.get("rule", "")
            source = section_label(rulebook, item.get("rule", ""), language) if trim == 0 else ""
            line = f"{words}  ·  {_('Handbook: {section}').format(section=source)}" if source else words
            sheet.marked_line(verdict, line, x=MARGIN + 4, width=sheet.width - 4, points=sheet.size.small)
        sheet.pdf.ln(0.8)
    for turn in missed:
        if not isinstance(turn.get("decision"), int) or turn["decision"] >= len(timeline):  # the workshop ended before the team answered it
            no_answer(sheet, turn, scenario, language)
    if quiet:
        sheet.text(translations(language).ngettext("{n} more decision is in the game's debrief.", "{n} more decisions are in the game's debrief.", quiet).format(n=quiet),
                   colour=MUTED, points=sheet.size.small)


def advice(sheet: Sheet, card: dict, rulebook: Rulebook, language: str, trim: int) -> None:
    _ = translations(language).gettext
    items = card.get("next_time") or []
    sheet.heading(_("What the handbook advises"))
    if not items:
        sheet.text(_("You honoured every rule this play tested. Keep the same habits next time."), colour=MUTED)
        return
    for item in items[: 4 if trim < 2 else 3 if trim < 4 else 2]:
        words = text_in(item.get("advice"), language)
        if trim >= 1:
            words = first_sentences(words, 2 if trim == 1 else 1)
        sheet.text(text_in(item.get("title"), language), bold=True, points=sheet.size.body)
        sheet.text(words, x=MARGIN + 4, points=sheet.size.small)
        source = section_label(rulebook, item.get("rule", ""), language)
        if source:
            sheet.text(_("Handbook: {section}").format(section=source), x=MARGIN + 4, points=sheet.size.small, colour=MUTED)
        sheet.pdf.ln(0.8)


def most_telling(touched: list, count: int) -> list:
    """The checklists to print: those where the player broke most, then those the scenario tests most."""
    def weight(item) -> tuple:
        _, items = item
        return (-sum(mark == "broken" for _, mark in items), -sum(mark != "open" for _, mark in items))
    chosen = sorted(touched, key=weight)[:count]
    return [item for item in touched if item in chosen]  # in the handbook's order


def checklists(sheet: Sheet, card: dict, scenario: Scenario, rulebook: Rulebook, language: str, lists: Checklists, trim: int) -> None:
    _ = translations(language).gettext
    touched = most_telling(marked(lists, tested_rules(scenario), card), (4, 4, 3, 2, 2)[min(trim, 4)])
    if not touched:
        return
    sheet.heading(_("The handbook's checklists"))
    legend_top, x = sheet.y, MARGIN
    size = sheet.size.small
    for verdict, word in (("honoured", _("honoured")), ("broken", _("broken")), ("mixed", _("partly")), ("open", _("not tested in this play"))):
        sheet.pdf.set_y(legend_top)
        box = sheet.size.line(size) * 0.8
        sheet.mark(verdict, x, legend_top + sheet.size.line(size) * 0.12, box)
        sheet.font(size, colour=MUTED)
        width = sheet.pdf.get_string_width(word) + 2
        sheet.text(word, x=x + box + 1.2, width=width, points=size, colour=MUTED)
        x += box + width + 5
    sheet.pdf.set_y(legend_top + sheet.size.line(size) + 1.5)
    half = (sheet.width - 6) / 2
    columns = [MARGIN, MARGIN + half + 6]
    bottoms = [sheet.y, sheet.y]
    for checklist, items in touched:
        column = 0 if bottoms[0] <= bottoms[1] else 1
        sheet.pdf.set_y(bottoms[column])
        sheet.text(f"{text_in(checklist.title, language)} ({checklist.section})", x=columns[column], width=half, points=size, bold=True)
        for rule_id, verdict in items:
            rule = rulebook.by_id[rule_id]
            sheet.marked_line(verdict, text_in(rule.title, language), x=columns[column], width=half, points=size)
        bottoms[column] = sheet.y + 1.5
    sheet.pdf.set_y(max(bottoms))


def footer(sheet: Sheet, language: str) -> None:
    _ = translations(language).gettext
    sheet.pdf.ln(1)
    sheet.rule_line()
    sheet.pdf.ln(0.8)
    sheet.text(_("Bridges, a training game on the handbook \u201cNetworking: Building Partnerships\u201d (ATSIV, Erasmus+)."),
               points=max(5.5, sheet.size.small - 0.5), colour=MUTED)


def player_handout(card: dict, scenario: Scenario, rulebook: Rulebook, language: str, *, name: str = "",
                   created: datetime | None = None, lists: Checklists | None = None, missed: list[dict] | None = None) -> bytes:
    """The PDF of one player's or team's play, on one A4 page (``missed``: a workshop team's turns with no answer)."""
    _ = translations(language).gettext
    lists = lists or default_checklists()
    title = text_in(scenario.title, language)
    when = (created or datetime.now()).strftime("%Y-%m-%d")

    def draw(size: Size, trim: int) -> Sheet:
        sheet = Sheet(size, title=f"{title}: {name}" if name else title, language=language, created=created)
        header(sheet, title, name or _("Handout"), when, _("Bridges"))
        score_row(sheet, card, scenario, language, len(missed or []))
        areas(sheet, card, language)
        decisions(sheet, card, scenario, rulebook, language, trim, missed)
        advice(sheet, card, rulebook, language, trim)
        checklists(sheet, card, scenario, rulebook, language, lists, trim)
        footer(sheet, language)
        return sheet

    return fit_one_page(draw).output()
