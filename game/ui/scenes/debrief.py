"""The debrief: the grade, a chart of the handbook's areas, the goals, every
decision with the rules it honoured or broke, and what to do next time.

Three tabs (1, 2, 3 on the keyboard): Summary, Decisions, Next time. The
numbers come from the grader (``game.scoring.grader.grade``), never made up here.
On opening, the score and the areas' bars count up from 0 (0.8 s, easing out;
a key or a click shows the final values at once; none with motion off).
"""

from __future__ import annotations

from typing import Any

import pygame

from game.scoring.answers import describe
from game.ui.art import moods, stage
from game.ui.i18n import N_, _, language, ngettext, tr
from game.ui.handout_job import HandoutJob
from game.ui.layout import Builder, ButtonSpec
from game.ui.motion import Timeline
from game.ui.play import Play
from game.ui.scenes.base import Scene, default_focus
from game.ui.scenes.cards import OUTCOMES, headed_card, rule_rows, verdict_badge
from game.ui.scenes.chrome import button_rows_height, column, footer, notice_strip, top_bar
from game.ui.records import WaitingLine
from game.ui.theme import L, M, S
from game.ui.view import Box

Rect = pygame.Rect
TABS = (("summary", N_("Summary")), ("decisions", N_("Decisions")), ("next", N_("Next time")))
COUNT_MS = 800  # the score and the areas counting up


