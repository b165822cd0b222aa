"""Choose the language: each language is named in itself, so anyone can find theirs.

The languages are the catalogs that exist (:func:`game.ui.i18n.languages`).
:class:`LanguageScene` is the full screen reached from the title;
:class:`LanguageOverlay` is the short chooser F2 (or the top bar's language
button) opens over any screen when there are more than two languages: number
keys pick, arrows and Enter too, Esc closes. With two languages F2 just
switches to the other one (see ``App.switch_language``).
"""

from __future__ import annotations

import pygame

from game.ui.i18n import _, language, language_name, languages
from game.ui.layout import Builder, ButtonSpec
from game.ui.scenes.base import Scene
from game.ui.scenes.chrome import column, top_bar
from game.ui.scenes.overlays import Overlay, button_column
from game.ui.theme import M, XL, XXL

Rect = pygame.Rect

CHOOSE = {
    "en": "Choose your language",
    "bg": "Изберете език",
    "el": "Επιλέξτε γλώσσα",
    "ro": "Alegeți limba",
    "pl": "Wybierz język",
}
"""The heading in each language, shown together before anyone has chosen (never from a catalog)."""


def heading() -> str:
    """``Choose your language``, ``Изберете език``, ... one line for each available language that has one here."""
    return "\n".join(CHOOSE[lang] for lang in languages() if lang in CHOOSE)  # one line each: never broken inside a language


def language_buttons(b: Builder, x: int, y: int, width: int, role: str = "h2") -> int:
    """One button per language, numbered, the current one checked; returns the bottom."""
    specs = []
    for number, lang in enumerate(languages(), 1):
        chosen = lang == language()
        specs.append(ButtonSpec(f"lang:{lang}", language_name(lang), "selected" if chosen else "secondary", "check" if chosen else "globe", hotkey=number if number < 10 else None))
    return button_column(b, specs, x, y, width, f"lang:{language()}", role)


class LanguageScene(Scene):
    name = "language"

    def build(self, b: Builder) -> None:
        top = top_bar(b, _("Language"))
        x, width = column(b)
        width = min(width, b.u(900) + int(b.u(300) * (b.m.text_scale - 1)))
        x = (b.m.width - width) // 2
        with b.view.scrolling(Rect(0, top, b.m.width, b.m.height - top)):
            y = top + b.u(XXL)
            y += b.text(heading(), "h2", x, y, width, "text", "center") + b.u(XL)
            language_buttons(b, x, y, width)

    def activate(self, target_id: str) -> None:
        if target_id.startswith("lang:"):
            self.app.set_language(target_id.split(":", 1)[1])
            self.app.pop()
        else:
            super().activate(target_id)

    def back(self) -> None:
        self.app.pop()


class LanguageOverlay(Overlay):
    """The F2 chooser: a small panel of the languages over the current screen."""

    name = "language-chooser"
    icon = "globe"
    width_units = 640

    def title(self) -> str:
        return _("Language")

    def buttons(self) -> list[ButtonSpec]:
        return []

    def body(self, b: Builder, x: int, y: int, w: int) -> int:
        return language_buttons(b, x, y, w, "button") - b.u(M) - y

    def activate(self, target_id: str) -> None:
        if target_id.startswith("lang:"):
            app = self.app
            app.pop()
            app.set_language(target_id.split(":", 1)[1])
        else:
            super().activate(target_id)
