"""The trainer's story map: every scene of a scenario as a box, its ways on as arrows.

Scenes are coloured and named by phase (before, during, after), endings by
outcome; an interrupting event shows its trigger, with a dashed arrow in and
a dotted one back. The map scrolls (wheel, Page Up/Down; Left/Right and the
arrow buttons move it sideways) and zooms (the − and + buttons); a click on a
scene opens that scene in play, reached by a play a player could make.
Reached from a library card and from the F5 problems overlay (``app.open_story_map``).
"""

from __future__ import annotations

import threading
from typing import Any

import pygame

from game.core.storymap import Node, StoryMap, build, shorten
from game.scoring.reach import session_at
from game.ui.i18n import _, language, tr
from game.ui.layout import Builder, ButtonSpec
from game.ui.scenes.base import Scene, default_focus
from game.ui.scenes.chrome import margin, top_bar
from game.ui.theme import L, M, S
from game.ui.view import View

Rect = pygame.Rect
ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5)
PHASE_FILL = {"before": "primary_soft", "during": "surface_alt", "after": "good_soft"}
OUTCOME_BORDER = {"success": "good", "mixed": "warn", "failure": "bad"}


def phase_name(phase: str) -> str:
    return {"before": _("Before"), "during": _("During"), "after": _("After")}[phase]


def outcome_name(outcome: str) -> str:
    return {"success": _("Ending: success"), "mixed": _("Ending: mixed"), "failure": _("Ending: failure")}[outcome]


