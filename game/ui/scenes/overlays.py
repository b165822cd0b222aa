"""Overlays pushed over a scene: pause menu, help, relationships, confirm.

Each is a panel in the middle of the screen; what is below stays visible,
dimmed. Esc closes an overlay.
"""

from __future__ import annotations

from typing import Callable

import pygame

from game.ui.art import moods, stage
from game.ui.i18n import _, tr
from game.ui.layout import Builder, ButtonSpec
from game.ui.play import KIND_NAMES
from game.ui.scenes.base import Scene, default_focus
from game.ui.scenes.chrome import margin
from game.ui.theme import L, M, RADIUS, S, XL
from game.ui.workshop.keys import TRAINER_KEYS
from game.ui.view import Box, View

Rect = pygame.Rect


def button_column(b: Builder, specs: list[ButtonSpec], x: int, y: int, w: int, focus: str, role: str = "button") -> int:
    """A menu: the buttons one under another, full width, with their number keys; ``focus`` has the focus. Returns the bottom."""
    for spec in specs:
        h = b.button_height(spec.label, w, spec.icon, spec.hotkey, role)
        b.button(spec.id, spec.label, Rect(x, y, w, h), spec.style, spec.icon, hotkey=spec.hotkey, role=role)
        y += h + b.u(M)
    default_focus(b, focus)
    return y


