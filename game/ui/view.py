"""What a screen shows: a flat list of drawables and pressable targets, in pixels.

A scene builds a :class:`View` from its state (see ``Scene.build``); the
:class:`Painter` paints it. Building is pure (it reads state, never changes
it) and happens only when something changed; painting only blits cached text
and draws shapes. Items marked ``scroll`` live in the view's scrolling area:
they are offset by the scene's scroll position and clipped to that area.

Every :class:`Label` records the rectangle its text occupies and the
``container`` it must stay inside, so layout tests can measure overflow.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Callable, Iterator

import pygame

from game.ui import icons
from game.ui.metrics import FontSpec
from game.ui.text import Typesetter
from game.ui.theme import Palette

Rect = pygame.Rect


@dataclass
class Box:
    """A rounded rectangle; with ``target`` it reacts to hover and press."""

    rect: Rect
    fill: str | None = "surface"
    border: str | None = None
    border_width: int = 0
    radius: int = 0
    shadow: int = 0
    target: str | None = None
    hover_fill: str | None = "hover"
    press_fill: str | None = "pressed"
    scroll: bool = False


@dataclass
class Label:
    """Lines of wrapped text; ``rect`` is exactly the block they occupy."""

    rect: Rect
    lines: list[str]
    font: FontSpec
    color: str
    line_height: int
    align: str = "left"
    container: Rect | None = None
    scroll: bool = False


@dataclass
class Icon:
    rect: Rect
    name: str
    color: str
    scroll: bool = False


@dataclass
class Bar:
    """A horizontal gauge: a track and a filled part."""

    rect: Rect
    fraction: float
    fill: str = "primary"
    track: str = "track"
    scroll: bool = False


@dataclass
class Art:
    """Custom drawing: ``paint(surface, rect, palette)`` (decoration only)."""

    rect: Rect
    paint: Callable[[pygame.Surface, Rect, Palette], None]
    scroll: bool = False


@dataclass
class Target:
    """Something the player can press (click, tap, or Enter when focused)."""

    id: str
    rect: Rect
    enabled: bool = True
    draggable: bool = False
    hotkey: int | None = None
    label: str = ""
    scroll: bool = False
    floating: bool = False  # over the page (a notice): hit before what it covers, and next after the top bar for the keyboard


Item = Box | Label | Icon | Bar | Art


@dataclass
class View:
    """A built screen: drawables in paint order, targets in focus order, a scrolling area."""

    size: tuple[int, int]
    items: list[Item] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    scroll_rect: Rect | None = None
    content_bottom: int = 0
    meta: dict = field(default_factory=dict)  # facts a scene computed while laying out (read by its handlers)
    floats: list[Item] = field(default_factory=list)  # painted over everything else, never scrolled (notices)
    added_bottom: int = 0  # the lowest bottom of the items added (not inserted), scrolling or not: what adopt counts
    _scrolling: bool = False
    _floating: bool = False

    def add(self, item: Item) -> Item:
        if self._floating:
            item.scroll = False
            self.floats.append(item)
            return item
        item.scroll = self._scrolling
        self.items.append(item)
        self.added_bottom = max(self.added_bottom, item.rect.bottom)
        if self._scrolling:
            self.content_bottom = max(self.content_bottom, item.rect.bottom)
        return item

    def mark(self) -> int:
        return len(self.items)

    def insert(self, index: int, item: Item) -> Item:
        item.scroll = self._scrolling
        self.items.insert(index, item)
        return item

    def target(self, target_id: str, rect: Rect, **options) -> Target:
        target = Target(target_id, Rect(rect), scroll=self._scrolling and not self._floating, floating=self._floating, **options)
        self.targets.append(target)
        return target

    @contextmanager
    def scrolling(self, area: Rect) -> Iterator[None]:
        """Items and targets added inside scroll within ``area``."""
        self.scroll_rect = Rect(area)
        self.content_bottom = area.top
        self._scrolling = True
        try:
            yield
        finally:
            self._scrolling = False

    @contextmanager
    def floating(self) -> Iterator[None]:
        """Items and targets added inside float over the page, painted last and pressed first (they push nothing)."""
        self._floating = True
        try:
            yield
        finally:
            self._floating = False

    def adopt(self, other: "View", dy: int = 0) -> None:
        """Copies of the items and targets laid out in ``other`` (a scratch view), moved down by ``dy``, added as if
        laid out here now (scrolling or not): a part laid out once, to measure it or because it has not changed
        since the last frame, need not be laid out again. ``other`` is left as it was, so it can be adopted again."""
        scroll = self._scrolling
        for item in other.items:
            moved = object.__new__(type(item))  # a shallow copy (dataclasses.replace would check every field: too slow per frame)
            moved.__dict__.update(item.__dict__)
            moved.rect, moved.scroll = item.rect.move(0, dy), scroll
            if type(moved) is Label and moved.container is not None:
                moved.container = moved.container.move(0, dy)
            self.items.append(moved)
        if other.items:  # the page's length counts what ``other`` added, not what it inserted behind (as add does)
            self.added_bottom = max(self.added_bottom, other.added_bottom + dy)
            if self._scrolling:
                self.content_bottom = max(self.content_bottom, other.added_bottom + dy)
        for target in other.targets:
            self.target(target.id, target.rect.move(0, dy), enabled=target.enabled, draggable=target.draggable,
                        hotkey=target.hotkey, label=target.label)

    def painted(self) -> list[Item]:
        """Every item in paint order: the page, then what floats over it."""
        return self.items + self.floats if self.floats else self.items

    @property
    def max_scroll(self) -> int:
        if self.scroll_rect is None:
            return 0
        return max(0, self.content_bottom - self.scroll_rect.bottom)

    def find(self, target_id: str) -> Target | None:
        return next((t for t in self.targets if t.id == target_id), None)

    def on_screen(self, target: Target, scroll_y: int) -> Rect:
        """A target's rectangle on screen (scrolled), clipped to what is visible."""
        if not target.scroll or self.scroll_rect is None:
            return Rect(target.rect)
        return target.rect.move(0, -scroll_y).clip(self.scroll_rect)

    def hit(self, pos: tuple[int, int], scroll_y: int) -> Target | None:
        """The topmost enabled target under a point (a floating one first: it covers the page)."""
        for target in sorted(reversed(self.targets), key=lambda t: not t.floating):
            if target.enabled and self.on_screen(target, scroll_y).collidepoint(pos):
                return target
        return None

    def in_scroll_area(self, pos: tuple[int, int]) -> bool:
        return self.scroll_rect is not None and self.max_scroll > 0 and self.scroll_rect.collidepoint(pos)

    def order_targets(self) -> None:
        """Keyboard order: the top bar, then the page, then the bottom bar (whatever order they were built in)."""
        area = self.scroll_rect
        if area is None:
            return

        def group(target: Target) -> int:
            if target.floating:
                return 1
            if target.scroll:
                return 2
            return 3 if target.rect.top >= area.bottom else 0

        self.targets.sort(key=group)

    def labels(self) -> list[Label]:
        return [i for i in self.painted() if isinstance(i, Label)]


