"""Who is playing: a remembered player, a new name (with an e-mail only if the player agrees), or no name.

Shown before a solo game (``app.show("players", then=...)``) and from the
settings to forget a player (``manage=True``). Names are remembered on this
computer (:mod:`game.store.players`); the choice holds for this run of the
game. Typing works as in the workshop set-up: press a field, type,
Backspace erases, Enter or Esc ends.
"""

from __future__ import annotations

import sqlite3
from typing import Callable

import pygame

from game.store import players as store
from game.ui.i18n import _
from game.ui.input import Action
from game.ui.layout import Builder, ButtonSpec
from game.ui.scenes.base import Scene, default_focus
from game.ui.scenes.chrome import column, footer, top_bar
from game.ui.text_entry import TextFields
from game.ui.theme import L, M, S, XL
from game.xapi import config as lrs_config
from game.xapi.commands import voider

Rect = pygame.Rect
MAX_EMAIL = 80


class PlayersScene(Scene):
    name = "players"
    help_topic = "players"

    def __init__(self, then: Callable[[], None] | None = None, manage: bool = False):
        super().__init__()
        self.then = then
        self.manage = manage
        self.players: list[store.Player] = []
        self.entry = TextFields({"name": store.MAX_NAME, "email": MAX_EMAIL}, self.invalidate)
        self.fields = self.entry.values
        self.agreed = False
        self.forgetting: int | None = None  # asked once; a second press forgets
        self.notice = ""

    def enter(self, app) -> None:
        super().enter(app)
        self.players = store.load_players()

    def exit(self) -> None:
        self.stop_editing()

    # ----- layout ------------------------------------------------------------------------------
    def build(self, b: Builder) -> None:
        top = top_bar(b, _("Players and their records") if self.manage else _("Who is playing?"))
        typed = self.fields["name"].strip()
        specs = [] if self.manage else [ButtonSpec("anonymous", _("Play without a name"), "secondary"),
                                        ButtonSpec("new", _("Play as {name}").format(name=typed) if typed else _("Play"), "primary", "right", bool(typed))]
        bottom = footer(b, specs, self.notice or self._hint(), "text")
        x, width = column(b)
        width = min(width, b.u(1200) + int(b.u(300) * (b.m.text_scale - 1)))
        x = (b.m.width - width) // 2
        with b.view.scrolling(Rect(0, top, b.m.width, max(b.u(40), bottom - top))):
            y = top + b.u(XL)
            y += b.text(self._about(), "body", x, y, width, "muted") + b.u(L)
            y = self._remembered(b, x, y, width)
            if not self.manage:
                y = self._new_player(b, x, y + b.u(L), width)
        default_focus(b, "player:0" if self.players and not self.manage else ("field:name" if not self.manage else None))

    def _about(self) -> str:
        return _("Your name or a nickname is kept on this computer with your results, so that you can see your progress. "
                 "If your trainer has set a learning record store, your results are sent there under this name. "
                 "Settings > Players and their records forgets a player and deletes their results on this computer.")

    def _hint(self) -> str:
        if self.editing is not None:
            return _("Type, then Enter or Esc when it is done.")
        return _("Press a name to play as that player.") if not self.manage else _("Press Forget twice to delete a player's records.")

    def _remembered(self, b: Builder, x: int, y: int, w: int) -> int:
        if not self.players:
            return y + b.text(_("No players are remembered on this computer yet."), "body", x, y, w) + b.u(M)
        y += b.text(_("Players on this computer"), "h3", x, y, w) + b.u(M)
        forget_label = _("Forget")
        for i, player in enumerate(self.players):
            asking = self.forgetting == i
            label = _("Press again to forget {name} and delete their results").format(name=player.name) if asking else forget_label
            forget_w = min(w // 2, b.button_natural_width(label, "cross"))
            name_w = w - forget_w - b.u(S)
            shown = player.name + (f" ({player.email})" if player.email else "")
            h = max(b.button_height(shown, name_w, "people"), b.button_height(label, forget_w, "cross"))
            if self.manage:
                b.text(shown, "strong", x, y + (h - b.line_height("strong")) // 2, name_w)
            else:
                b.button(f"player:{i}", shown, Rect(x, y, name_w, h), "option", "people", align="left")
            b.button(f"forget:{i}", label, Rect(x + w - forget_w, y, forget_w, h), "danger" if asking else "quiet", "cross")
            y += h + b.u(S)
        return y

    @property
    def editing(self) -> str | None:
        return self.entry.editing

    def _field(self, b: Builder, key: str, label: str, placeholder: str, x: int, y: int, w: int) -> int:
        return self.entry.draw(b, key, label, placeholder, x, y, w)

    def _new_player(self, b: Builder, x: int, y: int, w: int) -> int:
        y += b.text(_("New player"), "h3", x, y, w) + b.u(M)
        y = self._field(b, "name", _("Name or nickname"), _("Press here and type"), x, y, w)
        y = self._field(b, "email", _("E-mail address (optional)"), _("Only if you want your results sent under it"), x, y, w)
        if self.fields["email"].strip():
            label = _("I agree that my e-mail address is sent with my results to my trainer's learning record store")
            h = b.button_height(label, w, "check")
            b.button("agree", label, Rect(x, y, w, h), "selected" if self.agreed else "option", "check" if self.agreed else None, align="left")
            y += h + b.u(S)
            if not store.EMAIL_LIKE.match(self.fields["email"].strip()):
                y += b.text(_("This does not look like an e-mail address; it will not be used."), "small", x, y, w, "bad")
            elif not self.agreed:
                y += b.text(_("Without your agreement the e-mail address is not kept or sent."), "small", x, y, w, "muted")
        return y

    # ----- typing ------------------------------------------------------------------------------
    def start_editing(self, key: str) -> None:
        self.entry.start(key)

    def stop_editing(self) -> None:
        self.entry.stop()

    def on_action(self, action: Action) -> bool:
        return self.entry.on_action(action)

    # ----- actions -----------------------------------------------------------------------------
    def activate(self, target_id: str) -> None:
        kind, _sep, value = target_id.partition(":")
        if kind != "forget":
            self.forgetting = None
        if kind == "field":
            self.start_editing(value)
        elif target_id == "agree":
            self.agreed = not self.agreed
            self.invalidate()
        elif kind == "player":
            self.play_as(self.players[int(value)])
        elif kind == "forget":
            self.forget(int(value))
        elif target_id == "new":
            self.stop_editing()
            name = store.clean_name(self.fields["name"])
            if name:
                email = self.fields["email"].strip()
                ok = self.agreed and bool(store.EMAIL_LIKE.match(email))
                self.play_as(store.Player(name, email if ok else None, ok))
        elif target_id == "anonymous":
            self.done(None)
        else:
            super().activate(target_id)

    def play_as(self, player: store.Player) -> None:
        try:
            store.remember(player)
        except OSError:
            pass  # not remembered for next time; the game goes on under this name
        self.done(player)

    def done(self, player: store.Player | None) -> None:
        results = self.app.results
        results.player, results.asked = player, True
        then = self.then
        self.app.pop()
        if then is not None:
            then()

    def forget(self, index: int) -> None:
        if self.forgetting != index:
            self.forgetting = index
            self.invalidate()
            return
        player = self.players[index]
        self.forgetting = None
        try:
            store.forget_remembered(player.name)
            changed = store.forget_records(self.app.results.store.path, player.name, voider(lrs_config.load()))
            self.notice = _("{name} is forgotten: {n} of their sessions deleted from this computer.").format(name=player.name, n=changed["sessions"])
            if changed["voided"]:
                self.notice += " " + _("{n} records already sent will be marked void in the learning record store.").format(n=changed["voided"])
                if self.app.results.sender is not None:
                    self.app.results.sender.wake()
        except (OSError, sqlite3.Error) as exc:  # a locked database or a full disk: say so (the deletion is one transaction)
            self.notice = _("{name} could not be forgotten now: {problem}").format(name=player.name, problem=exc)
        results = self.app.results
        if results.player is not None and results.player.key == player.key:
            results.player, results.asked = None, False
            recorder = getattr(self.app.play, "recorder", None)
            if recorder is not None:
                recorder.session_id = None  # the game in progress is theirs: nothing more of it is recorded
        self.players = store.load_players()
        self.invalidate()

    def default_action(self) -> None:
        if not self.manage and self.fields["name"].strip():
            self.activate("new")

    def back(self) -> None:
        if self.editing is not None:
            self.stop_editing()
        else:
            self.app.pop()
