"""The frame around every screen: the top bar (menus), the in-game status bar
(phase, progress, resources), the footer with the main actions, and the
content column in between (which scrolls when it does not fit).
"""

from __future__ import annotations

from typing import Any

import pygame

from game.ui.i18n import _, language, language_name, languages, next_language, tr
from game.ui.layout import Builder, ButtonSpec
from game.ui.metrics import Metrics
from game.ui.play import PHASES
from game.ui.theme import CONTENT_MAX, L, M, S, XL
from game.ui.view import Box, View

Rect = pygame.Rect


def language_button() -> ButtonSpec:
    """With two languages, the one you switch to; with more, the one in use (it opens the chooser). Each written in itself."""
    shown = next_language() if len(languages()) <= 2 else language()
    return ButtonSpec("global:language", language_name(shown), "header", "globe")


CHROME_MAX_SCALE = 1.5   # on short windows, bars and footers stop growing here so the content keeps room
SHORT_WINDOW = 1000      # pixels


def chrome(b: Builder) -> Builder:
    """A builder for the bars: the same view, with the text scale capped on short windows."""
    if b.m.height >= SHORT_WINDOW or b.m.text_scale <= CHROME_MAX_SCALE:
        return b
    return Builder(b.view, Metrics((b.m.width, b.m.height), CHROME_MAX_SCALE), b.ts, b.palette)


def margin(b: Builder) -> int:
    return b.u(XL) if b.m.width >= b.u(1200) else b.u(M)


def column(b: Builder) -> tuple[int, int]:
    """(x, width) of the centred content column."""
    width = min(b.m.width - 2 * margin(b), b.u(CONTENT_MAX))
    return (b.m.width - width) // 2, width


