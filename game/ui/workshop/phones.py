"""Phones as the teams' clickers: the link between a running workshop and the
phones' web server, and what the shared screen shows of them.

:class:`Phones` starts the server (:mod:`game.web.server`) when a workshop
with "Teams answer from their phones" starts, publishes the open decision to
the room (:mod:`game.web.room`) in the session's language, takes the phones'
answers on the game's own loop (never waiting on the network) and stops the
server when the workshop ends. On the shared screen: a strip under the
workshop band (a small QR code, the address and room code, and for every team
whether it has a phone and has answered, never what) and :class:`JoinOverlay`,
the large QR code for the room (key J).

In turns, the team whose turn it is answers from its phone, exactly as a
click on the laptop would. In a plenary vote every team votes on a choice or
an event from its phone; the counts stay hidden until the trainer reveals
them (R) or decides. Decisions the room answers together (a pick, an
allocation... in a plenary vote) are entered on the laptop.
"""

from __future__ import annotations

import os
from typing import Any

import pygame

from game.ui import icons
from game.ui.i18n import N_, _, language, ngettext
from game.ui.layout import Builder, ButtonSpec
from game.ui.play import ELEMENT_NAMES
from game.ui.scenes.chrome import margin
from game.ui.theme import M, S
from game.ui.view import Box
from game.ui.workshop.looks import style_record, symbol, team_tag_width
from game.ui.workshop.overlays import WorkshopOverlay
from game.web.room import Decision, Room, scene_view
from game.web.server import DEFAULT_PORT, Limits, PhoneServer, ServerError, lan_address

Rect = pygame.Rect
QUIET_ZONE = 4  # modules of white around a QR code, as the standard asks
PROBLEMS = {  # ServerError.code -> what the shared screen says
    "port": N_("The phones cannot connect: port {port} is already used by another program (perhaps another copy of Bridges). "
               "Close it and start the workshop again, or play without phones."),
    "address": N_("The phones cannot connect: this laptop has no network address. Connect it to the room's Wi-Fi "
                  "(no internet is needed) and start the workshop again."),
    "denied": N_("The phones cannot connect: the system refused port {port}. Start the workshop again, or play without phones."),
    "failed": N_("The phones cannot connect: the phones' server did not start. Start the workshop again, or play without phones."),
}
_WAKE: list[int] = []


def wake_event() -> int:
    """The event type that wakes the game's loop when a phone sent something."""
    if not _WAKE:
        _WAKE.append(pygame.event.custom_type())
    return _WAKE[0]


def phone_words() -> dict[str, str]:
    """Every word the phone page shows, in the session's language."""
    return {
        "join_title": _("Join the workshop"), "code_label": _("Room code (on the shared screen)"), "join": _("Join"),
        "choose_team": _("Choose your team"), "taken": _("has a phone"), "code_wrong": _("That is not the room code. Check the shared screen."),
        "full": _("Every team already has a phone. Ask the trainer."), "token": _("This link is not a team's link. Scan the code on the shared screen again."),
        "online": _("Connected"), "lost": _("Connection lost: reconnecting…"), "sending": _("Sending…"),
        "wait": _("Wait for your team's next decision."), "watch": _("Watch the shared screen."),
        "answered": _("Your answer is in. Watch the shared screen."), "paused": _("The trainer has paused the workshop."),
        "ended": _("The workshop has ended. Thank you for playing!"), "closed": _("This decision is closed. Watch the shared screen."),
        "slow": _("Too many messages: wait a moment and try again."), "refused": _("That answer is not possible here. Check it and send it again."),
        "send": _("Send the answer"), "chosen": _("{n} of {count} chosen"), "research": _("Look into it"),
        "points_left": _("Points left: {n}"), "up": _("Move up"), "down": _("Move down"),
        "counterpart": _("Negotiating with {name}"), "patience": _("patience left: {n}"), "agreed": _("Agreed"),
        "counter": _("Their counter-offer"), "accept": _("Accept their offer"), "ask": _("Ask what they need"),
        "propose": _("Propose these terms"), "facilitator": _("Call the facilitator"), "sign": _("Sign the agreement"), "walk_away": _("Walk away"),
        "time_up": _("Time is up"), "locked": _("Answers are locked: the trainer decides what happens next."),
        "missed_you": _("Your team did not answer in time: \"no answer\" is recorded and the turn has passed. Wait for your next turn."),
        "missed_other": _("{team} did not answer in time; the turn has passed."),
        "late": _("Time is up: this answer came too late and was not taken."),
        "replaced": _("The trainer gave your team a new link, so another phone answers for it now. Ask the trainer if this is a mistake."),
    }


