"""Negotiate scenes: a table with the six clauses (your offer and theirs on
each), the counterpart's mood and patience, their reasons in a speech bubble,
and the actions: propose, ask about needs, accept their offer (concede),
call the facilitator, sign, walk away.

Keys: 1-9 choose a term of the current clause (the one with the focus, else
the first without a term) and move on to the next clause, then to Propose;
Enter proposes. A term chosen by click, tap or Enter moves the focus on the same way. A one-line hint above the clauses says so. When trust
changes, its gauge eases to the new value and shows the change (+5) a moment."""

from __future__ import annotations

from typing import Any

import pygame

from game.core import negotiation as table
from game.ui.art import moods
from game.ui.art.bubbles import bubble, lines
from game.ui.i18n import N_, _, ngettext, tr
from game.ui.input import Action
from game.ui.layout import Builder, ButtonSpec
from game.ui.layout_cache import LayoutCache
from game.ui.motion import Timeline, between
from game.ui.play import ELEMENT_NAMES, KIND_NAMES
from game.ui.scenes.cards import face_size, member_header, research_row, section_heading, trait_rows
from game.ui.scenes.chrome import column, footer, status_bar
from game.ui.scenes.base import default_focus
from game.ui.scenes.decision import DecisionScene
from game.ui.theme import XL, L, M, S
from game.ui.view import Box, View

Rect = pygame.Rect
MOODS = {"warm": N_("warm"), "open": N_("open"), "tense": N_("tense"), "cold": N_("cold")}
NEEDS = {
    "high": N_("{element} is one of our top concerns. The least we can accept: {term}."),
    "medium": N_("{element} matters to us. The least we can accept: {term}."),
    "low": N_("{element} is not a big issue for us. The least we can accept: {term}."),
}
PRIORITIES = {"high": N_("Matters to them: a lot"), "medium": N_("Matters to them: somewhat"), "low": N_("Matters to them: a little")}
TRUST_MS = 400   # a trust gauge easing to its new value
CHANGE_MS = 1200  # how long the change (+5) shows beside it


