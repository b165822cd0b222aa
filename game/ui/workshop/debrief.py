"""The comparison debrief: the teams side by side, where they split and what
each choice led to, the rules broken most often, and a question per split for
the trainer to ask the room.

Three tabs (1, 2, 3): Scores (a card per team and the area chart with every
team: symbol, colour and number on each bar), Splits, Rules. The numbers come
from :func:`game.scoring.compare.compare_teams` / ``compare_votes`` through
``Workshop.end()``, never made up here.
"""

from __future__ import annotations

from typing import Any

import pygame

from game.handouts import write_workshop
from game.ui.handout_job import HandoutJob
from game.ui.i18n import N_, _, language, ngettext, tr
from game.ui.layout import Builder, ButtonSpec
from game.ui.play import source_line
from game.ui.records import WaitingLine
from game.ui.scenes.base import Scene, default_focus
from game.ui.scenes.cards import OUTCOMES, headed_card, verdict_badge
from game.ui.scenes.chrome import column, footer, top_bar
from game.ui.theme import L, M, S, XL
from game.ui.view import Box, View
from game.ui.workshop.looks import colour, symbol, team_tag, team_tag_width

Rect = pygame.Rect
TABS = (("scores", N_("Scores")), ("splits", N_("Splits")), ("rules", N_("Rules broken")))


