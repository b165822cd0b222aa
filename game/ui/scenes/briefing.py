"""The briefing: the NGO, its goal, the goals to reach and the resources at hand;
start a new game or resume from the last decision."""

from __future__ import annotations

import pygame

from game.core.looks import place_of
from game.ui import images, saving
from game.ui.art import stage
from game.ui.i18n import _, ngettext, tr
from game.ui.layout import Builder, ButtonSpec
from game.ui.library import Entry
from game.ui.play import RESOURCE_NAMES
from game.ui.scenes.base import Scene, default_focus
from game.ui.scenes.cards import IMAGE_H
from game.ui.scenes.chrome import column, footer, top_bar
from game.ui.theme import L, M, S, XL

Rect = pygame.Rect


class BriefingScene(Scene):
    name = "briefing"
    help_topic = "briefing"

    def __init__(self, entry: Entry):
        super().__init__()
        self.entry = entry
        self.saved = None                        # the autosaved game of this scenario, ready to resume
        self.resume_problem: str | None = None   # why the autosave of this scenario cannot be resumed
        self.slots: list[saving.Slot] = []

    def enter(self, app) -> None:
        super().enter(app)
        self.survey()
        stage.warm_places(app, self.entry.scenario)  # drawn while the player reads

    def survey(self) -> None:
        """Look at the autosave: a game of this scenario in progress, or why it cannot be resumed."""
        self.saved, self.resume_problem = None, None
        self.slots = saving.survey([self.entry])
        auto = next(s for s in self.slots if s.slot == saving.AUTOSAVE)
        if auto.info.scenario == self.entry.id and not auto.finished:
            if auto.loadable:
                self.saved = auto.session
            else:
                self.resume_problem = saving.problem_text(auto.code)
        self.invalidate()

    def build(self, b: Builder) -> None:
        scenario = self.entry.scenario
        top = top_bar(b, tr(scenario.title))
        if self.saved is not None:
            done = len(self.saved.state.log)
            specs = [
                ButtonSpec("start-over", _("Start over"), "secondary", "left", hotkey=2),
                ButtonSpec("resume", ngettext("Resume after {n} decision", "Resume after {n} decisions", done).format(n=done), "primary", "right", hotkey=1),
            ]
            note, note_color = _("Your last game is saved."), "text"
        else:
            specs = [ButtonSpec("start", _("Start"), "primary", "right", hotkey=1)]
            note, note_color = "", "text"
            if self.resume_problem:
                note = _("The saved game cannot be resumed: {reason}").format(reason=self.resume_problem)
                note_color = "bad"
        bottom = footer(b, specs, note, note_color)
        x, width = column(b)
        two = width >= b.u(1300) * b.m.text_scale
        gap = b.u(L)
        left_w = (width - gap) * 3 // 5 if two else width
        right_w = width - left_w - gap if two else width
        with b.view.scrolling(Rect(0, top, b.m.width, bottom - top)):
            index = b.view.mark()
            y = top + b.u(XL)
            left_bottom = self._ngo(b, x, y, left_w)
            right_x, right_y = (x + left_w + gap, y) if two else (x, left_bottom + gap)
            right_bottom = self._resources(b, right_x, right_y, right_w)
            bottom_y = max(left_bottom, right_bottom) + gap
            start = scenario.scenes.get(scenario.start_scene)
            stage.backdrop(b, index, place_of(start) if start is not None else "ngo-office", top, bottom_y)  # where the story starts
            self._how(b, x, bottom_y + (gap if stage.backdrops_on(b) else 0), width)
        default_focus(b, "resume" if self.saved is not None else "start")

    def _card_start(self, b: Builder, x: int, y: int, w: int) -> tuple[int, Rect]:
        return b.view.mark(), Rect(x, y, w, 0)

    def _heading(self, b: Builder, icon: str, text: str, x: int, y: int, w: int, card: Rect) -> int:
        size = b.line_height("h3")
        b.icon(icon, x, y, size, "primary")
        return b.text(text, "h3", x + size + b.u(M), y, w - size - b.u(M), "text", container=card)

    def _ngo(self, b: Builder, x: int, y: int, w: int) -> int:
        scenario = self.entry.scenario
        pad = b.u(L)
        index, card = self._card_start(b, x, y, w)
        inner = w - 2 * pad
        cy = y + pad
        picture = images.add_picture(b, images.find(self.entry.path, scenario.image), x + pad, cy, inner, b.u(IMAGE_H))
        cy += picture + b.u(M) if picture else 0
        cy += self._heading(b, "people", _("Your organisation"), x + pad, cy, inner, card) + b.u(S)
        cy += b.text(tr(scenario.ngo.name), "h2", x + pad, cy, inner, "text", container=card) + b.u(S)
        where = _("{cause} · {town}").format(cause=tr(scenario.ngo.cause), town=tr(scenario.ngo.town))
        cy += b.text(where, "body", x + pad, cy, inner, "muted", container=card) + b.u(M)
        cy += b.text(tr(scenario.summary), "body", x + pad, cy, inner, "text", container=card) + b.u(L)
        if scenario.goals:
            cy += self._heading(b, "flag", _("Your goals"), x + pad, cy, inner, card) + b.u(S)
            for goal in scenario.goals:
                size = b.line_height("body")
                b.icon("flag", x + pad, cy + b.u(4), size - b.u(8), "accent")
                cy += b.text(tr(goal.text), "body", x + pad + size + b.u(S), cy, inner - size - b.u(S), "text", container=card) + b.u(S)
        card.h = cy + pad - y
        b.card(card, index=index)
        return card.bottom

    def _resources(self, b: Builder, x: int, y: int, w: int) -> int:
        scenario = self.entry.scenario
        pad = b.u(L)
        index, card = self._card_start(b, x, y, w)
        inner = w - 2 * pad
        cy = y + pad
        cy += self._heading(b, "budget", _("Your resources"), x + pad, cy, inner, card) + b.u(M)
        size = b.line_height("h3")
        for resource_id, resource in scenario.resources.items():
            name = tr(resource.label) if resource.label else _(RESOURCE_NAMES.get(resource_id, resource_id))
            icon = resource_id if resource_id in RESOURCE_NAMES else "resource"
            b.icon(icon, x + pad, cy, size, "primary")
            value = str(resource.start)
            value_w = b.text_width(value, "h3")
            b.text(value, "h3", x + w - pad - value_w, cy, value_w, "text", container=card)
            cy += max(size, b.text(name, "body", x + pad + size + b.u(M), cy, inner - size - value_w - b.u(2 * M), "text", container=card)) + b.u(M)
        minutes = ngettext("About {n} minute to play.", "About {n} minutes to play.", scenario.minutes).format(n=scenario.minutes)
        cy += b.text(minutes, "small", x + pad, cy, inner, "muted", container=card)
        card.h = cy + pad - y
        b.card(card, index=index)
        return card.bottom

    def _how(self, b: Builder, x: int, y: int, w: int) -> int:
        pad = b.u(L)
        index, card = self._card_start(b, x, y, w)
        inner = w - 2 * pad
        cy = y + pad
        cy += self._heading(b, "help", _("How it works"), x + pad, cy, inner, card) + b.u(S)
        text = _(
            "You make one decision at a time. After each one you see what happened, which rule of the handbook it touched, "
            "and how your resources and relationships changed. At the end, a debrief grades every decision."
        )
        cy += b.text(text, "body", x + pad, cy, inner, "text", container=card)
        card.h = cy + pad - y
        b.card(card, "surface_alt", index=index)
        return card.bottom

    def activate(self, target_id: str) -> None:
        if target_id in ("start", "start-over"):
            start_new(self.app, self.entry, self.slots)
        elif target_id == "resume" and self.saved is not None:
            self.app.start_play(self.entry, self.saved)
        else:
            super().activate(target_id)

    def default_action(self) -> None:
        self.activate("resume" if self.saved is not None else "start")

    def back(self) -> None:
        if len(self.app.stack) > 1:
            self.app.pop()
        else:
            self.app.reset_to("library")


def start_new(app, entry: Entry, slots: list[saving.Slot] | None = None) -> None:
    """Start a scenario from the beginning; first ask if that would replace a game in progress
    or an autosave that cannot be loaded (the autosave is written after the first decision)."""
    if app.asks_player():
        app.show("players", then=lambda: start_new(app, entry, slots))
        return
    at_risk = saving.autosave_at_risk(slots if slots is not None else saving.survey([entry]))
    if at_risk is None:
        app.start_play(entry)
        return
    app.show("confirm", _("Replace the autosave?"), saving.at_risk_message(at_risk), _("Start and replace it"),
             lambda: app.start_play(entry), danger=at_risk.refused)