class Phones:
    """The phones of one running workshop: room, server, the open decision, the answers."""

    def __init__(self, run: Any, host: str | None = None, port: int | None = None, choose_team: bool = False, limits: Limits | None = None):
        self.run = run
        teams = [{"name": n, **_look(run, i)} for i, n in enumerate(run.names)]
        self.room = Room(teams, choose_team=choose_team)
        self.host = host or os.environ.get("BRIDGES_PHONES_HOST") or lan_address()
        self.port = DEFAULT_PORT if port is None else port
        self.limits = limits
        self.server: PhoneServer | None = None
        self.problem: str | None = None
        self.number = 0
        self.decision_key: tuple | None = None
        self.key: tuple = ()
        self.seen = -1
        self.revealed = False  # a plenary vote's counts shown (R) before the trainer decides
        self.strip: Rect | None = None  # where the teams' states are painted on the shared screen (repainted alone when they change)
        self.by_phone: set[int] = set()  # teams whose vote on the open decision came from their phone
        self.passed: int | None = None  # the team whose turn has just passed with no answer (told to the phones once)

    # ----- start and stop ----------------------------------------------------------------------
    def start(self) -> bool:
        """Start the server; False (and :attr:`problem` says why, in the session's language) if it cannot."""
        self.sync(force=True)
        if self.host is None:
            self.problem = _(PROBLEMS["address"])
            return False
        server = PhoneServer(self.room, self.host, self.port, wake=self.wake, limits=self.limits)
        try:
            server.start()
        except ServerError as exc:
            self.problem = _(PROBLEMS.get(exc.code, PROBLEMS["failed"])).format(port=self.port)
            return False
        self.server, self.port, self.problem = server, server.port, None
        return True

    def stop(self) -> None:
        """Tell the phones the workshop ended and close the server (its port too)."""
        self.room.publish(None, phone_words(), language(), ended=True)
        server, self.server = self.server, None
        if server is not None:
            server.stop()

    @property
    def running(self) -> bool:
        return self.server is not None

    def wake(self) -> None:
        """From the server's thread: wake the game's loop (posting an event is safe from any thread)."""
        try:
            pygame.event.post(pygame.event.Event(wake_event()))
        except pygame.error:
            pass

    # ----- the open decision ---------------------------------------------------------------------
    def open_decision(self) -> tuple[tuple, frozenset[int], str]:
        """(what identifies the open decision, the teams that may answer it, its kind)."""
        run = self.run
        w = run.workshop
        play = getattr(run.app, "play", None)
        if w.finished or play is None or getattr(play, "stage", "") != "decision":
            return (), frozenset(), ""
        session = w.teams[play.index].session
        kind = session.scene.kind
        if run.mode == "vote":
            teams = frozenset(range(len(run.names))) if kind in ("choice", "event") else frozenset()
        else:
            teams = frozenset({play.index})
        return (play.index, session.scene_id, len(session.state.log), kind), teams, kind

    def time_is_up(self) -> bool:
        """The open decision's time ran out and its answers wait for the trainer: the set-up's "lock", and always in a
        plenary vote (no turn to pass). With "pass" in turns the turn moves on (:meth:`missed`)."""
        w = self.run.workshop
        return w.timer.expired and not w.paused and not w.finished

    def missed(self, team: int) -> None:
        """The turn of ``team`` passed with no answer: every phone says so until the next decision opens."""
        self.passed = team
        self.sync(force=True)

    def sync(self, force: bool = False) -> None:
        """Publish the open decision if it changed (or the language, a pause, or its time ran out)."""
        key, teams, kind = self.open_decision()
        w = self.run.workshop
        time_up = bool(key) and self.time_is_up()
        full = (key, language(), w.paused, w.finished, time_up)
        if full == self.key and not force:
            return
        if key != self.decision_key:
            self.decision_key = key
            self.number += 1
            self.revealed = False
            self.by_phone = set()
        self.key = full
        decision = None
        if key and teams:
            view = scene_view(w.teams[key[0]].session, language(), {e: _(name) for e, name in ELEMENT_NAMES.items()})
            decision = Decision(self.number, kind, teams, {t: view for t in teams})
        missed, self.passed = self.passed, None
        self.room.publish(decision, phone_words(), language(), paused=w.paused, ended=w.finished, time_up=time_up, missed=missed)

    # ----- answers ---------------------------------------------------------------------------------
    def pump(self) -> bool:
        """Apply the answers phones sent (on the game's loop); True if the teams' states on the shared screen changed."""
        if self.server is None:
            return False
        self.sync()
        for sub in self.room.take():
            self.apply(sub.team, sub.answer)
            self.sync()
        version = self.room.version
        if version != self.seen:
            self.seen = version
            return True
        return False

    def apply(self, team: int, answer: dict) -> None:
        run = self.run
        if self.time_is_up():  # it came while the time ran out, before the room was told
            self.room.settle(team, False, "time", answered=False)
            return
        scene = next((s for s in reversed(run.app.stack) if getattr(getattr(s, "play", None), "stage", "") == "decision"), None)
        if scene is None:
            self.room.settle(team, False, "closed")
            return
        if run.mode == "vote" and hasattr(scene, "team_votes"):
            option = answer.get("choose")
            if option not in scene.counts:
                self.room.settle(team, False, "option")
                return
            cast_vote(scene, team, option)
            self.by_phone.add(team)
            self.room.settle(team, True)
            return
        if scene.play.index != team or not hasattr(scene, "commit"):
            self.room.settle(team, False, "team")
            return
        run.via = "phone"
        try:
            events = scene.commit(answer)
        finally:
            run.via = "laptop"
        self.room.settle(team, events is not None, "" if events is not None else "engine")
        if events is not None and hasattr(scene, "last_events"):
            scene.last_events = events

    def answered(self) -> set[int]:
        return self.room.answered_teams()

    def hides_votes(self, scene: Any) -> bool:
        """Whether a plenary vote's counts stay hidden on the shared screen (phones vote, the trainer has not revealed)."""
        return self.running and not self.revealed and bool(getattr(scene, "team_votes", None) is not None)


