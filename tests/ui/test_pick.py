"""Pick cards: a portrait when the scenario ships one, else the cast kind's icon."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.ui.view import Art

ROOT = Path(__file__).resolve().parents[2]


def to_pick_scene(app, scenario_id: str) -> None:
    app.click("play")
    app.click(f"play:{scenario_id}")
    app.click("start")
    app.click("option:write-strategy")
    app.click("confirm")
    app.click("continue")
    app.top.points.update({"regional-forum": 5, "local-visits": 5})
    app.top.invalidate()
    app.click("confirm")
    app.click("continue")
    app.click("option:call-and-meet")
    app.click("confirm")
    app.click("continue")
    assert app.current_scene_name == "pick"


def test_a_cast_card_shows_the_portrait_the_scenario_ships(make_app, tmp_path):
    folder = tmp_path / "scenarios"
    (folder / "faces").mkdir(parents=True)
    picture = pygame.Surface((40, 30))
    picture.fill((200, 40, 40))
    pygame.image.save(picture, str(folder / "faces" / "green.png"))
    text = (ROOT / "scenarios" / "demo-river-cleanup.yaml").read_text(encoding="utf-8")
    text = text.replace("  - id: green-future\n", "  - id: green-future\n    portrait: faces/green.png\n", 1)
    assert "faces/green.png" in text
    (folder / "demo.yaml").write_text(text, encoding="utf-8")
    app = make_app(folders=[folder])
    to_pick_scene(app, "demo-river-cleanup")
    app.top.refresh()
    items = app.top.view.items
    portraits = [i for i in items if isinstance(i, Art) and i.rect.w == i.rect.h]
    assert len(portraits) == 4                       # the shipped picture, and faces the game draws for the other three
    app.screenshot(tmp_path / "pick.png")
    shown = pygame.image.load(str(tmp_path / "pick.png"))
    spots = [p.rect.move(0, -app.top.scroll).center for p in portraits]
    centers = [shown.get_at(spot)[:3] for spot in spots if shown.get_rect().collidepoint(spot)]
    assert centers[0] == (200, 40, 40)               # green-future, the first card, shows its own portrait
    assert (200, 40, 40) not in centers[1:]
