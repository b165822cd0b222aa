"""Pick scenes: cast cards with an icon (or portrait), visible traits, hidden
traits that research reveals (the card turns to show what was found, and
research shows its cost), a counter of picks left, and confirm."""

from __future__ import annotations

from typing import Any

import pygame

from game.ui.i18n import _, ngettext, tr
from game.ui.layout import Builder, ButtonSpec
from game.ui.layout_cache import LayoutCache
from game.ui.motion import Timeline, linear, turn
from game.ui.play import KIND_NAMES
from game.ui.scenes.base import default_focus
from game.ui.scenes.cards import affordable, member_header, research_row, trait_rows
from game.ui.scenes.decision import DecisionScene
from game.ui.theme import L, M, S
from game.ui.view import Box, Painter, View

Rect = pygame.Rect
REVEAL_MS = 280  # a card's turn when research reveals a trait


class PickScene(DecisionScene):
    name = "pick"
    grid = 4  # on the projector, up to four columns of cards

    def __init__(self, play):
        super().__init__(play)
        self.picked: list[str] = []
        self.motion = Timeline()  # cards turning: key ("turn", cast id), while their revealed traits show
        self.turning: dict[str, tuple[str, ...]] = {}  # cast id: the traits its turn reveals
        self.pictures: dict[str, dict] = {}  # cast id: its card's two sides, painted once for the turn
        self.laid = LayoutCache()  # the cards as last laid out: a pick relays one card, not all

    @property
    def count(self) -> int:
        return self.scene_model.count

    def footer_specs(self) -> tuple[list[ButtonSpec], str]:
        left = self.count - len(self.picked)
        if left > 0:
            note = ngettext("{n} pick left", "{n} picks left", left).format(n=left)
        else:
            note = _("All picked. Confirm, or unpick a card to change.")
        buttons = [ButtonSpec("confirm", _("Confirm picks"), "primary", "check", left == 0)]
        if self.scene_model.refuse is not None:  # picking nobody is a choice of its own, in the author's words
            buttons.insert(0, ButtonSpec("refuse", tr(self.scene_model.refuse.text), "secondary", "cross"))
        return buttons, note

    def body(self, b: Builder, x: int, y: int, width: int) -> int:
        pool = self.scene_model.pool
        gap = b.u(L)
        if self.projector:  # the room's screen: the columns of the arrangement being tried (game.ui.workshop.scenes)
            gap = b.u(M)
            columns = max(1, min(len(pool), self.body_columns(b, width, gap)))
        else:
            min_w = int(b.u(500) * b.m.text_scale)
            columns = max(1, min(len(pool), 4, (width + gap) // (min_w + gap)))
            if columns == 3 and len(pool) == 4:
                columns = 2
        card_w = (width - gap * (columns - 1)) // columns
        for row_start in range(0, len(pool), columns):
            boxes = []
            for i, card in enumerate(pool[row_start:row_start + columns]):
                card_x, number, start = x + i * (card_w + gap), row_start + i + 1, b.view.mark()
                b.view.meta.setdefault("cards", []).append((start, card, card_x, y, card_w, number))  # where each card's items start (its turn)
                self.laid.place(b, self._card_key(card, card_x, card_w, number),
                                lambda cb, cy, card=card, card_x=card_x, number=number: self._card(cb, card, card_x, cy, card_w, number).rect.bottom, y)
                boxes.append(b.view.items[start])  # the card itself, under what it holds
            height = max(box.rect.bottom for box in boxes) - y
            for box in boxes:  # cards in a row share one height
                box.rect.h = height
            y += height + gap
        self._turn_cards(b)
        default_focus(b, f"pick:{pool[0].cast}")
        return y

    def _card_key(self, pick_card: Any, x: int, w: int, number: int) -> tuple:
        """All that a card is laid out from: when none of it changed, the card of the last frame serves."""
        play, cast = self.play, pick_card.cast
        member = play.scenario.cast_by_id[cast]
        state = play.session.state
        return (cast, x, w, number, cast in self.picked, bool(self.fit.compact), self.projector, self.quiet_color,
                tuple(state.revealed.get(cast, [])), tuple(state.researched.get(cast, [])),
                tuple(affordable(play, action.cost) for action in member.research))

    def _card(self, b: Builder, pick_card: Any, x: int, y: int, w: int, number: int, unseen: tuple[str, ...] = ()) -> Box:
        play = self.play
        member = play.scenario.cast_by_id[pick_card.cast]
        chosen = member.id in self.picked
        compact = bool(self.fit.compact)  # a tight projector screen: less padding, a smaller portrait
        pad = b.u(M if compact else L)
        inner = w - 2 * pad
        index = b.view.mark()
        card = Rect(x, y, w, 0)
        cy = member_header(b, play, member, _(KIND_NAMES.get(member.kind, member.kind)), x, y + pad, w, card, scale=1.8 if compact else 2.6,
                           kind_color=self.quiet_color)
        if member.about is not None:
            cy += b.text(tr(member.about), "small", x + pad, cy, inner, container=card) + b.u(M)
        if member.cost:
            cy += b.text(_("Costs {amount} from the budget").format(amount=member.cost), "small_bold", x + pad, cy, inner, container=card) + b.u(S)
        cy = trait_rows(b, play, member, x + pad, cy, inner, card, unseen, self.projector) + b.u(S if compact else M)
        for action in member.research:
            cy += research_row(b, play, member, action, x + pad, cy, inner) + b.u(S)
        cy += b.u(S)
        label = _("Picked") if chosen else _("Pick")
        h = b.button_height(label, inner, "check", number)
        b.button(f"pick:{member.id}", label, Rect(x + pad, cy, inner, h), "selected" if chosen else "primary", "check" if chosen else "plus", hotkey=number if number < 10 else None)
        cy += h + pad
        card.h = cy - y
        return b.card(card, "primary_soft" if chosen else "surface", "primary" if chosen else "border", index=index)

    def activate(self, target_id: str) -> None:
        kind, _sep, rest = target_id.partition(":")
        if kind == "pick":
            self.notice = ""
            if rest in self.picked:
                self.picked.remove(rest)
            elif len(self.picked) < self.count:
                self.picked.append(rest)
                if len(self.picked) == self.count:
                    self.focus = "confirm"
            else:
                self.notice = ngettext("You can pick {n} card. Unpick one first.", "You can pick {n} cards. Unpick one first.", self.count).format(n=self.count)
            self.invalidate()
        elif kind == "research":
            cast_id, action_id = rest.split(":", 1)
            events = self.commit({"research": {"cast": cast_id, "action": action_id}})
            for event in events or []:
                if event.get("type") == "revealed" and self.app.prefs.motion:
                    self.turning[event["cast"]] = (*self.turning.get(event["cast"], ()), event["trait"])
                    self.motion.start(("turn", event["cast"]), REVEAL_MS)
        elif target_id == "confirm":
            if len(self.picked) == self.count:
                self.commit({"pick": list(self.picked)})
        elif target_id == "refuse" and self.scene_model.refuse is not None:
            self.commit({"pick": []})
        else:
            super().activate(target_id)

    def _turn_cards(self, b: Builder) -> None:
        """Cards whose research just revealed a trait turn over: the card as it was, then as it is now."""
        cards = b.view.meta.pop("cards", [])
        ends = [start for start, *_rest in cards[1:]] + [len(b.view.items)]
        for (start, pick_card, x, y, w, number), end in reversed(list(zip(cards, ends))):
            cast = pick_card.cast
            if not self.motion.running(("turn", cast)):
                continue
            box = b.view.items[start]

            def before(pick_card=pick_card, x=x, y=y, w=w, number=number, height=box.rect.h) -> list:
                """The card before the research, laid out aside at the card's place and height."""
                aside = Builder(View(b.view.size), b.m, b.ts, b.palette)
                self._card(aside, pick_card, x, y, w, number, self.turning.get(pick_card.cast, ()))
                aside.view.items[0].rect.h = height
                return aside.view.items

            pictures = self.pictures.setdefault(cast, {})
            turn(b.view, start, end, box.rect, self.motion.progress(("turn", cast), linear), before, Painter(b.ts, b.palette, b.u), box.shadow * 2, pictures)

    def update(self, dt: float) -> bool:
        going = self.motion.step(dt, self.invalidate)
        self.turning = {cast: traits for cast, traits in self.turning.items() if self.motion.running(("turn", cast))}
        self.pictures = {cast: kept for cast, kept in self.pictures.items() if cast in self.turning}
        return going

    def default_action(self) -> None:
        self.activate("confirm")
