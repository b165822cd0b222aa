"""A session's debrief chart as a PNG, drawn off-screen (for ``report --out``).

Areas down the side, one bar a team (colour plus symbol and number, so
nothing is told by colour alone), overall scores in the legend.
"""

from __future__ import annotations

import os
from pathlib import Path

from game.ui.symbols import TEAM_COLOURS, draw_symbol

ROOT = Path(__file__).resolve().parents[2]
FONT = ROOT / "assets" / "fonts" / "NotoSans-Regular.ttf"
BOLD = ROOT / "assets" / "fonts" / "NotoSans-Bold.ttf"
WIDTH = 1600


def _init():
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import pygame

    if not pygame.font.get_init():
        pygame.font.init()
    return pygame


def save_session_chart(session: dict, path: Path, language: str = "en") -> Path:
    pygame = _init()
    teams = [t for t in session["teams"] if t.get("scorecard")]
    areas: list[tuple[str, str]] = []
    for team in teams:
        for area in team["scorecard"]["areas"]:
            if area["area"] not in [a for a, _ in areas]:
                areas.append((area["area"], area["name"].get(language) or area["name"]["en"]))
    bar_h, gap = 26, 18
    row_h = max(1, len(teams)) * (bar_h + 4) + gap
    height = 220 + max(1, len(areas)) * row_h + 40
    surface = pygame.Surface((WIDTH, height))
    surface.fill(pygame.Color("#ffffff"))
    title_font, font, small = pygame.font.Font(BOLD, 40), pygame.font.Font(FONT, 24), pygame.font.Font(FONT, 20)
    ink = pygame.Color("#1f2937")
    surface.blit(title_font.render(f"Bridges — {session['scenario']}", True, ink), (40, 30))
    surface.blit(small.render(f"{session['started_at'][:16].replace('T', ' ')} UTC  ·  {session['mode']}  ·  session {session['id'][:8]}", True, ink), (40, 86))
    x = 40
    for index, team in enumerate(session["teams"]):
        colour = pygame.Color(TEAM_COLOURS[index % len(TEAM_COLOURS)])
        overall = team["overall"] if team["overall"] is not None else "-"
        draw_symbol(pygame, surface, index, (x + 12, 146), 22, colour)
        label = font.render(f"{team['name']}: {overall} % ({team['grade'] or '-'})", True, ink)
        surface.blit(label, (x + 30, 130))
        x += label.get_width() + 70
    label_w, left = 420, 40
    chart_w = WIDTH - left - label_w - 120
    y = 190
    if not areas:
        surface.blit(font.render("No finished scorecards in this session yet.", True, ink), (left, y))
    for area_id, name in areas:
        surface.blit(font.render(name, True, ink), (left, y))
        for index, team in enumerate(teams):
            score = next((a["score"] or 0.0 for a in team["scorecard"]["areas"] if a["area"] == area_id), None)
            number = session["teams"].index(team)
            colour = pygame.Color(TEAM_COLOURS[number % len(TEAM_COLOURS)])
            top = y + index * (bar_h + 4)
            pygame.draw.rect(surface, pygame.Color("#e5e7eb"), (left + label_w, top, chart_w, bar_h), border_radius=6)
            if score is not None:
                pygame.draw.rect(surface, colour, (left + label_w, top, max(4, int(chart_w * score / 100)), bar_h), border_radius=6)
            draw_symbol(pygame, surface, number, (left + label_w + chart_w + 22, top + bar_h / 2), 18, colour)
            text = "—" if score is None else f"{score:.0f} %"
            surface.blit(small.render(text, True, ink), (left + label_w + chart_w + 38, top))
        y += row_h
    path.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(surface, str(path))
    return path