class DebriefScene(Scene):
    name = "debrief"
    help_topic = "debrief"

    def __init__(self, play: Play):
        super().__init__()
        self.play = play
        self.tab = "summary"
        self.card: dict[str, Any] | None = None
        self.new_best = False
        self.handout: HandoutJob | None = None
        self.waiting: WaitingLine | None = None
        self.motion = Timeline()  # "count": the score and the areas counting up from 0

    def enter(self, app) -> None:
        super().enter(app)
        self.card = self.play.scorecard()
        self.new_best = self.play.record_result()
        self.waiting = WaitingLine(getattr(app, "results", None))
        self.motion.start("count", COUNT_MS, on=app.prefs.motion and self.card is not None)

    # ----- layout --------------------------------------------------------------------------
    def build(self, b: Builder) -> None:
        top = top_bar(b, _("Debrief: {title}").format(title=tr(self.play.scenario.title)), back=False)
        if getattr(self.play, "notice", None):  # the results store's problem, shown once
            top = notice_strip(b, top, *self.play.notice)
        if self.handout is not None:
            top = notice_strip(b, top, *(self.handout.notice() or (_("Writing the handout..."), "good")))
        if self.waiting is not None and self.waiting.notice is not None:  # records still on their way to the learning record store
            top = notice_strip(b, top, *self.waiting.notice)
        bottom = footer(b, [
            ButtonSpec("library", _("Scenarios"), "secondary", "left"),
            ButtonSpec("glossary", _("Glossary"), "secondary", "help"),
            ButtonSpec("handout", _("Handout (PDF)"), "secondary", "save", enabled=self.card is not None and (self.handout is None or not self.handout.running)),
            ButtonSpec("again", _("Play again"), "primary", "right"),
        ])
        tabs_y = top + b.u(M)
        specs = [ButtonSpec(f"tab:{key}", _(label), "selected" if key == self.tab else "secondary", hotkey=i, tick=key == self.tab)
                 for i, (key, label) in enumerate(TABS, 1)]
        x, width = column(b)
        tabs_h = button_rows_height(b, specs, width)
        content_top = tabs_y + tabs_h + b.u(M)
        in_page = bottom - content_top < 0.4 * b.m.height  # a small window with large text: the tabs scroll with the page
        if in_page:
            content_top = top
        else:
            b.button_row(specs, x, tabs_y, width, "left")
            b.view.add(Box(Rect(0, content_top - b.u(2), b.m.width, b.u(2)), "border", None, 0, 0))
        with b.view.scrolling(Rect(0, content_top, b.m.width, bottom - content_top)):
            y = content_top + b.u(L)
            if in_page:
                y = tabs_y + b.button_row(specs, x, tabs_y, width, "left") + b.u(L)
            if self.card is None:
                b.text(_("The grader is not available in this version, so there is no scorecard to show."), "h3", x, y, width)
            elif self.tab == "summary":
                self._summary(b, x, y, width)
            elif self.tab == "decisions":
                self._decisions(b, x, y, width)
            else:
                self._next_time(b, x, y, width)
        default_focus(b, f"tab:{self.tab}")


    def _summary(self, b: Builder, x: int, y: int, width: int) -> None:
        two = width >= b.u(1400) * b.m.text_scale
        gap = b.u(L)
        left_w = (width - gap) * 2 // 5 if two else width
        bottom = self._grade(b, x, y, left_w)
        bottom = self._goals(b, x, bottom + gap, left_w)
        if two:
            right = self._areas(b, x + left_w + gap, y, width - left_w - gap)
            if self.play.session.state.met:
                self._people(b, x + left_w + gap, right + gap, width - left_w - gap)
        else:
            bottom = self._areas(b, x, bottom + gap, width)
            if self.play.session.state.met:
                self._people(b, x, bottom + gap, width)

    def _grade(self, b: Builder, x: int, y: int, w: int) -> int:
        card = self.card

        def rows(b: Builder, x: int, y: int, w: int, box: Rect) -> int:
            size = b.line_height("display") + b.u(L)
            circle = Rect(x, y, size, size)
            b.view.add(Box(circle, "primary", None, 0, size // 2))
            grade = str(card.get("grade") or "–")
            b.text(grade, "display", circle.x, circle.y + (size - b.line_height("display")) // 2, size, "on_primary", "center", container=circle)
            tx, tw = x + size + b.u(L), w - size - b.u(L)
            ty = y
            overall = card.get("overall")
            score = _("{score} of 100").format(score=round(overall * self.counted)) if overall is not None else _("No score")
            ty += b.text(score, "h2", tx, ty, tw, container=box) + b.u(S)
            icon, word, color = OUTCOMES.get(card.get("outcome") or "", OUTCOMES["mixed"])
            ty += b.text(_("Story: {outcome}").format(outcome=_(word)), "body", tx, ty, tw, container=box) + b.u(S)
            if self.new_best:
                ty += b.text(_("A new best score for this scenario."), "small_bold", tx, ty, tw, "good", container=box)
            y = max(y + size, ty) + b.u(M)
            names = self._area_names()
            for key, label in (("strongest", _("Strongest: {areas}")), ("weakest", _("To work on: {areas}"))):
                areas = [names.get(a, a) for a in card.get(key) or []]
                if areas:
                    y += b.text(label.format(areas=", ".join(areas)), "body", x, y, w, container=box) + b.u(S)
            for note in card.get("notes") or []:
                y += b.text(tr(note), "small", x, y, w, "muted", container=box) + b.u(S)
            return y - b.u(S)

        return headed_card(b, x, y, w, "trophy", _("Your grade"), rows)

    def _area_names(self) -> dict[str, str]:
        names = {a.get("area"): tr(a.get("name")) for a in self.card.get("areas") or []}
        for area in self.play.rulebook.areas:
            names.setdefault(area.id, tr(area.name))
        return names

    def _goals(self, b: Builder, x: int, y: int, w: int) -> int:
        def rows(b: Builder, x: int, y: int, w: int, box: Rect) -> int:
            goals = self.card.get("goals") or []
            if not goals:
                return y + b.text(_("This scenario sets no goals of its own."), "body", x, y, w, "muted", container=box)
            for goal in goals:
                met = bool(goal.get("met"))
                badge_w = met_badge(b, met, x, y)
                h = b.text(tr(goal.get("text")), "body", x + badge_w + b.u(M), y, w - badge_w - b.u(M), container=box)
                y += max(h, b.line_height("small_bold") + b.u(S)) + b.u(M)
            return y - b.u(M)

        return headed_card(b, x, y, w, "flag", _("Your goals"), rows)

    def _people(self, b: Builder, x: int, y: int, w: int) -> int:
        """Everyone the NGO met, with the face their trust gives them at the end."""
        play = self.play

        def rows(b: Builder, x: int, y: int, w: int, box: Rect) -> int:
            size = b.line_height("body") * 2
            gap = b.u(L)
            columns = max(1, (w + gap) // (int(b.u(420) * b.m.text_scale) + gap))
            cell = (w - gap * (columns - 1)) // columns
            people = [m for m in (play.scenario.member(c) for c in play.session.state.met) if m is not None]
            for start in range(0, len(people), columns):
                row_bottom = y
                for column_index, member in enumerate(people[start:start + columns]):
                    cx = x + column_index * (cell + gap)
                    trust = play.session.trust(member.id)
                    stage.portrait(b, member, cx, y, size, play, moods.from_trust(trust))
                    tx, tw = cx + size + b.u(M), cell - size - b.u(M)
                    ty = y + b.text(play.cast_name(member.id), "strong", tx, y, tw, container=box)
                    ty += b.text(_("Trust {value} of 100").format(value=trust), "small", tx, ty, tw, "muted", container=box)
                    row_bottom = max(row_bottom, y + size, ty)
                y = row_bottom + b.u(M)
            return y - b.u(M)

        return headed_card(b, x, y, w, "people", _("The people you worked with"), rows)

    def _rule_counts(self, area: str) -> tuple[int, int, int]:
        """How many of an area's rules were honoured, broken, or both (mixed)."""
        verdicts = [r.get("verdict") for r in self.card.get("rules") or [] if r.get("area") == area]
        return verdicts.count("honoured"), verdicts.count("broken"), verdicts.count("mixed")

    def _areas(self, b: Builder, x: int, y: int, w: int) -> int:
        def rows(b: Builder, x: int, y: int, w: int, box: Rect) -> int:
            areas = self.card.get("areas") or []
            if not areas:
                return y + b.text(_("No decision touched a rule of the handbook."), "body", x, y, w, "muted", container=box)
            size = b.line_height("strong")
            number_w = b.text_width("100", "h3") + b.u(S)
            name_w = w * 2 // 5
            one_line = name_w >= b.u(300) * b.m.text_scale
            bar_h = b.u(20)
            for area in areas:
                score = area.get("score")
                shown = "–" if score is None else str(round(score * self.counted))
                b.icon(area.get("area", ""), x, y, size, "primary")
                text_x = x + size + b.u(M)
                if one_line:
                    name_h = b.text(tr(area.get("name")), "strong", text_x, y, name_w - size - b.u(M), container=box)
                    bar_x, bar_y = x + name_w + b.u(M), y + (size - bar_h) // 2
                    y += max(name_h, size) + b.u(4)
                else:
                    name_h = b.text(tr(area.get("name")), "strong", text_x, y, w - size - b.u(M), container=box)
                    bar_x, bar_y = text_x, y + max(name_h, size) + b.u(S)
                    y = bar_y + bar_h + b.u(S)
                bar_w = max(b.u(60), x + w - number_w - b.u(M) - bar_x)
                b.bar(Rect(bar_x, bar_y, bar_w, bar_h), (score or 0) * self.counted / 100, "primary")
                b.text(shown, "h3", x + w - number_w, bar_y + (bar_h - b.line_height("h3")) // 2, number_w, "text", "right", container=box)
                honoured, broken, mixed = self._rule_counts(area.get("area", ""))
                counts = _("Rules honoured: {honoured} · broken: {broken} · mixed: {mixed}").format(honoured=honoured, broken=broken, mixed=mixed)
                y += b.text(counts, "small", text_x, y, w - size - b.u(M), "muted", container=box) + b.u(L)
            return y - b.u(L)

        return headed_card(b, x, y, w, "networking", _("The handbook's areas"), rows)

    def _answer_text(self, entry: dict) -> str:
        """What the player did in one decision, in words."""
        return describe(self.play.scenario, entry, language())

    def _decisions(self, b: Builder, x: int, y: int, width: int) -> None:
        timeline = self.card.get("timeline") or []
        if not timeline:
            b.text(_("No decisions were recorded."), "body", x, y, width, "muted")
            return
        scenes = self.play.scenario.scenes
        for number, entry in enumerate(timeline, 1):
            title = tr(entry.get("title")) if entry.get("title") else ""
            if not title:
                scene = scenes.get(entry.get("scene", ""))
                title = tr(getattr(scene, "title", None) or getattr(scene, "headline", None)) if scene is not None else entry.get("scene", "")

            def rows(b: Builder, x: int, y: int, w: int, box: Rect, entry=entry) -> int:
                did = self._answer_text(entry)
                if did:
                    y += b.text(did, "body", x, y, w, container=box) + b.u(S)
                evidence = entry.get("evidence") or []
                if not evidence:
                    return y + b.text(_("No rule of the handbook was touched here."), "small", x, y, w, "muted", container=box)
                for item in evidence:
                    if item.get("check"):  # graded over the whole play, shown where the chance was
                        y = rule_rows(b, self.play, item.get("rule", ""), item.get("verdict", ""), x, y, w, box, item.get("feedback")) + b.u(M)
                        continue
                    badge_w = verdict_badge(b, item.get("verdict", ""), x, y)
                    h = b.text(self.play.rule_title(item.get("rule", "")), "body", x + badge_w + b.u(M), y, w - badge_w - b.u(M), container=box)
                    y += max(h, b.line_height("small_bold") + b.u(S)) + b.u(S)
                return y - b.u(S)

            heading = _("{n}. {title}").format(n=number, title=title)
            y = headed_card(b, x, y, width, "timeline", heading, rows) + b.u(M)
        at_end = [c for c in self.card.get("checks") or [] if c.get("decision") is None]
        if at_end:
            def end_rows(b: Builder, x: int, y: int, w: int, box: Rect) -> int:
                for check in at_end:
                    y = rule_rows(b, self.play, check["rule"], check["verdict"], x, y, w, box, check.get("feedback")) + b.u(M)
                return y - b.u(M)

            headed_card(b, x, y, width, "check", _("What the handbook checks at the end"), end_rows)

    def _next_time(self, b: Builder, x: int, y: int, width: int) -> None:
        items = self.card.get("next_time") or []
        if not items:
            b.text(_("Nothing to improve: you followed every rule this story tested."), "h3", x, y, width)
            return
        intro = ngettext("One thing to do differently next time:", "{n} things to do differently next time:", len(items)).format(n=len(items))
        y += b.text(intro, "h3", x, y, width) + b.u(M)
        for item in items:
            def rows(b: Builder, x: int, y: int, w: int, box: Rect, item=item) -> int:
                y += b.text(tr(item.get("advice")), "body", x, y, w, container=box) + b.u(S)
                return y + b.text(self.play.rule_source(item.get("rule", "")), "small", x, y, w, "muted", container=box)

            y = headed_card(b, x, y, width, "help", tr(item.get("title")) or item.get("rule", ""), rows) + b.u(M)

    # ----- actions -------------------------------------------------------------------------
    def activate(self, target_id: str) -> None:
        if target_id.startswith("tab:"):
            self.tab = target_id[4:]
            self.scroll = 0
            self.invalidate()
        elif target_id == "library":
            self.app.leave_play()
        elif target_id == "glossary":
            self.app.open_glossary()
        elif target_id == "handout" and self.card is not None:
            card, play, lang = self.card, self.play, language()

            def write() -> list:
                # Imported here, in the handout's own thread: the PDF library takes about 0.3 s to import, which the
                # debrief's module (read by the preload while the title shows) then does not carry.
                from game.handouts import write_player

                return [write_player(card, play.scenario, play.rulebook, lang, name=getattr(play, "player_name", "") or "")]

            self.handout = HandoutJob(write)
            self.invalidate()
        elif target_id == "again":
            self.app.start_play(self.play.entry)
        else:
            super().activate(target_id)

    @property
    def counted(self) -> float:
        """How far the score and the areas have counted up (1: their values)."""
        return self.motion.progress("count")

    def update(self, dt: float) -> bool:
        going = self.motion.step(dt, self.invalidate)
        if self.handout is not None and self.handout.fresh() or (self.waiting is not None and self.waiting.changed()):
            self.invalidate()
            return True
        return super().update(dt) or going

    def back(self) -> None:
        self.app.leave_play()


def met_badge(b: Builder, met: bool, x: int, y: int) -> int:
    """Met / Not met, with a tick or a cross."""
    icon, word, color = ("check", _("Met"), "good") if met else ("cross", _("Not met"), "bad")
    size = b.line_height("small_bold")
    width = size + b.u(S) + b.text_width(word, "small_bold") + b.u(M)
    chip = Rect(x, y, width + b.u(S), size + b.u(S))
    b.box(chip, f"{color}_soft", color, 2, radius=10)
    b.icon(icon, x + b.u(S), y + b.u(S) // 2 + b.u(2), size - b.u(4), color)
    b.text(word, "small_bold", x + b.u(S) + size + b.u(4), y + b.u(S) // 2, width - size, color, container=chip)
    return chip.w
