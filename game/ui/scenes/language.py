"""Choose the language: each language is named in itself, so anyone can find theirs."""

from __future__ import annotations

import pygame

from game.ui.i18n import LANGUAGE_NAMES, LANGUAGES, language
from game.ui.layout import Builder
from game.ui.scenes.base import Scene, default_focus
from game.ui.scenes.chrome import column, top_bar
from game.ui.theme import M, XL, XXL

Rect = pygame.Rect
HEADING = "Choose your language · Изберете език"  # deliberately in both languages


class LanguageScene(Scene):
    name = "language"

    def build(self, b: Builder) -> None:
        from game.ui.i18n import _

        top = top_bar(b, _("Language"))
        x, width = column(b)
        width = min(width, b.u(900) + int(b.u(300) * (b.m.text_scale - 1)))
        x = (b.m.width - width) // 2
        with b.view.scrolling(Rect(0, top, b.m.width, b.m.height - top)):
            y = top + b.u(XXL)
            y += b.text(HEADING, "h1", x, y, width, "text", "center") + b.u(XL)
            for number, lang in enumerate(LANGUAGES, 1):
                chosen = lang == language()
                label = LANGUAGE_NAMES[lang]
                h = b.button_height(label, width, "check" if chosen else "globe", number, "h2")
                b.button(f"lang:{lang}", label, Rect(x, y, width, h), "selected" if chosen else "secondary", "check" if chosen else "globe", hotkey=number, role="h2")
                y += h + b.u(M)
        default_focus(b, f"lang:{language()}")

    def activate(self, target_id: str) -> None:
        if target_id.startswith("lang:"):
            self.app.set_language(target_id.split(":", 1)[1])
            self.app.pop()
        else:
            super().activate(target_id)

    def back(self) -> None:
        self.app.pop()
