"""What every decision screen shares: the status bar, the scene's title and
text, a scrolling body, a footer with the main actions, and the way an
answer goes to the engine and on to the feedback screen."""

from __future__ import annotations


import pygame

from game.ui import images
from game.ui.art import stage
from game.ui.i18n import _, tr
from game.ui.layout import Builder, ButtonSpec
from game.ui.play import Play, left_scene
from game.ui.scenes.base import Scene
from game.ui.scenes.chrome import column, footer, status_bar
from game.ui.theme import L, M, S, XL

Rect = pygame.Rect
IMAGE_W, IMAGE_H = 960, 400  # the largest a scene's picture is shown, in logical units


class DecisionScene(Scene):
    """Base of the scenes for choice, event, pick, negotiate, sequence and allocate."""

    quiet_default_focus = True  # on opening, no option looks chosen

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
        x, width = column(b)
        with b.view.scrolling(Rect(0, top, b.m.width, bottom - top)):
            y = top + b.u(L)
            split = self.beside(b, width)
            if split:  # the room's wide screen: the question on the left, the options beside it, all in view at once
                left_w, gap = split
                self.intro(b, x, y, left_w)
                self.body(b, x + left_w + gap, y + b.u(L), width - left_w - gap)
            else:
                y = self.intro(b, x, y, width)
                self.body(b, x, y, width)

    options_beside = False  # a scene whose body is a list of options (choice, event) may show them beside its text

    def beside(self, b: Builder, width: int) -> tuple[int, int] | None:
        """(left column's width, gap) when the options go beside the question: only on a workshop's projector
        screen, for a list of options, when the options' column still holds a line of 45 characters."""
        if not (self.options_beside and getattr(self.play, "projector", False)):
            return None
        left_w, gap = width * 5 // 12, b.u(XL)
        if width - left_w - gap < b.text_width("x" * 45, "strong"):
            return None
        return left_w, gap

    def intro(self, b: Builder, x: int, y: int, width: int) -> int:
        """The scene's title and text; returns where the body starts."""
        scene = self.scene_model
        path = images.find(self.play.entry.path, scene.image)

        def picture(b: Builder, px: int, py: int, w: int) -> int:
            return images.add_picture(b, path, px, py, min(w, b.u(IMAGE_W)), b.u(IMAGE_H), "left")

        content = stage.title_and_text(tr(scene.title) if scene.title is not None else None, tr(self.play.session.text_of(scene)), picture if path else None)
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
            from game.ui.scenes.feedback import FeedbackScene

            heading = self.scene_model.title or getattr(self.scene_model, "headline", None)
            self.app.replace(FeedbackScene(self.play, events, tr(heading) if heading else ""))
        else:
            self.invalidate()
        return events

    def back(self) -> None:
        self.app.open_menu()



def cost_text(play: Play, cost: dict[str, int]) -> str:
    """A research cost such as "Weeks -1, Budget -50" (or "free")."""
    if not cost:
        return _("free")
    return ", ".join(f"{play.resource_name(name)} -{amount}" for name, amount in cost.items())


def section_heading(b: Builder, icon: str, text: str, x: int, y: int, width: int, color: str = "text") -> int:
    size = b.line_height("h3")
    b.icon(icon, x, y, size, "primary")
    return b.text(text, "h3", x + size + b.u(M), y, width - size - b.u(M), color)