def paint_team_bar(style: int, fraction: float):
    """A bar in a team's colour, outlined so it shows on any background."""

    def paint(surface: pygame.Surface, rect: Rect, palette) -> None:
        radius = rect.h // 2
        pygame.draw.rect(surface, palette.track, rect, 0, radius)
        filled = round(rect.w * max(0.0, min(1.0, fraction)))
        if filled:
            bar = Rect(rect.x, rect.y, max(filled, rect.h), rect.h)
            pygame.draw.rect(surface, colour(style), bar, 0, radius)
            pygame.draw.rect(surface, palette.text, bar, max(1, rect.h // 10), radius)

    return paint


class ComparisonScene(Scene):
    name = "comparison"
    help_topic = "comparison"

    def __init__(self, run: Any):
        super().__init__()
        self.run = run
        self.tab = "scores"
        self.handouts: HandoutJob | None = None

    @property
    def data(self) -> dict:
        return self.run.state.comparison or {}

    @property
    def vote(self) -> bool:
        return self.run.mode == "vote"

    def team_name(self, index: int) -> str:
        return _("The room (plenary vote)") if self.vote else self.data["teams"][index]["name"]

    def team_style(self, index: int) -> int:
        return self.run.style(index)

    def _mark(self, b: Builder, index: int, x: int, y: int, size: int) -> None:
        """A team's symbol (the room's people icon in a plenary vote)."""
        if self.vote:
            b.icon("people", x, y, size, "primary")
        else:
            symbol(b, self.team_style(index), x, y, size)

    def _tag(self, b: Builder, index: int, x: int, y: int, w: int, role: str, card: Rect) -> int:
        if not self.vote:
            return team_tag(b, self.team_style(index), self.team_name(index), x, y, w, role, container=card)
        size = b.line_height(role)
        self._mark(b, index, x, y, size)
        return max(size, b.text(self.team_name(index), role, x + size + b.u(8), y, max(1, w - size - b.u(8)), container=card))

    def ending_title(self, scene_id: str | None) -> str:
        scene = self.run.setup.entry.scenario.scenes.get(scene_id or "")
        if scene is None:
            return _("Not finished")
        return tr(scene.title) if scene.title is not None else scene_id

    def rule_title(self, rule_id: str) -> str:
        rule = self.run.rulebook.by_id.get(rule_id)
        return tr(rule.title) if rule else rule_id

    def splits_label(self) -> str:
        return _("Splits ({n})").format(n=len(self.data.get("splits") or []))

    # ----- layout ------------------------------------------------------------------------------
    def build(self, b: Builder) -> None:
        scenario = self.run.setup.entry.scenario
        top = top_bar(b, _("Comparison: {title}").format(title=tr(scenario.title)), back=False)
        problem = self.run.problem
        note = problem if problem else _("Every decision and scorecard is saved in the results database.")
        tone = "bad" if problem else "text"
        if self.handouts is not None:  # the results problem stays first: it matters more than the handouts
            said, handout_tone = self.handouts.notice() or (_("Writing the handouts..."), "text")
            note, tone = (f"{problem} {said}", "bad") if problem else (said, handout_tone)
        waiting = getattr(self, "waiting", None)
        if waiting is not None and waiting.notice is not None:  # records still on their way to the learning record store
            note, tone = f"{note} {waiting.short}", "bad" if waiting.notice[1] == "bad" else tone
        actions = [
            ButtonSpec("title", _("Title screen"), "secondary", "left"),
            ButtonSpec("handouts", _("Handouts (PDF)"), "secondary", "save", enabled=bool(self.data) and (self.handouts is None or not self.handouts.running)),
            ButtonSpec("again", _("New workshop"), "primary", "right"),
        ]
        # with very large text the note leaves the footer for the top of the page, so the comparison keeps the room
        tight = b.m.height - footer(Builder(View(b.view.size), b.m, b.ts, b.palette), actions, note, tone) > b.m.height // 5
        bottom = footer(b, actions, "" if tight else note, tone)
        x, width = column(b)
        labels = {"splits": self.splits_label()}
        specs = [ButtonSpec(f"tab:{key}", labels.get(key) or _(label), "selected" if key == self.tab else "secondary", "check" if key == self.tab else None, hotkey=i)
                 for i, (key, label) in enumerate(TABS, 1)]
        tabs_y = top + b.u(M)
        tabs_h = b.button_row(specs, x, tabs_y, width, "left")
        content_top = tabs_y + tabs_h + b.u(M)
        b.view.add(Box(Rect(0, content_top - b.u(2), b.m.width, b.u(2)), "border", None, 0, 0))
        with b.view.scrolling(Rect(0, content_top, b.m.width, max(b.u(40), bottom - content_top))):
            y = content_top + b.u(L)
            if tight:
                y += b.text(note, "strong", x, y, width, tone) + b.u(L)
            if self.tab == "scores":
                self._scores(b, x, y, width)
            elif self.tab == "splits":
                self._splits(b, x, y, width)
            else:
                self._rules(b, x, y, width)
        default_focus(b, f"tab:{self.tab}")

    # ----- scores --------------------------------------------------------------------------------
    def _scores(self, b: Builder, x: int, y: int, width: int) -> None:
        teams = self.data.get("teams") or []
        gap = b.u(L)
        min_w = int(b.u(400) * b.m.text_scale)
        columns = max(1, min(len(teams), 4, (width + gap) // (min_w + gap)))
        card_w = (width - gap * (columns - 1)) // columns
        for start in range(0, len(teams), columns):
            row = list(enumerate(teams))[start:start + columns]
            bottoms = []
            boxes = []
            for column_index, (i, team) in enumerate(row):
                mark = b.view.mark()
                bottoms.append(self._team_card(b, i, team, x + column_index * (card_w + gap), y, card_w))
                boxes.append(b.view.items[mark])
            height = max(bottoms) - y
            for box in boxes:
                box.rect.h = height
            y += height + gap
        self._chart(b, x, y, width)

    def _missed_line(self, team: dict) -> str:
        """"2 turns with no answer: Kick-off, The budget" (the decisions where the team's time ran out)."""
        line = ngettext("{n} turn with no answer", "{n} turns with no answer", team["missed"]).format(n=team["missed"])
        where = self._missed_scenes(team)
        return f"{line}: {where}" if where else line

    def _team_card(self, b: Builder, index: int, team: dict, x: int, y: int, w: int) -> int:
        def rows(b: Builder, x: int, y: int, w: int, card: Rect) -> int:
            y += self._tag(b, index, x, y, w, "h3", card) + b.u(M)
            if not team.get("decisions", 1):  # a team that never answered is not scored or ranked
                y += b.text(_("No answers yet"), "h2", x, y, w, container=card)
                if team.get("missed"):
                    y += b.text(self._missed_line(team), "body", x, y, w, container=card)
                return y
            overall = team.get("overall")
            score = _("{score} of 100").format(score=round(overall)) if overall is not None else _("No score")
            y += b.text(score, "h2", x, y, w, container=card)
            y += b.text(_("Grade {grade}").format(grade=team.get("grade") or "–"), "strong", x, y, w, container=card) + b.u(S)
            goals = _("Goals met: {met} of {total}").format(met=team.get("goals_met", 0), total=team.get("goals", 0))
            y += b.text(goals, "body", x, y, w, container=card) + b.u(S)
            if team.get("missed"):
                y += b.text(self._missed_line(team), "body", x, y, w, container=card) + b.u(S)
            icon, word, color = OUTCOMES.get(team.get("outcome") or "", ("flag", N_("Not finished"), "text"))
            size = b.line_height("body")
            b.icon(icon, x, y + b.u(4), size - b.u(8), color)
            story = _("Story: {outcome}").format(outcome=_(word))  # the story's ending, as the solo debrief says it; the score is the handbook's
            y += b.text(story, "body", x + size + b.u(S), y, w - size - b.u(S), color, container=card)
            return y

        return headed_card(b, x, y, w, "", "", rows)

    def _chart(self, b: Builder, x: int, y: int, width: int) -> int:
        areas = self.data.get("areas") or []
        teams = self.data.get("teams") or []

        def rows(b: Builder, x: int, y: int, w: int, card: Rect) -> int:
            if not areas:
                return y + b.text(_("No decision touched a rule of the handbook."), "body", x, y, w, "text", container=card)
            cursor, row_h = x, 0
            for i in range(len(teams)):  # the legend: symbol and name, never colour alone
                name = self.team_name(i)
                tag_w = min(w, team_tag_width(b, name))
                if cursor > x and cursor + tag_w > x + w:
                    cursor, y = x, y + row_h + b.u(S)
                row_h = max(row_h, self._tag(b, i, cursor, y, tag_w, "strong", card))
                cursor += tag_w + b.u(XL)
            y += row_h + b.u(L)
            size = b.line_height("strong")
            number_w = b.text_width("100", "strong") + b.u(S)
            bar_h = max(b.u(12), size * 3 // 5)
            for area in areas:
                b.icon(area["area"], x, y, size, "primary")
                y += b.text(tr(area["name"]), "strong", x + size + b.u(M), y, w - size - b.u(M), container=card) + b.u(S)
                for i, score in enumerate(area["scores"]):
                    bar_x = x + size + b.u(M) + size + b.u(S)
                    self._mark(b, i, x + size + b.u(M), y, size)
                    bar_w = max(b.u(60), x + w - number_w - b.u(M) - bar_x)
                    b.art(Rect(bar_x, y + (size - bar_h) // 2, bar_w, bar_h), paint_team_bar(self.team_style(i), (score or 0) / 100))
                    shown = "–" if score is None else str(round(score))
                    b.text(shown, "strong", x + w - number_w, y, number_w, "text", "right", container=card)
                    y += size + b.u(S)
                y += b.u(M)
            y += b.text(_("A dash: the team's decisions did not touch this area."), "small", x, y, w, "text", container=card)
            return y

        return headed_card(b, x, y, width, "networking", _("The handbook's areas, team by team"), rows)

    # ----- splits --------------------------------------------------------------------------------
    def _splits(self, b: Builder, x: int, y: int, width: int) -> None:
        splits = self.data.get("splits") or []
        if not splits:
            text = _("The room was unanimous in every vote.") if self.vote else _("The teams did not split: every team chose the same in every decision.")
            b.text(text, "h3", x, y, width)
            return
        for number, split in enumerate(splits, 1):
            title = self.scene_name(split["scene"])

            def rows(b: Builder, x: int, y: int, w: int, card: Rect, split=split) -> int:
                for group in split["groups"]:
                    y = self._group(b, group, x, y, w, card) + b.u(L)
                y = self._silent(b, split, x, y, w, card)
                return self._question(b, tr(split["question"]), x, y, w, card)

            y = headed_card(b, x, y, width, "timeline", _("{n}. {title}").format(n=number, title=title), rows) + b.u(L)

    def _group(self, b: Builder, group: dict, x: int, y: int, w: int, card: Rect) -> int:
        heading = _("Voted for: {answer}") if self.vote else _("Chose: {answer}")
        y += b.text(heading.format(answer=tr(group["label"])), "strong", x, y, w, container=card) + b.u(S)
        indent = b.u(XL)
        if self.vote:
            votes = ngettext("{n} vote", "{n} votes", group.get("votes", 0)).format(n=group.get("votes", 0))
            if group.get("chosen"):
                votes = _("{votes} · the room's decision").format(votes=votes)
            size = b.line_height("body")
            b.icon("check" if group.get("chosen") else "bubble", x + indent, y + b.u(4), size - b.u(8), "good" if group.get("chosen") else "muted")
            y += b.text(votes, "body", x + indent + size + b.u(S), y, w - indent - size - b.u(S), container=card) + b.u(S)
            names = self.run.names
            y = self._team_tags(b, [names[i] for i in group.get("voters", []) if 0 <= i < len(names)], x + indent, y, w - indent, card)
        else:
            y = self._team_tags(b, group.get("teams", []), x + indent, y, w - indent, card)
        for item in group.get("evidence", []):
            badge_w = verdict_badge(b, item["verdict"], x + indent, y)
            h = b.text(self.rule_title(item["rule"]), "body", x + indent + badge_w + b.u(M), y, w - indent - badge_w - b.u(M), container=card)
            y += max(h, b.line_height("small_bold") + b.u(S)) + b.u(S)
        for led in group.get("led_to", []):
            score = "–" if led.get("overall") is None else str(round(led["overall"]))
            text = _("{team}: {score} of 100, ending: {ending}").format(team=led["team"], score=score, ending=self.ending_title(led.get("ending")))
            b.icon("right", x + indent, y + b.u(4), b.line_height("body") - b.u(8), "muted")
            y += b.text(text, "body", x + indent + b.line_height("body"), y, w - indent - b.line_height("body"), "text", container=card) + b.u(4)
        return y

    def _silent(self, b: Builder, split: dict, x: int, y: int, w: int, card: Rect) -> int:
        """The teams that did not answer here (time ran out) or did not vote: named apart, never as an answer."""
        names = self.run.names
        silent = split.get("missed") or [names[i] for i in split.get("silent") or [] if 0 <= i < len(names)]
        if not silent:
            return y
        heading = _("Did not vote:") if self.vote else _("Did not answer in time:")
        size = b.line_height("body")
        b.icon("timer", x, y + b.u(4), size - b.u(8), "bad")
        y += b.text(heading, "strong", x + size + b.u(S), y, w - size - b.u(S), container=card) + b.u(S)
        y = self._team_tags(b, silent, x + b.u(XL), y, w - b.u(XL), card)
        answered = {team for group in split.get("groups") or [] for team in group.get("teams") or []}
        later = [name for name in silent if name in answered]
        if later and not self.vote:  # the turn passed, the decision came back to them, and they answered it then
            note = _("Answered on a later turn: {teams}").format(teams=", ".join(later))
            y += b.text(note, "body", x + b.u(XL), y, w - b.u(XL), container=card) + b.u(S)
        return y + b.u(L)

    def scene_name(self, scene_id: str) -> str:
        """A decision's title (or headline; else the start of its text), in the session's language."""
        scene = self.run.setup.entry.scenario.scenes.get(scene_id)
        if scene is None:
            return scene_id
        named = getattr(scene, "title", None) or getattr(scene, "headline", None)
        if named:
            return tr(named)
        text = tr(getattr(scene, "text", None)) or scene_id
        return text if len(text) <= 60 else text[:59].rstrip() + "…"

    def _missed_scenes(self, team: dict) -> str:
        """The decisions a team's time ran out on, by their titles: "Kick-off, The budget"."""
        titles = [self.scene_name(turn.get("scene", "")) for turn in team.get("missed_turns") or []]
        return ", ".join(dict.fromkeys(t for t in titles if t))

    def _team_tags(self, b: Builder, team_names: list[str], x: int, y: int, w: int, card: Rect) -> int:
        """The teams that chose (or voted for) an answer, symbol and name, wrapping; returns the bottom."""
        if not team_names:
            return y
        names = self.run.names
        cursor, row_h = x, 0
        for name in team_names:
            i = names.index(name) if name in names else 0
            tag_w = min(w, team_tag_width(b, name, "body"))
            if cursor > x and cursor + tag_w > x + w:
                cursor, y = x, y + row_h + b.u(S)
            row_h = max(row_h, team_tag(b, self.team_style(i), name, cursor, y, tag_w, "body", container=card))
            cursor += tag_w + b.u(L)
        return y + row_h + b.u(S)

    def _question(self, b: Builder, question: str, x: int, y: int, w: int, card: Rect) -> int:
        pad = b.u(M)
        index = b.view.mark()
        box = Rect(x, y, w, 0)
        size = b.line_height("h3")
        b.icon("question", x + pad, y + pad, size, "primary")
        cy = y + pad + b.text(_("Ask the room"), "h3", x + pad + size + b.u(S), y + pad, w - 2 * pad - size - b.u(S), container=box) + b.u(S)
        cy += b.text(question, "strong", x + pad, cy, w - 2 * pad, container=box)
        box.h = cy + pad - y
        b.view.insert(index, Box(box, "primary_soft", "primary", b.u(2), b.u(12)))
        return box.bottom

    # ----- rules ----------------------------------------------------------------------------------
    def _rules(self, b: Builder, x: int, y: int, width: int) -> None:
        broken = self.data.get("most_broken") or []
        if not broken:
            b.text(_("No rule of the handbook was broken. Well done, everyone."), "h3", x, y, width)
            return
        total = len(self.data.get("teams") or [])
        intro = _("The rules of the handbook broken most often, with what the handbook advises.")
        y += b.text(intro, "body", x, y, width, "text") + b.u(L)
        for item in broken:
            def rows(b: Builder, x: int, y: int, w: int, card: Rect, item=item) -> int:
                if self.vote:
                    who = _("Broken in the room's story")
                else:
                    who = ngettext("Broken by {n} of {total} team", "Broken by {n} of {total} teams", total).format(n=item["teams"], total=total)
                size = b.line_height("strong")
                b.icon("cross", x, y + b.u(4), size - b.u(8), "bad")
                y += b.text(who, "strong", x + size + b.u(S), y, w - size - b.u(S), "bad", container=card) + b.u(S)
                y += b.text(tr(item["advice"]), "body", x, y, w, container=card) + b.u(S)
                return y + b.text(source_line(self.run.rulebook, item["rule"]), "small", x, y, w, "text", container=card)

            y = headed_card(b, x, y, width, "agreement", tr(item["title"]), rows) + b.u(M)

    # ----- actions --------------------------------------------------------------------------------
    def activate(self, target_id: str) -> None:
        if target_id.startswith("tab:"):
            self.tab = target_id[4:]
            self.scroll = 0
            self.invalidate()
        elif target_id == "handouts" and self.data:
            self.write_handouts()
        elif target_id == "title":
            self.run.leave()
        elif target_id == "again":
            self.run.leave(to_setup=True)
        else:
            super().activate(target_id)

    def enter(self, app) -> None:
        super().enter(app)
        self.waiting = WaitingLine(getattr(app, "results", None))
        if self.data and self.handouts is None:  # every team leaves with its page, without the trainer asking
            self.write_handouts()

    def write_handouts(self) -> None:
        """Write each team's handout and the trainer's summary in the background."""
        comparison, scenario, rulebook, lang = self.data, self.run.setup.entry.scenario, self.run.rulebook, language()
        self.handouts = HandoutJob(lambda: write_workshop(comparison, scenario, rulebook, lang))
        self.invalidate()

    def update(self, dt: float) -> bool:
        if (self.handouts is not None and self.handouts.fresh()) or self.waiting.changed():
            self.invalidate()
            return True
        return super().update(dt)

    def back(self) -> None:
        """Esc asks before leaving (Cancel is the default), so a stray key never loses the comparison."""
        if not self.app.showing("confirm"):
            self.app.show("confirm", _("Leave the comparison?"), _("The results are kept in the results database; the handouts are in the handouts folder."),
                          _("Title screen"), self.run.leave)
