"""Settings: language, text size, contrast, full screen and motion, applied at once."""

from __future__ import annotations

import pygame

from game.ui.i18n import _, language, language_name, languages
from game.ui.input import Action
from game.ui.layout import Builder, ButtonSpec
from game.ui.lrs_settings import LrsSettings
from game.ui.metrics import TEXT_SCALES
from game.ui.scenes.base import Scene, default_focus
from game.ui.scenes.chrome import column, top_bar
from game.ui.theme import L, M, S, XL

Rect = pygame.Rect


class SettingsScene(Scene):
    name = "settings"
    help_topic = "settings"
    lrs: LrsSettings | None = None

    def enter(self, app) -> None:
        super().enter(app)
        self.lrs = LrsSettings(app, self.invalidate)

    def exit(self) -> None:
        if self.lrs is not None:
            self.lrs.entry.stop()

    def update(self, dt: float) -> bool:
        if self.lrs is not None and self.lrs.update():
            self.invalidate()
            return True
        return super().update(dt)

    def on_action(self, action: Action) -> bool:
        return self.lrs is not None and self.lrs.entry.on_action(action)

    def _sections(self) -> list[tuple[str, str, list[tuple[str, str, bool]]]]:
        prefs = self.app.prefs
        return [
            ("globe", _("Language"), [(f"lang:{lang}", language_name(lang), lang == language()) for lang in languages()]),
            ("textsize", _("Text size"), [(f"scale:{scale}", f"{round(scale * 100)} %", prefs.text_scale == scale) for scale in TEXT_SCALES]),
            ("contrast", _("Contrast"), [("contrast:off", _("Standard"), not prefs.high_contrast), ("contrast:on", _("High contrast"), prefs.high_contrast)]),
            ("screen", _("Screen"), [("fullscreen:off", _("Window"), not self.app.fullscreen), ("fullscreen:on", _("Full screen"), self.app.fullscreen)]),
            ("motion", _("Animations"), [("motion:on", _("On"), prefs.motion), ("motion:off", _("Off"), not prefs.motion)]),
            ("people", _("Learning records"), [("records:players", _("Players and their records"), False), ("records:send", _("Send records now"), False),
                                                        ("ask:on", _("Ask who is playing"), prefs.ask_player), ("ask:off", _("Do not ask"), not prefs.ask_player)]),
        ]

    def build(self, b: Builder) -> None:
        top = top_bar(b, _("Settings"))
        x, width = column(b)
        width = min(width, b.u(1200) + int(b.u(300) * (b.m.text_scale - 1)))
        x = (b.m.width - width) // 2
        pad = b.u(L)
        with b.view.scrolling(Rect(0, top, b.m.width, b.m.height - top)):
            y = top + b.u(XL)
            for icon, title, options in self._sections():
                index = b.view.mark()
                card = Rect(x, y, width, 0)
                size = b.line_height("h3")
                b.icon(icon, x + pad, y + pad, size, "primary")
                cy = y + pad + b.text(title, "h3", x + pad + size + b.u(M), y + pad, width - 2 * pad - size - b.u(M), "text", container=card) + b.u(M)
                specs = [ButtonSpec(tid, label, "selected" if on else "secondary", "check" if on else None) for tid, label, on in options]
                cy += b.button_row(specs, x + pad, cy, width - 2 * pad, "stretch")
                if icon == "people" and self.lrs is not None:
                    cy = self.lrs.build(b, x + pad, cy, width - 2 * pad)
                card.h = cy + pad - y
                b.card(card, index=index)
                y = card.bottom + b.u(M)
            keys = _("Keys: F2 language · F3 contrast · Ctrl + and Ctrl - text size · F11 full screen")
            b.text(keys, "small", x, y + b.u(S), width, "muted")
        default_focus(b, f"lang:{language()}")

    def activate(self, target_id: str) -> None:
        kind, _sep, value = target_id.partition(":")
        if self.lrs is not None and self.lrs.activate(target_id):
            return
        if self.lrs is not None:
            self.lrs.entry.stop()
        if kind == "lang":
            self.app.set_language(value)
        elif kind == "scale":
            self.app.set_text_scale(float(value))
        elif kind == "contrast":
            self.app.set_high_contrast(value == "on")
        elif kind == "fullscreen":
            if (value == "on") != self.app.fullscreen:
                self.app.toggle_fullscreen()
        elif kind == "records":
            if value == "players":
                self.app.show("players", manage=True)
            else:
                self.app.results.store  # opens the store and its sender
                if self.app.results.sender is not None:
                    self.app.results.sender.wake()
        elif kind == "ask":
            self.app.prefs.ask_player = value == "on"
            self.app.prefs.save()
            self.invalidate()
        elif kind == "motion":
            self.app.set_motion(value == "on")
            self.invalidate()
        else:
            super().activate(target_id)

    def back(self) -> None:
        self.app.pop()
