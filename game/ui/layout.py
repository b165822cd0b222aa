"""Layout helpers: text blocks, cards, buttons and rows of buttons, written in
logical units and added to a :class:`~game.ui.view.View` in pixels.

Heights come from the text: a button grows to fit its wrapped label and is
never lower than :data:`~game.ui.theme.TARGET` (64 units: 64 px at 1080p).
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.ui.metrics import FontSpec, Metrics
from game.ui.text import Typesetter
from game.ui.theme import RADIUS, RADIUS_SMALL, S, TARGET, Palette
from game.ui.view import Art, Bar, Box, Icon, Label, View

Rect = pygame.Rect

BUTTON_STYLES = {
    # style: (fill, hover, pressed, border, text)
    "primary": ("primary", "primary_hover", "primary_pressed", None, "on_primary"),
    "secondary": ("surface", "hover", "pressed", "primary", "primary"),
    "quiet": ("surface_alt", "hover", "pressed", "border", "text"),
    "danger": ("surface", "bad_soft", "pressed", "bad", "bad"),
    "header": ("header", "primary_hover", "primary_pressed", "on_header_muted", "on_header"),
    "option": ("surface", "hover", "pressed", "border", "text"),
    "selected": ("primary_soft", "primary_soft", "pressed", "primary", "text"),
    "disabled": ("disabled", None, None, None, "on_disabled"),
}


@dataclass
class ButtonSpec:
    """A button to lay out in a row."""

    id: str
    label: str
    style: str = "secondary"
    icon: str | None = None
    enabled: bool = True
    hotkey: int | None = None
    tick: bool | None = None  # True or False: a tick's room kept at the right end, the tick shown when True (tabs keep their width)


class Builder:
    """Adds laid-out text, cards and buttons to a view; sizes in logical units."""

    def __init__(self, view: View, metrics: Metrics, typesetter: Typesetter, palette: Palette):
        self.view = view
        self.m = metrics
        self.ts = typesetter
        self.palette = palette
        self.u = metrics.u

    # ----- text ---------------------------------------------------------------
    def font(self, role: str) -> FontSpec:
        return self.m.font(role)

    def line_height(self, role: str) -> int:
        return self.ts.line_height(self.m.font(role))

    def lines(self, text: str, role: str, width: int) -> list[str]:
        return self.ts.wrap(text, self.m.font(role), width - self.fallback_room(text, width)) if text else []

    def fallback_room(self, text: str, width: int) -> int:
        """Width kept at the right of a scenario text shown in English for want of the player's language (``i18n.tr``): its tag goes there."""
        if not getattr(text, "fallback", None):
            return 0
        room = self.text_width(text.fallback, "small") + self.u(3 * S)
        return room if room * 8 <= width else 0  # a narrow label (a resource, a chip) stays untagged: its block is too small to mark

    def _fallback_tag(self, text: str, right: int, y: int, role: str) -> None:
        """A small outlined tag (``EN``) at the top right of the text block, level with its first line."""
        label = text.fallback  # type: ignore[attr-defined]
        h = self.line_height("small")
        w = self.text_width(label, "small") + self.u(2 * S)
        top = y + max(0, (self.line_height(role) - h) // 2)
        self.box(Rect(right - w, top, w, h), None, "muted", 1, radius=RADIUS_SMALL)
        self.text(label, "small", right - w + self.u(S), top, w, "muted")

    def text_height(self, text: str, role: str, width: int) -> int:
        return len(self.lines(text, role, width)) * self.line_height(role)

    def text_width(self, text: str, role: str) -> int:
        return self.ts.width(text, self.m.font(role))

    def text(self, text: str, role: str, x: int, y: int, width: int, color: str = "text", align: str = "left", container: Rect | None = None) -> int:
        """Wrap ``text`` into ``width`` pixels at (x, y); returns the height used.

        ``container`` is kept by reference: a card whose height is known only
        after its text can be passed first and grown afterwards.
        """
        lines = self.lines(text, role, width)
        if not lines:
            return 0
        if self.fallback_room(text, width):
            self._fallback_tag(text, x + width, y, role)
            width -= self.fallback_room(text, width)
        spec = self.m.font(role)
        height = self.ts.line_height(spec)
        used = max(self.ts.width(line, spec) for line in lines)
        if align == "center":
            left = x + (width - used) // 2
        elif align == "right":
            left = x + width - used
        else:
            left = x
        rect = Rect(left, y, used, height * len(lines))
        self.view.add(Label(rect, lines, spec, color, height, align, container))
        return rect.h

    # ----- shapes -------------------------------------------------------------
    def box(self, rect: Rect, fill: str | None = "surface", border: str | None = None, border_width: float = 0, radius: float = RADIUS, shadow: float = 0, target: str | None = None, **kw) -> Box:
        return self.view.add(Box(Rect(rect), fill, border, self.u(border_width) if border else 0, self.u(radius), self.u(shadow), target, **kw))

    def card(self, rect: Rect, fill: str = "surface", border: str = "border", target: str | None = None, shadow: float = 4, index: int | None = None) -> Box:
        """A rounded card; ``index`` inserts it under items already added (measure first, then draw behind)."""
        box = Box(Rect(rect), fill, border, self.u(self.palette.border_width), self.u(RADIUS), self.u(shadow), target)
        if index is None:
            return self.view.add(box)
        return self.view.insert(index, box)

    def icon(self, name: str, x: int, y: int, size: int, color: str = "text") -> Icon:
        return self.view.add(Icon(Rect(x, y, size, size), name, color))

    def bar(self, rect: Rect, fraction: float, fill: str = "primary", track: str = "track") -> Bar:
        return self.view.add(Bar(Rect(rect), fraction, fill, track))

    def art(self, rect: Rect, paint) -> Art:
        return self.view.add(Art(Rect(rect), paint))

    # ----- buttons ------------------------------------------------------------
    def _button_parts(self, label: str, icon: str | None, hotkey: int | None, role: str) -> tuple[int, int, int]:
        """(horizontal padding, icon size, badge size) in pixels."""
        text_px = self.m.font(role).px
        pad = self.u(22)
        icon_size = round(text_px * 1.15) if icon else 0
        badge = round(text_px * 1.35) if hotkey is not None else 0
        return pad, icon_size, badge

    def button_natural_width(self, label: str, icon: str | None = None, hotkey: int | None = None, role: str = "button", tick: bool | None = None) -> int:
        pad, icon_size, badge = self._button_parts(label, icon, hotkey, role)
        tick_size = self._button_parts(label, "check", None, role)[1] if tick is not None else 0
        gap = self.u(12)
        extra = (icon_size + gap if icon_size else 0) + (tick_size + gap if tick_size else 0) + (badge + gap if badge else 0)
        return 2 * pad + extra + (self.text_width(label, role) if label else 0)

    def button_height(self, label: str, width: int, icon: str | None = None, hotkey: int | None = None, role: str = "button", tick: bool | None = None) -> int:
        """The height a button needs; with ``tick`` (True or False) the tick's room is kept whether it shows or not."""
        pad, icon_size, badge = self._button_parts(label, icon, hotkey, role)
        tick_size = self._button_parts(label, "check", None, role)[1] if tick is not None else 0
        gap = self.u(12)
        text_w = width - 2 * pad - (icon_size + gap if icon_size else 0) - (tick_size + gap if tick_size else 0) - (badge + gap if badge else 0)
        text_h = self.text_height(label, role, max(1, text_w)) if label else 0
        return max(self.u(TARGET), text_h + 2 * self.u(12), max(icon_size, tick_size) + 2 * self.u(12), badge + 2 * self.u(12))

    def button(self, target_id: str, label: str, rect: Rect, style: str = "secondary", icon: str | None = None, enabled: bool = True, hotkey: int | None = None, role: str = "button", align: str = "center", tick: bool | None = None) -> Rect:
        """A pressable button filling ``rect`` (its height should come from :meth:`button_height`).

        ``tick`` (True or False, instead of an icon) keeps a tick's room at the right end and shows the tick when True,
        so choosing an option never rewraps its text."""
        rect = Rect(rect)
        if not enabled:
            style = "disabled"
        fill, hover, pressed, border, color = BUTTON_STYLES[style]
        border_width = 4 if style == "selected" else (2 if border else 0)
        self.view.add(Box(rect, fill, border, self.u(border_width) if border else 0, self.u(RADIUS_SMALL), 0, target_id if enabled else None, hover, pressed))
        pad, icon_size, badge = self._button_parts(label, icon, hotkey, role)
        gap = self.u(12)
        x = rect.x + pad
        inner_right = rect.right - pad
        if tick is not None:
            tick_size = self._button_parts(label, "check", None, role)[1]
            if tick:
                self.view.add(Icon(Rect(inner_right - tick_size, rect.centery - tick_size // 2, tick_size, tick_size), "check", color))
            inner_right -= tick_size + gap
        if badge:
            badge_rect = Rect(x, rect.centery - badge // 2, badge, badge)
            self.view.add(Box(badge_rect, None, color, self.u(2), self.u(8)))
            self.text(str(hotkey), "small_bold", badge_rect.x, badge_rect.y + (badge - self.line_height("small_bold")) // 2, badge, color, "center", container=badge_rect)
            x += badge + gap
        text_w = max(1, inner_right - x - (icon_size + gap if icon_size else 0))
        lines = self.lines(label, role, text_w)
        spec = self.m.font(role)
        line_h = self.ts.line_height(spec)
        used = max((self.ts.width(line, spec) for line in lines), default=0)
        block_w = used + (icon_size + gap if icon_size else 0)
        if align == "center" and not badge:
            x = rect.x + (inner_right + pad - rect.x - block_w) // 2  # centred in what the tick's room leaves
        if icon_size:
            self.view.add(Icon(Rect(x, rect.centery - icon_size // 2, icon_size, icon_size), icon, color))
            x += icon_size + gap
        if lines:
            text_h = line_h * len(lines)
            self.view.add(Label(Rect(x, rect.centery - text_h // 2, used, text_h), lines, spec, color, line_h, "left", rect))
        self.view.target(target_id, rect, enabled=enabled, hotkey=hotkey, label=label)
        return rect

    def button_row(self, specs: list[ButtonSpec], x: int, y: int, width: int, align: str = "right", gap: float = 16, role: str = "button") -> int:
        """Lay buttons out left to right, wrapping to new rows when they do not fit; returns the height."""
        gap_px = self.u(gap)
        rows: list[list[tuple[ButtonSpec, int]]] = [[]]
        used = 0
        for spec in specs:
            natural = min(width, self.button_natural_width(spec.label, spec.icon, spec.hotkey, role, spec.tick))
            if rows[-1] and used + gap_px + natural > width:
                rows.append([])
                used = 0
            used += (gap_px if rows[-1] else 0) + natural
            rows[-1].append((spec, natural))
        top = y
        for row in rows:
            if not row:
                continue
            height = max(self.button_height(s.label, w, s.icon, s.hotkey, role, s.tick) for s, w in row)
            total = sum(w for _, w in row) + gap_px * (len(row) - 1)
            if align == "stretch":
                extra = (width - total) // len(row)
                row = [(s, w + extra) for s, w in row]
                total = width
            left = x + (width - total if align == "right" else (width - total) // 2 if align == "center" else 0)
            for spec, w in row:
                self.button(spec.id, spec.label, Rect(left, y, w, height), spec.style, spec.icon, spec.enabled, spec.hotkey, role, tick=spec.tick)
                left += w + gap_px
            y += height + gap_px
        return y - top - gap_px if y > top else 0
