"""What F5 shows when the scenario file cannot replace the one being played:
the checker's messages, or the decision that no longer fits."""

from __future__ import annotations

import re
from typing import Any

from game.core.problems import without_excerpt
from game.ui.i18n import _, ngettext
from game.ui.layout import Builder, ButtonSpec
from game.ui.reload import reload_scenario, restart
from game.ui.scenes.overlays import Overlay
from game.ui.theme import M, S

LOCATION = re.compile(r"^(.*?:\d+:\d+): (.*)$", re.S)  # file:line:col: path: message
MAX_SHOWN = 60


def split_problem(line: str) -> tuple[str, str]:
    """("file:line:col", "path: message"), or ("", line) when it names no place."""
    found = LOCATION.match(line)
    return (found.group(1), found.group(2)) if found else ("", line)


class ReloadProblemsOverlay(Overlay):
    """The new version has problems: each one with its file, line and column; the old version keeps running."""

    name = "reload-problems"
    icon = "warning"
    width_units = 1500

    def __init__(self, entry: Any):
        super().__init__()
        self.entry = entry

    def title(self) -> str:
        return _("The scenario file has problems")

    def body(self, b: Builder, x: int, y: int, w: int) -> int:
        top = y
        problems = self.entry.problems
        intro = _("You are still playing the version loaded before. Fix the file, save it and press F5 again.")
        y += b.text(intro, "body", x, y, w, "muted") + b.u(M)
        count = ngettext("The checker found {n} problem:", "The checker found {n} problems:", len(problems)).format(n=len(problems))
        y += b.text(count, "strong", x, y, w) + b.u(S)
        for problem in problems[:MAX_SHOWN]:
            where, what = split_problem(without_excerpt(problem))
            if where:
                y += b.text(where, "small_bold", x, y, w, "primary")
            y += b.text(what, "body", x + (b.u(M) if where else 0), y, w - (b.u(M) if where else 0)) + b.u(M)
        more = len(problems) - MAX_SHOWN
        if more > 0:
            y += b.text(ngettext("and {n} more problem", "and {n} more problems", more).format(n=more), "small_bold", x, y, w, "muted")
        return y - top

    def buttons(self) -> list[ButtonSpec]:
        return [
            ButtonSpec("close", _("Keep playing"), "secondary", "left"),
            ButtonSpec("map", _("Story map"), "secondary", "flow"),
            ButtonSpec("retry", _("Try again (F5)"), "primary", "reload"),
        ]

    def activate(self, target_id: str) -> None:
        if target_id == "map" and self.app.play is not None:  # the map of the version being played
            self.app.pop()
            self.app.open_story_map(self.app.play.entry)
        elif target_id == "retry":
            reload_scenario(self.app)
        else:
            super().activate(target_id)


class MisfitOverlay(Overlay):
    """The decisions so far do not replay on the new version: say where, offer to restart."""

    name = "reload-misfit"
    icon = "warning"
    width_units = 1100

    def __init__(self, entry: Any, reason: str):
        super().__init__()
        self.entry, self.reason = entry, reason

    def title(self) -> str:
        return _("The story no longer fits")

    def body(self, b: Builder, x: int, y: int, w: int) -> int:
        top = y
        y += b.text(_("The new version of the scenario was read, but your decisions so far cannot be replayed on it."), "body", x, y, w) + b.u(M)
        y += b.text(self.reason, "strong", x, y, w) + b.u(M)
        y += b.text(_("Keep playing the version loaded before, or restart the scenario from the beginning with the new version."), "body", x, y, w, "muted")
        return y - top

    def buttons(self) -> list[ButtonSpec]:
        return [
            ButtonSpec("close", _("Keep playing"), "secondary", "left"),
            ButtonSpec("restart", _("Restart the scenario"), "primary", "reload"),
        ]

    def activate(self, target_id: str) -> None:
        if target_id == "restart":
            restart(self.app, self.entry)
        else:
            super().activate(target_id)

    def default_action(self) -> None:
        pass
