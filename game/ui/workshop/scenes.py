"""The workshop's decision screens: the game's own decision screens with a
workshop wrapper (the strip under the status bar, trainer keys, the timer
ticking, answers routed to the workshop), and the plenary vote.

:func:`decision_scene` picks the screen for the current team's scene, as
:func:`game.ui.scenes.scene_for` does in solo play; in plenary vote mode a
choice or an event becomes a :class:`VoteScene` and every other kind (pick,
negotiate, sequence, allocate) is answered directly, for the room.
"""

from __future__ import annotations

from typing import Any

import pygame

from game.ui import screens
from game.ui.i18n import _, language, ngettext, tr
from game.ui.input import Action
from game.ui.layout import Builder, ButtonSpec
from game.ui.play import left_scene
from game.ui.scenes.base import default_focus
from game.ui.scenes.cards import headed_card
from game.ui.scenes.choice import EventScene
from game.ui.scenes.decision import DecisionScene
from game.ui.scenes.ending import EndingScene
from game.ui.scenes.feedback import FeedbackScene
from game.ui.theme import L, M, S, TARGET, XS
from game.ui.view import Box
from game.ui.workshop.looks import team_button, team_button_size
from game.ui.workshop.paging import page_of, page_starts

Rect = pygame.Rect


class WorkshopScreen:
    """Mixed into a screen: trainer keys and buttons, the ticking timer, Esc opens the workshop menu.

    A decision (``paged``) too long for the room's screen turns in pages ("1/2" in the footer, Page Up / Page Down)."""

    run: Any = None
    paged = False
    pages: list[int] = [0]  # where each page of the scrolling area starts (game.ui.workshop.paging)

    def build(self, b: Builder) -> None:
        if not self.paged:
            super().build(b)  # type: ignore[misc]
            return
        self._fit(b)
        starts = page_starts(b.view, b.u(S))
        if (len(starts) > 1) != (len(self.pages) > 1):  # the footer's page button comes or goes: lay out again
            self.pages = starts
            b.view.__init__(b.view.size)  # type: ignore[misc]
            super().build(b)  # type: ignore[misc]
            starts = page_starts(b.view, b.u(S))
        self.pages = starts

    _fitted: tuple = ()  # (window size, text scale, language, palette, whether it fitted): what the kept arrangement was chosen for

    def _fit(self, b: Builder) -> None:
        """Lay out the first of the scene's arrangements that fits the screen (the roomiest first); if none does,
        the one that needs the least scrolling, which then pages.

        The arrangement is kept while the window, text size, language and theme stay, so the screen does not
        jump between arrangements as votes come in or an option is chosen; it is chosen again only when it no
        longer fits."""
        key = (b.m.width, b.m.height, b.m.text_scale, language(), b.palette.name)
        if self._fitted[:-1] == key:
            super().build(b)  # type: ignore[misc]
            if b.view.max_scroll <= 0 or not self._fitted[-1]:
                return
        best: tuple[int, Any] | None = None
        for fit in self.fit_ladder(b):  # type: ignore[attr-defined]
            self.fit = fit
            b.view.__init__(b.view.size)  # type: ignore[misc]
            super().build(b)  # type: ignore[misc]
            over = b.view.max_scroll
            if over <= 0:
                self._fitted = (*key, True)
                return
            if best is None or over < best[0]:
                best = (over, fit)
        self._fitted = (*key, False)
        if best is not None and best[1] != self.fit:
            self.fit = best[1]
            b.view.__init__(b.view.size)  # type: ignore[misc]
            super().build(b)  # type: ignore[misc]

    def page_specs(self) -> list[ButtonSpec]:
        """The page button ("1/2": on to the next page, from the last back to the first), when there are pages."""
        if not self.paged or len(self.pages) < 2:
            return []
        page = page_of(self.pages, self.scroll)  # type: ignore[attr-defined]
        last = page == len(self.pages) - 1
        return [ButtonSpec("page:next", f"{page + 1}/{len(self.pages)}", "secondary", "up" if last else "down")]

    def footer_specs(self) -> tuple[list[ButtonSpec], str]:
        specs, note = super().footer_specs()  # type: ignore[misc]
        return self.page_specs() + specs, note

    def turn_page(self, step: int) -> None:
        count = len(self.pages)
        page = (page_of(self.pages, self.scroll) + step) % count  # type: ignore[attr-defined]
        self.scroll = self.pages[page]
        self.invalidate()  # type: ignore[attr-defined]

    def on_action(self, action: Action) -> bool:
        if self.run.handle(action):
            return True
        if action.kind == "page" and self.paged and len(self.pages) > 1:
            self.turn_page(action.value)
            return True
        return super().on_action(action)  # type: ignore[misc]

    def update(self, dt: float) -> bool:
        busy = super().update(dt)  # type: ignore[misc]
        run = self.run
        run.pump_phones()
        if self.app.top is not self or run.workshop.ended:  # type: ignore[attr-defined]
            return busy
        if getattr(self.play, "stage", "") == "decision":  # type: ignore[attr-defined]
            run.check_time()
            if self.app.top is not self:  # type: ignore[attr-defined]
                return True
        if run.timer_label(getattr(self.play, "stage", "")) != run.state.timer_drawn or run.state.notice_key() != run.state.notice_drawn:  # type: ignore[attr-defined]
            self.invalidate()  # type: ignore[attr-defined]
        return run.timer_running() and getattr(self.play, "stage", "") == "decision" or busy  # type: ignore[attr-defined]

    def activate(self, target_id: str) -> None:
        if target_id == "page:next":
            self.turn_page(1)
        elif target_id.startswith("trainer:"):
            self.run.command(target_id.split(":", 1)[1])
        elif target_id == "global:menu":
            self.open_menu()
        else:
            super().activate(target_id)  # type: ignore[misc]

    def open_menu(self) -> None:
        self.app.show("workshop-menu", self.run, once=True)  # type: ignore[attr-defined]

    def back(self) -> None:
        self.open_menu()