@dataclass
class Interaction:
    """Pointer and keyboard state the painter shows (not game state)."""

    hovered: str | None = None
    pressed: str | None = None
    focused: str | None = None
    focus_visible: bool = False


class Painter:
    """Paints views with a palette, cached text and cached icons."""

    def __init__(self, typesetter: Typesetter, palette: Palette, unit: Callable[[float], int]):
        self.text = typesetter
        self.palette = palette
        self.u = unit

    def color(self, name: str | None) -> tuple[int, int, int]:
        return getattr(self.palette, name)

    def paint(self, surface: pygame.Surface, view: View, scroll_y: int, state: Interaction) -> None:
        """Paint a view; honours a clip already set on the surface (a partial repaint)."""
        outer = surface.get_clip()
        clip = view.scroll_rect.clip(outer) if view.scroll_rect is not None else None
        for item in view.painted():
            offset = 0
            if item.scroll and clip is not None:
                offset = -scroll_y
                if not item.rect.move(0, offset).colliderect(clip):
                    continue
                surface.set_clip(clip)
            elif not item.rect.colliderect(outer):
                continue
            self._draw(surface, item, offset, state)
            if item.scroll:
                surface.set_clip(outer)
        if view.max_scroll > 0:
            self._scrollbar(surface, view, scroll_y)
        if state.focus_visible and state.focused:
            target = view.find(state.focused)
            if target is not None:
                self._focus_ring(surface, view, target, scroll_y)
        surface.set_clip(outer)

    def _scrollbar(self, surface: pygame.Surface, view: View, scroll_y: int) -> None:
        """Shows that the page goes on, and where you are in it (not a control: drag the page itself)."""
        area = view.scroll_rect
        width, gap = self.u(8), self.u(6)
        track = pygame.Rect(area.right - width - gap, area.y + gap, width, area.h - 2 * gap)
        content = max(1, view.content_bottom - area.top)
        thumb_h = max(self.u(40), track.h * area.h // (content + area.h // 10))
        thumb_y = track.y + (track.h - thumb_h) * scroll_y // max(1, view.max_scroll)
        pygame.draw.rect(surface, self.palette.track, track, 0, width // 2)
        pygame.draw.rect(surface, self.palette.muted, pygame.Rect(track.x, thumb_y, width, thumb_h), 0, width // 2)

    def _draw(self, surface: pygame.Surface, item: Item, dy: int, state: Interaction) -> None:
        rect = item.rect.move(0, dy) if dy else item.rect
        if isinstance(item, Label):
            self._label(surface, item, rect)
        elif isinstance(item, Box):
            self._box(surface, item, rect, state)
        elif isinstance(item, Icon):
            surface.blit(icons.icon(item.name, min(rect.w, rect.h), self.color(item.color)), rect.topleft)
        elif isinstance(item, Bar):
            radius = rect.h // 2
            pygame.draw.rect(surface, self.color(item.track), rect, 0, radius)
            filled = round(rect.w * max(0.0, min(1.0, item.fraction)))
            if filled:
                pygame.draw.rect(surface, self.color(item.fill), Rect(rect.x, rect.y, max(filled, rect.h), rect.h), 0, radius)
        elif isinstance(item, Art):
            item.paint(surface, rect, self.palette)

    def _box(self, surface: pygame.Surface, box: Box, rect: Rect, state: Interaction) -> None:
        fill = box.fill
        if box.target is not None:
            if state.pressed == box.target and box.press_fill:
                fill = box.press_fill
            elif state.hovered == box.target and box.hover_fill:
                fill = box.hover_fill
        if box.shadow and self.palette.shadows:  # only the strip that shows below the box: less to fill
            strip = max(box.radius * 2, box.shadow * 2)
            pygame.draw.rect(surface, self.palette.shadow, pygame.Rect(rect.x, rect.bottom + box.shadow - strip, rect.w, strip), 0, box.radius)
        if fill:
            pygame.draw.rect(surface, self.color(fill), rect, 0, box.radius)
        if box.border and box.border_width:
            pygame.draw.rect(surface, self.color(box.border), rect, box.border_width, box.radius)

    def _label(self, surface: pygame.Surface, label: Label, rect: Rect) -> None:
        color = self.color(label.color)
        render, align, y, jobs = self.text.render, label.align, rect.y, []
        for line in label.lines:
            if line:
                rendered = render(line, label.font, color)
                if align == "left":
                    x = rect.x
                elif align == "center":
                    x = rect.x + (rect.w - rendered.get_width()) // 2
                else:
                    x = rect.right - rendered.get_width()
                jobs.append((rendered, (x, y)))
            y += label.line_height
        surface.blits(jobs, doreturn=False)

    def _focus_ring(self, surface: pygame.Surface, view: View, target: Target, scroll_y: int) -> None:
        width = self.u(self.palette.focus_width)
        rect = target.rect.move(0, -scroll_y) if target.scroll else Rect(target.rect)
        ring = rect.inflate(width * 2 + self.u(4), width * 2 + self.u(4))
        outer = surface.get_clip()
        if target.scroll and view.scroll_rect is not None:
            surface.set_clip(view.scroll_rect.clip(outer))
        pygame.draw.rect(surface, self.palette.focus, ring, width, self.u(14))
        surface.set_clip(outer)
