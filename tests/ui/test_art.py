"""Faces, places and speech: every place is drawn and readable under text, faces differ by
mood and look, the same id always looks the same, and the checker knows the places."""

from __future__ import annotations

import textwrap

import pygame
import pytest

from game.core.checker import check_file
from game.core.looks import DEFAULT_PLACES, PLACES, Look
from game.ui.art import places, portraits
from game.ui.art.looks import full_look
from game.ui.art.paint import Scrim
from game.ui.art.svg import rasterise
from game.ui.theme import STANDARD


def luminance(rgb) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_every_place_has_a_picture_and_every_kind_a_default():
    assert len(PLACES) >= 12
    assert places.available() == list(PLACES)
    assert set(DEFAULT_PLACES.values()) <= set(PLACES)


@pytest.mark.parametrize("name", PLACES)
def test_text_on_the_panel_over_each_backdrop_meets_wcag_aa(name):
    """The see-through panel over the darkest and the lightest pixel of the backdrop still gives 4.5:1 for body and muted text."""
    image = places.band(name, 480, 200)
    assert image is not None and image.get_size() == (480, 200)
    panel = Scrim((480, 200), 0)
    target = image.copy()
    panel(target, target.get_rect(), STANDARD)
    pixels = [target.get_at((x, y)) for x in range(0, 480, 6) for y in range(0, 200, 6)]
    for text in (STANDARD.text, STANDARD.muted):
        worst = min(contrast(text, p) for p in pixels)
        assert worst >= 4.5, f"{name}: {worst:.2f}:1 for {text}"


def test_a_backdrop_is_drawn_once_per_window_width_and_reused():
    first = places.band("cafe", 640, 240)
    assert places.band("cafe", 640, 240) is first
    taller = places.band("cafe", 640, 300)
    assert taller.get_size() == (640, 300)


def test_moods_change_the_face_and_the_same_id_always_looks_the_same():
    look = full_look("green-future", "partner")
    assert look == full_look("green-future", "partner")
    faces = [pygame.image.tobytes(portraits.bust(look, mood, 96), "RGBA") for mood in portraits.MOODS]
    assert len(set(faces)) == len(portraits.MOODS)
    svgs = {portraits.face_svg(full_look(f"person-{i}", "supporter"), "neutral") for i in range(12)}
    assert len(svgs) >= 10  # defaults vary from one id to the next


def test_the_scenarios_look_wins_over_the_default_and_organisations_get_an_emblem():
    look = full_look("someone", "supporter", Look(skin=6, hair="headscarf", glasses=True, clothes="red"))
    assert (look.skin, look.hair, look.glasses, look.clothes, look.emblem) == (6, "headscarf", True, "red", None)
    assert full_look("a-sponsor", "sponsor").emblem is not None
    face = portraits.face(full_look("a-sponsor", "sponsor"), "pleased", 80)
    assert face.get_size() == (80, 80) and face.get_at((0, 0)).a == 0  # round: the corner is see-through


SCENARIO = textwrap.dedent("""\
    format: 1
    id: places-test
    title: {en: Places}
    summary: {en: A test}
    languages: [en]
    minutes: 5
    ngo: {name: {en: NGO}, cause: {en: Cause}, town: {en: Town}}
    resources: {budget: {start: 100}}
    cast:
      - {id: reporter, kind: media, name: {en: Reporter}, look: {hair: curly, emblem: mic}}
    scenes:
      start:
        kind: choice
        phase: before
        place: %s
        speaker: %s
        text: {en: Go}
        options:
          - {id: a, text: {en: A}, next: end}
          - {id: b, text: {en: B}, next: end}
      end: {kind: ending, outcome: success, text: {en: Done}, place: park}
    """)


def check_text(text: str, tmp_path) -> list:
    path = tmp_path / "places.yaml"
    path.write_text(text, encoding="utf-8")
    return check_file(path).problems


def test_the_checker_names_an_unknown_place_and_suggests_the_nearest(tmp_path):
    problems = check_text(SCENARIO % ("caffe", "reporter"), tmp_path)
    errors = [p for p in problems if p.severity == "error"]
    assert any("unknown place 'caffe'" in p.message and "cafe" in p.message for p in errors), errors


def test_the_checker_accepts_known_places_and_names_an_unknown_speaker(tmp_path):
    assert not [p for p in check_text(SCENARIO % ("cafe", "reporter"), tmp_path) if p.severity == "error"]
    problems = check_text(SCENARIO % ("cafe", "nobody"), tmp_path)
    assert any("unknown cast member 'nobody'" in p.message for p in problems)


def test_a_look_key_the_format_does_not_know_is_refused(tmp_path):
    text = (SCENARIO % ("cafe", "reporter")).replace("emblem: mic}", "emblem: mic, hat: red}")
    problems = [p for p in check_text(text, tmp_path) if p.severity == "error"]
    assert any("hat" in p.message or "hat" in p.path for p in problems), problems


def test_backdrops_drawn_in_the_background_are_the_ones_a_scene_then_shows():
    places.warm(["park", "school", "park"], 330)
    band = places.band("park", 330, 120)
    direct = rasterise(places.svg_path("park"), places.full_size(330))
    top = max(0, min(direct.get_height() - 120, round(direct.get_height() * places.FOCUS.get("park", 0.55) - 60)))
    assert band.get_size() == (330, 120)
    drawn, expected = band.get_at((100, 60)), direct.get_at((100, top + 60))   # drawn smaller, then scaled up
    assert all(abs(a - b) <= 24 for a, b in zip(drawn[:3], expected[:3])), (drawn, expected)
    assert places.band("school", 330, 120) is not None


def test_faces_follow_trust_its_changes_and_the_negotiating_table():
    from game.ui.art import moods

    assert [moods.from_trust(t) for t in (80, 50, 30, 10)] == ["pleased", "neutral", "doubtful", "annoyed"]
    assert [moods.from_change(d) for d in (3, -2, -10)] == ["pleased", "doubtful", "annoyed"]
    assert moods.at_table("open", []) == "neutral"
    assert moods.at_table("open", [{"type": "clause", "result": "refused"}]) == "doubtful"
    assert moods.at_table("cold", [{"type": "clause", "result": "refused"}]) == "annoyed"
    assert moods.at_table("tense", [{"type": "clause", "result": "agreed"}]) == "pleased"
