"""The glossary: the handbook's terms in the player's language, each with what
it means and the handbook section it comes from. Reached from the help and the
debrief (``app.open_glossary()``)."""

from __future__ import annotations

from game.scoring.glossary import default_glossary
from game.ui.i18n import _, tr
from game.ui.layout import Builder
from game.ui.scenes.overlays import Overlay
from game.ui.theme import L, S


class GlossaryOverlay(Overlay):
    """Every term of the glossary: the term, its meaning and its handbook section."""

    name = "glossary"
    icon = "help"
    width_units = 1300

    def __init__(self, rulebook):
        super().__init__()
        self.rulebook = rulebook
        self.terms = default_glossary().terms

    def title(self) -> str:
        return _("Glossary of the handbook's terms")

    def body(self, b: Builder, x: int, y: int, w: int) -> int:
        top = y
        y += b.text(_("The words the handbook uses, and what they mean in it."), "body", x, y, w, "muted") + b.u(L)
        sections = {s.id: s for s in self.rulebook.sections}
        for term in self.terms:
            y += b.text(tr(term.term), "h3", x, y, w) + b.u(S)
            y += b.text(tr(term.meaning), "body", x, y, w) + b.u(S)
            section = sections.get(term.section)
            if section is not None:
                y += b.text(_("Handbook: {section}").format(section=tr(section.title)), "small", x, y, w, "muted")
            y += b.u(L)
        return y - top
