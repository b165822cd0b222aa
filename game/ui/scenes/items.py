"""Options chosen (for trainers): per decision of a scenario, how often each option was chosen in the recorded
plays, the options nobody or almost nobody picks, and those strong and weak players choose alike.

Plays come from this computer's results, or from the learning record store
when one is set (read in a thread of its own, so the screen never waits).
The numbers are :mod:`game.xapi.items`'s; ``bridges report --items`` prints the same.
"""

from __future__ import annotations

import threading
from typing import Any

import pygame

from game.ui.i18n import _, ngettext, tr
from game.ui.layout import Builder, ButtonSpec
from game.ui.scenes.base import Scene, default_focus
from game.ui.scenes.chrome import column, footer, top_bar
from game.ui.theme import L, M, S, XL
from game.xapi import config as lrs_config
from game.xapi.client import fetch
from game.xapi.items import FLAT, RARE, ItemRow, analyse, plays_from_sessions, plays_from_statements
from game.xapi.vocab import scenario_iri

Rect = pygame.Rect


class ItemsScene(Scene):
    name = "items"
    help_topic = "items"

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[str, Any] = {}
        self.sessions: list[dict] = []
        self.scenario: str | None = None
        self.source = "local"
        self.rows: list[ItemRow] = []
        self.plays = 0
        self.notice = ""
        self._job: threading.Thread | None = None
        self._fetched: tuple[list[dict], Any] | None = None

    def enter(self, app) -> None:
        super().enter(app)
        self.entries = {e.id: e for e in app.library() if e.ok}
        store = app.results.store
        self.sessions = [s for s in (store.session(row["id"]) for row in store.sessions()) if s]
        played = [sid for sid in self.entries if any(s["scenario"] == sid for s in self.sessions)]
        self.select(played[0] if played else next(iter(self.entries), None))

    def played(self) -> list[str]:
        return [sid for sid in self.entries if any(s["scenario"] == sid for s in self.sessions)]

    def select(self, scenario_id: str | None) -> None:
        self.scenario, self.source, self.notice = scenario_id, "local", ""
        self.rows, self.plays = [], 0
        entry = self.entries.get(scenario_id or "")
        if entry is not None:
            plays = plays_from_sessions(self.sessions, entry.id)
            self.rows, self.plays = analyse(entry.scenario, plays), len(plays)
        self.invalidate()

    def read_lrs(self) -> None:
        cfg = lrs_config.load()
        if not cfg.configured or self.scenario is None or self._job is not None:
            return
        target = scenario_iri(self.scenario)

        def work() -> None:
            self._fetched = fetch(cfg, {"activity": target, "related_activities": "true"})

        self._job = threading.Thread(target=work, name="bridges-items-fetch", daemon=True)
        self._job.start()
        self.notice = _("Reading the plays from the learning record store...")
        self.invalidate()

    def update(self, dt: float) -> bool:
        if self._job is None or self._job.is_alive() or self._fetched is None:
            return super().update(dt)
        statements, answer = self._fetched
        self._job, self._fetched = None, None
        entry = self.entries.get(self.scenario or "")
        if not answer.ok:
            self.notice = _("The learning record store did not answer: {answer}").format(answer=f"{answer.status} {answer.text.strip()[:200]}")
        elif entry is not None:
            plays = plays_from_statements(statements, entry.id)
            self.rows, self.plays, self.source, self.notice = analyse(entry.scenario, plays), len(plays), "lrs", ""
        self.invalidate()
        return True

    # ----- layout ------------------------------------------------------------------------------
    def build(self, b: Builder) -> None:
        top = top_bar(b, _("Options chosen"))
        specs = [ButtonSpec("lrs", _("Read from the learning record store"), "secondary", "globe", lrs_config.load().configured and self._job is None)]
        bottom = footer(b, specs, self.notice or self._summary(), "text")
        x, width = column(b)
        with b.view.scrolling(Rect(0, top, b.m.width, max(b.u(40), bottom - top))):
            y = top + b.u(XL)
            explain = _("For each decision: how many of the recorded plays chose each option. A wrong option almost nobody picks (under {rare} %) "
                        "teaches nothing: rewrite it so it tempts. An option the strongest and the weakest quarter of the players choose "
                        "alike (a difference under {flat} points) does not tell them apart.").format(rare=round(RARE * 100), flat=round(FLAT * 100))
            y += b.text(explain, "body", x, y, width, "muted") + b.u(L)
            scenarios = self.played() or list(self.entries)
            specs = [ButtonSpec(f"scenario:{sid}", tr(self.entries[sid].scenario.title), "selected" if sid == self.scenario else "secondary",
                                "check" if sid == self.scenario else None) for sid in scenarios]
            y += b.button_row(specs, x, y, width, "left") + b.u(L)
            if not self.plays:
                b.text(_("No recorded plays of this scenario yet."), "h3", x, y, width)
            for row in self.rows:
                y = self._row(b, row, x, y, width) + b.u(M)
        default_focus(b, f"scenario:{self.scenario}" if self.scenario else None)

    def _summary(self) -> str:
        where = _("the learning record store") if self.source == "lrs" else _("this computer")
        return ngettext("{n} play from {where}", "{n} plays from {where}", self.plays).format(n=self.plays, where=where)

    def _row(self, b: Builder, row: ItemRow, x: int, y: int, w: int) -> int:
        scene = self.entries[self.scenario].scenario.scenes[row.scene]
        pad = b.u(L)
        index = b.view.mark()
        card = Rect(x, y, w, 0)
        inner = w - 2 * pad
        cy = y + pad
        cy += b.text(tr(scene.title) if scene.title else row.scene, "h3", x + pad, cy, inner)
        cy += b.text(ngettext("{n} play reached this decision", "{n} plays reached this decision", row.plays).format(n=row.plays), "small", x + pad, cy, inner, "muted") + b.u(S)
        texts = {o.id: tr(o.text) for o in scene.options} if row.kind != "pick" else {
            c.cast: tr(m.name) if (m := self.entries[self.scenario].scenario.member(c.cast)) else c.cast for c in scene.pool}
        share_w = b.text_width("100 %", "strong") + b.u(M)
        for option in row.options:
            notes = []
            if option.correct:
                notes.append(_("the handbook's answer"))
            if row.plays and option.rare:
                notes.append(_("almost nobody picks it"))
            if option.flat:
                notes.append(_("strong and weak players choose it alike"))
            if option.d is not None:
                notes.append(_("difference strong - weak: {d:+.0f} points").format(d=100 * option.d))
            b.text(f"{round(100 * option.share)} %", "strong", x + pad, cy, share_w, "bad" if row.plays and option.rare and not option.correct else "text")
            tx = x + pad + share_w
            h = b.text(texts.get(option.id, option.id), "body", tx, cy, inner - share_w)
            b.bar(Rect(tx, cy + h + b.u(2), (inner - share_w) // 2, b.u(8)), option.share)
            h += b.u(12)
            if notes:
                h += b.text(" · ".join(notes), "small", tx, cy + h, inner - share_w, "muted")
            cy += h + b.u(S)
        card.h = cy + pad - y
        b.card(card, index=index)
        return card.bottom

    def activate(self, target_id: str) -> None:
        kind, _sep, value = target_id.partition(":")
        if kind == "scenario":
            self.select(value)
        elif target_id == "lrs":
            self.read_lrs()
        else:
            super().activate(target_id)

    def back(self) -> None:
        self.app.pop()