class NegotiateScene(DecisionScene):
    name = "negotiate"

    def __init__(self, play):
        super().__init__(play)
        self.drafts: dict[str, str] = {}
        self.last_events: list[dict] = []
        self.motion = Timeline()  # ("trust", cast): a gauge easing; ("change", cast): its change showing
        self.trust_was: dict[str, int] = {}  # cast id: trust before the last round
        self.to_answer = False  # a round was played: show the answer when the page is next built
        self.rows = LayoutCache()

    # ----- state helpers ----------------------------------------------------------------
    @property
    def record(self) -> Any:
        return self.play.session.state.negotiations[self.scene_id]

    def clause(self, element: str) -> Any:
        return next(c for c in self.scene_model.clauses if c.element == element)

    def element_name(self, element: str) -> str:
        clause = self.clause(element)
        return tr(clause.label) if clause.label is not None else _(ELEMENT_NAMES.get(element, element))

    def term_text(self, element: str, term_id: str) -> str:
        term = next((t for t in self.clause(element).terms if t.id == term_id), None)
        return tr(term.text) if term else term_id

    def open_elements(self) -> list[str]:
        return [c.element for c in self.scene_model.clauses if c.element not in self.record.agreed]

    def facilitator(self) -> str | None:
        return table.facilitator_for(self.play.session, self.scene_model)

    def mood(self) -> str:
        return table.mood(self.play.session, self.scene_model)

    def face_mood(self, who: str | None = None) -> str:
        """A party's face (the lead counterpart's by default): its mood at the table, and how the last round went for it."""
        who = who or self.scene_model.counterpart
        felt = [e for e in self.last_events if e.get("result") != "refused" or who in e.get("refused_by", [who])]
        return moods.at_table(table.mood(self.play.session, self.scene_model, who), felt)

    def proposal(self) -> dict[str, str]:
        return {e: t for e, t in self.drafts.items() if e in self.open_elements()}

    def speech(self, who: str | None = None) -> list[str]:
        """What one party at the table (the lead counterpart by default) says about the last round."""
        lead = self.scene_model.counterpart
        who = who or lead
        lines: list[str] = []
        agreed: list[str] = []
        far = False
        for event in self.last_events:
            kind = event.get("type")
            if kind == "clause" and event["result"] == "refused":
                if event.get("by", lead) == who:
                    lines.append(_("{element}: {reason} I can offer: {term}.").format(
                        element=self.element_name(event["element"]), reason=tr(event.get("reason")), term=self.term_text(event["element"], event["counter"])))
                far = far or who in event.get("refused_by", [lead])
            elif who != lead:
                continue  # the lead speaks for the table about everything else
            elif kind == "clause":
                agreed.append(self.element_name(event["element"]))
            elif kind == "need":
                lines.append(_(NEEDS.get(event["priority"], NEEDS["medium"])).format(element=self.element_name(event["element"]), term=self.term_text(event["element"], event["accepts"])))
            elif kind == "deadlock":
                lines.append(_("We are going round in circles."))
            elif kind == "facilitator":
                lines.append(_("{name} joins the table. Everyone calms down: patience +3.").format(name=self.play.cast_name(event["cast"])))
            elif kind == "all_agreed":
                lines.append(_("We agree on everything. Shall we sign?"))
        if far:
            lines.insert(0, _("That offer is far from what we can do."))
        if agreed:
            lines.insert(0, _("Agreed: {clauses}.").format(clauses=", ".join(agreed)))
        return lines or ([_("Let us hear your proposal.")] if who == lead else [])

    # ----- layout ------------------------------------------------------------------------
    def footer_specs(self) -> tuple[list[ButtonSpec], str]:
        record = self.record
        total = len(self.scene_model.clauses)
        agreed = len(record.agreed)
        note = ngettext("{n} of {total} clauses agreed", "{n} of {total} clauses agreed", agreed).format(n=agreed, total=total)
        specs = [
            ButtonSpec("walk-away", _("Walk away"), "danger", "cross"),
        ]
        if self.facilitator() is not None:
            specs.append(ButtonSpec("facilitator", _("Call the facilitator"), "secondary", "facilitator", not record.facilitated))
        if self.open_elements():
            specs += [
                ButtonSpec("sign", _("Sign"), "secondary", "agreement", bool(record.agreed)),
                ButtonSpec("propose", _("Propose"), "primary", "right", bool(self.proposal())),
            ]
        else:
            specs.append(ButtonSpec("sign", _("Sign the agreement"), "primary", "agreement"))
        return specs, note

    def build(self, b: Builder) -> None:
        """Wide screens: the counterpart's panel stays put on the right while the table scrolls."""
        top = status_bar(b, self.play)
        specs, note = self.footer_specs()
        bottom = footer(b, specs, self.notice or note, "bad" if self.notice else "text")
        x, width = column(b)
        gap = b.u(L)
        area = Rect(0, top, b.m.width, bottom - top)
        panel_w = width * 34 // 100
        table_w = width - panel_w - gap
        wide = width >= b.u(1500) * b.m.text_scale
        fixed = False
        if wide:  # lay the panel out once where it would stay; keep it if it fits
            panel = View(b.view.size)
            fixed = self._panel(Builder(panel, b.m, b.ts, b.palette), x + table_w + gap, top + gap, panel_w) <= area.bottom - gap
            if fixed:
                b.view.targets += panel.targets
        b.view.meta["panel_fixed"] = fixed
        with b.view.scrolling(area):
            y = top + gap
            if fixed:
                y = self.intro(b, x, y, table_w)
                self._table(b, x, y, table_w)
            elif wide:  # the panel scrolls with the page, under the intro: the one laid out above, moved down
                y = self.intro(b, x, y, width)
                b.view.adopt(panel, y - (top + gap))
                b.view.meta["panel_top"] = y
                self._table(b, x, y, table_w)
            else:
                y = self.intro(b, x, y, width)
                y = self._panel(b, x, y, width) + gap
                self._table(b, x, y, width)
        if fixed:  # painted after the scrolling page, so the stage's backdrop passes under the panel
            b.view.items += panel.items
        first_open = next(iter(self.open_elements()), None)
        if first_open:
            default_focus(b, f"term:{first_open}:{self.clause(first_open).terms[0].id}")

    def _panel(self, b: Builder, x: int, y: int, w: int) -> int:
        play, record = self.play, self.record
        member = play.scenario.cast_by_id[self.scene_model.counterpart]
        pad = b.u(L)
        inner = w - 2 * pad
        index = b.view.mark()
        b.view.meta["panel_top"] = y
        card = Rect(x, y, w, 0)
        two = w >= b.u(1100) * b.m.text_scale  # a full-width panel: two columns
        left_w = (inner - b.u(XL)) * 2 // 5 if two else inner
        cy = member_header(b, play, member, _(KIND_NAMES["counterpart"]), x, y + pad, left_w + 2 * pad, card, self.face_mood(), 3.4, self.quiet_color)
        # mood, patience, trust
        line = b.line_height("strong")
        mood = self.mood()
        b.icon(f"mood-{mood}", x + pad, cy, line, "primary")
        cy += b.text(_("Mood: {mood}").format(mood=_(MOODS[mood])), "strong", x + pad + line + b.u(S), cy, left_w - line - b.u(S), container=card) + b.u(S)
        patience = max(0, record.patience)
        cy += b.text(ngettext("Patience: {n} round left", "Patience: {n} rounds left", patience).format(n=patience), "strong", x + pad, cy, left_w, container=card) + b.u(4)
        pip, pip_gap = b.u(22), b.u(8)
        full = max(patience, self.scene_model.patience + (3 if record.facilitated else 0))
        per_row = max(1, (left_w + pip_gap) // (pip + pip_gap))
        for i in range(full):
            px = x + pad + (i % per_row) * (pip + pip_gap)
            py = cy + (i // per_row) * (pip + pip_gap)
            b.view.add(Box(Rect(px, py, pip, pip), "primary" if i < patience else None, "primary", b.u(2), pip // 2))
        cy += ((full - 1) // per_row + 1) * (pip + pip_gap) + b.u(S)
        cy += self._trust(b, member.id, x + pad, cy, left_w, card, "small_bold", 14) + b.u(M)
        left_bottom = cy
        if two:  # the rest beside the face, mood and trust: a panel as wide as the page is half as tall
            x, w = x + pad + left_w + b.u(XL) - pad, w - left_w - b.u(XL)
            inner, cy = w - 2 * pad, y + pad
            cy = bubble(b, x + pad, cy, inner, lines(self.speech()), "left", tail_y=y + pad + face_size(b, 3.4) // 2) + b.u(M)
        else:  # the speech bubble under the face, pointing up at it
            cy = self._bubble(b, x + pad, cy, inner, card) + b.u(M)
        # the other parties at the table, research and the facilitator
        for party in self.scene_model.parties:
            cy = self._party(b, party, x, cy, w, card) + b.u(S)
        if member.hidden:
            cy = trait_rows(b, play, member, x + pad, cy, inner, card, room=self.projector) + b.u(S)
        for action in member.research:
            cy += research_row(b, play, member, action, x + pad, cy, inner) + b.u(S)
        helper = self.facilitator()
        if helper is not None:
            text = _("Facilitator: {name}").format(name=play.cast_name(helper))
            if record.facilitated:
                text = _("{text} (already called)").format(text=text)
            cy += b.text(text, "small", x + pad, cy, inner, self.quiet_color, container=card)
        cy = max(cy, left_bottom - b.u(M))
        card.h = cy + pad - y
        b.card(card, index=index)
        return card.bottom

    def _party(self, b: Builder, party: Any, x: int, y: int, w: int, card: Rect) -> int:
        """One more organisation at the table: a smaller face, its mood and patience, its trust."""
        play, pad = self.play, b.u(L)
        inner = w - 2 * pad
        b.view.add(Box(Rect(x + pad, y, inner, b.u(2)), "border", None, 0, 0))
        member = play.scenario.cast_by_id[party.cast]
        y = member_header(b, play, member, _("Also at the table"), x, y + b.u(M), w, card, self.face_mood(party.cast), 2.0, self.quiet_color)
        patience = max(0, table.patience_of(self.record, self.scene_model, party.cast))
        state = _("Mood: {mood}").format(mood=_(MOODS[table.mood(play.session, self.scene_model, party.cast)]))
        rounds = ngettext("Patience: {n} round left", "Patience: {n} rounds left", patience).format(n=patience)
        y += b.text(f"{state} · {rounds}", "small_bold", x + pad, y, inner, container=card) + b.u(4)
        y += self._trust(b, member.id, x + pad, y, inner, card, "small", 12)
        said = self.speech(party.cast)
        if said:  # its own words, in a bubble pointing up at its face
            y = bubble(b, x + pad, y + b.u(22), inner, lines(said), "up", tail_x=x + pad + face_size(b, 2.0) // 2)
        return y

    def _trust(self, b: Builder, cast: str, x: int, y: int, w: int, card: Rect, role: str, bar_h: int) -> int:
        """A party's trust: a gauge easing from its value before the last round, the number, and the change
        (+5) on the gauge while it shows; returns the height."""
        trust = self.play.session.trust(cast)
        number = _("Trust {value} of 100").format(value=trust)
        number_w = b.text_width(number, role)
        bar_w = max(b.u(60), w - number_w - b.u(M))
        was = self.trust_was.get(cast, trust)
        shown = between(was, trust, self.motion.progress(("trust", cast)))
        bar = Rect(x, y + b.u(6), bar_w, b.u(bar_h))
        b.bar(bar, shown / 100, "primary")
        if self.motion.running(("change", cast)) and trust != was:
            change = f"+{trust - was}" if trust > was else f"\u2212{was - trust}"
            color = "good" if trust > was else "bad"
            chip_w, chip_h = b.text_width(change, "small_bold") + 2 * b.u(S), b.line_height("small_bold")
            chip = Rect(min(bar.right - chip_w, bar.x + round(bar.w * shown / 100) + b.u(4)), bar.centery - chip_h // 2, chip_w, chip_h)
            b.box(chip, f"{color}_soft", color, 2, radius=chip_h // 2)
            b.text(change, "small_bold", chip.x, chip.y, chip.w, color, "center", container=chip)
        return b.text(number, role, x + bar_w + b.u(M), y, number_w + 1, container=card)

    def _bubble(self, b: Builder, x: int, y: int, w: int, card: Rect) -> int:
        """What the counterpart says, in a bubble pointing up at their face."""
        face = face_size(b, 3.4)
        return bubble(b, x, y + b.u(22), w, lines(self.speech()), "up", tail_x=x + face // 2)

    def _table(self, b: Builder, x: int, y: int, w: int) -> int:
        y += section_heading(b, "agreement", _("The agreement"), x, y, w) + b.u(S)
        keys = min(9, max((len(c.terms) for c in self.scene_model.clauses), default=1))
        hint = _("Choose a term for each clause ({keys}), then Propose (Enter). Each proposal or question costs patience.")
        y += b.text(hint.format(keys=f"1\u2013{keys}"), "small", x, y, w) + b.u(M)
        for clause in self.scene_model.clauses:
            y = self.rows.place(b, self._row_key(clause, x, w), lambda rb, ry, clause=clause: self._row(rb, clause, x, ry, w), y) + b.u(M)
        return y

    def _row_key(self, clause: Any, x: int, w: int) -> tuple:
        """All that a clause's row is laid out from: when none of it changed, the row of the last frame serves."""
        record, element = self.record, clause.element
        return (element, x, w, record.agreed.get(element), record.counters.get(element), record.offers.get(element),
                element in record.asked, self.drafts.get(element), self.projector, self.quiet_color)

    def _status(self, element: str) -> tuple[str, str, str]:
        """(text, icon, colour) for a clause's state."""
        record = self.record
        if element in record.agreed:
            return _("Agreed"), "check", "good"
        if element in record.counters:
            return _("They offer: {term}").format(term=self.term_text(element, record.counters[element])), "bubble", "text"
        if element in record.offers:
            return _("Refused"), "cross", "bad"
        return _("Open"), "question", self.quiet_color

    def _row(self, b: Builder, clause: Any, x: int, y: int, w: int) -> int:
        record = self.record
        element = clause.element
        pad = b.u(M)
        inner = w - 2 * pad
        index = b.view.mark()
        card = Rect(x, y, w, 0)
        cy = y + pad
        agreed = record.agreed.get(element)
        counter = record.counters.get(element)
        name = self.element_name(element)
        actions = []
        if not agreed:
            actions.append(ButtonSpec(f"ask:{element}", _("Ask what they need"), "quiet", "question", element not in record.asked))
            if counter:
                actions.append(ButtonSpec(f"concede:{element}", _("Accept their offer"), "secondary", "check"))
        actions_w = sum(b.button_natural_width(a.label, a.icon, role="small_bold") for a in actions) + b.u(S) * max(0, len(actions) - 1)
        status, icon, color = self._status(element)
        size = b.line_height("small_bold")
        name_w = min(b.text_width(name, "h3") + 1, inner)
        status_w = inner - name_w - b.u(M) - (actions_w + b.u(M) if actions else 0)
        one_line = status_w >= b.u(200) * b.m.text_scale
        if one_line:
            actions_h = b.button_row(actions, x + w - pad - actions_w, cy, actions_w, "right", gap=S, role="small_bold") if actions else 0
            head_h = max(actions_h, b.line_height("h3"))
            b.text(name, "h3", x + pad, cy + (head_h - b.line_height("h3")) // 2, name_w, container=card)
            sx = x + pad + name_w + b.u(M)
            st_h = b.text_height(status, "small_bold", status_w - size - b.u(4))
            sy = cy + max(0, (head_h - st_h) // 2)
            b.icon(icon, sx, sy + b.u(2), size - b.u(4), color)
            b.text(status, "small_bold", sx + size + b.u(4), sy, status_w - size - b.u(4), color, container=card)
            cy += max(head_h, st_h) + b.u(S)
        else:
            cy += b.text(name, "h3", x + pad, cy, inner, container=card)
            b.icon(icon, x + pad, cy + b.u(2), size - b.u(4), color)
            cy += b.text(status, "small_bold", x + pad + size + b.u(4), cy, inner - size - b.u(4), color, container=card) + b.u(S)
            if actions:
                cy += b.button_row(actions, x + pad, cy, inner, "left", gap=S, role="small_bold") + b.u(S)
        if not agreed and element in record.offers:
            mine = _("Your last offer: {term}").format(term=self.term_text(element, record.offers[element]))
            cy += b.text(mine, "small", x + pad, cy, inner, self.quiet_color, container=card) + b.u(S)
        if element in record.asked:
            cy += b.text(_(PRIORITIES[clause.priority]), "small", x + pad, cy, inner, self.quiet_color, container=card) + b.u(S)
        if agreed:
            chip = Rect(x + pad, cy, inner, 0)
            text_w = inner - 2 * b.u(M) - size
            chip.h = b.text_height(self.term_text(element, agreed), "small_bold", text_w) + b.u(S) * 2
            b.view.add(Box(chip, "good_soft", "good", b.u(2), b.u(10)))
            b.icon("lock", chip.x + b.u(M), chip.y + b.u(S) + b.u(2), size - b.u(4), "good")
            b.text(self.term_text(element, agreed), "small_bold", chip.x + b.u(M) + size, chip.y + b.u(S), text_w, container=chip)
            cy = chip.bottom
        else:
            cy = self._terms(b, clause, x + pad, cy, inner)
        card.h = cy + pad - y
        b.card(card, "surface", "good" if agreed else "border", index=index, shadow=2)
        return card.bottom

    def _terms(self, b: Builder, clause: Any, x: int, y: int, w: int) -> int:
        """The clause's terms as equal chips (your draft selected, their offer marked)."""
        element = clause.element
        draft = self.drafts.get(element)
        counter = self.record.counters.get(element)
        gap = b.u(S)
        columns = len(clause.terms)
        while columns > 1 and (w - gap * (columns - 1)) // columns < b.u(380 if self.projector else 230) * b.m.text_scale:  # the room's: fewer, shorter chips
            columns -= 1
        chip_w = (w - gap * (columns - 1)) // columns
        for start in range(0, len(clause.terms), columns):
            row = clause.terms[start:start + columns]
            specs = []
            for term in row:
                chosen = term.id == draft
                icon = "bubble" if term.id == counter else None
                specs.append((term, "selected" if chosen else "option", icon, chosen))
            keys = [start + n + 1 if start + n < 9 else None for n in range(len(specs))]  # as the keys 1-9 choose them
            height = max(b.button_height(tr(t.text), chip_w, i, k, role="small_bold", tick=c) for (t, _s, i, c), k in zip(specs, keys))
            for column_index, (term, style, icon, chosen) in enumerate(specs):
                rect = Rect(x + column_index * (chip_w + gap), y, chip_w, height)
                b.button(f"term:{element}:{term.id}", tr(term.text), rect, style, icon, hotkey=keys[column_index], role="small_bold", tick=chosen)
            y += height + gap
        return y - gap

    # ----- actions --------------------------------------------------------------------------
    def current_clause(self) -> str | None:
        """The open clause the number keys act on: the one with the focus, else the first without a term."""
        open_now = self.open_elements()
        kind, _sep, rest = (self.focused or "").partition(":")
        element = rest.split(":", 1)[0]
        if kind in ("term", "ask", "concede") and element in open_now:
            return element
        return next((e for e in open_now if e not in self.drafts), next(iter(open_now), None))

    def on_action(self, action: Action) -> bool:
        """Number keys choose a term of the current clause, as a click on it would."""
        if action.kind != "option":
            return super().on_action(action)
        element = self.current_clause()
        if element is None:
            return super().on_action(action)
        terms = self.clause(element).terms
        if 1 <= action.value <= len(terms):
            self.activate(f"term:{element}:{terms[action.value - 1].id}")
        return True

    def _focus_after(self, element: str) -> None:
        """Focus the next open clause still without a term (its first term), else Propose."""
        open_now = self.open_elements()
        later = open_now[open_now.index(element) + 1:] + open_now[:open_now.index(element)]
        following = next((e for e in later if e not in self.drafts), None)
        self.focus = f"term:{following}:{self.clause(following).terms[0].id}" if following else "propose"
        self.focus_moved = True
        target = self.view.find(self.focus) if self.view is not None else None
        if target is not None and self.app.mapper.keyboard_used:  # the page follows the keys, never a pointer's choice
            self.reveal(target)

    def activate(self, target_id: str) -> None:
        kind, _sep, rest = target_id.partition(":")
        if kind == "term":
            element, term = rest.split(":", 1)
            if element in self.open_elements():
                self.drafts[element] = term
                self._focus_after(element)  # however it was chosen: on to the next clause, then Propose (Enter)
                self.invalidate()
        elif kind == "ask":
            self._round({"ask": rest})
        elif kind == "concede":
            self._round({"concede": rest})
        elif kind == "research":
            cast_id, action_id = rest.split(":", 1)
            self._round({"research": {"cast": cast_id, "action": action_id}})
        elif target_id == "propose" and self.proposal():
            self._round({"propose": self.proposal()})
        elif target_id == "facilitator":
            self._round({"facilitator": True})
        elif target_id == "sign" and self.record.agreed:
            self._sign()
        elif target_id == "walk-away":
            self.app.show("confirm", _("Walk away?"), _("You leave the table without an agreement. The other side will remember it."),
                          _("Walk away"), lambda: self._round({"walk_away": True}), danger=True)
        else:
            super().activate(target_id)

    def _sign(self) -> None:
        open_left = self.open_elements()
        if not open_left:
            self._round({"sign": True})
            return
        names = ", ".join(self.element_name(e) for e in open_left)
        message = ngettext(
            "One clause is still open ({names}). It will not be in the agreement.",
            "{n} clauses are still open ({names}). They will not be in the agreement.",
            len(open_left),
        ).format(n=len(open_left), names=names)
        self.app.show("confirm", _("Sign now?"), message, _("Sign"), lambda: self._round({"sign": True}))

    def _round(self, answer: dict) -> None:
        at_table = [self.scene_model.counterpart, *(p.cast for p in self.scene_model.parties)]
        before = {cast: self.play.session.trust(cast) for cast in at_table}
        events = self.commit(answer)
        if events is not None:
            self.last_events = events
            self.trust_was = before
            for cast, was in before.items():  # a gauge that moved eases there, and says by how much
                if self.play.session.trust(cast) != was:
                    self.motion.start(("trust", cast), TRUST_MS, on=self.app.prefs.motion)
                    self.motion.start(("change", cast), CHANGE_MS, on=self.app.prefs.motion, held=True)
            self.to_answer = True
            self.drafts = {e: t for e, t in self.drafts.items() if e in self.open_elements()}
            if "propose" in answer or "concede" in answer:
                self.focus = "propose" if self.proposal() else ("sign" if not self.open_elements() else None)

    def refresh(self) -> None:
        """After a round, when the panel scrolls with the page, go to the panel: the answer is in the counterpart's bubble
        (decided on the new layout: a longer answer may no longer leave the panel room to stay put)."""
        stale = self.stale
        super().refresh()
        if stale and self.to_answer:
            self.to_answer = False
            view = self.view
            if not view.meta.get("panel_fixed") and view.scroll_rect is not None:
                top = view.meta.get("panel_top", view.scroll_rect.top) - view.scroll_rect.top - self.app.metrics.u(L)
                if getattr(self, "paged", False):  # the room's screen turns in pages: the page the panel starts on
                    top = max((start for start in getattr(self, "pages", [0]) if start <= max(0, top)), default=0)
                self.scroll = max(0, min(top, view.max_scroll))

    def update(self, dt: float) -> bool:
        going = self.motion.step(dt, self.invalidate)
        return super().update(dt) or going

    def default_action(self) -> None:
        if self.proposal():
            self.activate("propose")
        elif not self.open_elements():
            self.activate("sign")
