"""The negotiation screen with three parties: every face at the table, each
party's mood and patience, who said what, and signing through the UI."""

from __future__ import annotations

from pathlib import Path

import pygame

from tests.ui.helpers import texts
from tests.ui.test_layout import build, problems_in

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "valid" / "three-parties.yaml"


def test_three_parties_negotiate_to_a_signature_through_the_ui(make_app):
    app = make_app(size=(1280, 720), scenario=FIXTURE)
    app.key(pygame.K_RETURN)
    assert app.current_scene_name == "negotiate"
    shown = texts(app)
    assert "Testovo Town Hall" in shown and "Hristo Botev School" in shown and "Testovo Traders' Association" in shown
    assert shown.count("Also at the table") == 2

    for element, term in (("goals", "shared-goals"), ("contributions", "town-pays"), ("period", "three-years")):
        app.click(f"term:{element}:{term}")
    app.click("propose")
    assert "cannot buy trees" in texts(app)
    assert any("cannot buy trees" in line for line in app.top.speech("school")), "the school says its refusal in its own bubble"
    assert not any("cannot buy trees" in line for line in app.top.speech()), "not the town hall"
    assert app.play.session.state.negotiations["table"].patience_of == {"school": 4, "traders": 5}

    app.click("concede:contributions")
    app.click("sign")
    assert app.play.session.state.agreement.parties == ["school", "traders"]


def test_the_three_party_table_lays_out_cleanly(make_app):
    app = make_app(size=(1280, 720), language="bg", scenario=FIXTURE)
    app.key(pygame.K_RETURN)
    found = []
    for size, scale in (((1280, 720), 2.0), ((1920, 1080), 1.0), ((1920, 1080), 2.0)):
        found += problems_in(app, build(app, app.top, size, scale), size, scale, f"three parties {size} {scale}")
    assert not found, found[:5]


def test_after_a_rebuild_that_moves_the_page_the_screen_is_what_a_full_repaint_gives(make_app, tmp_path):
    """Choosing a term low on the page scrolls to it; proposing rebuilds the page at the top. The partial
    repaint must not leave the scrolled page's pixels behind (it did, until the painted scroll was kept)."""
    app = make_app(size=(1280, 720), scenario=FIXTURE)
    app.key(pygame.K_RETURN)
    for element, term in (("goals", "shared-goals"), ("contributions", "town-pays"), ("period", "three-years")):
        app.click(f"term:{element}:{term}")
    app.click("propose")
    shown = pygame.display.get_surface().copy()
    app.screenshot(tmp_path / "full.png")
    full = pygame.display.get_surface()
    width, height = full.get_size()
    differing = [(x, y) for x in range(0, width, 7) for y in range(0, height, 7) if shown.get_at((x, y)) != full.get_at((x, y))]
    assert not differing, f"{len(differing)} sampled pixels differ from a full repaint, first at {differing[0]}"
