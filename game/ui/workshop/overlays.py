"""Workshop overlays: paused, the leaderboard, and the workshop menu (Esc)."""

from __future__ import annotations

from typing import Any

import pygame

from game.ui.i18n import _, ngettext
from game.ui.input import Action
from game.ui.layout import Builder, ButtonSpec
from game.ui.scenes.base import default_focus
from game.ui.scenes.overlays import Overlay
from game.ui.theme import L, M, S
from game.ui.workshop.looks import symbol

Rect = pygame.Rect


class WorkshopOverlay(Overlay):
    """An overlay where the trainer keys still work."""

    help_topic = "workshop"

    def __init__(self, run: Any):
        super().__init__()
        self.run = run

    def on_action(self, action: Action) -> bool:
        return self.run.handle(action) or super().on_action(action)


class PausedOverlay(WorkshopOverlay):
    """The workshop is paused: the timer stopped, nobody can answer. P, Esc or the button resumes."""

    name = "paused"
    icon = "pause"
    width_units = 1000

    def title(self) -> str:
        return _("Paused")

    def body(self, b: Builder, x: int, y: int, w: int) -> int:
        top = y
        y += b.text(_("The workshop is paused. The timer has stopped and no answer is taken."), "h3", x, y, w) + b.u(M)
        y += b.text(_("Press P or Resume to go on."), "body", x, y, w, "text")
        return y - top

    def buttons(self) -> list[ButtonSpec]:
        return [ButtonSpec("resume", _("Resume (P)"), "primary", "play")]

    def activate(self, target_id: str) -> None:
        if target_id == "resume":
            self.run.toggle_pause()
        else:
            super().activate(target_id)

    def default_action(self) -> None:
        self.activate("resume")

    def back(self) -> None:
        self.run.toggle_pause()


class LeaderboardOverlay(WorkshopOverlay):
    """Teams by their live handbook score, highest first."""

    name = "leaderboard"
    icon = "podium"
    width_units = 1200

    def title(self) -> str:
        return _("Leaderboard")

    def body(self, b: Builder, x: int, y: int, w: int) -> int:
        top = y
        rows = self.run.workshop.leaderboard()
        vote = self.run.mode == "vote"
        number_w = b.text_width("100", "h2") + b.u(M)
        rank_w = b.text_width("8.", "h2") + b.u(S)
        size = b.line_height("h2")
        for rank, row in enumerate(rows, 1):
            name = _("The room (plenary vote)") if vote else row["team"]
            answered = row["decisions"] > 0  # a team that has not answered is listed, not ranked
            b.text(f"{rank}." if answered else "", "h2", x, y, rank_w, "text")
            if vote:
                b.icon("people", x + rank_w, y, size, "primary")
            else:
                symbol(b, self.run.style(row["index"]), x + rank_w, y, size)
            text_x = x + rank_w + size + b.u(M)
            text_w = w - (text_x - x) - number_w - b.u(M)
            h = b.text(name, "h2", text_x, y, text_w)
            score = row["overall"]
            b.text("–" if score is None or not answered else str(round(score)), "h2", x + w - number_w, y, number_w, "text", "right")
            y += max(h, size)
            detail = ngettext("{n} answer", "{n} answers", row["decisions"]).format(n=row["decisions"]) if answered else _("No answers yet")
            if row["finished"]:
                detail = _("{detail} · finished").format(detail=detail)
            y += b.text(detail, "body", text_x, y, text_w, "text") + b.u(L)
        y += b.text(_("Scores are out of 100, from the handbook rules each team's decisions touched so far."), "small_bold", x, y, w, "text")
        return y - top

    def buttons(self) -> list[ButtonSpec]:
        return [ButtonSpec("close", _("Close"), "primary", "cross")]


class WorkshopMenu(WorkshopOverlay):
    """Esc during a workshop: go on, help, scores, settings, or end the session."""

    name = "workshop-menu"
    icon = "menu"
    width_units = 820

    def title(self) -> str:
        return _("Workshop")

    def buttons(self) -> list[ButtonSpec]:
        return []

    def _items(self) -> list[ButtonSpec]:
        return [
            ButtonSpec("continue", _("Continue"), "primary", "right", hotkey=1),
            ButtonSpec("help", _("Help and trainer keys"), "secondary", "help", hotkey=2),
            ButtonSpec("leaderboard", _("Leaderboard"), "secondary", "podium", hotkey=3),
            ButtonSpec("settings", _("Settings"), "secondary", "menu", hotkey=4),
            ButtonSpec("end", _("End the session"), "danger", "stop", hotkey=5),
        ]

    def body(self, b: Builder, x: int, y: int, w: int) -> int:
        top = y
        for spec in self._items():
            h = b.button_height(spec.label, w, spec.icon, spec.hotkey)
            b.button(spec.id, spec.label, Rect(x, y, w, h), spec.style, spec.icon, hotkey=spec.hotkey)
            y += h + b.u(M)
        default_focus(b, "continue")
        return y - top - b.u(M)

    def activate(self, target_id: str) -> None:
        app = self.app
        if target_id == "continue":
            app.pop()
        elif target_id == "help":
            app.open_help("workshop")
        elif target_id == "leaderboard":
            app.pop(fade=False)
            self.run.command("leaderboard")
        elif target_id == "settings":
            from game.ui.scenes.settings import SettingsScene

            app.push(SettingsScene())
        elif target_id == "end":
            app.pop(fade=False)
            self.run.command("end")
        else:
            super().activate(target_id)
