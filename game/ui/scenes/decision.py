"""What every decision screen shares: the status bar, the scene's title and
text, a scrolling body, a footer with the main actions, and the way an
answer goes to the engine and on to the feedback screen."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.ui import images
from game.ui.art import stage
from game.ui.i18n import _, tr
from game.ui.layout import Builder, ButtonSpec
from game.ui.play import Play, left_scene
from game.ui.scenes.base import Scene
from game.ui.scenes.cards import IMAGE_H, IMAGE_W
from game.ui.scenes.chrome import column, footer, status_bar
from game.ui.theme import L, M, S, XL

Rect = pygame.Rect


@dataclass(frozen=True)
class Fit:
    """How a decision is arranged on a workshop's projector screen (tried in turn until one fits the screen).

    ``split``: the question's share of the width, the body beside it (None: the question above the body);
    ``columns``: the body's columns (options, cards, shares, steps); ``compact``: 0 the usual text and padding,
    1 the question's text smaller (never under 28 px at 1080p with the workshop's text size), 2 the body's too."""

    split: float | None = None
    columns: int = 1
    compact: int = 0


ROOMY = Fit()
SPLITS = (5 / 12, 1 / 3, 1 / 2, 0.3, 0.38, 0.45)  # the question's shares of the width tried, the usual first
ROLES = {  # text roles by compactness: (title, question, option)
    0: ("h1", "body", "strong"),
    1: ("h2", "small", "strong"),
    2: ("h3", "small", "small_bold"),
}


class DecisionScene(Scene):
    """Base of the scenes for choice, event, pick, negotiate, sequence and allocate."""

    quiet_default_focus = True  # on opening, no option looks chosen
    fit: Fit = ROOMY  # the projector's arrangement (game.ui.workshop.scenes tries fit_ladder() in turn)

    def __init__(self, play: Play):
        super().__init__()
        self.play = play
        self.scene_model = play.session.scene
        self.scene_id = play.session.scene_id
        self.notice = ""

    @property
    def help_topic(self) -> str:  # type: ignore[override]
        return self.name

    def enter(self, app) -> None:
        super().enter(app)
        stage.warm_places(app, self.play.scenario)  # a resumed game may skip the briefing

    # ----- layout -------------------------------------------------------------------
    def footer_specs(self) -> tuple[list[ButtonSpec], str]:
        """The main actions and a note for the footer."""
        return [], ""

    def build(self, b: Builder) -> None:
        top = status_bar(b, self.play)
        specs, note = self.footer_specs()
        note_color = "text"
        if self.notice:
            note, note_color = self.notice, "bad"
        bottom = footer(b, specs, note, note_color)
        x, width = self.column(b)
        with b.view.scrolling(Rect(0, top, b.m.width, bottom - top)):
            y = top + b.u(L)
            split = self.beside(b, width)
            if split:  # the room's wide screen: the question on the left, the body beside it, all in view at once
                left_w, gap = split
                self.intro(b, x, y, left_w)
                self.body(b, x + left_w + gap, y + b.u((L, M, S)[self.fit.compact]), width - left_w - gap)
            else:
                y = self.intro(b, x, y, width)
                self.body(b, x, y, width)

    options_beside = False  # a scene whose body is a list of options (choice, event) may show them beside its text
    grid = 1  # the most columns the body takes on the projector (allocate's shares, sequence's steps)

    @property
    def projector(self) -> bool:
        return bool(getattr(self.play, "projector", False))

    @property
    def quiet_color(self) -> str:
        """The colour of secondary text: muted grey, but on the projector the text colour (the room reads it from afar)."""
        return "text" if self.projector else "muted"

    def column(self, b: Builder) -> tuple[int, int]:
        """(x, width) of the content: on the projector the whole width but a margin, elsewhere the centred column."""
        if self.projector:
            edge = b.u(XL) if b.m.width >= b.u(1200) else b.u(M)
            return edge, b.m.width - 2 * edge
        return column(b)

    def roles(self) -> tuple[str, str, str]:
        """The text roles (title, question, option) for the arrangement in use."""
        return ROLES[self.fit.compact if self.projector else 0]

    def fit_ladder(self, b: Builder) -> list[Fit]:
        """The projector's arrangements to try, the roomiest first (the first that fits the screen is kept)."""
        if not self.options_beside:
            return [Fit(None, columns, level) for level in (0, 1, 2) for columns in range(1, self.grid + 1)]
        wide = b.m.width >= b.u(1200)
        ladder = []
        for level in (0, 1, 2):
            if wide:
                ladder += [Fit(split, 1, level) for split in SPLITS] + ([Fit(1 / 3, 2, level)] if self.grid > 1 else [])
            ladder += [Fit(None, columns, level) for columns in range(1, self.grid + 1)]
        return ladder

    def beside(self, b: Builder, width: int) -> tuple[int, int] | None:
        """(left column's width, gap) when the body goes beside the question: on a workshop's projector screen,
        as the arrangement says, when each of the body's columns still holds a line of 24 characters."""
        if not (self.options_beside and self.projector and self.fit.split):
            return None
        left_w, gap = int(width * self.fit.split), b.u(L)
        if (width - left_w - gap) // self.fit.columns < b.text_width("x" * 24, self.roles()[2]):
            return None
        return left_w, gap

    def body_columns(self, b: Builder, width: int, gap: int) -> int:
        """How many columns the body has here: the arrangement's, while each holds a line of 24 characters."""
        columns = self.fit.columns if self.projector else 1
        while columns > 1 and (width - gap * (columns - 1)) // columns < b.text_width("x" * 24, self.roles()[2]):
            columns -= 1
        return columns

    def intro(self, b: Builder, x: int, y: int, width: int) -> int:
        """The scene's title and text; returns where the body starts."""
        scene = self.scene_model
        path = images.find(self.play.entry.path, scene.image)

        def picture(b: Builder, px: int, py: int, w: int) -> int:
            return images.add_picture(b, path, px, py, min(w, b.u(IMAGE_W)), b.u(IMAGE_H), "left")

        title_role, text_role, _option = self.roles()
        content = stage.title_and_text(tr(scene.title) if scene.title is not None else None, tr(self.play.session.text_of(scene)), picture if path else None,
                                       title_role, text_role)
        return stage.stage(b, self.play, scene, x, y - b.u(L), width, content, mood=self.speaker_mood())

    def speaker_mood(self) -> str:
        """How the scene's speaker looks while saying its text."""
        return "neutral"

    def body(self, b: Builder, x: int, y: int, width: int) -> int:
        return y

    # ----- answers ------------------------------------------------------------------
    def commit(self, answer: dict) -> list[dict] | None:
        """Send an answer to the engine; on to feedback if the story moved on."""
        from game.core.engine import InvalidAnswer

        try:
            events = self.play.answer(answer)
        except InvalidAnswer:
            self.notice = _("That is not possible here. Check the choices and try again.")
            self.invalidate()
            return None
        self.notice = ""
        if left_scene(events):
            heading = self.scene_model.title or getattr(self.scene_model, "headline", None)
            self.app.replace_with("feedback", self.play, events, tr(heading) if heading else "")
        else:
            self.invalidate()
        return events

    def back(self) -> None:
        self.app.open_menu()
