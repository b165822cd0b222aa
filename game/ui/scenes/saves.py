"""The Save / Load screen: three slots and the autosave.

Each slot shows the scenario's title, the number of decisions and the date,
or the reason it cannot be loaded (damaged, not a Bridges save, another
version of Bridges, another version of the scenario). Loading replays the
saved decisions and goes on at the last one. Saving is offered while a game
is being played; replacing a slot that holds something (above all a save
that cannot be loaded) asks first. Nothing here deletes a file.
"""

from __future__ import annotations

import pygame

from game.store.saves import AUTOSAVE
from game.ui import saving
from game.ui.i18n import _
from game.ui.layout import Builder, ButtonSpec
from game.ui.play import Play
from game.ui.scenes.base import Scene, default_focus
from game.ui.scenes.chrome import column, top_bar
from game.ui.theme import L, M, S, XL

Rect = pygame.Rect


class SavesScene(Scene):
    name = "saves"
    help_topic = "saves"

    def __init__(self) -> None:
        super().__init__()
        self.entries: list = []
        self.slots: list[saving.Slot] = []
        self.message: tuple[str, str] | None = None  # (text, colour) after saving or a failed save

    def enter(self, app) -> None:
        super().enter(app)
        self.entries = app.library()
        if app.play is not None and app.workshop is None:
            self.entries.insert(0, app.play.entry)  # the version being played (it may have been reloaded with F5)
        self.survey()

    @property
    def can_save(self) -> bool:
        """Saving is offered while a solo game is being played."""
        play = self.app.play
        return type(play) is Play and self.app.workshop is None

    def survey(self) -> None:
        """What each slot holds now (the library's scenarios are read once, on entering)."""
        self.slots = saving.survey(self.entries)
        self.invalidate()

    # ----- layout --------------------------------------------------------------------------
    def build(self, b: Builder) -> None:
        top = top_bar(b, _("Save or load a game") if self.can_save else _("Load a saved game"))
        x, width = column(b)
        with b.view.scrolling(Rect(0, top, b.m.width, b.m.height - top)):
            y = top + b.u(XL)
            intro = _("Save your game in one of three slots, or load a saved game. The autosave keeps your last decision.") if self.can_save else \
                _("Load a saved game: it goes on at its last decision. The autosave keeps the last decision of the last game.")
            y += b.text(intro, "body", x, y, width, "muted") + b.u(M)
            if self.message is not None:
                text, color = self.message
                size = b.line_height("strong")
                b.icon("check" if color == "good" else "warning", x, y + b.u(2), size - b.u(4), color)
                y += b.text(text, "strong", x + size + b.u(S), y, width - size - b.u(S), color) + b.u(M)
            y += b.u(S)
            for number, slot in enumerate(self.slots, 1):
                y += self._card(b, slot, x, y, width, number) + b.u(L)
        first = next((f"load:{s.slot}" for s in self.slots if s.loadable), None)
        default_focus(b, first or ("save:slot1" if self.can_save else "global:back"))

    def _card(self, b: Builder, slot: saving.Slot, x: int, y: int, w: int, number: int) -> int:
        pad = b.u(L)
        inner = w - 2 * pad
        index = b.view.mark()
        card = Rect(x, y, w, 0)
        specs = self._buttons(slot, number)
        buttons_w = sum(b.button_natural_width(s.label, s.icon, s.hotkey) for s in specs) + b.u(M) * max(0, len(specs) - 1)
        side = buttons_w <= inner * 2 // 5  # buttons beside the text when they fit, else below it
        text_w = inner - buttons_w - b.u(L) if side else inner
        cy = y + pad
        size = b.line_height("h3")
        b.icon("save" if slot.slot != AUTOSAVE else "reload", x + pad, cy, size, "primary")
        cy += b.text(saving.slot_name(slot.slot), "h3", x + pad + size + b.u(M), cy, text_w - size - b.u(M), container=card) + b.u(S)
        if slot.empty or slot.code == "empty":
            cy += b.text(_("Empty"), "body", x + pad, cy, text_w, "muted", container=card)
        else:
            if slot.info.scenario is not None:
                cy += b.text(slot.title, "strong", x + pad, cy, text_w, container=card) + b.u(4)
                details = slot.details()
                if slot.finished:
                    details = _("{details} · finished").format(details=details)
                cy += b.text(details, "body", x + pad, cy, text_w, "muted", container=card)
            if slot.code is not None:
                cy += b.u(S)
                warn = b.line_height("body")
                b.icon("warning", x + pad, cy + b.u(4), warn - b.u(8), "bad")
                cy += b.text(saving.problem_text(slot.code), "body", x + pad + warn + b.u(S), cy, text_w - warn - b.u(S), "bad", container=card) + b.u(4)
                kept = _("The file is kept as it is: {file}").format(file=slot.info.path)
                cy += b.text(kept, "small", x + pad + warn + b.u(S), cy, text_w - warn - b.u(S), "muted", container=card)
        if side:
            rows_h = b.button_row(specs, x + pad + text_w + b.u(L), y + pad, buttons_w, "right") if specs else 0
            cy = max(cy, y + pad + rows_h)
        elif specs:
            cy += b.u(M)
            cy += b.button_row(specs, x + pad, cy, inner, "left")
        card.h = cy + pad - y
        b.card(card, "bad_soft" if slot.code not in (None, "empty") else "surface", "bad" if slot.code not in (None, "empty") else "border", index=index)
        return card.h

    def _buttons(self, slot: saving.Slot, number: int) -> list[ButtonSpec]:
        """The slot's buttons; its number key saves into it while saving is offered, else loads it."""
        specs = []
        saves_here = self.can_save and slot.slot != AUTOSAVE
        if slot.loadable:
            specs.append(ButtonSpec(f"load:{slot.slot}", _("Load"), "primary", "right", hotkey=None if saves_here else number))
        if saves_here:
            specs.append(ButtonSpec(f"save:{slot.slot}", _("Save here"), "secondary", "save", hotkey=number))
        return specs

    # ----- actions ---------------------------------------------------------------------------
    def slot(self, name: str) -> saving.Slot | None:
        return next((s for s in self.slots if s.slot == name), None)

    def activate(self, target_id: str) -> None:
        kind, _sep, name = target_id.partition(":")
        slot = self.slot(name)
        if kind == "load" and slot is not None and slot.loadable:
            self.ask_to_load(slot)
        elif kind == "save" and slot is not None and self.can_save:
            self.ask_to_save(slot)
        else:
            super().activate(target_id)

    def ask_to_load(self, slot: saving.Slot) -> None:
        """Load, asking first if a game in progress or an unloadable autosave would be replaced."""
        at_risk = saving.autosave_at_risk(self.slots) if slot.slot != AUTOSAVE else None
        if at_risk is None:
            self.load(slot)
            return
        self.app.show("confirm", _("Replace the autosave?"), saving.at_risk_message(at_risk), _("Load and replace it"), lambda: self.load(slot),
                      danger=at_risk.refused)

    def load(self, slot: saving.Slot) -> None:
        self.app.start_play(slot.entry, slot.session)

    def ask_to_save(self, slot: saving.Slot) -> None:
        if slot.empty or slot.code == "empty":
            self.save(slot)
            return
        if slot.code is not None:
            message = _("{slot} holds a file that cannot be loaded: {problem} Saving here replaces that file for good.").format(
                slot=saving.slot_name(slot.slot), problem=saving.problem_text(slot.code))
        else:
            message = _("{slot} holds “{title}” ({details}). Saving here replaces it.").format(
                slot=saving.slot_name(slot.slot), title=slot.title, details=slot.details())
        self.app.show("confirm", _("Replace this save?"), message, _("Save and replace"), lambda: self.save(slot), danger=True)

    def save(self, slot: saving.Slot) -> None:
        from game.store.saves import SaveError

        try:
            saving.store().save(slot.slot, self.app.play.session)
        except (OSError, SaveError) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            self.message = (_("The game could not be saved: {reason}").format(reason=reason), "bad")
        else:
            self.message = (_("Saved in {slot}.").format(slot=saving.slot_name(slot.slot)), "good")
        self.survey()
        self.focus = f"save:{slot.slot}"

    def back(self) -> None:
        if len(self.app.stack) > 1:
            self.app.pop()
        else:
            self.app.reset_to("library")
