"""Motion that helps, headless: the change of screen, a pick card's turn, the negotiation's trust gauge and the
debrief's counting score. With motion on a frame in the middle differs from the final one and the final one
comes after the duration; a key or a click in the middle ends it and acts; with motion off the first frame is
already the final one. And the negotiation's number keys choose terms, in solo play and in a workshop."""

from __future__ import annotations

import pygame

from game.ui.frames import FADE_MS
from game.ui.motion import Timeline, ease_out
from game.ui.scenes.debrief import COUNT_MS, DebriefScene
from game.ui.scenes.negotiate import TRUST_MS
from game.ui.scenes.pick import REVEAL_MS
from game.ui.view import Bar, Label
from game.ui.workshop.shots import GOOD, answer, play_to_comparison
from tests.ui.helpers import DEMO
from tests.ui.test_pick import to_pick_scene
from tests.ui.test_workshop_ui import set_up


def press(app, target_id: str) -> None:
    """A click on a target, handled in one frame (no settling: the animation it starts is left running)."""
    pos = app.target_center(target_id)
    app.post(pygame.MOUSEBUTTONDOWN, pos=pos, button=1)
    app.post(pygame.MOUSEBUTTONUP, pos=pos, button=1)
    app.step(0)


def tap(app, key: int) -> None:
    """A key, handled in one frame."""
    app.post(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0)
    app.post(pygame.KEYUP, key=key, mod=0, unicode="", scancode=0)
    app.step(0)


