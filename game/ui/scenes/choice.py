"""Choice and event scenes: options as large cards; number keys pick, Enter confirms.

An event is shown as a news item (a masthead, the headline, the story) above
the responses.
"""

from __future__ import annotations

import pygame

from game.ui.art import stage
from game.ui.i18n import N_, _, tr
from game.ui.layout import Builder, ButtonSpec
from game.ui.scenes.base import default_focus
from game.ui.scenes.decision import DecisionScene
from game.ui.theme import L, M, S, XL

Rect = pygame.Rect
MASTHEADS = {
    "before": N_("NEWS · before the partnership"),
    "during": N_("NEWS · during the partnership"),
    "after": N_("NEWS · after the partnership"),
}


class ChoiceScene(DecisionScene):
    """A dilemma: choose one option, then confirm."""

    options_beside = True
    grid = 3  # on the projector, up to three columns of options

    name = "choice"

    def __init__(self, play):
        super().__init__(play)
        self.selected: str | None = None

    def options(self):
        return self.play.session.options()

    def footer_specs(self) -> tuple[list[ButtonSpec], str]:
        if self.play.session.stuck:
            return [ButtonSpec("leave", _("Back to the scenarios"), "primary", "left")], ""
        ids = [o.id for o in self.options()]
        if self.selected in ids:
            note = _("Option {n} selected. Confirm, or choose another.").format(n=ids.index(self.selected) + 1)
        else:
            note = _("Choose an option: click it or press its number.")
        return [ButtonSpec("confirm", _("Confirm"), "primary", "check", self.selected is not None)], note

    def body(self, b: Builder, x: int, y: int, width: int) -> int:
        options = self.options()
        gap = b.u(M)
        if not options:  # a broken story: every option's condition is false (the checker warns about it)
            y += b.text(_("The story cannot go on from here: none of this decision's options is available now. "
                          "The scenario's author can find the cause with 'validate'. Your game so far is saved."), "body", x, y, width, "bad") + gap
            default_focus(b, "leave")
            return y
        role = self.roles()[2]
        columns = self.body_columns(b, width, gap)
        option_w = (width - gap * (columns - 1)) // columns
        for row_start in range(0, len(options), columns):  # on the projector, options may stand in columns; a row shares one height
            row = list(enumerate(options[row_start:row_start + columns], row_start + 1))
            h = max(b.button_height(tr(option.text), option_w, None, number, role, tick=option.id == self.selected) for number, option in row)
            for i, (number, option) in enumerate(row):
                chosen = option.id == self.selected
                rect = Rect(x + i * (option_w + gap), y, option_w, h)
                b.button(f"option:{option.id}", tr(option.text), rect, "selected" if chosen else "option", hotkey=number, role=role, tick=chosen)
            y += h + gap
        if options:
            default_focus(b, f"option:{options[0].id}")
        return y

    def activate(self, target_id: str) -> None:
        if target_id.startswith("option:"):
            self.selected = target_id.split(":", 1)[1]
            self.focus = "confirm"
            self.notice = ""
            self.invalidate()
        elif target_id == "confirm":
            if self.selected is not None:
                self.commit({"choose": self.selected})
        elif target_id == "leave":
            self.app.leave_play()
        else:
            super().activate(target_id)

    def default_action(self) -> None:
        self.activate("confirm")


class EventScene(ChoiceScene):
    """Something happened: a news card, then the responses."""

    name = "event"

    def intro(self, b: Builder, x: int, y: int, width: int) -> int:
        """The news on the scene's backdrop: a newspaper card, or the speaker telling it in a bubble."""
        scene = self.scene_model
        text = tr(self.play.session.text_of(scene))
        if scene.speaker is not None:
            title_role, text_role, _option = self.roles()
            content = stage.title_and_text(tr(scene.headline), text, None, title_role, text_role)
        else:
            content = self.news_card
        y = stage.stage(b, self.play, scene, x, y - b.u(L), width, content, mood="doubtful", panel=False)
        if self.fit.compact == 2 and self.fit.split:  # the tightest fit, options beside: the footer's note asks instead
            return y
        y += b.text(_("How do you respond?"), "h3" if self.fit.compact else "h2", x, y, width) + b.u(S if self.fit.compact else M)
        return y

    def news_card(self, b: Builder, x: int, y: int, width: int, _box: Rect) -> int:
        """A newspaper cutting: the masthead, the headline, the story."""
        scene = self.scene_model
        title_role, text_role, _option = self.roles()
        pad = b.u(L if self.fit.compact else XL)
        inner = width - 2 * pad
        index = b.view.mark()
        card = Rect(x, y, width, 0)
        cy = y + pad
        size = b.line_height("small_bold")
        b.icon("news", x + pad, cy, size, "ink")
        masthead = _(MASTHEADS.get(scene.phase, MASTHEADS["during"]))
        cy += b.text(masthead, "small_bold", x + pad + size + b.u(S), cy, inner - size - b.u(S), "ink", container=card) + b.u(S)
        b.box(Rect(x + pad, cy, inner, b.u(3)), "ink", radius=0)
        cy += b.u(3) + b.u(M)
        cy += b.text(tr(scene.headline), title_role, x + pad, cy, inner, "ink", container=card) + b.u(S if self.fit.compact else M)
        cy += b.text(tr(self.play.session.text_of(scene)), text_role, x + pad, cy, inner, "ink", container=card)
        card.h = cy + pad - y
        b.card(card, "paper", "ink", index=index)
        return card.bottom
