"""A team's new phone: the trainer gives a team whose phone is lost or flat a
new secret link, from the laptop only (no route of the phones' server can).

:class:`NewPhoneOverlay` lists the teams (with whether each has a phone);
after a confirmation the team's token is replaced (:meth:`game.web.room.Room.reissue`),
its old phone is told and disconnected, and :class:`TeamLinkOverlay` shows
the new link as a large QR code until a phone has joined with it.
"""

from __future__ import annotations

from typing import Any

import pygame

from game.ui.i18n import _
from game.ui.layout import Builder, ButtonSpec
from game.ui.scenes.overlays import button_column
from game.ui.theme import M, S
from game.ui.workshop.looks import team_tag
from game.ui.workshop.overlays import WorkshopOverlay
from game.ui.workshop.phones import paint_qr

Rect = pygame.Rect


class NewPhoneOverlay(WorkshopOverlay):
    """Which team gets a new phone: one button a team (its number key), each saying whether it has a phone now."""

    name = "phones-new"
    icon = "people"
    width_units = 1100

    def title(self) -> str:
        return _("A team's new phone")

    def _items(self) -> list[ButtonSpec]:
        phones = self.run.phones.room.phones_by_team()
        return [ButtonSpec(f"team:{i}", f"{name} · {_('has a phone') if phones.get(i, 0) > 0 else _('no phone')}", "secondary", "people", hotkey=i + 1)
                for i, name in enumerate(self.run.names)]

    def body(self, b: Builder, x: int, y: int, w: int) -> int:
        top = y
        y += b.text(_("A team's phone is lost or flat? Choose the team: its old link stops working, and a new code "
                      "for its new phone appears on this screen."), "body", x, y, w) + b.u(M)
        return button_column(b, self._items(), x, y, w, "team:0") - top - b.u(M)

    def activate(self, target_id: str) -> None:
        if target_id.startswith("team:"):
            team = int(target_id.split(":", 1)[1])
            name = self.run.names[team]
            self.app.show("confirm", _("Give {team} a new link?").format(team=name),
                          _("The phone that answers for {team} now is disconnected, and its link stops working.").format(team=name),
                          _("New link"), lambda: self.reissue(team))
        else:
            super().activate(target_id)

    def reissue(self, team: int) -> None:
        self.run.phones.room.reissue(team)
        if self.app.top is self:
            self.app.pop(fade=False)
        self.app.push(TeamLinkOverlay(self.run, team), fade=False)


class TeamLinkOverlay(WorkshopOverlay):
    """One team's new link as a large QR code; it closes itself once a phone has joined with it."""

    name = "phones-team-link"
    icon = "people"
    width_units = 1400

    def __init__(self, run: Any, team: int):
        super().__init__(run)
        self.team = team
        self.joins = run.phones.room.joined(team)

    def title(self) -> str:
        return _("{team}: a new phone").format(team=self.run.names[self.team])

    def body(self, b: Builder, x: int, y: int, w: int) -> int:
        phones = self.run.phones
        server = phones.server
        link = server.join_url(self.team) if server is not None else ""
        qr = min(b.m.height // 2, w // 2)
        b.art(Rect(x, y, qr, qr), paint_qr(link))
        tx, tw = x + qr + 2 * b.u(M), w - qr - 2 * b.u(M)
        ty = y
        ty += team_tag(b, self.run.style(self.team), self.run.names[self.team], tx, ty, tw, "h2") + b.u(M)
        ty += b.text(_("Scan this code with the team's new phone. Only this team should scan it: it answers for {team}.")
                     .format(team=self.run.names[self.team]), "body", tx, ty, tw) + b.u(S)
        ty += b.text(_("This code closes by itself when the phone has joined."), "body", tx, ty, tw)
        return max(qr, ty - y)

    def buttons(self) -> list[ButtonSpec]:
        return [ButtonSpec("close", _("Close"), "primary", "cross")]

    def update(self, dt: float) -> bool:
        busy = super().update(dt)
        phones = self.run.phones
        if phones is not None and phones.room.joined(self.team) > self.joins and self.app is not None and self.app.top is self:
            self.app.pop(fade=False)  # the new phone is in: the code leaves the shared screen
            return True
        return busy