class StoryMapScene(Scene):
    """The map of one library entry's scenario; ``notice`` says when a scene could not be opened."""

    name = "story-map"
    help_topic = "general"

    def __init__(self, entry: Any):
        super().__init__()
        self.entry = entry
        self.zoom = 2  # index into ZOOMS
        self.pan = 0   # pixels the map is moved left
        self.notice = ""
        self.story: StoryMap | None = None
        self.story_language = ""
        self.search: SceneSearch | None = None

    def map(self) -> StoryMap:
        lang = language() if language() in self.entry.scenario.languages else "en"
        if self.story is None or self.story_language != lang:
            self.story, self.story_language = build(self.entry.scenario, lang), lang
        return self.story

    # ----- layout -----------------------------------------------------------------
    def build(self, b: Builder) -> None:
        story = self.map()
        zoom = ZOOMS[self.zoom]
        buttons = [ButtonSpec("zoom-out", _("Smaller"), "header", "minus", self.zoom > 0),
                   ButtonSpec("zoom-in", _("Larger"), "header", "plus", self.zoom < len(ZOOMS) - 1)]
        top = top_bar(b, _("Story map: {title}").format(title=tr(self.entry.scenario.title)), buttons=buttons)
        edge = margin(b)
        width = b.m.width - 2 * edge
        room = b.line_height("small") * 3 if zoom >= 1.0 else 0  # for the labels over the first row's arrows
        scratch = Builder(View((b.m.width, b.m.height)), b.m, b.ts, b.palette)
        below = self._head(scratch, story, zoom, edge, top + b.u(M), width)
        if b.m.height - below < b.m.height * 0.4:  # a small window with large text: the hint and the legend scroll with the map
            area = Rect(0, top, b.m.width, b.m.height - top)
            with b.view.scrolling(area):
                y = self._head(b, story, zoom, edge, top + b.u(M), width)
                self._map(b, story, zoom, edge - self.pan, y + b.u(S) + room, area)
        else:
            y = self._head(b, story, zoom, edge, top + b.u(M), width)
            area = Rect(0, y, b.m.width, b.m.height - y)
            with b.view.scrolling(area):
                self._map(b, story, zoom, edge - self.pan, y + b.u(S) + room, area)
        first = next(iter(story.nodes), None)
        default_focus(b, f"scene:{story.start}" if story.start in story.nodes else (f"scene:{first}" if first else None))

    def _head(self, b: Builder, story: StoryMap, zoom: float, edge: int, y: int, width: int) -> int:
        """The hint, the legend, a notice and the pan buttons from ``y``; returns where the map starts."""
        hint = _("Click a scene to play from it. Scroll to move up and down; Left and Right move the map sideways.")
        y += b.text(hint, "small", edge, y, width, "muted") + b.u(S)
        y += self._legend(b, edge, y, width) + b.u(S)
        if self.notice:
            y += b.text(self.notice, "body", edge, y, width, "bad") + b.u(S)
        nav_h = b.button_height("", b.u(60), "left")
        b.button("pan-left", "", Rect(edge, y, b.u(60), nav_h), "secondary", "left", self.pan > 0)
        b.view.meta["max_pan"] = self._max_pan(b, story, zoom, width)
        right_enabled = self.pan < b.view.meta["max_pan"]
        b.button("pan-right", "", Rect(edge + b.u(60) + b.u(S), y, b.u(60), nav_h), "secondary", "right", right_enabled)
        return y + nav_h + b.u(S)

    def _legend(self, b: Builder, x: int, y: int, width: int) -> int:
        cx, h = x, b.line_height("small") + b.u(S)
        for phase, fill in PHASE_FILL.items():
            label = phase_name(phase)
            w = b.text_width(label, "small") + b.u(2 * M)
            chip = Rect(cx, y, w, h)
            b.box(chip, fill, "border", 1, radius=8)
            b.text(label, "small", cx + b.u(M), y + b.u(S) // 2, w - b.u(2 * M), "text", container=chip)
            cx += w + b.u(S)
        for outcome, border in OUTCOME_BORDER.items():
            label = outcome_name(outcome)
            w = b.text_width(label, "small") + b.u(2 * M)
            if cx + w > x + width:
                break
            chip = Rect(cx, y, w, h)
            b.box(chip, "surface", border, 3, radius=8)
            b.text(label, "small", cx + b.u(M), y + b.u(S) // 2, w - b.u(2 * M), "text", container=chip)
            cx += w + b.u(S)
        return h

    def _sizes(self, b: Builder, zoom: float, story: StoryMap) -> tuple[int, int, int]:
        """Box width, column step (room for the widest arrow label) and row gap in pixels at this zoom."""
        box_w = max(b.u(140), int(b.u(300) * zoom * min(1.6, b.m.text_scale)))
        labels = max((b.text_width(_way_label(e.way), "small") for e in story.edges), default=0) if zoom >= 1.0 else 0
        return box_w, box_w + max(int(b.u(170) * zoom), labels + b.u(2 * L)), max(b.u(S), int(b.u(60) * zoom))

    def _max_pan(self, b: Builder, story: StoryMap, zoom: float, width: int) -> int:
        box_w, step, _ = self._sizes(b, zoom, story)
        return max(0, (story.columns - 1) * step + box_w - width)

    def _map(self, b: Builder, story: StoryMap, zoom: float, x0: int, y0: int, area: Rect) -> None:
        box_w, step, gap = self._sizes(b, zoom, story)
        detail = zoom >= 0.75
        heights = {sid: self._box_height(b, node, box_w, detail) for sid, node in story.nodes.items()}
        row_h = max(heights.values(), default=b.u(60)) + gap
        rects = {sid: Rect(x0 + node.column * step, y0 + node.row * row_h, box_w, heights[sid]) for sid, node in story.nodes.items()}
        bounds = Rect(x0, y0, story.columns * step, story.rows * row_h)
        arrows = [(rects[e.source], rects[e.target], e.style) for e in story.edges if e.source in rects and e.target in rects]
        b.art(bounds, _arrow_painter(arrows, bounds.topleft, b.u(3), b.u(12)))
        if zoom >= 1.0:  # the option ids or outcomes on each arrow, one a line, above its middle
            ways: dict[tuple[str, str], list[str]] = {}
            for edge in story.edges:
                if edge.source in rects and edge.target in rects and rects[edge.target].x > rects[edge.source].x:
                    ways.setdefault((edge.source, edge.target), []).append(_way_label(edge.way))
            line = b.line_height("small")
            for (source, target), labels in ways.items():
                a, z = rects[source], rects[target]
                mid = (a.right + z.left) // 2
                ly = (a.centery if len(labels) > 1 else (a.centery + z.centery) // 2) - line * len(labels)
                for i, label in enumerate(dict.fromkeys(labels)):
                    w = b.text_width(label, "small")
                    if 0 <= mid - w // 2 and mid + w // 2 + 2 <= b.m.width:  # words only where they fit on screen
                        b.text(label, "small", mid - w // 2, ly + i * line, w + 2, "muted")
        b.view.meta["step"] = step
        for sid, node in story.nodes.items():  # whole boxes only: the arrows show where the others are
            if rects[sid].left >= 0 and rects[sid].right <= b.m.width:
                self._box(b, node, rects[sid], detail)

    def _box_height(self, b: Builder, node: Node, w: int, detail: bool) -> int:
        inner = w - 2 * b.u(S)
        h = b.text_height(node.id, "small_bold", inner) + 2 * b.u(S)
        if detail:
            h += b.text_height(self._kind_line(node), "small", inner)
            if node.title:
                h += b.text_height(node.title, "small", inner)
            if node.trigger:
                h += b.text_height(self._trigger_line(node), "small", inner)
        return h

    def _kind_line(self, node: Node) -> str:
        if node.kind == "ending":
            return outcome_name(node.outcome or "mixed")
        return f"{phase_name(node.phase)} · {node.kind}"

    def _trigger_line(self, node: Node) -> str:
        return _("Event: {trigger}").format(trigger=node.trigger)

    def _box(self, b: Builder, node: Node, rect: Rect, detail: bool) -> None:
        target = f"scene:{node.id}"
        if node.kind == "ending":
            b.box(rect, "surface", OUTCOME_BORDER.get(node.outcome or "", "border"), 4, radius=18, target=target)
        else:
            b.box(rect, PHASE_FILL[node.phase], "text" if node.trigger is None else "warn", 2 if node.trigger is None else 3, target=target)
        x, y, inner = rect.x + b.u(S), rect.y + b.u(S), rect.w - 2 * b.u(S)
        y += b.text(node.id, "small_bold", x, y, inner, "text", container=rect)
        if detail:
            y += b.text(self._kind_line(node), "small", x, y, inner, "muted", container=rect)
            if node.title:
                y += b.text(node.title, "small", x, y, inner, "text", container=rect)
            if node.trigger:
                b.text(self._trigger_line(node), "small", x, y, inner, "muted", container=rect)
        b.view.target(target, rect, label=_("Play from scene {scene}").format(scene=node.id))

    # ----- actions ----------------------------------------------------------------
    def on_action(self, action) -> bool:
        if action.kind in ("left", "right"):
            self.move(-1 if action.kind == "left" else 1)
            return True
        return False

    def move(self, direction: int) -> None:
        most = self.view.meta.get("max_pan", 0) if self.view else 0
        step = self.view.meta.get("step", self.app.metrics.u(300)) if self.view else self.app.metrics.u(300)
        self.pan = max(0, min(most, self.pan + direction * step))
        self.invalidate()

    def activate(self, target_id: str) -> None:
        if target_id in ("zoom-in", "zoom-out"):
            self.zoom = max(0, min(len(ZOOMS) - 1, self.zoom + (1 if target_id == "zoom-in" else -1)))
            self.pan = 0
            self.invalidate()
        elif target_id in ("pan-left", "pan-right"):
            self.move(-1 if target_id == "pan-left" else 1)
        elif target_id.startswith("scene:") and (self.search is None or self.search.done()):
            scene_id = target_id.split(":", 1)[1]
            self.search = SceneSearch(self.entry.scenario, scene_id, self.app.rulebook, self.app.seed or 0)
            self.notice = _("Looking for a play that reaches '{scene}'...").format(scene=scene_id)
            self.invalidate()
        else:
            super().activate(target_id)

    def update(self, dt: float) -> bool:
        """When the search for a play has finished: play from the scene, or say none was found."""
        if self.search is None or not self.search.done():
            return False
        search, self.search = self.search, None
        if search.session is None:
            self.notice = _("No play found that reaches scene '{scene}': it may need choices no play here makes.").format(scene=search.scene_id)
            self.invalidate()
            return True
        self.notice = ""
        self.app.play_from_session(self.entry, search.session)
        return True

    def back(self) -> None:
        self.search = None  # a search still running finishes on its own; nobody waits for it
        self.app.pop()


class SceneSearch:
    """The search for a play that reaches a scene, off the frame loop (it can take seconds in a large story)."""

    def __init__(self, scenario: Any, scene_id: str, rulebook: Any, seed: int):
        self.scene_id = scene_id
        self.session = None
        self._thread = threading.Thread(target=self._run, args=(scenario, rulebook, seed), name="bridges-reach", daemon=True)
        self._thread.start()

    def _run(self, scenario: Any, rulebook: Any, seed: int) -> None:
        self.session = session_at(scenario, self.scene_id, rulebook, seed=seed)

    def done(self) -> bool:
        return not self._thread.is_alive()

    def wait(self, timeout: float | None = None) -> None:
        self._thread.join(timeout)


def _way_label(way: str) -> str:
    return shorten(way.replace("_", " "), 16)


def _arrow_painter(arrows: list[tuple[Rect, Rect, str]], origin: tuple[int, int], width: int, head: int):
    """Paint each arrow from box to box (right side to left side; a loop back curls under)."""

    def paint(surface: pygame.Surface, where: Rect, palette: Any) -> None:
        dx, dy = where.x - origin[0], where.y - origin[1]
        colors = {"story": palette.muted, "branch": palette.primary, "event": palette.warn, "back": palette.warn}
        for source, target, style in arrows:
            a = source.move(dx, dy)
            z = target.move(dx, dy)
            color = colors.get(style, palette.muted)
            if z.x > a.x:  # the bend sits after the middle, so the labels above the middle stay clear of it
                bend = a.right + (z.left - a.right) * 3 // 4
                points = [(a.right, a.centery), (bend, a.centery), (bend, z.centery), (z.left, z.centery)]
            else:  # back to an earlier column, or the same one: round below the boxes
                low = max(a.bottom, z.bottom) + head
                points = [(a.centerx, a.bottom), (a.centerx, low), (z.centerx, low), (z.centerx, z.bottom)]
            _polyline(surface, color, points, width, dashed=style in ("event", "back"))
            _head(surface, color, points[-2], points[-1], head)

    return paint


def _polyline(surface: pygame.Surface, color, points: list[tuple[int, int]], width: int, dashed: bool) -> None:
    for start, end in zip(points, points[1:]):
        if not dashed:
            pygame.draw.line(surface, color, start, end, width)
            continue
        length = max(abs(end[0] - start[0]), abs(end[1] - start[1]))
        dash = max(6, width * 3)
        for t in range(0, length, dash * 2):
            f0, f1 = t / length, min(length, t + dash) / length
            p0 = (start[0] + (end[0] - start[0]) * f0, start[1] + (end[1] - start[1]) * f0)
            p1 = (start[0] + (end[0] - start[0]) * f1, start[1] + (end[1] - start[1]) * f1)
            pygame.draw.line(surface, color, p0, p1, width)


def _head(surface: pygame.Surface, color, before: tuple[int, int], tip: tuple[int, int], size: int) -> None:
    vx, vy = tip[0] - before[0], tip[1] - before[1]
    length = max(1.0, (vx * vx + vy * vy) ** 0.5)
    ux, uy = vx / length, vy / length
    left = (tip[0] - ux * size - uy * size / 2, tip[1] - uy * size + ux * size / 2)
    right = (tip[0] - ux * size + uy * size / 2, tip[1] - uy * size - ux * size / 2)
    pygame.draw.polygon(surface, color, [tip, left, right])
