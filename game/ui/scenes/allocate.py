"""Allocate scenes: spread points over options with minus and plus steppers
(or the + and - keys on the focused row), with the points left always shown."""

from __future__ import annotations

import pygame

from game.ui.i18n import _, ngettext, tr
from game.ui.input import Action
from game.ui.layout import Builder, ButtonSpec
from game.ui.scenes.base import default_focus
from game.ui.scenes.decision import DecisionScene
from game.ui.theme import L, M, S, TARGET, XS
from game.ui.view import Box

Rect = pygame.Rect


class AllocateScene(DecisionScene):
    name = "allocate"
    grid = 3  # on the projector the shares may stand side by side
    options_beside = True  # or beside the question on a wide screen

    def __init__(self, play):
        super().__init__(play)
        self.points = {share.id: 0 for share in self.scene_model.options}

    @property
    def total(self) -> int:
        return self.scene_model.points

    @property
    def left(self) -> int:
        return self.total - sum(self.points.values())

    def ready(self) -> bool:
        return self.left == 0 if self.scene_model.must_spend_all else self.left >= 0

    def footer_specs(self) -> tuple[list[ButtonSpec], str]:
        if self.left > 0:
            note = ngettext("{n} point left to spread", "{n} points left to spread", self.left).format(n=self.left)
        else:
            note = _("All points are spread. Confirm, or move some.")
        return [ButtonSpec("confirm", _("Confirm"), "primary", "check", self.ready())], note

    def body(self, b: Builder, x: int, y: int, width: int) -> int:
        if not (self.projector and self.fit.compact == 2):  # the tightest fit leaves the points left to the footer's note
            y = self._points_left(b, x, y, width)
        button = max(b.u(TARGET), b.line_height("h2") + b.u(S))
        value_w = b.text_width(str(self.total), "h2") + b.u(M)
        gap = b.u(M)
        shares = self.scene_model.options
        columns = self.body_columns(b, width, gap)
        share_w = (width - gap * (columns - 1)) // columns
        for row_start in range(0, len(shares), columns):  # on the projector the shares may stand side by side, a row sharing one height
            cards = [self._row(b, share, number, x + i * (share_w + gap), y, share_w, button, value_w)
                     for i, (number, share) in enumerate(enumerate(shares[row_start:row_start + columns], row_start + 1))]
            height = max(card.rect.h for card in cards)
            for card in cards:
                card.rect.h = height
            y += height + gap
        default_focus(b, f"plus:{self.scene_model.options[0].id}")
        return y

    def _points_left(self, b: Builder, x: int, y: int, width: int) -> int:
        """The points left as a number and a bar (on a tight projector screen, the bar beside the number); returns the y below."""
        compact = bool(self.fit.compact) and self.projector
        pad = b.u(M if compact else L)
        index = b.view.mark()
        card = Rect(x, y, width, 0)
        cy = y + pad
        label = ngettext("{left} of {total} point left", "{left} of {total} points left", self.left).format(left=self.left, total=self.total)
        fraction = self.left / self.total if self.total else 0
        label_w = b.text_width(label, "h2") + 1
        if compact and label_w < (width - 2 * pad) // 2:
            h = b.text(label, "h2", x + pad, cy, label_w, container=card)
            bar_x = x + pad + label_w + b.u(L)
            b.bar(Rect(bar_x, cy + (h - b.u(18)) // 2, x + width - pad - bar_x, b.u(18)), fraction, "accent")
            cy += h + pad
        else:
            cy += b.text(label, "h2", x + pad, cy, width - 2 * pad, container=card) + b.u(S)
            b.bar(Rect(x + pad, cy, width - 2 * pad, b.u(18)), fraction, "accent")
            cy += b.u(18) + pad
        card.h = cy - y
        b.card(card, "surface_alt", index=index)
        return card.bottom + b.u(M if compact else L)

    def _row(self, b: Builder, share, number: int, x: int, y: int, w: int, button: int, value_w: int) -> Box:
        """A share's card: its number and text, its points as a bar (under the text, or on a tight fit under the
        controls), and - value + beside the text (under it only when beside would leave the text too narrow: on the
        projector, under 16 characters a line)."""
        compact = bool(self.fit.compact) and self.projector
        pad = b.u(S if compact else L)
        gap = b.u(S)
        role = self.roles()[2]
        controls_w = button * 2 + value_w + gap * 2
        badge = b.line_height(role)
        if self.projector:
            stacked = w - 3 * pad - controls_w - badge - b.u(M) < b.text_width("x" * 16, role)
        else:
            stacked = w - 2 * pad - controls_w < w // 2
        text_w = w - 2 * pad - (0 if stacked else controls_w + pad)
        index = b.view.mark()
        card = Rect(x, y, w, 0)
        cy = y + pad
        circle = Rect(x + pad, cy, badge, badge)
        b.view.add(Box(circle, None, "primary", b.u(2), b.u(8)))
        b.text(str(number), "small_bold", circle.x, circle.y + (badge - b.line_height("small_bold")) // 2, badge, "primary", "center", container=circle)
        text_h = b.text(tr(share.text), role, x + pad + badge + b.u(M), cy, text_w - badge - b.u(M), container=card)
        value = self.points[share.id]
        fraction = value / self.total if self.total else 0
        if compact and not stacked:  # a tight fit: the points' bar under - value +, not a line of its own
            cx, cy = x + w - pad - controls_w, cy
            b.bar(Rect(cx, cy + button + b.u(XS), controls_w, b.u(12)), fraction, "primary")
            text_bottom = max(cy + max(text_h, badge), cy + button + b.u(XS) + b.u(12))
        else:
            bar_y = cy + max(text_h, badge) + b.u(S)
            b.bar(Rect(x + pad + badge + b.u(M), bar_y, text_w - badge - b.u(M), b.u(12)), fraction, "primary")
            text_bottom = bar_y + b.u(12)
            if stacked:
                cy = text_bottom + b.u(M)
                cx = x + pad
            else:
                cx = x + w - pad - controls_w
                cy = y + pad + max(0, (text_bottom - y - pad - button) // 2)
        b.button(f"minus:{share.id}", "", Rect(cx, cy, button, button), "secondary", "minus", enabled=value > 0)
        shown = str(value)
        b.text(shown, "h2", cx + button + gap, cy + (button - b.line_height("h2")) // 2, value_w, "text", "center", container=card)
        b.button(f"plus:{share.id}", "", Rect(cx + button + gap + value_w + gap, cy, button, button), "secondary", "plus", enabled=self.left > 0)
        bottom = max(text_bottom, cy + button) + pad
        card.h = bottom - y
        return b.card(card, index=index)

    # ----- actions -------------------------------------------------------------------------
    def change(self, share_id: str, delta: int) -> None:
        value = self.points[share_id] + delta
        if value < 0 or (delta > 0 and self.left <= 0):
            return
        self.points[share_id] = value
        self.invalidate()

    def focused_share(self) -> str | None:
        focused = self.focused
        if focused and ":" in focused:
            kind, share = focused.split(":", 1)
            if kind in ("plus", "minus") and share in self.points:
                return share
        return None

    def on_action(self, action: Action) -> bool:
        if action.kind in ("increase", "decrease"):
            share = self.focused_share()
            if share is not None:
                self.change(share, 1 if action.kind == "increase" else -1)
            return True
        if action.kind == "option":
            options = self.scene_model.options
            if 1 <= action.value <= len(options):
                self.focus = f"plus:{options[action.value - 1].id}"
                self.app.mapper.keyboard_used = True
                self.invalidate()
            return True
        return False

    def activate(self, target_id: str) -> None:
        kind, _sep, share = target_id.partition(":")
        if kind in ("plus", "minus") and share in self.points:
            self.change(share, 1 if kind == "plus" else -1)
        elif target_id == "confirm":
            if self.ready():
                self.commit({"allocate": {k: v for k, v in self.points.items() if v}})
        else:
            super().activate(target_id)

    def default_action(self) -> None:
        self.activate("confirm")
