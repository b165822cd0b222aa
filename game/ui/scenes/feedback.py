"""Feedback after a decision: what happened, which rules of the handbook it
touched (honoured or broken, with the handbook's advice), and how resources
and trust changed."""

from __future__ import annotations

import pygame

from game.scoring.grader import check_evidence, one_verdict_per_decision
from game.scoring.misplaced import misplaced
from game.ui.art import bubbles, moods, stage
from game.ui.i18n import N_, _, ngettext, tr
from game.ui.layout import Builder, ButtonSpec
from game.ui.play import Play
from game.ui.scenes.base import Scene, default_focus
from game.ui.scenes.cards import headed_card, rule_rows
from game.ui.scenes.chrome import column, footer, status_bar
from game.ui.theme import L, M, S

Rect = pygame.Rect


REACTIONS = {
    ("other", "pleased"): N_("That is how partners should work together."),
    ("other", "doubtful"): N_("Hmm. I am not sure this was the right call."),
    ("other", "annoyed"): N_("We expected more from you."),
    ("media", "pleased"): N_("Now that is a story worth telling."),
    ("media", "doubtful"): N_("We will keep an eye on how this goes."),
    ("media", "annoyed"): N_("Our readers will hear about this."),
}


class FeedbackScene(Scene):
    name = "feedback"
    help_topic = "feedback"

    def __init__(self, play: Play, events: list[dict], decision_title: str = ""):
        super().__init__()
        self.play = play
        self.events = events
        self.decision_title = decision_title

    # ----- what the events say -------------------------------------------------------------
    def happenings(self) -> list[str]:
        play, texts = self.play, []
        picked = [play.cast_name(e["cast"]) for e in self.events if e.get("type") == "picked"]
        if picked:
            texts.append(_("You picked: {names}.").format(names=", ".join(picked)))
        for event in self.events:
            kind = event.get("type")
            if kind == "feedback":
                texts.append(tr(event["text"]))
            elif kind == "negotiation":
                agreed = len(event.get("agreed", {}))
                if event["outcome"] == "agreed":
                    texts.append(ngettext("The agreement was signed with {n} clause.", "The agreement was signed with {n} clauses.", agreed).format(n=agreed))
                elif event["outcome"] == "walked_away":
                    texts.append(_("You walked away from the table."))
                else:
                    texts.append(_("The other side ran out of patience and left the table."))
            elif kind == "sequence":
                wrong = event["out_of_order"]
                if wrong == 0:
                    texts.append(_("Every step was in the right order."))
                else:
                    texts += self.misplaced_steps(event)
        return texts

    def misplaced_steps(self, event: dict) -> list[str]:
        """Which steps came too early or too late, each with the step it belongs after (or before), in plain words."""
        order = next((entry["order"] for entry in reversed(self.play.session.state.log)
                      if entry.get("scene") == event["scene"] and "order" in entry), None)
        steps = {s.id: tr(s.text) for s in getattr(self.play.scenario.scenes.get(event["scene"]), "steps", [])}
        if order is None or sorted(order) != sorted(event["correct"]):
            return [_("Some steps were out of order.")]
        said = []
        for step in misplaced(order, event["correct"]):
            words = _("“{step}” came too early: it belongs after “{other}”.") if step.early else _("“{step}” came too late: it belongs before “{other}”.")
            said.append(words.format(step=steps.get(step.step, step.step), other=steps.get(step.other, step.other)))
        return said

    def right_order(self) -> list[str]:
        event = next((e for e in self.events if e.get("type") == "sequence"), None)
        if event is None or event["out_of_order"] == 0:
            return []
        steps = {s.id: tr(s.text) for s in getattr(self.play.scenario.scenes.get(event["scene"]), "steps", [])}
        return [steps.get(step, step) for step in event.get("correct", [])]

    def evidence(self) -> list[tuple[str, str]]:
        """Each rule this decision touched, once, with one verdict (broken if any part broke it)."""
        records = [e for e in self.events if e.get("type") == "evidence"]
        return [(e["rule"], e["verdict"]) for e in one_verdict_per_decision(records)]

    def end_checks(self) -> list[dict]:
        """When the story has ended: what the handbook checks over the whole play, with each verdict."""
        session = self.play.session
        return one_verdict_per_decision(check_evidence(session)) if session.ended else []

    def changes(self) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
        resources: dict[str, list[int]] = {}
        trust: dict[str, list[int]] = {}
        for event in self.events:
            if event.get("type") == "resource" and event["delta"]:
                entry = resources.setdefault(event["id"], [0, 0])
                entry[0] += event["delta"]
                entry[1] = event["value"]
            elif event.get("type") == "trust" and event["delta"]:
                entry = trust.setdefault(event["cast"], [0, 0])
                entry[0] += event["delta"]
                entry[1] = event["value"]
        return resources, trust

    # ----- layout -------------------------------------------------------------------------
    def build(self, b: Builder) -> None:
        top = status_bar(b, self.play, answered=True)
        label = _("See the ending") if self.play.session.ended else _("Continue")
        bottom = footer(b, [ButtonSpec("continue", label, "primary", "right", hotkey=1)])
        x, width = column(b)
        two = width >= b.u(1400) * b.m.text_scale
        gap = b.u(L)
        with b.view.scrolling(Rect(0, top, b.m.width, bottom - top)):
            y = top + b.u(L)
            y += b.text(_("What happened"), "h1", x, y, width) + b.u(S)
            if self.decision_title:
                y += b.text(self.decision_title, "body", x, y, width, "muted") + b.u(M)
            if two:
                left_w = (width - gap) // 2
                left = self._happened(b, x, y, left_w)
                if self.reactions():
                    left = self._reactions(b, x, left + gap, left_w)
                self._changes(b, x, left + gap, left_w)
                right = self._rules(b, x + left_w + gap, y, width - left_w - gap)
                if self.end_checks():
                    self._end_checks(b, x + left_w + gap, right + gap, width - left_w - gap)
            else:
                y = self._happened(b, x, y, width) + gap
                if self.reactions():
                    y = self._reactions(b, x, y, width) + gap
                y = self._rules(b, x, y, width) + gap
                if self.end_checks():
                    y = self._end_checks(b, x, y, width) + gap
                self._changes(b, x, y, width)
        default_focus(b, "continue")


    def _happened(self, b: Builder, x: int, y: int, w: int) -> int:
        def rows(b: Builder, x: int, y: int, w: int, card: Rect) -> int:
            for text in self.happenings() or [_("Your decision is recorded.")]:
                y += b.text(text, "body", x, y, w, container=card) + b.u(M)
            order = self.right_order()
            if order:
                y += b.text(_("The right order:"), "strong", x, y, w, container=card) + b.u(S)
                for number, step in enumerate(order, 1):
                    num = f"{number}."
                    num_w = b.text_width("00.", "body")
                    b.text(num, "body", x, y, num_w, "muted", container=card)
                    y += b.text(step, "body", x + num_w, y, w - num_w, container=card) + b.u(4)
            return y - b.u(M)

        return headed_card(b, x, y, w, "bubble", _("The story"), rows)

    def _rules(self, b: Builder, x: int, y: int, w: int) -> int:
        def rows(b: Builder, x: int, y: int, w: int, card: Rect) -> int:
            evidence = self.evidence()
            if not evidence:
                return y + b.text(_("This decision did not touch a rule of the handbook."), "body", x, y, w, "muted", container=card)
            for rule, verdict in evidence:
                y = rule_rows(b, self.play, rule, verdict, x, y, w, card) + b.u(L)
            return y - b.u(L)

        return headed_card(b, x, y, w, "agreement", _("The handbook"), rows)

    def _end_checks(self, b: Builder, x: int, y: int, w: int) -> int:
        def rows(b: Builder, x: int, y: int, w: int, card: Rect) -> int:
            for check in self.end_checks():
                y = rule_rows(b, self.play, check["rule"], check["verdict"], x, y, w, card, check.get("feedback")) + b.u(L)
            return y - b.u(L)

        return headed_card(b, x, y, w, "check", _("What the handbook checks at the end"), rows)

    def _changes(self, b: Builder, x: int, y: int, w: int) -> int:
        resources, trust = self.changes()
        met = [e["cast"] for e in self.events if e.get("type") == "met"]

        def rows(b: Builder, x: int, y: int, w: int, card: Rect) -> int:
            size = b.line_height("body")
            if not resources and not trust and not met:
                return y + b.text(_("Nothing changed in your resources or relationships."), "body", x, y, w, "muted", container=card)
            for resource_id, (delta, value) in resources.items():
                icon = resource_id if resource_id in ("budget", "weeks", "reputation", "network") else "resource"
                b.icon(icon, x, y + b.u(4), size - b.u(8), "primary")
                text = _("{name}: {delta:+d}, now {value}").format(name=self.play.resource_name(resource_id), delta=delta, value=value)
                y += b.text(text, "body", x + size + b.u(S), y, w - size - b.u(S), container=card) + b.u(S)
            for cast_id, (delta, value) in trust.items():
                member = self.play.scenario.member(cast_id)
                b.icon(member.kind if member else "people", x, y + b.u(4), size - b.u(8), "primary")
                text = _("Trust of {name}: {delta:+d}, now {value}").format(name=self.play.cast_name(cast_id), delta=delta, value=value)
                y += b.text(text, "body", x + size + b.u(S), y, w - size - b.u(S), container=card) + b.u(S)
            for cast_id in met:
                b.icon("people", x, y + b.u(4), size - b.u(8), "primary")
                y += b.text(_("You now know {name}.").format(name=self.play.cast_name(cast_id)), "body", x + size + b.u(S), y, w - size - b.u(S), container=card) + b.u(S)
            return y - b.u(S)

        return headed_card(b, x, y, w, "budget", _("What changed"), rows)

    def reactions(self) -> list[tuple[str, str]]:
        """(cast id, mood) of everyone whose trust this decision moved: pleased, doubtful or annoyed."""
        trust = self.changes()[1]
        return [(cast_id, moods.from_change(delta)) for cast_id, (delta, _value) in trust.items() if self.play.scenario.member(cast_id) is not None]

    def _reactions(self, b: Builder, x: int, y: int, w: int) -> int:
        def rows(b: Builder, x: int, y: int, w: int, card: Rect) -> int:
            size = max(b.u(120), b.line_height("body") * 5 // 2)
            for cast_id, mood in self.reactions():
                member = self.play.scenario.member(cast_id)
                stage.face(b, member, mood, x, y, size)
                name = self.play.cast_name(cast_id)
                line = _(REACTIONS[("media" if member.kind == "media" else "other", mood)])
                bubble_x = x + size + b.u(L) + b.u(12)
                bottom = bubbles.bubble(b, bubble_x, y, w - (bubble_x - x), bubbles.said(name, line), "left", tail_y=y + size // 2)
                y = max(y + size, bottom) + b.u(M)
            return y - b.u(M)

        return headed_card(b, x, y, w, "people", _("How they took it"), rows)

    def activate(self, target_id: str) -> None:
        if target_id == "continue":
            self.app.show_current_decision()
        else:
            super().activate(target_id)

    def default_action(self) -> None:
        self.activate("continue")

    def back(self) -> None:
        self.app.open_menu()