class WorkshopDecision(WorkshopScreen):
    """Mixed into a reused decision screen: its answer goes through the workshop, then to the workshop's feedback."""

    paged = True

    def commit(self, answer: dict) -> list[dict] | None:
        from game.core.engine import InvalidAnswer

        try:
            events = self.play.answer(answer)  # type: ignore[attr-defined]
        except InvalidAnswer:
            self.notice = locked_notice(self.run) or _("That is not possible here. Check the choices and try again.")
            self.invalidate()  # type: ignore[attr-defined]
            return None
        self.notice = ""
        if left_scene(events):
            model = self.scene_model  # type: ignore[attr-defined]
            self.run.show_feedback(self.play.index, events, tr(model.title) if model.title else "")  # type: ignore[attr-defined]
        else:
            self.invalidate()  # type: ignore[attr-defined]
        return events


def locked_notice(run: Any) -> str:
    """Why an answer is refused when the time is up and answers wait for the trainer ("" otherwise)."""
    if run.workshop.locked:
        return _("Time is up: the trainer decides. T adds 30 seconds; S lets the answer in without the timer.")
    return ""


_classes: dict[type, type] = {}


def _wrapped(base: type, mixin: type = WorkshopDecision) -> type:
    cls = _classes.get(base)
    if cls is None:
        cls = _classes[base] = type(f"Workshop{base.__name__}", (mixin, base), {})
    return cls


def decision_scene(run: Any, play: Any) -> Any:
    """The screen for the current team's scene."""
    kind = play.session.scene.kind
    if run.mode == "vote" and kind in ("choice", "event"):
        scene = VoteScene(play)
    else:
        scene = _wrapped(screens.maker(kind))(play)  # the solo screen of that kind, with the workshop's mixin
    scene.run = run
    return scene


def ending_scene(run: Any, play: Any) -> Any:
    scene = WorkshopEndingScene(play)
    scene.run = run
    return scene


