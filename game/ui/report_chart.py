"""A session's debrief chart as a PNG, drawn off-screen (for ``report --out``).

In the session's language (its ``language`` column; English if unknown),
titled with the scenario's title when a scenario of that id can be found
(shipped, or the trainer's own), else with its id. Areas down the side, one
bar a team (colour plus symbol and number, so nothing is told by colour
alone), overall scores in the legend. A scorecard read from a damaged
database (no areas, cells of the wrong type) draws what it can.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from game.ui.i18n import available, catalog, decimal
from game.ui.symbols import TEAM_COLOURS, draw_symbol

WIDTH = 1600
MAX_AREAS = 40
MAX_TEAMS = 16
SCENARIO_ID = re.compile(r"^[a-z0-9][a-z0-9_.\-]{0,79}$")
"""A scenario id as the format allows it (no path separators): anything else in a database is never looked up as a file."""
MAX_SCANNED = 200
MAX_SCANNED_BYTES = 256 * 1024


def _init():
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import pygame  # lazy: `bridges report` loads pygame only when it draws a chart, after choosing the dummy driver

    if not pygame.font.get_init():
        pygame.font.init()
    return pygame


def _pick(text: Any, language: str) -> str:
    """Scenario or rulebook text (``{en, bg}`` or plain) in the language, else English, else any."""
    if isinstance(text, str):
        return text
    if isinstance(text, dict):
        for key in (language, "en", *text):
            value = text.get(key)
            if isinstance(value, str) and value.strip():
                return value
    return ""


def scenario_title(scenario_id: Any, language: str, folders: list[Path] | None = None) -> str:
    """The title of the scenario of this id in the language (shipped scenarios, the trainer's own and packs), else the id."""
    if not isinstance(scenario_id, str) or not SCENARIO_ID.match(scenario_id):
        return str(scenario_id)
    if folders is None:
        from game.ui.library import default_folders  # lazy: the scenario list only when a title is looked up

        folders = default_folders()
    title = _pick(_scenario_titles(scenario_id, tuple(folders)), language)
    return title if title.strip() else scenario_id


@lru_cache(maxsize=64)
def _scenario_titles(scenario_id: str, folders: tuple[Path, ...]) -> Any:
    """The ``title`` of the first scenario file of that id: the file named as the id first, then (small files only) any other."""
    from game.core.yamlsafe import load_file

    for folder in folders:
        try:
            if not folder.is_dir():
                continue
            named = [folder / f"{scenario_id}.yaml", folder / scenario_id / f"{scenario_id}.yaml"]
            others = [p for p in sorted(folder.glob("*.yaml"))[:MAX_SCANNED] if p not in named and p.stat().st_size <= MAX_SCANNED_BYTES]
        except OSError:
            continue
        for path in named + others:  # a renamed file is found by its id
            try:
                if not path.is_file():
                    continue
                data = load_file(path).data
            except Exception:  # unreadable or not YAML: the next file, or the id will do
                continue
            if isinstance(data, dict) and data.get("id") == scenario_id and _pick(data.get("title"), "en").strip():
                return data["title"]
    return None


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value or abs(value) > 1e12:
        return None
    return float(value)


def _areas(team: dict, language: str) -> list[tuple[str, str, float | None]]:
    """A team's areas as (id, name, score), skipping any entry of the wrong shape."""
    card = team.get("scorecard")
    areas = card.get("areas") if isinstance(card, dict) else None
    found = []
    for area in areas if isinstance(areas, list) else []:
        if isinstance(area, dict) and isinstance(area.get("area"), str):
            found.append((area["area"], _pick(area.get("name"), language) or area["area"], _number(area.get("score"))))
    return found


def _fit(font, text: str, width: int) -> str:
    """The text, cut with an ellipsis to fit the width."""
    if font.size(text)[0] <= width:
        return text
    while text and font.size(text + "…")[0] > width:
        text = text[: max(0, len(text) - max(1, len(text) // 8))]
    return text + "…"


def _score_text(score: float, language: str) -> str:
    text = f"{score:.1f}".rstrip("0").rstrip(".")
    return decimal(text, language)


def save_session_chart(session: dict, path: Path, language: str | None = None) -> Path:
    """Draw the session's chart to ``path`` (in ``language``, by default the session's own)."""
    pygame = _init()
    from game.ui.text import BOLD, REGULAR, SUBSTITUTES  # lazy, with pygame (see _init)

    language = language or session.get("language")
    language = available(language)
    messages = catalog(language)
    _: Callable[[str], str] = messages.gettext

    vote = session.get("mode") == "vote"  # a plenary vote: one play for the room, recorded as team 0
    teams_all = [t for t in session["teams"] if t.get("team") == 0][:1] if vote else session["teams"][:MAX_TEAMS]
    areas_of = {id(team): _areas(team, language) for team in teams_all}
    teams = [t for t in teams_all if areas_of[id(t)]]
    areas: list[tuple[str, str]] = []
    for team in teams:
        for area_id, name, _score in areas_of[id(team)]:
            if area_id not in [a for a, _name in areas] and len(areas) < MAX_AREAS:
                areas.append((area_id, name))

    title_font, font, small = pygame.font.Font(str(BOLD), 40), pygame.font.Font(str(REGULAR), 24), pygame.font.Font(str(REGULAR), 20)
    ink = pygame.Color("#1f2937")

    def text(face, words: str, width: int = WIDTH - 80):
        return face.render(_fit(face, words.translate(SUBSTITUTES), width), True, ink)

    solo = session.get("mode") == "solo"
    legend = []
    for index, team in enumerate(teams_all):
        overall = _number(team.get("overall"))
        score = _("No score") if overall is None else _("{score} of 100").format(score=_score_text(overall, language))
        grade = _("Grade {grade}").format(grade=team["grade"]) if team.get("grade") else ""
        state = "" if team.get("scorecard") else _("Not finished")
        parts = [p for p in (score, grade, state) if p]
        name = "" if solo else _("The room (plenary vote)") + ": " if vote else f"{team['name']}: "
        legend.append((index, name + " · ".join(parts)))
    rendered = [(index, text(font, label, 700)) for index, label in legend]
    legend_rows, x = 1, 40
    for _index, label in rendered:
        if x + 30 + label.get_width() > WIDTH - 40 and x > 40:
            legend_rows, x = legend_rows + 1, 40
        x += label.get_width() + 70

    bar_h, gap = 26, 18
    row_h = max(1, len(teams)) * (bar_h + 4) + gap
    top = 130 + legend_rows * 40 + 60
    height = top + max(1, len(areas)) * row_h + 40
    surface = pygame.Surface((WIDTH, height))
    surface.fill(pygame.Color("#ffffff"))

    title = scenario_title(session.get("scenario"), language)
    surface.blit(text(title_font, _("Debrief: {title}").format(title=title)), (40, 30))
    mode = {"turns": _("Teams in turn"), "vote": _("Plenary vote")}.get(session.get("mode", ""), "")
    details = [f"{str(session.get('started_at', ''))[:16].replace('T', ' ')} UTC", mode, str(session.get('id', ''))[:8]]
    surface.blit(text(small, "  ·  ".join(d for d in details if d)), (40, 86))

    x, y = 40, 130
    for index, label in rendered:
        if x + 30 + label.get_width() > WIDTH - 40 and x > 40:
            x, y = 40, y + 40
        colour = pygame.Color(TEAM_COLOURS[index % len(TEAM_COLOURS)])
        draw_symbol(pygame, surface, index, (x + 12, y + 16), 22, colour)
        surface.blit(label, (x + 30, y))
        x += label.get_width() + 70

    label_w, left = 420, 40
    chart_w = WIDTH - left - label_w - 120
    y = top - 50
    surface.blit(text(font, _("The handbook's areas, team by team")), (left, y))
    y = top
    if not areas:
        surface.blit(text(font, _("No score")), (left, y))
    for area_id, name in areas:
        surface.blit(text(font, name, label_w - 20), (left, y))
        for row, team in enumerate(teams):
            score = next((s for a, _name, s in areas_of[id(team)] if a == area_id), None)
            touched = any(a == area_id for a, _name, _s in areas_of[id(team)])
            number = teams_all.index(team)
            colour = pygame.Color(TEAM_COLOURS[number % len(TEAM_COLOURS)])
            bar_top = y + row * (bar_h + 4)
            pygame.draw.rect(surface, pygame.Color("#e5e7eb"), (left + label_w, bar_top, chart_w, bar_h), border_radius=6)
            if score is not None:
                width = max(4, int(chart_w * min(100.0, max(0.0, score)) / 100))
                pygame.draw.rect(surface, colour, (left + label_w, bar_top, width, bar_h), border_radius=6)
            draw_symbol(pygame, surface, number, (left + label_w + chart_w + 22, bar_top + bar_h / 2), 18, colour)
            shown = "—" if score is None or not touched else f"{_score_text(score, language)} %"
            surface.blit(small.render(shown, True, ink), (left + label_w + chart_w + 38, bar_top))
        y += row_h
    path.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(surface, str(path))
    return path