class Overlay(Scene):
    """A centred panel: a title, a scrolling body and a row of buttons."""

    opaque = False
    width_units = 1100
    icon = "help"

    def title(self) -> str:
        raise NotImplementedError

    def body(self, b: Builder, x: int, y: int, w: int) -> int:
        """Lay the body out at (x, y) in width w; return its height."""
        return 0

    def buttons(self) -> list[ButtonSpec]:
        return [ButtonSpec("close", _("Close"), "primary", "cross")]

    def build(self, b: Builder) -> None:
        edge = margin(b)
        width = min(b.m.width - 2 * edge, b.u(self.width_units) + int(b.u(400) * (b.m.text_scale - 1)))
        pad = b.u(XL)
        inner = width - 2 * pad
        scratch = Builder(View(b.view.size), b.m, b.ts, b.palette)
        body_h = self.body(scratch, 0, 0, inner)
        title_size = b.line_height("h2")
        title_h = max(title_size, b.text_height(self.title(), "h2", inner - title_size - b.u(M)))
        specs = self.buttons()
        buttons_h = scratch.button_row(specs, 0, 0, inner, "right") if specs else 0
        chrome_h = pad + title_h + b.u(L) + (b.u(L) + buttons_h if specs else 0) + pad
        height = min(b.m.height - 2 * edge, chrome_h + body_h)
        panel = Rect((b.m.width - width) // 2, (b.m.height - height) // 2, width, height)
        b.view.add(Box(panel, "surface", "border", b.u(b.palette.border_width), b.u(RADIUS), b.u(8)))
        y = panel.y + pad
        body_bottom = panel.bottom - pad - (buttons_h + b.u(L) if specs else 0)
        if specs:
            b.button_row(specs, panel.x + pad, panel.bottom - pad - buttons_h, inner, "right")
        # a small window with large text: the title scrolls with the body, so the body keeps its room
        title_scrolls = chrome_h + body_h > height and body_bottom - (y + title_h + b.u(L)) < b.m.height * 0.4

        def head(y: int) -> int:
            b.icon(self.icon, panel.x + pad, y, title_size, "primary")
            b.text(self.title(), "h2", panel.x + pad + title_size + b.u(M), y, inner - title_size - b.u(M), "text", container=None if title_scrolls else panel)
            return y + title_h + b.u(L)

        if title_scrolls:
            with b.view.scrolling(Rect(panel.x, y, panel.w, max(b.u(20), body_bottom - y))):
                self.body(b, panel.x + pad, head(y), inner)
        else:
            y = head(y)
            with b.view.scrolling(Rect(panel.x, y, panel.w, max(b.u(20), body_bottom - y))):
                self.body(b, panel.x + pad, y, inner)
        if specs:
            default_focus(b, specs[-1].id)

    def activate(self, target_id: str) -> None:
        if target_id == "close":
            self.app.pop()
        else:
            super().activate(target_id)

    def back(self) -> None:
        self.app.pop()


class PauseOverlay(Overlay):
    """The in-game menu: continue, help, settings, leave, quit."""

    name = "pause"
    icon = "menu"
    width_units = 820

    def title(self) -> str:
        return _("Menu")

    def _items(self) -> list[ButtonSpec]:
        return [
            ButtonSpec("continue", _("Continue"), "primary", "right", hotkey=1),
            ButtonSpec("help", _("Help"), "secondary", "help", hotkey=2),
            ButtonSpec("people", _("People you know"), "secondary", "people", hotkey=3),
            ButtonSpec("settings", _("Settings"), "secondary", "menu", hotkey=4),
            ButtonSpec("saves", _("Save or load a game"), "secondary", "save", hotkey=5),
            ButtonSpec("leave", _("Save and go to the scenarios"), "secondary", "left", hotkey=6),
            ButtonSpec("quit", _("Save and quit"), "quiet", "cross", hotkey=7),
        ]

    def enter(self, app) -> None:
        super().enter(app)
        if hasattr(app.play, "pause_clock"):
            app.play.pause_clock()  # time in the menu is not time spent on the decision

    def exit(self) -> None:
        if self.app is not None and hasattr(self.app.play, "resume_clock"):
            self.app.play.resume_clock()

    def buttons(self) -> list[ButtonSpec]:
        return []

    def body(self, b: Builder, x: int, y: int, w: int) -> int:
        top = y
        play = self.app.play
        note = _("Your game is saved after every decision.")
        if play is not None and play.save_problem:
            note = _("The last save failed: {reason}").format(reason=play.save_problem)
        y += b.text(note, "body", x, y, w, "bad" if play is not None and play.save_problem else "muted") + b.u(L)
        results = getattr(play, "results", None)
        if results is not None and results.problem is not None:
            y += b.text(_("Results are not being recorded: {problem} Your game goes on.").format(problem=results.problem_text()), "small", x, y, w, "bad") + b.u(L)
        return button_column(b, self._items(), x, y, w, "continue") - top

    def activate(self, target_id: str) -> None:
        app = self.app
        if target_id == "continue":
            app.pop()
        elif target_id == "help":
            app.show("help", app.stack[-2].help_topic if len(app.stack) > 1 else "general")
        elif target_id == "people":
            app.show("people")
        elif target_id == "settings":
            app.show("settings")
        elif target_id == "saves":
            app.open_saves()
        elif target_id == "leave":
            app.leave_play()
        elif target_id == "quit":
            app.running = False
        else:
            super().activate(target_id)


def topic_text(topic: str) -> str:
    texts = {
        "choice": _("Read the situation and choose one option: click or tap its card, or press its number. Then confirm."),
        "event": _("Something happened. Choose how you respond: click or tap a response, or press its number. Then confirm."),
        "pick": _("Choose the cards you want. Research shows hidden traits but costs time or money. Confirm when you have picked enough."),
        "negotiate": _(
            "Choose a term for each open clause and propose. The counterpart accepts, or refuses and says why. "
            "Ask about a clause to learn what matters to them, accept their offer, call the facilitator when you are stuck, "
            "and sign when you are ready. Each proposal and question uses some of their patience."
        ),
        "sequence": _(
            "Put the steps in order. Drag a step or use its arrow buttons. With the keyboard, Ctrl with the up or down arrow moves the focused step; or pick it up with Space, move it with the arrow keys and put it down with Space."
        ),
        "allocate": _("Spread the points over the options with the minus and plus buttons, or the + and - keys. Confirm when no points are left."),
        "feedback": _("See what your decision changed and which rule of the handbook it touched. Continue when you are ready."),
        "debrief": _("Your results: the grade, the areas of the handbook, every decision with the rules it honoured or broke, and advice for next time."),
        "briefing": _("Read about your organisation, its goals and its resources, then start."),
        "settings": _("Change the language, the text size, the contrast and the screen mode. Changes apply at once."),
        "saves": _("Save the game in one of three slots, or load a saved game; it goes on at its last decision. "
                   "A save that cannot be loaded says why, and its file is kept."),
        "workshop": _("A workshop: teams decide in turn or the room votes, with a decision timer. The trainer leads with the keys below "
                      "(P, R, T, S, L, B, E) or the trainer bar under the team's name."),
        "vote": _("The room votes: enter how many votes each option got with + and -, or let each team press the number of its option. "
                  "The majority decides; a tie goes to the option listed first."),
        "comparison": _("The teams side by side: scores and the handbook's areas, the decisions where the teams split, "
                        "with a question to discuss for each, and the rules broken most often."),
        "players": _("What is recorded: the name you give (your e-mail address only if you agree), each decision with the time it took, "
                     "and your scorecard. Where: in the results file in Bridges' data folder on this computer and, if your trainer has set "
                     "a learning record store, there too. To delete it: Settings > Players and their records > Forget, or the command "
                     "'bridges forget NAME'. Records already sent stay in the learning record store; its administrator deletes them.")
                   + " " + _("Forgetting also tells the learning record store to mark those records void, so they no longer count as yours."),
        "items": _("For each decision, the share of recorded plays that chose each option. Rewrite a wrong option almost nobody picks, "
                   "and an option the strongest and the weakest players choose alike: neither teaches."),
    }
    return texts.get(topic, _("Choose where to go with the mouse, a finger or the keyboard."))


class HelpOverlay(Overlay):
    """How to play this screen, and the keys."""

    name = "help"
    icon = "help"

    def __init__(self, topic: str = "general"):
        super().__init__()
        self.topic = topic

    def title(self) -> str:
        return _("Help")

    def buttons(self) -> list[ButtonSpec]:
        return [ButtonSpec("glossary", _("Glossary"), "secondary", "help"), ButtonSpec("close", _("Close"), "primary", "cross")]

    def activate(self, target_id: str) -> None:
        if target_id == "glossary":
            self.app.open_glossary()
        else:
            super().activate(target_id)

    def body(self, b: Builder, x: int, y: int, w: int) -> int:
        top = y
        y += b.text(_("This screen"), "h3", x, y, w) + b.u(S)
        y += b.text(topic_text(self.topic), "body", x, y, w) + b.u(L)
        y += b.text(_("Keys"), "h3", x, y, w) + b.u(S)
        keys = [
            (_("1 to 9"), _("choose an option or a button with that number")),
            (_("Enter"), _("confirm, or press the highlighted button")),
            (_("Tab, arrows"), _("move between buttons")),
            (_("Esc"), _("back, or open the menu during a game")),
            ("F1", _("help")),
            ("F2", _("switch language")),
            ("F3", _("high contrast on or off")),
            ("F4", _("people you know")),
            ("F5", _("read the scenario file again while playing (for authors)")),
            ("F11", _("full screen on or off")),
            (_("Ctrl + / Ctrl -"), _("bigger or smaller text")),
            (_("Page Up / Page Down"), _("scroll")),
        ]
        if self.topic.startswith("workshop") or self.app.workshop is not None:
            keys = [key for key in keys if key[0] != "F5"]  # reloading is for a solo game
            keys += [(letter, _(meaning)) for letter, _command, meaning in TRAINER_KEYS]
        key_w = min(w // 3, max(b.text_width(k, "strong") for k, _v in keys) + b.u(M))
        for key, meaning in keys:
            h = b.text(key, "strong", x, y, key_w - b.u(M))
            y += max(h, b.text(meaning, "body", x + key_w, y, w - key_w)) + b.u(S)
        y += b.u(M)
        y += b.text(_("Mouse and touch"), "h3", x, y, w) + b.u(S)
        y += b.text(_("Click or tap any button or card. Drag to scroll a long page, or use the mouse wheel. Nothing needs hovering."), "body", x, y, w)
        y += b.u(L)
        y += b.text(_("About"), "h3", x, y, w) + b.u(S)
        y += b.text(about_text(), "body", x, y, w)
        return y - top


def about_text() -> str:
    """Where the rules come from (the handbook's origin and attribution), the version and the licences."""
    from game.version import version

    return _("Bridges {version} teaches the rules of the handbook “Networking: Building Partnerships”, "
             "a training resource for NGO staff from ATSIV, an Erasmus+ Key Action 2 project (2016-2019) of Greek, "
             "Bulgarian and Romanian organisations. Bridges is an independent game based on the handbook: neither "
             "the ATSIV partners nor the European Commission are responsible for it. Bridges is free software "
             "under the MIT licence; its fonts, Noto Sans, are under the SIL Open Font License.").format(version=version())


class PeopleOverlay(Overlay):
    """The relationships panel: everyone the NGO knows, with trust as a bar and a number."""

    name = "people"
    icon = "people"

    def title(self) -> str:
        return _("People you know")

    def body(self, b: Builder, x: int, y: int, w: int) -> int:
        top = y
        play = self.app.play
        if play is None:
            return 0
        state = play.session.state
        if not state.met:
            return b.text(_("You have not met anyone yet. You meet people when you pick them, negotiate with them or work with them."), "body", x, y, w, "muted")
        picked = {cast for members in state.picks.values() for cast in members}
        size = b.line_height("h3") * 2
        for cast_id in state.met:
            member = play.scenario.member(cast_id)
            if member is None:
                continue
            trust = play.session.trust(cast_id)
            row_top = y
            stage.portrait(b, member, x, y, size, play, moods.from_trust(trust))
            tx = x + size + b.u(M)
            tw = w - size - b.u(M)
            y += b.text(tr(member.name), "h3", tx, y, tw)
            role = _(KIND_NAMES.get(member.kind, member.kind))
            if cast_id in picked:
                role = _("{role} · in your partnership").format(role=role)
            y += b.text(role, "small", tx, y, tw, "muted") + b.u(S)
            number = _("Trust {value} of 100").format(value=trust)
            number_w = b.text_width(number, "small_bold")
            bar_w = max(b.u(60), tw - number_w - b.u(M))
            b.bar(Rect(tx, y + b.u(6), bar_w, b.u(16)), trust / 100, "primary")
            y += b.text(number, "small_bold", tx + bar_w + b.u(M), y, number_w + 1) + b.u(L)
            y = max(y, row_top + size + b.u(L))
        return y - top


class ConfirmOverlay(Overlay):
    """Ask before something that cannot be undone."""

    name = "confirm"
    icon = "warning"
    width_units = 900

    def __init__(self, title: str, message: str, confirm_label: str, on_confirm: Callable[[], None], danger: bool = False):
        super().__init__()
        self._title, self.message, self.confirm_label = title, message, confirm_label
        self.on_confirm, self.danger = on_confirm, danger

    def title(self) -> str:
        return self._title

    def body(self, b: Builder, x: int, y: int, w: int) -> int:
        return b.text(self.message, "body", x, y, w)

    def buttons(self) -> list[ButtonSpec]:
        return [
            ButtonSpec("close", _("Cancel"), "secondary", "left"),
            ButtonSpec("yes", self.confirm_label, "danger" if self.danger else "primary", "check"),
        ]

    def build(self, b: Builder) -> None:
        default_focus(b, "close")  # the safe choice: Enter on a dialog that cannot be undone cancels it
        super().build(b)

    def activate(self, target_id: str) -> None:
        if target_id == "yes":
            self.app.pop(fade=False)
            self.on_confirm()
        else:
            super().activate(target_id)

    def default_action(self) -> None:
        pass
