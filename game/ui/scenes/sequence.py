"""Sequence scenes: put the steps in order by dragging (mouse or finger), with
each step's up and down buttons, or with the keyboard: Ctrl (or Alt) with the
up or down arrow moves the focused step at once; or Space picks a step up, the
arrow keys move it and Space puts it down. The footer says so."""

from __future__ import annotations

import pygame

from game.ui.i18n import _, tr
from game.ui.input import CARRY, Action
from game.ui.layout import Builder, ButtonSpec
from game.ui.scenes.base import default_focus
from game.ui.scenes.decision import DecisionScene
from game.ui.theme import M, RADIUS_SMALL, S, TARGET
from game.ui.view import Box

Rect = pygame.Rect


class SequenceScene(DecisionScene):
    name = "sequence"
    options_beside = True  # on a wide projector screen the steps stand beside the question

    def __init__(self, play):
        super().__init__(play)
        self.order: list[str] = play.session.shuffled_steps()
        self.grabbed: str | None = None
        self.dragging: str | None = None
        self.drag_y = 0        # pointer y on screen
        self.drag_offset = 0   # pointer y minus the row's top when the drag began

    def step_text(self, step_id: str) -> str:
        return next(tr(s.text) for s in self.scene_model.steps if s.id == step_id)

    def footer_specs(self) -> tuple[list[ButtonSpec], str]:
        if self.grabbed:
            note = _("Moving step {n}: up and down arrow keys move it, Space puts it down.").format(n=self.order.index(self.grabbed) + 1)
        else:
            note = _("Drag the steps into order, or move the focused step with Ctrl+up or down.")
        return [ButtonSpec("confirm", _("Confirm order"), "primary", "check", self.dragging is None)], note

    # ----- layout ------------------------------------------------------------------------
    def _row_height(self, b: Builder, step_id: str, text_w: int) -> int:
        return max(b.u(TARGET), b.text_height(self.step_text(step_id), self.roles()[2], text_w) + 2 * b.u(S if self.fit.compact else M))

    def body(self, b: Builder, x: int, y: int, width: int) -> int:
        role = self.roles()[2]  # smaller on a tight projector screen: the buttons too, so they stay within their rows
        button = max(b.u(TARGET), b.line_height(role) + b.u(M))
        gap = b.u(S)
        row_w = width - 2 * (button + gap)
        badge = b.line_height(role) + b.u(S)
        grip = b.line_height(role) * 2 // 3
        text_x = x + b.u(M) + grip + b.u(M) + badge + b.u(M)
        text_w = x + row_w - b.u(M) - text_x
        heights = {s: self._row_height(b, s, text_w) for s in self.order}
        others = [s for s in self.order if s != self.dragging]
        slot = len(others)
        drag_top = 0
        if self.dragging is not None:
            drag_top = self.drag_y + self.scroll - self.drag_offset
            center = drag_top + heights[self.dragging] // 2
            cursor, slot = y, 0
            for step in others:
                if cursor + heights[step] // 2 < center:
                    slot += 1
                cursor += heights[step] + gap
        b.view.meta["slot"] = slot
        cursor = y
        shown = others[:slot] + ([self.dragging] if self.dragging else []) + others[slot:]
        for position, step in enumerate(shown):
            h = heights[step]
            if step == self.dragging:
                cursor += h + gap  # a hole where it will land
                continue
            self._row(b, step, position, x, cursor, row_w, h, button, gap, badge, grip, text_x, text_w)
            cursor += h + gap
        if self.dragging is not None:
            self._row(b, self.dragging, slot, x, drag_top, row_w, heights[self.dragging], button, gap, badge, grip, text_x - x, text_w, floating=True)
        default_focus(b, f"step:{self.order[0]}")
        return cursor

    def _row(self, b: Builder, step: str, position: int, x: int, y: int, w: int, h: int, button: int, gap: int, badge: int, grip: int, text_x: int, text_w: int, floating: bool = False) -> None:
        if floating:
            text_x = x + text_x
        lifted = floating or step == self.grabbed
        rect = Rect(x, y, w, h)
        fill, border = ("primary_soft", "primary") if lifted else ("surface", "border")
        b.view.add(Box(rect, fill, border, b.u(4 if lifted else 2), b.u(RADIUS_SMALL), b.u(10 if floating else 3), None if floating else f"step:{step}"))
        b.icon("grip", x + b.u(M), y + (h - grip) // 2, grip, "muted")
        circle = Rect(x + b.u(M) + grip + b.u(M), y + (h - badge) // 2, badge, badge)
        b.view.add(Box(circle, "primary", None, 0, badge // 2))
        b.text(str(position + 1), "small_bold", circle.x, circle.y + (badge - b.line_height("small_bold")) // 2, badge, "on_primary", "center", container=circle)
        role = self.roles()[2]  # smaller on a tight projector screen
        text_h = b.text_height(self.step_text(step), role, text_w)
        b.text(self.step_text(step), role, text_x, y + (h - text_h) // 2, text_w, container=rect)
        if floating:
            return
        b.view.target(f"step:{step}", rect, draggable=True, label=self.step_text(step))
        index = self.order.index(step)
        up = Rect(x + w + gap, y + (h - button) // 2, button, button)
        down = Rect(up.right + gap, up.y, button, button)
        b.button(f"up:{step}", "", up, "secondary", "up", enabled=index > 0 and self.dragging is None)
        b.button(f"down:{step}", "", down, "secondary", "down", enabled=index < len(self.order) - 1 and self.dragging is None)

    # ----- actions ---------------------------------------------------------------------------
    def move(self, step: str, delta: int) -> None:
        index = self.order.index(step)
        target = max(0, min(len(self.order) - 1, index + delta))
        if target != index:
            self.order.insert(target, self.order.pop(index))
            self.invalidate()

    def on_action(self, action: Action) -> bool:
        kind = action.kind
        if kind == "drag_start" and action.target and action.target.startswith("step:"):
            step = action.target[5:]
            target = self.view.find(action.target) if self.view else None
            self.dragging, self.grabbed = step, None
            self.drag_y = action.pos[1]
            self.drag_offset = action.pos[1] + self.scroll - (target.rect.y if target else action.pos[1])
            self.invalidate()
            return True
        if kind == "drag_move" and self.dragging:
            self.drag_y = action.pos[1]
            area = self.view.scroll_rect if self.view else None
            if area is not None:
                edge = self.app.metrics.u(60)
                if action.pos[1] < area.top + edge:
                    self.scroll_by(-self.app.metrics.u(30))
                elif action.pos[1] > area.bottom - edge:
                    self.scroll_by(self.app.metrics.u(30))
            self.invalidate()
            return True
        if kind == "drop" and self.dragging:
            self._drop()
            return True
        carried = self.grabbed or (self.focused_step() if kind in ("up", "down") and action.value == CARRY else None)
        if carried and kind in ("up", "down", "left", "right"):
            self.carry(carried, -1 if kind in ("up", "left") else 1)
            return True
        if self.grabbed:
            if kind in ("select", "confirm", "back"):
                self.grabbed = None
                self.invalidate()
                return True
        return False

    def focused_step(self) -> str | None:
        """The step whose row, or up or down button, has the focus."""
        kind, _sep, step = (self.focused or "").partition(":")
        return step if kind in ("step", "up", "down") and step in self.order else None

    def carry(self, step: str, delta: int) -> None:
        """Move a step one place with the keyboard; the focus goes with it and stays in view."""
        self.move(step, delta)
        self.focus = f"step:{step}"
        self.focus_moved = True
        self.refresh()
        target = self.view.find(self.focus)
        if target is not None:
            self.reveal(target)
        self.app.dirty = True

    def _drop(self) -> None:
        """Put the dragged step where the layout left a hole for it."""
        self.refresh()  # lay out at the latest pointer position
        step, slot = self.dragging, self.view.meta.get("slot", 0)
        self.dragging = None
        others = [s for s in self.order if s != step]
        others.insert(max(0, min(slot, len(others))), step)
        self.order = others
        self.focus = f"step:{step}"
        self.invalidate()

    def activate(self, target_id: str) -> None:
        kind, _sep, step = target_id.partition(":")
        if kind == "step":
            self.grabbed = None if self.grabbed == step else step
            self.invalidate()
        elif kind in ("up", "down"):
            self.move(step, -1 if kind == "up" else 1)
            self.focus = target_id
        elif target_id == "confirm":
            self.grabbed = None
            self.commit({"order": list(self.order)})
        else:
            super().activate(target_id)

    def default_action(self) -> None:
        self.activate("confirm")