def run_for(app, ms: float) -> None:
    for _ in range(int(ms // 16) + 1):
        app.step(16)


def picture(app) -> bytes:
    return pygame.image.tobytes(app.surface, "RGB")


def at_negotiation(app) -> None:
    entry = next(e for e in app.library() if e.id == DEMO)
    assert app.play_from_scene(entry, "negotiate-agreement")
    app.settle()
    assert app.current_scene_name == "negotiate"


def test_a_timeline_eases_to_its_end_and_finishes_at_once():
    timeline = Timeline()
    timeline.start("a", 100)
    assert timeline.progress("a") == 0.0 and timeline.running("a")
    assert timeline.step(50) and 0 < timeline.progress("a") == ease_out(0.5) < 1
    assert not timeline.step(50) and timeline.progress("a") == 1.0 and not timeline
    timeline.start("b", 100, on=False)  # motion off: over before it starts
    assert timeline.progress("b") == 1.0 and not timeline
    timeline.start("c", 100)
    assert timeline.finish() and timeline.progress("c") == 1.0
    moved = []
    timeline.start("held", 100, held=True)  # shows the same all along: only its end asks for a rebuild
    assert timeline.step(50, lambda: moved.append(1)) and not moved
    assert not timeline.step(50, lambda: moved.append(1)) and moved == [1]


def test_a_change_of_screen_fades_and_a_key_during_it_ends_it_and_acts(make_app):
    app = make_app(motion=True)
    press(app, "play")
    assert app.current_scene_name == "library" and app.animating
    run_for(app, FADE_MS / 2)
    middle = picture(app)
    run_for(app, FADE_MS)
    assert not app.animating and picture(app) != middle
    final = picture(app)
    app.step(16)
    assert picture(app) == final  # nothing moves any more

    tap(app, pygame.K_ESCAPE)  # back to the title: a fade going the other way
    assert app.current_scene_name == "title" and app._fade is not None and app._fade_way == -1
    tap(app, pygame.K_F1)  # mid-fade: the fade ends at once and the key acts
    assert app._fade is None or app._fade_ms == 0.0
    assert app.current_scene_name == "help"


def test_with_motion_off_a_new_screen_is_final_at_once(make_app):
    app = make_app(motion=False)
    press(app, "play")
    assert app.current_scene_name == "library" and not app.animating
    first = picture(app)
    run_for(app, FADE_MS)
    assert picture(app) == first


def test_research_turns_the_card_and_a_key_during_the_turn_ends_it_and_picks(make_app):
    app = make_app(motion=True)
    to_pick_scene(app, DEMO)
    scene = app.top
    research = next(t.id for t in scene.view.targets if t.id.startswith("research:"))
    cast = research.split(":")[1]
    press(app, research)
    assert scene.motion.running(("turn", cast)) and app.animating
    run_for(app, REVEAL_MS / 4)
    first_half = picture(app)
    run_for(app, REVEAL_MS / 2)
    second_half = picture(app)
    run_for(app, REVEAL_MS)
    assert not app.animating
    final = picture(app)
    assert len({first_half, second_half, final}) == 3

    other = next(t.id for t in scene.view.targets if t.id.startswith("research:") and t.enabled and t.id != research)
    press(app, other)
    run_for(app, REVEAL_MS / 3)
    assert scene.motion
    tap(app, pygame.K_1)  # the first card's number key, mid-turn
    assert not scene.motion and not app.animating
    assert scene.picked == [scene.scene_model.pool[0].cast]


def test_with_motion_off_research_shows_the_turned_card_at_once(make_app):
    app = make_app(motion=False)
    to_pick_scene(app, DEMO)
    research = next(t.id for t in app.top.view.targets if t.id.startswith("research:"))
    press(app, research)
    assert not app.top.motion and not app.animating
    first = picture(app)
    run_for(app, REVEAL_MS)
    assert picture(app) == first


def trust_bar(scene) -> Bar:
    """The gauge left of the lead counterpart's "Trust N of 100"."""
    scene.refresh()
    number = next(label for label in scene.view.labels() if label.lines and label.lines[0].startswith("Trust "))
    return next(item for item in scene.view.items if isinstance(item, Bar)
                and item.rect.right <= number.rect.x and abs(item.rect.centery - number.rect.centery) < number.rect.h)


def propose_all(app, keys) -> None:
    for key in keys:
        tap(app, key)
    assert app.top.focused == "propose"
    tap(app, pygame.K_RETURN)


def test_the_trust_gauge_eases_to_its_new_value_and_shows_the_change(make_app):
    app = make_app(motion=True)
    at_negotiation(app)
    scene = app.top
    lead = scene.scene_model.counterpart
    before = app.play.session.trust(lead)
    propose_all(app, [pygame.K_2, pygame.K_1, pygame.K_3, pygame.K_1, pygame.K_2, pygame.K_1])
    after = app.play.session.trust(lead)
    assert after != before and scene.motion.running(("trust", lead))
    change = f"+{after - before}" if after > before else f"\u2212{before - after}"
    run_for(app, TRUST_MS / 3)
    middle = trust_bar(scene).fraction
    assert min(before, after) / 100 < middle < max(before, after) / 100
    assert any(change in label.lines for label in scene.view.labels())
    run_for(app, TRUST_MS)
    assert trust_bar(scene).fraction == after / 100
    tap(app, pygame.K_2)  # while the change still shows: it goes, and the key chooses a term
    assert not scene.motion and not app.animating
    assert not any(change in label.lines for label in scene.view.labels())
    assert scene.drafts


def test_with_motion_off_the_trust_gauge_is_final_at_once(make_app):
    app = make_app(motion=False)
    at_negotiation(app)
    scene = app.top
    propose_all(app, [pygame.K_2, pygame.K_1, pygame.K_3, pygame.K_1, pygame.K_2, pygame.K_1])
    assert not scene.motion and not app.animating
    assert trust_bar(scene).fraction == app.play.session.trust(scene.scene_model.counterpart) / 100


def test_number_keys_choose_a_term_for_each_clause_in_turn_then_enter_proposes(make_app):
    app = make_app(motion=False)
    at_negotiation(app)
    scene = app.top
    clauses = scene.scene_model.clauses
    assert "then Propose (Enter)" in " ".join(line for label in scene.view.labels() for line in label.lines)
    keys = [pygame.K_2, pygame.K_1, pygame.K_3, pygame.K_1, pygame.K_2, pygame.K_1]
    for done, key in enumerate(keys[:2], 1):
        tap(app, key)
        assert len(scene.drafts) == done
    assert scene.drafts == {clauses[0].element: clauses[0].terms[1].id, clauses[1].element: clauses[1].terms[0].id}
    assert scene.focused == f"term:{clauses[2].element}:{clauses[2].terms[0].id}"  # on to the next clause
    tap(app, pygame.K_9)  # no ninth term: nothing happens
    assert len(scene.drafts) == 2
    app.click(f"term:{clauses[0].element}:{clauses[0].terms[2].id}")  # the mouse chooses too: on to the third clause
    assert scene.drafts[clauses[0].element] == clauses[0].terms[2].id
    assert scene.focused == f"term:{clauses[2].element}:{clauses[2].terms[0].id}"
    for _ in range(12):  # back to the first clause with Shift+Tab: the keys act on the clause with the focus
        if scene.focused.startswith(f"term:{clauses[0].element}:"):
            break
        app.key(pygame.K_TAB, pygame.KMOD_SHIFT)
    tap(app, pygame.K_1)
    assert scene.drafts[clauses[0].element] == clauses[0].terms[0].id
    for key in keys[2:]:
        tap(app, key)
    assert scene.focused == "propose"
    rounds = scene.record.rounds
    tap(app, pygame.K_RETURN)
    assert scene.record.rounds == rounds + 1
    open_clause = scene.clause(scene.open_elements()[0])
    app.click(f"term:{open_clause.element}:{open_clause.terms[0].id}")  # every open clause has a term: on to Propose
    assert scene.focused == "propose"
    tap(app, pygame.K_RETURN)
    assert scene.record.rounds == rounds + 2


def test_the_debrief_counts_the_score_up_and_a_click_shows_it(make_app):
    app = make_app(motion=True)
    at_negotiation(app)
    app.reset(DebriefScene(app.play))
    scene = app.top
    overall = round(scene.card["overall"])
    assert overall > 0 and scene.motion.running("count")

    def shown() -> str:
        scene.refresh()
        return next(line for label in scene.view.labels() for line in label.lines if line.endswith("of 100"))

    run_for(app, COUNT_MS / 4)
    assert shown() != f"{overall} of 100"
    middle = picture(app)
    run_for(app, COUNT_MS)
    assert not app.animating and shown() == f"{overall} of 100" and picture(app) != middle

    app.reset(DebriefScene(app.play), fade=False)
    scene = app.top
    run_for(app, COUNT_MS / 4)
    assert scene.motion
    press(app, "tab:summary")
    assert not scene.motion and shown() == f"{overall} of 100"


def test_with_motion_off_the_debrief_shows_its_score_at_once(make_app):
    app = make_app(motion=False)
    at_negotiation(app)
    app.reset(DebriefScene(app.play))
    app.step(0)
    assert not app.animating
    scene = app.top
    labels = [line for label in scene.view.labels() for line in label.lines]
    assert f"{round(scene.card['overall'])} of 100" in labels


def test_number_keys_choose_terms_in_a_workshop_negotiation(make_app):
    app = make_app(size=(1280, 720))
    set_up(app, "vote")
    seen = []

    def decide(scene):
        if scene.name == "negotiate" and not seen:
            seen.append(scene)
            first = scene.scene_model.clauses[0]
            tap(app, pygame.K_2)
            assert scene.drafts == {first.element: first.terms[1].id}
            assert scene.focused.startswith(f"term:{scene.scene_model.clauses[1].element}:")
        if scene.name == "vote":
            app.click(f"more:{scene.options()[0].id}")
            app.click("confirm")
        else:
            answer(app, GOOD)

    play_to_comparison(app, decide)
    assert seen
