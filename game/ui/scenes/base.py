"""The scene base class and its lifecycle.

The app keeps a stack of scenes; overlays (pause, help, confirm) are pushed
on top and let the scenes below show through (``opaque = False``).

Lifecycle, all called by the app:

``enter(app)``
    once, when the scene is put on the stack.
``exit()``
    once, when it leaves the stack.
``handle(action)``
    an :class:`~game.ui.input.Action` from the player (only the top scene
    gets them). This is where state changes; call :meth:`invalidate` after.
``update(dt)``
    every frame while something animates; ``dt`` in milliseconds; return
    True while the scene still animates (the app then keeps ticking).
``build(builder)``
    lay the screen out from the state (pure: it must not change state). The
    app calls it only after :meth:`invalidate`, a resize, or a change of
    language, text size or theme.
``draw(surface)``
    paint the last built view. Drawing never changes state.

Keyboard focus, scrolling, number keys and Enter are handled here once for
every scene; scenes react to ``activate`` of their targets in :meth:`activate`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui.input import Action
from game.ui.layout import Builder
from game.ui.view import Interaction, Target, View

if TYPE_CHECKING:
    from game.ui.app import App


def default_focus(b: Builder, target_id: str | None) -> None:
    """Where keyboard focus starts on this screen (until the player moves it)."""
    if target_id is not None:
        b.view.meta.setdefault("focus", target_id)


class Scene:
    """A screen. Subclasses set ``name`` and implement :meth:`build` and :meth:`activate`."""

    name = "scene"
    opaque = True
    help_topic = "general"
    quiet_default_focus = False  # True: no focus ring until the player moves the focus (a ring on a decision's first option reads as chosen)

    def __init__(self) -> None:
        self.app: "App | None" = None
        self.view: View | None = None
        self.previous_view: View | None = None  # the build before, to see what changed
        self.scroll = 0
        self.focus: str | None = None
        self.focus_moved = False  # the player has moved the focus or pressed something on this screen
        self.notices_seen: set[str] = set()  # notices put away on this screen (chrome.notice_strip floats the others)
        self._stale = True

    # ----- lifecycle --------------------------------------------------------------
    def enter(self, app: "App") -> None:
        self.app = app
        self.invalidate()

    def exit(self) -> None:
        pass

    def update(self, dt: float) -> bool:
        return False

    def build(self, b: Builder) -> None:
        raise NotImplementedError

    def draw(self, surface: pygame.Surface) -> None:
        if self.view is None:
            return
        mapper = self.app.mapper
        top = self.app.top is self
        state = Interaction(
            hovered=mapper.hovered if top else None,
            pressed=mapper.pressed if top else None,
            focused=self.focused if top else None,
            focus_visible=top and mapper.keyboard_used and self.ring_shown,
        )
        self.app.painter.paint(surface, self.view, self.scroll, state)

    @property
    def ring_shown(self) -> bool:
        """Whether the focus may be shown (and used by Enter): the player moved it, or the screen shows its default focus."""
        return self.focus_moved or self.focus is not None or not self.quiet_default_focus

    @property
    def focused(self) -> str | None:
        """The focused target: the one the player moved to, else the screen's default."""
        if self.view is None:
            return self.focus
        if self.focus is not None and self.view.find(self.focus) is not None:
            return self.focus
        return self.view.meta.get("focus")

    # ----- view upkeep ------------------------------------------------------------
    def invalidate(self) -> None:
        """The state changed: rebuild the view before the next paint (the app repaints what differs)."""
        self._stale = True

    @property
    def stale(self) -> bool:
        return self._stale

    def refresh(self) -> None:
        """Rebuild the view if it is stale (called by the app before painting)."""
        if not self._stale:
            return
        app = self.app
        view = View(app.size)
        view.meta["dismissed"] = getattr(self, "notices_seen", set())
        self.build(Builder(view, app.metrics, app.typesetter, app.palette))
        view.order_targets()
        self.previous_view, self.view = self.view, view
        self._stale = False
        self.scroll = max(0, min(self.scroll, view.max_scroll))
        if self.focus is not None and view.find(self.focus) is None:
            self.focus = None

    # ----- hit testing (for the input mapper) ------------------------------------
    def hit(self, pos: tuple[int, int]) -> Target | None:
        return self.view.hit(pos, self.scroll) if self.view else None

    def draggable(self, target_id: str) -> bool:
        target = self.view.find(target_id) if self.view else None
        return bool(target and target.draggable)

    def in_scroll_area(self, pos: tuple[int, int]) -> bool:
        return bool(self.view and self.view.in_scroll_area(pos))

    # ----- actions ----------------------------------------------------------------
    def handle(self, action: Action) -> None:
        if self.put_notices_away(action):
            return
        if self.on_action(action):
            return
        kind = action.kind
        if kind == "activate" and action.target:
            self.focus = action.target
            self.activate(action.target)
        elif kind in ("next", "down", "right"):
            self.move_focus(1)
        elif kind in ("prev", "up", "left"):
            self.move_focus(-1)
        elif kind in ("confirm", "select"):
            focused = self._enabled(self.focused)
            if focused is not None and self.app.mapper.keyboard_used:
                self.activate(focused.id)
            elif kind == "confirm":
                self.default_action()
        elif kind == "option":
            target = next((t for t in self.targets() if t.hotkey == action.value and t.enabled), None)
            if target is not None:
                self.focus = target.id
                self.activate(target.id)
        elif kind == "scroll":
            self.scroll_by(action.value)
        elif kind == "page" and self.view and self.view.scroll_rect:
            self.scroll_by(action.value * int(self.view.scroll_rect.h * 0.85))
        elif kind in ("home", "end"):
            self.scroll_by(-10**7 if kind == "home" else 10**7)
        elif kind == "back":
            self.back()
        elif kind == "help":
            self.app.open_help(self.help_topic)
        elif kind == "people":
            self.app.open_people()
        elif kind == "menu":
            self.app.open_menu()

    def put_notices_away(self, action: Action) -> bool:
        """A press puts away the notices floating over the page (they cover its top); True if it pressed a notice itself."""
        shown = self.view.meta.get("notices") if self.view is not None else None
        if not shown or action.kind not in ("activate", "option", "confirm", "select"):
            return False
        self.notices_seen.update(shown)
        self.invalidate()
        pressed = action.target if action.kind == "activate" else self.focused if action.kind in ("confirm", "select") else None
        if (pressed or "").startswith("notice:"):
            self.focus = None
            return True
        return False

    def on_action(self, action: Action) -> bool:
        """Scene-specific handling before the defaults; return True if consumed."""
        return False

    def activate(self, target_id: str) -> None:
        """A target was pressed (click, tap, Enter on focus, or its number key)."""
        self.app.activate_common(target_id)

    def default_action(self) -> None:
        """Enter with nothing focused."""

    def back(self) -> None:
        """Esc."""

    # ----- focus and scroll -------------------------------------------------------
    def targets(self) -> list[Target]:
        return self.view.targets if self.view else []

    def _enabled(self, target_id: str | None) -> Target | None:
        if target_id is None or self.view is None:
            return None
        target = self.view.find(target_id)
        return target if target is not None and target.enabled else None

    def move_focus(self, step: int) -> None:
        enabled = [t for t in self.targets() if t.enabled]
        if not enabled:
            return
        ids = [t.id for t in enabled]
        current = self.focused
        if current in ids and self.app.mapper.keyboard_used and self.ring_shown:
            index = (ids.index(current) + step) % len(ids)
        elif current in ids:
            index = ids.index(current)
        else:
            index = 0 if step > 0 else len(ids) - 1
        self.focus = ids[index]
        self.focus_moved = True
        self.reveal(enabled[index])
        self.app.dirty = True

    def reveal(self, target: Target) -> None:
        """Scroll so a focused target is visible."""
        view = self.view
        if not target.scroll or view is None or view.scroll_rect is None:
            return
        area, margin = view.scroll_rect, self.app.metrics.u(16)
        top, bottom = target.rect.top - self.scroll, target.rect.bottom - self.scroll
        if top < area.top:
            self.scroll_by(top - area.top - margin)
        elif bottom > area.bottom:
            self.scroll_by(min(bottom - area.bottom + margin, top - area.top - margin))

    def scroll_by(self, pixels: int) -> None:
        limit = self.view.max_scroll if self.view else 0
        value = max(0, min(limit, self.scroll + int(pixels)))
        if value != self.scroll:
            self.scroll = value
            self.app.dirty = True