class WorkshopEndingScene(WorkshopScreen, EndingScene):
    """How one team's story ended; then on to the next team, or the comparison."""

    def footer_specs(self) -> tuple[list[ButtonSpec], str]:
        label = _("See the comparison") if self.run.workshop.finished else _("Continue")
        return [ButtonSpec("continue", label, "primary", "right", hotkey=1)], ""

    def build(self, b: Builder) -> None:
        super().build(b)
        b.view.meta["focus"] = "continue"

    def activate(self, target_id: str) -> None:
        if target_id in ("continue", "debrief"):
            self.run.after_ending()
        else:
            super().activate(target_id)

    def default_action(self) -> None:
        self.activate("continue")


class WorkshopFeedbackScene(WorkshopScreen, FeedbackScene):
    """What a decision did, for the team that took it; the room's vote when it was a vote; feedback the trainer holds back."""

    def __init__(self, run: Any, play: Any, events: list[dict], title: str = "", vote: dict | None = None):
        super().__init__(play, events, title)
        self.run = run
        self.vote = vote if vote is not None else (run.last_vote() if run.mode == "vote" else None)
        if self.vote is not None and self.vote.get("seq") != len(play.session.state.log) - 1:
            self.vote = None  # the last vote was not this decision (the room answered directly)

    @property
    def held(self) -> bool:
        return bool(self.run.workshop.held)

    def show_revealed(self, events: list[dict]) -> None:
        self.events = self.events + events
        self.invalidate()

    def _happened(self, b: Builder, x: int, y: int, w: int) -> int:
        if self.vote is not None:
            y = self._vote_card(b, x, y, w) + b.u(L)
        return super()._happened(b, x, y, w)

    def _rules(self, b: Builder, x: int, y: int, w: int) -> int:
        if not self.held:
            return super()._rules(b, x, y, w)

        def rows(b: Builder, x: int, y: int, w: int, card: Rect) -> int:
            return y + b.text(_("The trainer reveals what the handbook says about this decision (R)."), "body", x, y, w, "text", container=card)

        return headed_card(b, x, y, w, "eye", _("The handbook"), rows)

    def _vote_card(self, b: Builder, x: int, y: int, w: int) -> int:
        vote = self.vote
        scene = self.play.scenario.scenes[vote["scene"]]
        options = {o.id: (n, tr(o.text)) for n, o in enumerate(getattr(scene, "options", []), 1)}
        total = sum(vote["votes"].values()) or 1

        def rows(b: Builder, x: int, y: int, w: int, card: Rect) -> int:
            ranked = sorted(vote["votes"].items(), key=lambda kv: (-kv[1], options.get(kv[0], (99, ""))[0]))
            for key, count in ranked:
                number, text = options.get(key, (0, key))
                chosen = key == vote["chosen"]
                words = ngettext("{n} vote", "{n} votes", count).format(n=count)
                if chosen:
                    words = _("{votes} · chosen").format(votes=words)
                words_w = b.text_width(words, "strong") + 1
                b.icon("check" if chosen else "bubble", x, y + b.u(4), b.line_height("body") - b.u(8), "good" if chosen else "muted")
                text_x = x + b.line_height("body") + b.u(S)
                y += b.text(f"{number}. {text}", "body", text_x, y, w - (text_x - x), container=card) + b.u(4)
                bar_w = max(b.u(60), w - (text_x - x) - words_w - b.u(M))
                b.bar(Rect(text_x, y + b.u(8), bar_w, b.u(16)), count / total, "primary" if chosen else "muted")
                y += b.text(words, "strong", text_x + bar_w + b.u(M), y, words_w, "text", container=card) + b.u(M)
            teams = vote.get("teams") or {}
            if teams:
                parts = [f"{self.run.names[i]}: {options.get(k, (0, k))[0]}" for i, k in sorted(teams.items())]
                y += b.text(_("Team votes: {votes}").format(votes=", ".join(parts)), "small_bold", x, y, w, "text", container=card) + b.u(M)
            return y - b.u(M)

        return headed_card(b, x, y, w, "people", _("The room's vote"), rows)

    def activate(self, target_id: str) -> None:
        if target_id == "continue":
            self.run.after_feedback(self.play.index)
        else:
            super().activate(target_id)


