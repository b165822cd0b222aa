"""The end of the story: how it turned out, then on to the debrief."""

from __future__ import annotations

import pygame

from game.ui import images
from game.ui.art import stage
from game.ui.i18n import _, tr
from game.ui.layout import Builder, ButtonSpec
from game.ui.scenes.base import default_focus
from game.ui.scenes.cards import IMAGE_H, OUTCOMES
from game.ui.scenes.decision import DecisionScene
from game.ui.theme import L, M, XL

Rect = pygame.Rect


class EndingScene(DecisionScene):
    name = "ending"
    help_topic = "debrief"

    def footer_specs(self) -> tuple[list[ButtonSpec], str]:
        return [ButtonSpec("debrief", _("See your debrief"), "primary", "right", hotkey=1)], ""

    def intro(self, b: Builder, x: int, y: int, width: int) -> int:
        """The outcome card, centred on the ending's backdrop."""
        default_focus(b, "debrief")
        return stage.stage(b, self.play, self.scene_model, x, y - b.u(L), width, lambda b, _x, top, _w, _box: self.outcome_card(b, top, width), panel=False)

    def outcome_card(self, b: Builder, y: int, width: int) -> int:
        scene = self.scene_model
        icon, word, color = OUTCOMES.get(scene.outcome, OUTCOMES["mixed"])
        width = min(width, b.u(1300) + int(b.u(300) * (b.m.text_scale - 1)))
        x = (b.m.width - width) // 2
        pad = b.u(XL)
        index = b.view.mark()
        card = Rect(x, y, width, 0)
        cy = card.y + pad
        picture = images.add_picture(b, images.find(self.play.entry.path, scene.image), x + pad, cy, width - 2 * pad, b.u(IMAGE_H))
        cy += picture + b.u(M) if picture else 0
        size = b.line_height("h1") * 2
        b.icon(icon, x + (width - size) // 2, cy, size, color)
        cy += size + b.u(M)
        cy += b.text(_(word), "h2", x + pad, cy, width - 2 * pad, color, "center", container=card) + b.u(M)
        if scene.title is not None:
            cy += b.text(tr(scene.title), "h1", x + pad, cy, width - 2 * pad, "text", "center", container=card) + b.u(M)
        cy += b.text(tr(self.play.session.text_of(scene)), "body", x + pad, cy, width - 2 * pad, "text", "center", container=card)
        card.h = cy + pad - card.y
        b.card(card, index=index)
        return card.bottom

    def activate(self, target_id: str) -> None:
        if target_id == "debrief":
            self.app.replace_with("debrief", self.play)
        else:
            super().activate(target_id)

    def default_action(self) -> None:
        self.activate("debrief")
