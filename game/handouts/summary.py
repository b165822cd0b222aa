"""The trainer's one-page summary of a workshop: teams, areas, splits, rules broken most.

``workshop_summary(comparison, scenario, rulebook, language)`` takes the
comparison a workshop ends with (:mod:`game.scoring.compare`) and returns
the PDF bytes: the teams ranked (a team with no answers is listed, not
ranked), the handbook's areas team by team, the decisions where teams chose
differently with the discussion question, and the rules broken most often
with the handbook's advice.
"""

from __future__ import annotations

from datetime import datetime

from game.core.scenario import Scenario
from game.handouts.player import OUTCOME_WORDS, first_sentences, footer, header, section_label, text_in
from game.handouts.sheet import ACCENT, MARGIN, MUTED, Sheet, Size, fit_one_page
from game.locale import translations
from game.scoring.rulebook import Rulebook


def _named(team: dict, language: str) -> str:
    """A team's name, and its turns with no answer when it had any: "Owls · 1 turn with no answer"."""
    missed = team.get("missed") or 0
    if not missed:
        return team.get("name", "")
    return f"{team.get('name', '')} · " + translations(language).ngettext("{n} turn with no answer", "{n} turns with no answer", missed).format(n=missed)


def _teams(sheet: Sheet, comparison: dict, language: str) -> None:
    _ = translations(language).gettext
    sheet.heading(_("Teams"))
    cards = comparison.get("scorecards") or []
    rows = list(zip(comparison.get("teams") or [], cards or [None] * len(comparison.get("teams") or [])))
    answered = [(team, card) for team, card in rows if card is None or card.get("decisions")]
    silent = [team for team, card in rows if card is not None and not card.get("decisions")]
    answered.sort(key=lambda row: -(row[0].get("overall") or 0))
    widths = (0.34, 0.14, 0.12, 0.14, 0.26)
    heads = (_("Team"), _("Score"), _("Grade"), _("Goals"), _("Ending"))
    _row(sheet, heads, widths, bold=True, colour=MUTED)
    for team, _card in answered:
        overall = team.get("overall")
        outcome = team.get("outcome")
        cells = (_named(team, language), "–" if overall is None else f"{round(overall)}%", team.get("grade", "–"),
                 f"{team.get('goals_met', 0)}/{team.get('goals', 0)}", _(OUTCOME_WORDS[outcome]) if outcome in OUTCOME_WORDS else _("Not finished"))
        _row(sheet, cells, widths)
    for name in silent:
        _row(sheet, (_named(name, language), _("no answers"), "", "", ""), widths, colour=MUTED)


def _row(sheet: Sheet, cells, widths, *, bold: bool = False, colour=None) -> None:
    top, x, bottom = sheet.y, MARGIN, sheet.y
    for cell, share in zip(cells, widths):
        sheet.pdf.set_y(top)
        sheet.text(str(cell), x=x, width=sheet.width * share - 1.5, points=sheet.size.small, bold=bold, colour=colour or (28, 35, 51))
        bottom = max(bottom, sheet.y)
        x += sheet.width * share
    sheet.pdf.set_y(bottom + 0.4)


def _areas(sheet: Sheet, comparison: dict, language: str) -> None:
    _ = translations(language).gettext
    areas = comparison.get("areas") or []
    names = [team.get("name", "") for team in comparison.get("teams") or []]
    if not areas or not names:
        return
    sheet.heading(_("The handbook's areas, team by team"))
    first = 0.3
    share = (1 - first) / max(1, len(names))
    _row(sheet, ("", *names), (first, *[share] * len(names)), bold=True, colour=MUTED)
    for area in areas:
        scores = ["–" if s is None else f"{round(s)}%" for s in area.get("scores") or []]
        _row(sheet, (text_in(area.get("name"), language), *scores), (first, *[share] * len(names)))


def _splits(sheet: Sheet, comparison: dict, scenario: Scenario, language: str, trim: int) -> None:
    _ = translations(language).gettext
    splits = comparison.get("splits") or []
    if not splits:
        return
    sheet.heading(_("Where the teams chose differently"))
    limit = (6, 5, 4, 3, 2)[min(trim, 4)]
    for split in splits[:limit]:
        scene = scenario.scenes.get(split.get("scene", ""))
        title = text_in(getattr(scene, "title", None) or getattr(scene, "headline", None), language) or split.get("scene", "")
        sheet.text(title, bold=True)
        for group in split.get("groups") or []:
            votes = group.get("votes", 0)
            who = ", ".join(group.get("teams") or []) or translations(language).ngettext("{n} vote", "{n} votes", votes).format(n=votes)
            sheet.text(f"{who}: {text_in(group.get('label'), language)}", x=MARGIN + 4, points=sheet.size.small)
        question = text_in(split.get("question"), language)
        if question:
            sheet.text(question, x=MARGIN + 4, points=sheet.size.small, colour=ACCENT)
        sheet.pdf.ln(0.6)
    if len(splits) > limit:
        sheet.text(_("{n} more in the comparison on screen.").format(n=len(splits) - limit), points=sheet.size.small, colour=MUTED)


def _most_broken(sheet: Sheet, comparison: dict, rulebook: Rulebook, language: str, trim: int) -> None:
    _ = translations(language).gettext
    items = comparison.get("most_broken") or []
    if not items:
        return
    sheet.heading(_("Rules broken most often"))
    ngettext = translations(language).ngettext
    for item in items[: 5 if trim < 3 else 3]:
        teams = ngettext("{n} team", "{n} teams", item.get("teams", 0)).format(n=item.get("teams", 0))
        sheet.text(f"{text_in(item.get('title'), language)} ({teams})", bold=True, points=sheet.size.small)
        sheet.text(first_sentences(text_in(item.get("advice"), language), 2 if trim < 2 else 1), x=MARGIN + 4, points=sheet.size.small)
        source = section_label(rulebook, item.get("rule", ""), language)
        if source:
            sheet.text(_("Handbook: {section}").format(section=source), x=MARGIN + 4, points=sheet.size.small, colour=MUTED)


def workshop_summary(comparison: dict, scenario: Scenario, rulebook: Rulebook, language: str, *, created: datetime | None = None) -> bytes:
    """The trainer's PDF of a workshop, on one A4 page."""
    _ = translations(language).gettext
    title = text_in(scenario.title, language)
    when = (created or datetime.now()).strftime("%Y-%m-%d")

    def draw(size: Size, trim: int) -> Sheet:
        sheet = Sheet(size, title=f"{title}: {_('Workshop summary')}", language=language, created=created)
        header(sheet, title, _("Workshop summary"), when, _("Bridges"))
        _teams(sheet, comparison, language)
        _areas(sheet, comparison, language)
        _splits(sheet, comparison, scenario, language, trim)
        _most_broken(sheet, comparison, rulebook, language, trim)
        footer(sheet, language)
        return sheet

    return fit_one_page(draw).output()