class VoteScene(WorkshopScreen, DecisionScene):
    """A plenary vote on a choice or an event.

    The trainer enters the votes each option got (+ and -), or the teams, in
    turn, press the number of the option they vote for. The majority decides
    (a tie goes to the option written first).
    """

    name = "vote"
    help_topic = "vote"
    paged = True

    def __init__(self, play: Any):
        super().__init__(play)
        self.counts: dict[str, int] = {o.id: 0 for o in self.options()}
        self.team_votes: dict[int, str] = {}
        self.voter: int | None = 0

    def options(self) -> list[Any]:
        return list(self.play.session.options())

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def hidden(self) -> bool:
        """The phones' votes are not shown until the trainer reveals them (R) or decides."""
        phones = getattr(self.run, "phones", None)
        return phones is not None and phones.hides_votes(self)

    def leader(self) -> tuple[str | None, bool]:
        """(the option that would win now, whether it is a tie)."""
        if not self.total:
            return None, False
        top = max(self.counts.values())
        leaders = [o.id for o in self.options() if self.counts.get(o.id) == top]
        return leaders[0], len(leaders) > 1

    # ----- layout ----------------------------------------------------------------------------
    def intro(self, b: Builder, x: int, y: int, width: int) -> int:
        if self.scene_model.kind == "event":
            return EventScene.intro(self, b, x, y, width)  # type: ignore[arg-type]
        return super().intro(b, x, y, width)

    news_card = EventScene.news_card  # an event's news, as the event screen shows it
    options_beside = True  # on a wide projector screen the options and their votes stand beside the question
    grid = 2  # or in two columns

    def footer_specs(self) -> tuple[list[ButtonSpec], str]:
        leader, tie = self.leader()
        ids = [o.id for o in self.options()]
        if self.hidden:
            note = _("The teams vote on their phones. R shows the votes.")
        elif self.fit.compact == 2 and self.voter_prompt() and self.voter is not None:
            note = self.voter_prompt()  # the tightest fit: whose vote the keys enter, here rather than over the options
        elif leader is None:
            note = _("No votes yet.")
        elif tie:
            note = _("A tie: the option listed first, {n}, wins.").format(n=ids.index(leader) + 1)
        else:
            note = ngettext("{n} vote. Option {option} leads.", "{n} votes. Option {option} leads.", self.total).format(n=self.total, option=ids.index(leader) + 1)
        return self.page_specs() + [
            ButtonSpec("clear", _("Clear the votes"), "quiet", "cross", self.total > 0),
            ButtonSpec("confirm", _("Decide"), "primary", "check", self.total > 0),
        ], note

    def body(self, b: Builder, x: int, y: int, width: int) -> int:
        y = self._voters(b, x, y, width)
        leader, _tie = self.leader()
        options = self.options()
        button = max(b.u(TARGET), b.line_height("h2") + b.u(S))
        count_w = b.text_width("888", "h2") + b.u(M)
        controls_w = 2 * button + count_w + 2 * b.u(S)
        gap = b.u(S)
        columns = self.body_columns(b, width, gap)
        row_w = (width - gap * (columns - 1)) // columns
        for row_start in range(0, len(options), columns):  # on the projector the rows may stand in columns, a row sharing one height
            cards = [self._row(b, option, number, x + i * (row_w + gap), y, row_w, button, count_w, controls_w, option.id == leader)
                     for i, (number, option) in enumerate(enumerate(options[row_start:row_start + columns], row_start + 1))]
            height = max(card.rect.h for card in cards)
            for card in cards:
                card.rect.h = height
            y += height + gap
        if options:
            default_focus(b, f"more:{options[0].id}")
        return y

    def voter_prompt(self) -> str:
        """Whose vote the number keys enter ("" when the teams do not vote in turn here: one team, or phones)."""
        names = self.run.names
        if len(names) < 2 or getattr(self.run, "phones", None) is not None:
            return ""  # with phones, the strip above shows who has voted
        if self.voter is not None:
            return _("{team}: press the number of your option.").format(team=names[self.voter])
        return _("Every team has voted. Press a team to change its vote.")

    def _voters(self, b: Builder, x: int, y: int, width: int) -> int:
        names = self.run.names
        prompt = self.voter_prompt()
        if not prompt:
            return y
        gap = b.u(S)
        top, index = y, b.view.mark()  # a panel goes under the prompt and the teams: over a backdrop they need one
        panel_x, panel_w = x, width
        x, width = x + gap, width - 2 * gap
        ids = [o.id for o in self.options()]
        chips = []
        hidden = self.hidden
        for i, name in enumerate(names):
            vote = self.team_votes.get(i)
            label = f"{name}: {'✓' if hidden else ids.index(vote) + 1}" if vote in ids else f"{name}: –"
            chips.append((i, label, *team_button_size(b, label, width)))
        chips_w = sum(c[2] for c in chips) + gap * (len(chips) - 1)
        prompt_w = b.text_width(prompt, "h3") + 1
        height = max(c[3] for c in chips)
        if prompt_w + b.u(L) + chips_w <= width:  # the prompt and the teams on one row
            b.text(prompt, "h3", x, y + (height - b.line_height("h3")) // 2, prompt_w)
            cursor, left = x + prompt_w + b.u(L), x + prompt_w + b.u(L)
        elif self.fit.compact == 2:  # the tightest fit: the prompt is the footer's note (footer_specs)
            cursor = left = x
        else:
            y += b.text(prompt, "h3", x, y, width) + b.u(S)
            cursor = left = x
        row_h = 0
        for i, label, w, h in chips:
            if cursor > left and cursor + w > x + width:
                cursor, y = left, y + row_h + gap
                row_h = 0
            team_button(b, f"voter:{i}", self.run.style(i), label, Rect(cursor, y, w, h), selected=i == self.voter)
            cursor += w + gap
            row_h = max(row_h, h)
        edge = b.u(4)  # the panel takes no height of its own: the fit of the arrangement stays as it was
        b.card(Rect(panel_x, top - edge, panel_w, y + row_h - top + 2 * edge), "surface", "border", shadow=0, index=index)
        return y + row_h + b.u(S if self.fit.compact == 2 else M)

    def _row(self, b: Builder, option: Any, number: int, x: int, y: int, w: int, button: int, count_w: int, controls_w: int, leading: bool) -> Box:
        """An option's card: its number and whole text, the votes as a bar (under the text, or on a tight fit under the
        controls), and - count + beside the text (under it only when beside would leave the text under 16 characters a line)."""
        pad = b.u(S if self.fit.compact else M)
        role = self.roles()[2]
        index = b.view.mark()
        card = Rect(x, y, w, 0)
        stacked = w - 3 * pad - controls_w - b.line_height(role) < b.text_width("x" * 16, role)
        text_w = w - 2 * pad - (0 if stacked else controls_w + pad)
        badge = b.line_height(role)
        cy = y + pad
        circle = Rect(x + pad, cy, badge, badge)
        b.view.add(Box(circle, None, "primary", b.u(2), b.u(8)))
        b.text(str(number), "small_bold", circle.x, circle.y + (badge - b.line_height("small_bold")) // 2, badge, "primary", "center", container=circle)
        text_x = x + pad + badge + b.u(M)
        line_w = text_w - badge - b.u(M)
        text_h = b.text(tr(option.text), role, text_x, cy, line_w, container=card)
        count = self.counts[option.id]
        if self.hidden:
            count, leading = 0, False
        bar_h = b.u(10 if self.fit.compact else 14)
        line_h = b.line_height("small_bold") if leading else bar_h
        under_controls = bool(self.fit.compact) and not stacked  # a tight fit: the votes' bar under - count +, not a line of its own
        if under_controls:
            cx, ccy = x + w - pad - controls_w, cy
            line_x, bar_room, line_top = cx, controls_w, ccy + button + b.u(XS)
            bottom = max(cy + max(text_h, badge), line_top + line_h)
        else:
            line_x, bar_room, line_top = text_x, line_w, cy + max(text_h, badge) + b.u(XS if self.fit.compact else S)
            bottom = line_top + line_h
        word_w = 0
        if leading:  # a word beside the bar: never colour alone
            word = _("Leading")
            size = b.line_height("small_bold")
            word_w = size + b.text_width(word, "small_bold") + b.u(M) + 1
            word_x = line_x + bar_room - word_w + b.u(M)
            b.icon("check", word_x, line_top + b.u(2), size - b.u(4), "good")
            b.text(word, "small_bold", word_x + size, line_top, word_w - size - b.u(M), "good", container=card)
        b.bar(Rect(line_x, line_top + (line_h - bar_h) // 2, max(b.u(40), bar_room - word_w), bar_h), count / self.total if self.total else 0, "primary")
        if stacked:
            cx, ccy = x + pad, bottom + b.u(M)
        elif not under_controls:
            cx, ccy = x + w - pad - controls_w, y + pad + max(0, (bottom - y - pad - button) // 2)
        b.button(f"less:{option.id}", "", Rect(cx, ccy, button, button), "secondary", "minus", enabled=count > 0)
        b.text("?" if self.hidden else str(count), "h2", cx + button + b.u(S), ccy + (button - b.line_height("h2")) // 2, count_w, "text", "center", container=card)
        b.button(f"more:{option.id}", "", Rect(cx + button + count_w + 2 * b.u(S), ccy, button, button), "secondary", "plus")
        bottom = max(bottom, ccy + button) + pad
        card.h = bottom - y
        return b.card(card, "primary_soft" if leading else "surface", "primary" if leading else "border", index=index)

    # ----- actions -------------------------------------------------------------------------
    def team_vote(self, number: int) -> None:
        options = self.options()
        if not 1 <= number <= len(options):
            return
        if self.voter is None or len(self.run.names) < 2:
            self.counts[options[number - 1].id] += 1  # one team (or every team has voted): a key adds a vote
            self.invalidate()
            return
        previous = self.team_votes.get(self.voter)
        if previous is not None and self.counts.get(previous, 0) > 0:
            self.counts[previous] -= 1
        chosen = options[number - 1].id
        self.team_votes[self.voter] = chosen
        self.counts[chosen] += 1
        waiting = [i for i in range(len(self.run.names)) if i not in self.team_votes]
        self.voter = waiting[0] if waiting else None
        self.notice = ""
        self.invalidate()

    def on_action(self, action: Action) -> bool:
        if action.kind == "option":
            if not self.run.workshop.paused:
                self.team_vote(action.value)
            return True
        if action.kind in ("increase", "decrease"):
            focused = self.focused or ""
            kind, _sep, option = focused.partition(":")
            if kind in ("more", "less") and option in self.counts:
                self.change(option, 1 if action.kind == "increase" else -1)
            return True
        return super().on_action(action)

    def change(self, option: str, delta: int) -> None:
        if self.counts[option] + delta >= 0:
            self.counts[option] += delta
            self.invalidate()

    def activate(self, target_id: str) -> None:
        kind, _sep, rest = target_id.partition(":")
        if kind in ("more", "less") and rest in self.counts:
            self.change(rest, 1 if kind == "more" else -1)
        elif kind == "voter" and rest.isdigit():
            self.voter = int(rest)
            self.invalidate()
        elif target_id == "clear":
            self.counts = {k: 0 for k in self.counts}
            self.team_votes = {}
            self.voter = 0
            self.invalidate()
        elif target_id == "confirm":
            self.decide()
        else:
            super().activate(target_id)

    def decide(self) -> None:
        from game.core.engine import InvalidAnswer

        if not self.total:
            return
        try:
            events = self.run.vote(dict(self.counts), dict(self.team_votes))
        except InvalidAnswer:
            self.notice = locked_notice(self.run) or _("That is not possible here. Check the choices and try again.")
            self.invalidate()
            return
        self.run.show_feedback(self.play.index, events, tr(self.scene_model.title) if self.scene_model.title else "")

    def default_action(self) -> None:
        self.activate("confirm")
