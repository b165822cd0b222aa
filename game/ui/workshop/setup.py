"""The workshop set-up: scenario, teams (names, colours and symbols), language,
decision timer, when the feedback shows, and the way to play.

A team's name is edited in place: press it, type (Backspace erases), Enter
or Esc to finish. Its members' names (optional, separated by commas) are
typed the same way under it; they are recorded with the team. Its look (colour and symbol together) changes with the
button beside it, to one no other team has.
"""

from __future__ import annotations

from typing import Any

import pygame

from game.ui.i18n import _, language, language_name, languages, tr
from game.ui.input import Action
from game.ui.layout import Builder, ButtonSpec
from game.ui.library import Entry
from game.ui.scenes.base import Scene, default_focus
from game.ui.scenes.chrome import column, footer, top_bar
from game.ui.theme import L, M, S, TARGET, XL
from game.ui.workshop.looks import STYLES, symbol
from game.ui.workshop.run import Setup, WorkshopRun

Rect = pygame.Rect
MAX_NAME = 24
MAX_MEMBERS = 200  # characters of a team's member names, separated by commas
TIMERS = (None, 30, 60, 120)


def default_name(index: int) -> str:
    return _("Team {n}").format(n=index + 1)


class SetupScene(Scene):
    name = "workshop-setup"
    help_topic = "workshop"

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[Entry] = []
        self.scenario: str | None = None
        self.count = 3
        self.names: list[str | None] = [None] * STYLES  # None: the default name, in the current language
        self.styles: list[int] = list(range(STYLES))
        self.timer: int | None = 60
        self.on_time_up = "lock"  # or "pass" (game.workshop.Workshop)
        self.feedback = "instant"
        self.mode = "turns"
        self.phones = "off"  # off, given (each phone is given the next team), choose (a phone picks its team)
        self.editing: int | None = None
        self.members: list[str] = [""] * STYLES  # member names as typed, separated by commas
        self.editing_members = False  # the field being typed is the members of team ``editing``
        self.notice = ""

    def enter(self, app) -> None:
        super().enter(app)
        self.entries = [e for e in app.library() if e.ok]
        if self.entries and self.scenario is None:
            demo = next((e for e in self.entries if e.id == "demo-river-cleanup"), self.entries[0])
            self.scenario = demo.id

    def exit(self) -> None:
        self.stop_editing()

    # ----- state -------------------------------------------------------------------------------
    def team_name(self, index: int) -> str:
        return self.names[index] if self.names[index] is not None else default_name(index)

    def entry(self) -> Entry | None:
        return next((e for e in self.entries if e.id == self.scenario), None)

    def problems(self) -> str:
        names = [self.team_name(i).strip().casefold() for i in range(self.count)]
        if self.entry() is None:
            return _("Choose a scenario.")
        if any(not n for n in names):
            return _("Every team needs a name.")
        if len(set(names)) < len(names):
            return _("Two teams have the same name. Give each team its own.")
        return ""

    # ----- layout ------------------------------------------------------------------------------
    def build(self, b: Builder) -> None:
        top = top_bar(b, _("Workshop set-up"))
        problem = self.problems()
        note = self.notice or (_("Name a team: press its name and type.") if self.editing is None else _("Type the name. Enter or Esc when it is done."))
        bottom = footer(b, [ButtonSpec("start", _("Start the workshop"), "primary", "right", not problem)], problem or note, "bad" if problem else "text")
        x, width = column(b)
        gap = b.u(XL)
        two = width >= b.u(1500) * b.m.text_scale
        with b.view.scrolling(Rect(0, top, b.m.width, max(b.u(40), bottom - top))):
            y = top + b.u(L)
            if two:
                left_w = (width - gap) * 11 // 20
                left = self._scenarios(b, x, y, left_w)
                self._teams(b, x, left + b.u(L), left_w)
                self._options(b, x + left_w + gap, y, width - left_w - gap)
            else:
                y = self._scenarios(b, x, y, width) + b.u(L)
                y = self._teams(b, x, y, width) + b.u(L)
                self._options(b, x, y, width)
        default_focus(b, "start" if not problem else f"scenario:{self.scenario}")

    def _heading(self, b: Builder, icon: str, text: str, x: int, y: int, w: int) -> int:
        size = b.line_height("h3")
        b.icon(icon, x, y, size, "primary")
        return max(size, b.text(text, "h3", x + size + b.u(M), y, w - size - b.u(M))) + b.u(M)

    def _scenarios(self, b: Builder, x: int, y: int, w: int) -> int:
        y += self._heading(b, "flow", _("Scenario"), x, y, w)
        if not self.entries:
            return y + b.text(_("No scenarios were found."), "body", x, y, w, "bad")
        gap = b.u(S)
        columns = 2 if w >= 2 * b.u(380) * b.m.text_scale + gap else 1
        cell = (w - gap * (columns - 1)) // columns
        for start in range(0, len(self.entries), columns):
            row = self.entries[start:start + columns]
            labels = [tr(e.scenario.title) for e in row]
            h = max(b.button_height(label, cell, "check") for label in labels)
            for i, (entry, label) in enumerate(zip(row, labels)):
                chosen = entry.id == self.scenario
                b.button(f"scenario:{entry.id}", label, Rect(x + i * (cell + gap), y, cell, h), "selected" if chosen else "option", "check" if chosen else None, align="left")
            y += h + gap
        return y

    def _teams(self, b: Builder, x: int, y: int, w: int) -> int:
        y += self._heading(b, "people", _("Teams"), x, y, w)
        button = max(b.u(TARGET), b.line_height("h3") + b.u(S))
        count_w = b.text_width("8", "h2") + 2 * b.u(M)
        b.button("teams:less", "", Rect(x, y, button, button), "secondary", "minus", self.count > 1)
        b.text(str(self.count), "h2", x + button, y + (button - b.line_height("h2")) // 2, count_w, "text", "center")
        b.button("teams:more", "", Rect(x + button + count_w, y, button, button), "secondary", "plus", self.count < STYLES)
        label_x = x + 2 * button + count_w + b.u(M)
        b.text(_("1 to 8 teams"), "body", label_x, y + (button - b.line_height("body")) // 2, w - (label_x - x), "muted")
        y += button + b.u(M)
        look_label = _("Colour")
        look_w = b.button_natural_width(look_label, "right", role="small_bold")
        for i in range(self.count):
            size = max(button, b.line_height("h3"))
            symbol(b, self.styles[i], x, y + (button - size * 3 // 4) // 2, size * 3 // 4)
            name_x = x + size + b.u(M)
            name_w = w - (name_x - x) - look_w - b.u(S)
            editing = self.editing == i and not self.editing_members
            text = self.team_name(i) + ("|" if editing else "")
            h = b.button_height(text, name_w, "textsize" if editing else None, role="strong")
            b.button(f"name:{i}", text, Rect(name_x, y, name_w, h), "selected" if editing else "option", "textsize" if editing else None, role="strong", align="left")
            b.button(f"look:{i}", look_label, Rect(x + w - look_w, y + (h - button) // 2, look_w, button), "quiet", "right", role="small_bold")
            y += max(h, button) + b.u(S)
            typing = self.editing == i and self.editing_members
            people = (self.members[i] + "|") if typing else (_("Members: {names}").format(names=self.members[i]) if self.members[i] else _("Add the members' names (optional)"))
            mh = b.button_height(people, name_w, "people", role="small_bold")
            b.button(f"members:{i}", people, Rect(name_x, y, name_w, mh), "selected" if typing else "quiet", "people", role="small_bold", align="left")
            y += mh + b.u(M)
        return y

    def member_names(self, index: int) -> list[str]:
        return [n for n in (" ".join(part.split()) for part in self.members[index].split(",")) if n]

    def _choice_row(self, b: Builder, icon: str, title: str, options: list[tuple[str, str, bool]], x: int, y: int, w: int) -> int:
        pad = b.u(L)
        index = b.view.mark()
        card = Rect(x, y, w, 0)
        cy = y + pad + self._heading(b, icon, title, x + pad, y + pad, w - 2 * pad)
        specs = [ButtonSpec(tid, label, "selected" if on else "secondary", "check" if on else None) for tid, label, on in options]
        cy += b.button_row(specs, x + pad, cy, w - 2 * pad, "stretch")
        card.h = cy + pad - y
        b.card(card, index=index)
        return card.bottom

    def _options(self, b: Builder, x: int, y: int, w: int) -> int:
        rows = [
            ("globe", _("Language"), [(f"lang:{lang}", language_name(lang), lang == language()) for lang in languages()]),
            ("timer", _("Decision timer"), [(f"timer:{t or 0}", _("No timer") if t is None else _("{n} s").format(n=t), t == self.timer) for t in TIMERS]),
            ("warning", _("When time is up"), [("timeup:lock", _("Answers lock; the trainer decides"), self.on_time_up == "lock"),
                                                ("timeup:pass", _("The turn passes with no answer"), self.on_time_up == "pass")]),
            ("eye", _("Feedback"), [("reveal:instant", _("At once"), self.feedback == "instant"), ("reveal:trainer", _("When the trainer reveals it"), self.feedback == "trainer")]),
            ("people", _("Way to play"), [("mode:turns", _("Teams in turn"), self.mode == "turns"), ("mode:vote", _("Plenary vote"), self.mode == "vote")]),
            ("screen", _("Teams answer from their phones"), [("phones:off", _("No: on this screen"), self.phones == "off"),
                                                            ("phones:given", _("Yes: each phone is given a team"), self.phones == "given"),
                                                            ("phones:choose", _("Yes: phones pick their team"), self.phones == "choose")]),
        ]
        for icon, title, options in rows:
            y = self._choice_row(b, icon, title, options, x, y, w) + b.u(M)
        explain = _("Teams in turn: every team plays its own story, one decision each in turn. Plenary vote: one story for the room; "
                    "the majority of the votes decides each choice, and the room answers the other decisions together.")
        y += b.text(explain, "body", x, y, w, "muted")
        return y

    # ----- editing a name ----------------------------------------------------------------------
    def start_editing(self, index: int, members: bool = False) -> None:
        self.stop_editing()
        self.editing, self.editing_members = index, members
        if not members and self.names[index] is None:
            self.names[index] = ""  # typing replaces the default name; an empty name goes back to it
        pygame.key.start_text_input()
        self.invalidate()

    def stop_editing(self) -> None:
        if self.editing is not None:
            index = self.editing
            self.editing = None
            if self.editing_members:
                self.members[index] = ", ".join(self.member_names(index))
            elif not (self.names[index] or "").strip():
                self.names[index] = None
            else:
                self.names[index] = " ".join(self.names[index].split())
            pygame.key.stop_text_input()
            self.invalidate()

    def on_action(self, action: Action) -> bool:
        if self.editing is None:
            return False
        index, kind = self.editing, action.kind
        if kind == "text" and self.editing_members:
            self.members[index] = "".join(c for c in self.members[index] + (action.target or "") if c.isprintable())[:MAX_MEMBERS]
            self.invalidate()
            return True
        if kind == "text":
            name = (self.names[index] or "") + (action.target or "")
            self.names[index] = "".join(c for c in name if c.isprintable())[:MAX_NAME]
            self.invalidate()
            return True
        if kind == "erase" and self.editing_members:
            self.members[index] = self.members[index][:-1]
            self.invalidate()
            return True
        if kind == "erase":
            self.names[index] = (self.names[index] or "")[:-1]
            self.invalidate()
            return True
        if kind in ("confirm", "back"):
            self.stop_editing()
            return True
        if kind in ("activate", "scroll", "page", "next", "prev", "drag_start", "drag_move", "drop"):
            if kind in ("activate", "next", "prev"):
                self.stop_editing()
            return False
        return True  # letters, digits, Space, + and - are typing, not commands

    # ----- actions -----------------------------------------------------------------------------
    def activate(self, target_id: str) -> None:
        kind, _sep, value = target_id.partition(":")
        self.notice = ""
        if kind == "scenario":
            self.scenario = value
        elif target_id == "teams:less":
            self.count = max(1, self.count - 1)
        elif target_id == "teams:more":
            self.count = min(STYLES, self.count + 1)
        elif kind == "name":
            self.start_editing(int(value))
        elif kind == "members":
            self.start_editing(int(value), members=True)
        elif kind == "look":
            self.next_look(int(value))
        elif kind == "lang":
            self.app.set_language(value)
        elif kind == "timer":
            self.timer = int(value) or None
        elif kind == "timeup" and value in ("lock", "pass"):
            self.on_time_up = value
        elif kind == "reveal":
            self.feedback = value
        elif kind == "mode":
            self.mode = value
        elif kind == "phones" and value in ("off", "given", "choose"):
            self.phones = value
        elif target_id == "start":
            self.start()
            return
        else:
            super().activate(target_id)
            return
        self.invalidate()

    def next_look(self, index: int) -> None:
        """The next colour and symbol that no other team shown has (swapping with a hidden team's)."""
        taken = {self.styles[i] for i in range(self.count) if i != index}
        style = self.styles[index]
        for step in range(1, STYLES + 1):
            candidate = (style + step) % STYLES
            if candidate not in taken:
                other = self.styles.index(candidate)
                self.styles[other], self.styles[index] = self.styles[index], candidate
                return

    def start(self) -> None:
        self.stop_editing()
        problem = self.problems()
        entry = self.entry()
        if problem or entry is None:
            self.notice = problem
            self.invalidate()
            return
        setup = Setup(entry, [self.team_name(i).strip() for i in range(self.count)], self.styles[:self.count],
                      mode=self.mode, timer=self.timer, reveal=self.feedback, on_time_up=self.on_time_up, phones=self.phones != "off", choose_team=self.phones == "choose",
                      members=[self.member_names(i) for i in range(self.count)])
        WorkshopRun(self.app, setup).start()

    def default_action(self) -> None:
        self.activate("start")

    def back(self) -> None:
        if self.editing is not None:
            self.stop_editing()
        else:
            self.app.pop()

    def context(self) -> dict[str, Any]:
        return {"name": self.name, "teams": [self.team_name(i) for i in range(self.count)]}
