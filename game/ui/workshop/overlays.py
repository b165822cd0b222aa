"""Workshop overlays: paused, the leaderboard, and the workshop menu (Esc)."""

from __future__ import annotations

from typing import Any

import pygame

from game.ui.i18n import _, ngettext
from game.ui.input import Action
from game.ui.layout import Builder, ButtonSpec
from game.ui.scenes.overlays import Overlay, button_column
from game.ui.theme import L, M, S, XL
from game.ui.view import Box
from game.ui.workshop.looks import paint_team_field, symbol

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
            if row.get("missed"):
                detail += " · " + ngettext("{n} turn with no answer", "{n} turns with no answer", row["missed"]).format(n=row["missed"])
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
        return button_column(b, self._items(), x, y, w, "continue") - y - b.u(M)

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
            app.show("settings")
        elif target_id == "end":
            app.pop(fade=False)
            self.run.command("end")
        else:
            super().activate(target_id)


HANDOVER_MS = 2500  # how long the handover card shows before it goes by itself


class RoomCard(WorkshopOverlay):
    """A signal for the whole room: the window filled (a team's colour, or the alarm colour), a card with a symbol,
    one headline in the largest type and a line or two under it.

    It goes after a moment, or at the first key or click (a number key then answers on the screen below);
    the trainer's keys work through it."""

    name = "room-card"
    shown_ms = HANDOVER_MS

    def __init__(self, run: Any, style: int | None, headline: str, lines: list[str]):
        super().__init__(run)
        self.style, self.headline, self.lines = style, headline, lines
        self.left = self.shown_ms

    def build(self, b: Builder) -> None:
        field = Rect(0, 0, b.m.width, b.m.height)
        if self.style is not None:
            b.art(field, paint_team_field(self.style))
        else:
            b.view.add(Box(field, "bad", None, 0, 0))
        width = min(b.m.width - 2 * b.u(XL), b.u(1100) + int(b.u(300) * (b.m.text_scale - 1)))
        pad = b.u(XL)
        inner = width - 2 * pad
        hint = _("Any key or a click goes on.")
        for big, line_role, size in (("display", "h2", min(b.u(200), b.m.height // 5)), ("h1", "h3", b.u(96)), ("h2", "body", 0)):  # as large as fits
            height = pad + (size + b.u(L) if size else 0) + b.text_height(self.headline, big, inner) + b.u(M)
            height += sum(b.text_height(line, line_role, inner) + b.u(S) for line in self.lines) + b.text_height(hint, "body", inner) + pad
            if height <= b.m.height - 2 * b.u(M):
                break
        card = Rect((b.m.width - width) // 2, max(0, (b.m.height - height) // 2), width, height)
        b.view.add(Box(card, "surface", "text", b.u(4), b.u(24)))
        y = card.y + pad
        if size and self.style is not None:
            symbol(b, self.style, card.centerx - size // 2, y, size)
        elif size:
            b.icon("timer", card.centerx - size // 2, y, size, "bad")
        y += size + b.u(L) if size else 0
        y += b.text(self.headline, big, card.x + pad, y, inner, "text", "center", container=card) + b.u(M)
        for line in self.lines:
            y += b.text(line, line_role, card.x + pad, y, inner, "text", "center", container=card) + b.u(S)
        b.text(hint, "body", card.x + pad, y, inner, "text", "center", container=card)
        b.view.target("room-card:close", Rect(0, 0, b.m.width, b.m.height))

    def update(self, dt: float) -> bool:
        super().update(dt)
        if self.app is None or self not in self.app.stack:
            return False
        self.left -= dt
        if self.left <= 0:
            self.close()
            return False
        return True

    def close(self) -> None:
        if self.app.top is self:
            self.app.pop(fade=False)
        elif self in self.app.stack:
            self.app.stack.remove(self)
            self.exit()

    def handle(self, action: Action) -> None:
        self.close()
        if action.kind not in ("activate", "confirm", "back"):  # a number, a letter or a page key acts on the screen below
            self.app.top.refresh()  # laid out, if the card came up before it was ever drawn
            self.app.dispatch(action)


class HandoverCard(RoomCard):
    """A team's turn begins: "Owls: your turn" on the team's colour, with its symbol."""

    name = "handover"

    def __init__(self, run: Any, index: int):
        super().__init__(run, run.style(index), _("{team}: your turn").format(team=run.names[index]), [])


class TimeUpCard(RoomCard):
    """The decision's time ran out: "Time is up" in the largest type, and what happens now (the set-up's choice)."""

    name = "time-up"
    shown_ms = 3000

    def __init__(self, run: Any, passed: dict | None):
        if passed is not None:  # the turn passed with no answer
            following = run.names[run.workshop.turn]
            lines = [_("{team}: no answer this time.").format(team=run.names[passed["team"]]),
                     _("{team}: your turn").format(team=following)]
        else:
            lines = [_("Answers are locked: the trainer decides."), _("T: 30 more seconds. S: answer without the timer.")]
        super().__init__(run, None, _("Time is up"), lines)
