"""The app shell: frugal repaints, cached text, settings that re-render
everything, full screen, and pygame started only on request."""

from __future__ import annotations

import subprocess
import sys

import pygame

from tests.ui.helpers import all_texts, texts


def test_importing_the_ui_does_not_start_pygame():
    code = "import game.ui.app, game.ui.screenshots, pygame; print(pygame.display.get_init(), pygame.font.get_init())"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "False"]


def test_a_static_screen_is_not_repainted(make_app):
    app = make_app()
    frames = app.frames
    for _ in range(50):
        app.step()
    assert app.frames == frames


def test_moving_the_mouse_repaints_only_when_the_hovered_target_changes(make_app):
    app = make_app()
    play = app.target_center("play")
    app.post(pygame.MOUSEMOTION, pos=play, rel=(0, 0), buttons=(0, 0, 0))
    app.step()
    frames = app.frames
    app.post(pygame.MOUSEMOTION, pos=(play[0] + 3, play[1] + 1), rel=(3, 1), buttons=(0, 0, 0))
    app.step()
    assert app.frames == frames
    app.post(pygame.MOUSEMOTION, pos=app.target_center("settings"), rel=(0, 0), buttons=(0, 0, 0))
    app.step()
    assert app.frames == frames + 1


def test_repainting_reuses_rendered_text(make_app):
    app = make_app()
    app.click("play")
    renders = app.typesetter.renders
    app.top.invalidate()
    app.step()
    assert app.typesetter.renders == renders


def test_switching_language_rerenders_every_screen_on_the_stack(make_app):
    app = make_app()
    app.click("play")
    app.click("global:language")                  # the chooser (more than two languages)
    app.click("lang:bg")
    assert "Сценарии" in texts(app)
    app.key(pygame.K_ESCAPE)
    assert app.current_scene_name == "title"
    assert "Играй" in texts(app)
    app.key(pygame.K_F2)
    app.click("lang:en")
    assert "Play" in all_texts(app)


def test_text_size_contrast_and_motion_are_saved_for_next_time(make_app):
    app = make_app()
    app.key(pygame.K_EQUALS, pygame.KMOD_CTRL)
    app.key(pygame.K_F3)
    assert app.prefs.text_scale == 1.25 and app.prefs.high_contrast
    app.click("settings")
    app.click("motion:off")
    app.click("scale:2.0")
    from game.ui.prefs import Prefs

    saved = Prefs.load()
    assert (saved.text_scale, saved.high_contrast, saved.motion, saved.language) == (2.0, True, False, "en")
    assert app.metrics.font("body").px == round(27 * (720 / 1080) * 2.0)


def test_full_screen_fills_the_screen_and_returns_to_the_same_window(make_app, recwarn):
    app = make_app(size=(1280, 720))
    window = app._window()
    where = tuple(window.position)
    screen = pygame.display.get_desktop_sizes()[0]
    for _ in range(2):
        app.key(pygame.K_F11)
        assert app.fullscreen and app.size == tuple(window.size) == tuple(screen) and tuple(window.position) == (0, 0)
        app.key(pygame.K_F11)
        assert not app.fullscreen and app.size == tuple(window.size) == (1280, 720) and tuple(window.position) == where
    assert not [w for w in recwarn if issubclass(w.category, RuntimeWarning)]  # "forcibly resized by the OS"


def test_resizing_relays_out_at_native_resolution(make_app):
    app = make_app(size=(1280, 720))
    small = app.metrics.font("body").px
    app.post(pygame.VIDEORESIZE, size=(2560, 1440), w=2560, h=1440)
    app.settle()
    assert app.size == (2560, 1440) and app.surface.get_size() == (2560, 1440)
    assert app.metrics.font("body").px == 2 * small


def test_the_loop_ends_when_the_window_closes(make_app):
    app = make_app()
    app.post(pygame.QUIT)
    assert app.run() == 0


def test_esc_opens_the_menu_in_a_game_and_the_menu_leaves_to_the_scenarios(make_app):
    app = make_app()
    app.click("play")
    app.click("play:demo-river-cleanup")
    app.click("start")
    app.key(pygame.K_ESCAPE)
    assert app.current_scene_name == "pause"
    app.key(pygame.K_3)
    assert app.current_scene_name == "people"
    app.key(pygame.K_ESCAPE)
    app.click("leave")
    assert app.current_scene_name == "library" and app.play is None


def test_every_target_on_the_title_is_at_least_64_px_high_at_1080p(make_app):
    app = make_app(size=(1920, 1080))
    app.top.refresh()
    assert all(t.rect.h >= 64 for t in app.top.view.targets)


def test_a_partial_repaint_draws_the_same_pixels_as_a_full_one(make_app):
    app = make_app(size=(1280, 720))
    app.click("play")
    app.click("play:demo-river-cleanup")
    app.click("start")
    app.key(pygame.K_ESCAPE)  # an overlay over a decision: the backdrop is reused
    for target in ("continue", "help", "people"):
        app.post(pygame.MOUSEMOTION, pos=app.target_center(target), rel=(0, 0), buttons=(0, 0, 0))
        frames = app.frames
        app.step()
        assert app.frames == frames + 1 and not app.dirty
        partial = pygame.image.tobytes(app.surface, "RGB")
        app.draw()
        assert pygame.image.tobytes(app.surface, "RGB") == partial


def test_every_partial_repaint_through_the_demo_matches_a_full_repaint(make_app):
    from game.ui.screenshots import demo_walkthrough

    app = make_app(size=(1280, 720))
    partial_draws = []
    original = app.draw_touched

    def checked() -> None:
        regions = list(app.touched)
        original()
        partial = pygame.image.tobytes(app.surface, "RGB")
        app.surface.set_clip(None)
        app._paint()
        assert pygame.image.tobytes(app.surface, "RGB") == partial, f"{app.current_scene_name}: partial repaint of {regions} differs"
        partial_draws.append(app.current_scene_name)

    app.draw_touched = checked
    demo_walkthrough(app, lambda name: None)
    # (a decision's stage at the top means some clicks scroll to their target first: a full repaint, not a partial one)
    assert len(partial_draws) > 24 and {"allocate", "negotiate", "pick", "sequence", "choice"} <= set(partial_draws)


def test_a_tap_with_its_finger_events_adds_exactly_one_point(make_app):
    app = make_app()
    app.click("play")
    app.click("play:demo-river-cleanup")
    app.click("start")
    app.click("option:write-strategy")
    app.click("confirm")
    app.click("continue")
    assert app.current_scene_name == "allocate"
    x, y = app.target_center("plus:regional-forum")
    w, h = app.size
    finger = {"touch_id": 1, "finger_id": 0, "x": x / w, "y": y / h, "dx": 0.0, "dy": 0.0}
    app.post(pygame.FINGERDOWN, pressure=1.0, **finger)
    app.post(pygame.MOUSEBUTTONDOWN, pos=(x, y), button=1, touch=True)
    app.post(pygame.FINGERUP, pressure=0.0, **finger)
    app.post(pygame.MOUSEBUTTONUP, pos=(x, y), button=1, touch=True)
    app.settle()
    assert app.top.points["regional-forum"] == 1
