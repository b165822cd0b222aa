"""Input at the edge: keys, mouse and touch become the same actions, once."""

from __future__ import annotations

import pygame

from game.ui.input import InputMapper
from game.ui.view import Target, View


class Hits:
    """A tiny screen: one button, one draggable row, a scrolling area."""

    def __init__(self):
        self.view = View((800, 600))
        self.view.scroll_rect = pygame.Rect(0, 100, 800, 400)
        self.view.content_bottom = 2000
        self.view.targets = [Target("button", pygame.Rect(10, 10, 100, 64)), Target("row", pygame.Rect(10, 200, 300, 64), draggable=True, scroll=True)]

    def hit(self, pos):
        return self.view.hit(pos, 0)

    def draggable(self, target_id):
        return self.view.find(target_id).draggable

    def in_scroll_area(self, pos):
        return self.view.in_scroll_area(pos)


def event(kind, **attributes):
    return pygame.event.Event(kind, attributes)


def convert(mapper, hits, *events):
    return [action for e in events for action in mapper.convert(e, hits)]


def test_a_click_activates_the_target_it_started_and_ended_on():
    mapper, hits = InputMapper(), Hits()
    actions = convert(mapper, hits, event(pygame.MOUSEBUTTONDOWN, pos=(20, 20), button=1), event(pygame.MOUSEBUTTONUP, pos=(25, 22), button=1))
    assert [(a.kind, a.target) for a in actions] == [("activate", "button")]


def test_a_tap_fires_once_even_with_its_finger_events():
    mapper, hits = InputMapper(), Hits()
    actions = convert(
        mapper, hits,
        event(pygame.FINGERDOWN, touch_id=1, finger_id=0, x=0.03, y=0.03, dx=0, dy=0, pressure=1.0),
        event(pygame.MOUSEBUTTONDOWN, pos=(20, 20), button=1, touch=True),
        event(pygame.FINGERUP, touch_id=1, finger_id=0, x=0.03, y=0.03, dx=0, dy=0, pressure=0.0),
        event(pygame.MOUSEBUTTONUP, pos=(20, 20), button=1, touch=True),
    )
    assert [(a.kind, a.target) for a in actions] == [("activate", "button")]
    assert mapper.hovered is None  # a finger does not hover


def test_releasing_somewhere_else_does_not_activate():
    mapper, hits = InputMapper(), Hits()
    actions = convert(mapper, hits, event(pygame.MOUSEBUTTONDOWN, pos=(20, 20), button=1), event(pygame.MOUSEBUTTONUP, pos=(700, 500), button=1))
    assert actions == []


def test_moving_a_draggable_target_past_the_threshold_drags_and_drops_it():
    mapper, hits = InputMapper(), Hits()
    actions = convert(
        mapper, hits,
        event(pygame.MOUSEBUTTONDOWN, pos=(50, 220), button=1),
        event(pygame.MOUSEMOTION, pos=(50, 224), rel=(0, 4), buttons=(1, 0, 0)),
        event(pygame.MOUSEMOTION, pos=(50, 300), rel=(0, 76), buttons=(1, 0, 0)),
        event(pygame.MOUSEBUTTONUP, pos=(50, 300), button=1),
    )
    assert [a.kind for a in actions] == ["drag_start", "drag_move", "drop"]
    assert actions[-1].target == "row" and actions[-1].pos == (50, 300)


def test_dragging_a_finger_on_the_page_scrolls_it():
    mapper, hits = InputMapper(), Hits()
    actions = convert(
        mapper, hits,
        event(pygame.MOUSEBUTTONDOWN, pos=(600, 400), button=1, touch=True),
        event(pygame.MOUSEMOTION, pos=(600, 300), rel=(0, -100), buttons=(1, 0, 0), touch=True),
        event(pygame.MOUSEBUTTONUP, pos=(600, 300), button=1, touch=True),
    )
    assert [(a.kind, a.value) for a in actions] == [("scroll", 100)]


def test_keys_become_actions():
    mapper, hits = InputMapper(), Hits()

    def key(k, mod=0):
        return [(a.kind, a.value) for a in mapper.convert(event(pygame.KEYDOWN, key=k, mod=mod), hits)]

    assert key(pygame.K_3) == [("option", 3)]
    assert key(pygame.K_KP7) == [("option", 7)]
    assert key(pygame.K_RETURN) == [("confirm", 0)]
    assert key(pygame.K_ESCAPE) == [("back", 0)]
    assert key(pygame.K_TAB, pygame.KMOD_SHIFT) == [("prev", 0)]
    assert key(pygame.K_EQUALS, pygame.KMOD_CTRL) == [("text_bigger", 0)]
    assert key(pygame.K_MINUS) == [("decrease", 0)]
    assert key(pygame.K_F11) == [("fullscreen", 0)]
    assert key(pygame.K_q, pygame.KMOD_CTRL) == [("quit", 0)]
    assert mapper.keyboard_used


def test_the_mouse_wheel_scrolls():
    mapper, hits = InputMapper(), Hits()
    assert [(a.kind, a.value > 0) for a in mapper.convert(event(pygame.MOUSEWHEEL, x=0, y=-1), hits)] == [("scroll", True)]