def top_bar(b: Builder, title: str, back: bool = True, buttons: list[ButtonSpec] | None = None) -> int:
    """A header band with Back, a title and the language switch; returns its bottom."""
    b = chrome(b)
    pad, edge = b.u(M), margin(b)
    right_specs = (buttons or []) + [language_button()]
    width = b.m.width - 2 * edge
    back_spec = ButtonSpec("global:back", _("Back"), "header", "left")
    back_w = b.button_natural_width(back_spec.label, back_spec.icon) if back else 0
    right_w = sum(b.button_natural_width(s.label, s.icon) for s in right_specs) + b.u(M) * (len(right_specs) - 1)
    title_w = width - back_w - right_w - 2 * b.u(L)
    index = b.view.mark()
    if title_w < width // 3:  # very large text: buttons on one row, title below
        row_h = b.button_row(([back_spec] if back else []) + right_specs, edge, pad, width, "right")
        title_h = b.text(title, "h2", edge, pad + row_h + b.u(S), width, "on_header")
        bottom = pad + row_h + b.u(S) + title_h + pad
    else:
        heights = [b.button_height(s.label, b.button_natural_width(s.label, s.icon), s.icon) for s in right_specs]
        row_h = max(heights + ([b.button_height(back_spec.label, back_w, back_spec.icon)] if back else []))
        title_h = b.text_height(title, "h2", title_w)
        height = max(row_h, title_h)
        if back:
            b.button(back_spec.id, back_spec.label, Rect(edge, pad + (height - row_h) // 2, back_w, row_h), "header", "left")
        b.text(title, "h2", edge + back_w + (b.u(L) if back else 0), pad + (height - title_h) // 2, title_w, "on_header")
        b.button_row(right_specs, edge + width - right_w, pad + (height - row_h) // 2, right_w, "right")
        bottom = pad + height + pad
    b.view.insert(index, _band(b, bottom))
    return bottom


def _band(b: Builder, bottom: int) -> Any:
    return Box(Rect(0, 0, b.m.width, bottom), "header", None, 0, 0)


def status_bar(b: Builder, play: Any) -> int:
    """The in-game header: phase, progress, resources, and People / language / Menu."""
    b = chrome(b)
    pad, edge = b.u(S + 4), margin(b)
    width = b.m.width - 2 * edge
    index = b.view.mark()
    if getattr(play, "projector", False):  # a workshop's room screen: the resources only; its strip holds the rest, menu included
        bottom = pad + _resources(b, play, edge, pad, width) + pad
        b.view.insert(index, _band(b, bottom))
        return play.band(b, bottom)
    specs = [
        ButtonSpec("global:people", _("People"), "header", "people"),
        language_button(),
        ButtonSpec("global:menu", _("Menu"), "header", "menu"),
    ]
    buttons_w = sum(b.button_natural_width(s.label, s.icon) for s in specs) + b.u(M) * 2
    # row 1, left: phase stepper and progress
    left_w = width - buttons_w - b.u(L)
    if left_w < width // 3:
        left_w = width
    y = pad
    phase_h = _phase_and_progress(b, play, edge, y, left_w)
    if left_w == width:
        row_h = b.button_row(specs, edge, y + phase_h + b.u(S), width, "right")
        y += phase_h + b.u(S) + row_h
    else:
        row_h = b.button_row(specs, edge + width - buttons_w, y, buttons_w, "right")
        y += max(row_h, phase_h)
    y += b.u(S)
    y += _resources(b, play, edge, y, width)
    bottom = y + pad
    b.view.insert(index, _band(b, bottom))
    band = getattr(play, "band", None)  # a workshop adds its strip here: team, turn, timer, trainer bar
    return band(b, bottom) if band is not None else bottom


def _phase_and_progress(b: Builder, play: Any, x: int, y: int, width: int) -> int:
    current = play.session.scene.phase
    order = [p for p, _n in PHASES]
    now = order.index(current) if current in order else 0
    chips: list[tuple[str, str, int]] = []
    for position, (phase, name) in enumerate(PHASES):
        label = _(name)
        w = b.text_width(label, "small_bold") + 2 * b.u(M) + 1 + (b.line_height("small_bold") if position < now else 0)
        chips.append((phase, label, w))
    done, total = play.progress()
    progress = _("Step {done} of {total}").format(done=min(done + 1, total) if total else done, total=total)
    title = tr(play.scenario.title)
    # lay out: [title] [phase chips] [progress]
    chip_h = b.line_height("small_bold") + b.u(S)
    cursor_x, cursor_y, row_h = x, y, chip_h
    title_w = min(b.text_width(title, "small_bold"), width)
    parts = [(c[0], c[2]) for c in chips] + [("progress", b.text_width(progress, "small") + b.u(M) + b.u(120))]
    if title_w + b.u(L) + sum(w + b.u(S) for _k, w in parts) <= width:  # the scenario's name only when it fits on the row
        parts.insert(0, ("title", title_w))
    for key, w in parts:
        if cursor_x > x and cursor_x + w > x + width:
            cursor_x, cursor_y = x, cursor_y + row_h + b.u(S)
        if key == "title":
            b.text(title, "small_bold", cursor_x, cursor_y + (chip_h - b.line_height("small_bold")) // 2, w, "on_header_muted")
            cursor_x += w + b.u(L)
            continue
        if key == "progress":
            b.text(progress, "small", cursor_x, cursor_y + (chip_h - b.line_height("small")) // 2, b.text_width(progress, "small"), "on_header")
            bar_x = cursor_x + b.text_width(progress, "small") + b.u(M)
            b.bar(Rect(bar_x, cursor_y + chip_h // 2 - b.u(5), b.u(120), b.u(10)), done / total if total else 1.0, "accent", "primary_pressed")
            cursor_x += w
            continue
        label = next(c[1] for c in chips if c[0] == key)
        rect = Rect(cursor_x, cursor_y, w, chip_h)
        is_now, is_past = key == current, order.index(key) < now
        if is_now:
            b.view.add(Box(rect, "accent", None, 0, chip_h // 2))
            b.text(label, "small_bold", rect.x + b.u(M), rect.y + b.u(S) // 2, rect.w - 2 * b.u(M), "on_accent", container=rect)
        else:
            b.view.add(Box(rect, None, "on_header_muted", b.u(2), chip_h // 2))
            text_x = rect.x + b.u(M)
            if is_past:
                icon_size = b.line_height("small_bold") - b.u(8)
                b.icon("check", text_x, rect.centery - icon_size // 2, icon_size, "on_header")
                text_x += b.line_height("small_bold")
            b.text(label, "small_bold", text_x, rect.y + b.u(S) // 2, rect.right - text_x - b.u(M), "on_header" if is_past else "on_header_muted", container=rect)
        cursor_x += w + b.u(S)
    return cursor_y + row_h - y


def _resources(b: Builder, play: Any, x: int, y: int, width: int) -> int:
    session = play.session
    size = b.line_height("small")
    cursor_x, cursor_y = x, y
    for resource_id, value in session.state.resources.items():
        name = play.resource_name(resource_id)
        icon_name = resource_id if resource_id in ("budget", "weeks", "reputation", "network") else "resource"
        name_w = b.text_width(name, "small")
        value_text = str(value)
        w = size + b.u(S) + name_w + b.u(S) + b.text_width(value_text, "small_bold")
        if cursor_x > x and cursor_x + w > x + width:
            cursor_x, cursor_y = x, cursor_y + size + b.u(S)
        b.icon(icon_name, cursor_x, cursor_y + b.u(2), size - b.u(4), "accent")
        b.text(name, "small", cursor_x + size + b.u(S), cursor_y, min(name_w, width), "on_header_muted")
        b.text(value_text, "small_bold", cursor_x + size + b.u(S) + name_w + b.u(S), cursor_y, b.text_width(value_text, "small_bold"), "on_header")
        cursor_x += w + b.u(XL)
    return cursor_y + size - y


def footer(b: Builder, specs: list[ButtonSpec], note: str = "", note_color: str = "text") -> int:
    """A band at the bottom with the main actions (and a note); returns its top."""
    b = chrome(b)
    pad, edge = b.u(M), margin(b)
    width = b.m.width - 2 * edge
    buttons_w = sum(b.button_natural_width(s.label, s.icon, s.hotkey) for s in specs) + b.u(M) * max(0, len(specs) - 1)
    note_w = width - buttons_w - b.u(L)
    stacked = bool(note) and note_w < width // 3
    row_h = max((b.button_height(s.label, min(width, b.button_natural_width(s.label, s.icon, s.hotkey)), s.icon, s.hotkey) for s in specs), default=0)
    if stacked or buttons_w > width:
        note_h = b.text_height(note, "strong", width) if note else 0
        rows_h = _row_height(b, specs, width)
        height = note_h + (b.u(S) if note else 0) + rows_h
    else:
        note_h = b.text_height(note, "strong", note_w) if note else 0
        height = max(row_h, note_h)
    top = b.m.height - height - 2 * pad
    b.view.add(Box(Rect(0, top, b.m.width, b.m.height - top), "surface", None, 0, 0))
    b.view.add(Box(Rect(0, top, b.m.width, b.u(2)), "border", None, 0, 0))
    if stacked or buttons_w > width:
        if note:
            b.text(note, "strong", edge, top + pad, width, note_color)
        b.button_row(specs, edge, top + pad + note_h + (b.u(S) if note else 0), width, "right")
    else:
        if note:
            b.text(note, "strong", edge, top + pad + (height - note_h) // 2, note_w, note_color)
        b.button_row(specs, edge + width - buttons_w, top + pad + (height - row_h) // 2, buttons_w, "right")
    return top


def _row_height(b: Builder, specs: list[ButtonSpec], width: int) -> int:
    """The height button_row will use (it wraps buttons the same way)."""
    scratch = Builder(View((b.m.width, b.m.height)), b.m, b.ts, b.palette)
    return scratch.button_row(specs, 0, 0, width, "right")


def notice_strip(b: Builder, top: int, text: str, tone: str = "bad") -> int:
    """A slim strip under the status bar with a notice (``tone`` "bad" or "good"); returns its bottom."""
    b = chrome(b)
    pad, edge = b.u(S), margin(b)
    width = b.m.width - 2 * edge
    size = b.line_height("small_bold")
    text_w = width - size - b.u(M)
    role, text = fitted_notice(b, text, text_w, NOTICE_LINES)
    height = b.text_height(text, role, text_w) + 2 * pad
    fill, icon, icon_color = ("bad_soft", "warning", "bad") if tone == "bad" else ("primary_soft", "check", "primary")
    b.view.add(Box(Rect(0, top, b.m.width, height), fill, None, 0, 0))
    b.view.add(Box(Rect(0, top + height - b.u(2), b.m.width, b.u(2)), icon_color, None, 0, 0))
    b.icon(icon, edge, top + pad + b.u(2), size - b.u(4), icon_color)
    b.text(text, role, edge + size + b.u(M), top + pad, text_w, "text")
    return top + height


NOTICE_LINES = 3
"""A notice strip takes at most this many lines, so a long notice (large text, a long language) never squeezes the page."""


def fitted_notice(b: Builder, text: str, width: int, lines: int) -> tuple[str, str]:
    """(role, text) for a notice in at most ``lines`` lines: bold, else regular, else cut at a word with an ellipsis."""
    for role in ("small_bold", "small"):
        if b.text_height(text, role, width) <= lines * b.line_height(role):
            return role, text
    words = text.split()
    low, high = 1, len(words)
    while low < high:  # the most words that still fit, with the ellipsis
        middle = (low + high + 1) // 2
        if b.text_height(" ".join(words[:middle]) + " …", "small", width) <= lines * b.line_height("small"):
            low = middle
        else:
            high = middle - 1
    return "small", " ".join(words[:low]) + " …"