def cast_vote(scene: Any, team: int, option: str) -> None:
    """A team's vote from its phone, in a plenary vote screen (a second vote replaces its first)."""
    previous = scene.team_votes.get(team)
    if previous is not None and scene.counts.get(previous, 0) > 0:
        scene.counts[previous] -= 1
    scene.team_votes[team] = option
    scene.counts[option] += 1
    waiting = [i for i in range(len(scene.run.names)) if i not in scene.team_votes]
    scene.voter = waiting[0] if waiting else None
    if not scene.hidden:
        scene.invalidate()  # hidden votes change nothing on the vote screen: only the strip, repainted alone


def _look(run: Any, index: int) -> dict[str, str]:
    return style_record(run.style(index))


# ----- the QR code ---------------------------------------------------------------------------------
_QR_CACHE: dict[tuple[str, int], pygame.Surface] = {}


def qr_surface(data: str, size: int) -> pygame.Surface:
    """A QR code of ``data`` as a black-on-white square at most ``size`` pixels wide, with its quiet zone, sharp modules."""
    key = (data, size)
    found = _QR_CACHE.get(key)
    if found is not None:
        return found
    import segno

    code = segno.make(data, error="m")
    matrix = code.matrix
    modules = len(matrix) + 2 * QUIET_ZONE
    small = pygame.Surface((modules, modules))
    small.fill((255, 255, 255))
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                small.set_at((x + QUIET_ZONE, y + QUIET_ZONE), (0, 0, 0))
    scale = max(1, size // modules)
    surface = pygame.transform.scale(small, (modules * scale, modules * scale))
    if len(_QR_CACHE) > 16:
        _QR_CACHE.clear()
    _QR_CACHE[key] = surface
    return surface


def paint_qr(data: str):
    def paint(surface: pygame.Surface, rect: Rect, palette) -> None:
        image = qr_surface(data, min(rect.w, rect.h))
        surface.blit(image, (rect.x + (rect.w - image.get_width()) // 2, rect.y + (rect.h - image.get_height()) // 2))

    return paint


def short_address(phones: Phones) -> str:
    server = phones.server
    return server.room_url.replace("http://", "") if server is not None else ""


# ----- the strip on the shared screen ------------------------------------------------------------------
def draw_strip(b: Builder, top: int, run: Any, play: Any) -> int:
    """Under the workshop band: QR, address and room code, and each team's phone and answer; returns the bottom."""
    phones: Phones = run.phones
    edge = margin(b)
    width = b.m.width - 2 * edge
    pad = b.u(S)
    y = top + pad
    index = b.view.mark()
    if phones.problem:
        size = b.line_height("strong")
        b.icon("warning", edge, y, size, "bad")
        y += max(size, b.text(phones.problem, "strong", edge + size + b.u(S), y, width - size - b.u(S), "bad"))
        bottom = y + pad
        b.view.insert(index, Box(Rect(0, top, b.m.width, bottom - top), "surface", None, 0, 0))
        return bottom
    line = b.line_height("strong")
    qr = 2 * line + b.u(S)
    b.art(Rect(edge, y, qr, qr), paint_qr(phones.server.room_url if phones.server else ""))
    x = edge + qr + b.u(M)
    info_w = max(b.text_width(short_address(phones), "strong"), b.text_width(_("Room code {code} · J: large code").format(code=phones.room.code), "body")) + 1
    b.text(short_address(phones), "strong", x, y, info_w)
    b.text(_("Room code {code} · J: large code").format(code=phones.room.code), "body", x, y + line, info_w)
    chips_x = x + info_w + b.u(M)
    h = _team_chips(b, run, play, chips_x, y, edge + width - chips_x)
    bottom = y + max(qr, h) + pad
    b.view.insert(index, Box(Rect(0, top, b.m.width, bottom - top), "surface", None, 0, 0))
    return bottom


def team_state(phones: "Phones", index: int, teams: frozenset[int]) -> tuple[str, str]:
    """(icon, word) for a team on the strip: answered, answering, no phone yet, or connected."""
    if index in phones.answered():
        return "check", _("answered")
    if phones.room.phones_by_team().get(index, 0) <= 0:
        return "cross", _("no phone")
    if index in teams:
        return "timer", _("answering")
    return "bubble", _("connected")


STATE_WORDS = (N_("answered"), N_("no phone"), N_("answering"), N_("connected"))
STATE_COLOURS = {"check": "good", "cross": "bad", "timer": "primary", "bubble": "primary"}


def _team_chips(b: Builder, run: Any, play: Any, x: int, y: int, width: int) -> int:
    """Each team's symbol and name (built once), and its state painted live: a phone's answer repaints only this strip."""
    phones: Phones = run.phones
    gap = b.u(M)
    line = b.line_height("body")
    word_w = max(b.text_width(_(w), "body") for w in STATE_WORDS) + 1
    cursor, row_top, row_h = x, y, 0
    cells: list[tuple[int, Rect]] = []
    for index, name in enumerate(run.names):
        name_w = b.text_width(f"{name}:", "body") + 1
        w = line + b.u(8) + name_w + b.u(8) + line + b.u(4) + word_w
        if cursor > x and cursor + w > x + width:
            cursor, row_top = x, row_top + row_h + b.u(4)
        symbol(b, run.style(index), cursor, row_top, line)
        b.text(f"{name}:", "body", cursor + line + b.u(8), row_top, name_w)
        cells.append((index, Rect(cursor + line + 2 * b.u(8) + name_w, row_top, line + b.u(4) + word_w, line)))
        cursor += w + gap
        row_h = line
    area = Rect(x, y, width, row_top + row_h - y)
    spec, u = b.m.font("body"), b.u
    typesetter = b.ts

    def paint(surface: pygame.Surface, rect: Rect, palette) -> None:
        _key, teams, _kind = phones.open_decision()
        for index, cell in cells:
            icon_name, word = team_state(phones, index, teams)
            colour = getattr(palette, STATE_COLOURS[icon_name])
            surface.blit(icons.icon(icon_name, line - u(4), colour), (cell.x, cell.y + u(2)))
            surface.blit(typesetter.render(word, spec, palette.text), (cell.x + line + u(4), cell.y))

    b.art(area, paint)
    phones.strip = area
    return area.h


class JoinOverlay(WorkshopOverlay):
    """The room's QR code, large, with the address and the room code: how teams join from their phones (J)."""

    name = "phones-join"
    icon = "people"
    width_units = 1500

    def title(self) -> str:
        return _("Join from your phones")

    def body(self, b: Builder, x: int, y: int, w: int) -> int:
        phones: Phones = self.run.phones
        top = y
        if phones.problem:
            return b.text(phones.problem, "h3", x, y, w, "bad")
        qr = min(b.m.height // 2, w // 2)
        b.art(Rect(x, y, qr, qr), paint_qr(phones.server.room_url if phones.server else ""))
        tx, tw = x + qr + b.u(M) * 2, w - qr - 2 * b.u(M)
        ty = y
        ty += b.text(_("1. Connect the phone to this room's Wi-Fi (no internet is needed)."), "body", tx, ty, tw) + b.u(S)
        ty += b.text(_("2. Scan the code, or open this address:"), "body", tx, ty, tw) + b.u(S)
        ty += b.text(short_address(phones), "h3", tx, ty, tw) + b.u(S)
        ty += b.text(_("Room code: {code}").format(code=phones.room.code), "h2", tx, ty, tw) + b.u(M)
        joined = sum(1 for n in phones.room.phones_by_team().values() if n > 0)
        ty += b.text(ngettext("{n} of {count} team has a phone.", "{n} of {count} teams have a phone.", len(self.run.names)).format(n=joined, count=len(self.run.names)),
                     "strong", tx, ty, tw) + b.u(S)
        ty += b.text(_("Phones cannot open the page? Check that they use the same Wi-Fi, and allow Bridges through the laptop's firewall (port {port}).")
                     .format(port=phones.port), "body", tx, ty, tw, "muted")
        return max(qr, ty - top)

    def buttons(self) -> list[ButtonSpec]:
        new_phone = [ButtonSpec("new-phone", _("A team's new phone"), "secondary", "people")] if self.run.phones.running else []
        return new_phone + [ButtonSpec("close", _("Close"), "primary", "cross")]

    def activate(self, target_id: str) -> None:
        if target_id == "new-phone":
            self.run.command("new_phone")
        else:
            super().activate(target_id)

    def update(self, dt: float) -> bool:
        if self.run.phones is not None and self.run.phones.pump():
            self.invalidate()
        return super().update(dt)
