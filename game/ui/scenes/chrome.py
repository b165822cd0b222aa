"""The frame around every screen: the top bar (menus), the in-game status bar
(phase, progress, resources), the footer with the main actions, and the
content column in between (which scrolls when it does not fit).
"""

from __future__ import annotations

from typing import Any

import pygame

from game.ui.i18n import N_, _, language, language_name, languages, next_language, tr
from game.ui.layout import Builder, ButtonSpec
from game.ui.metrics import Metrics
from game.ui.theme import CONTENT_MAX, RADIUS_SMALL, TARGET, L, M, S, XL
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


def status_bar(b: Builder, play: Any, answered: bool = False) -> int:
    """The in-game header: the decision's number and phase, resources, and People / language / Menu.

    ``answered``: a feedback screen, about the decision just answered (the story has already moved on)."""
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
    phase_h = _phase_and_progress(b, play, edge, y, left_w, answered)
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


PHASE_LABELS = {"before": N_("Before the partnership"), "during": N_("During the partnership"), "after": N_("After the partnership")}


def progress_words(play: Any, answered: bool = False) -> tuple[str, str]:
    """("Decision 5", "During the partnership"): the decision on screen (``answered``: the one just answered), counted
    by the engine on the path taken, and its phase."""
    session = play.session
    visited = session.state.visited
    if answered and len(visited) > 1:
        number, scene = session.decisions_taken, play.scenario.scenes[visited[-2]]
    else:
        number, scene = (session.decisions_taken if session.ended else session.decision_number), session.scene
    phase = PHASE_LABELS.get(getattr(scene, "phase", None) or "")
    return _("Decision {n}").format(n=max(1, number)), _(phase) if phase else ""


def _phase_and_progress(b: Builder, play: Any, x: int, y: int, width: int, answered: bool = False) -> int:
    """[scenario title] Decision 5 · During the partnership [track]: words and a track, nothing that looks pressable.

    The track is a rough sense of the way still to go (the shortest way to an ending); the words never count what is ahead."""
    counted, phase = progress_words(play, answered)
    done, total = play.progress()
    title = tr(play.scenario.title)
    row_h = b.line_height("small_bold")
    track_w, track_h = b.u(140), max(b.u(12), 6)
    parts = [("counted", b.text_width(counted, "small_bold"))]
    if phase:
        parts.append(("phase", b.text_width(phase, "small")))
    parts.append(("track", track_w))
    gap = b.u(L)
    title_w = min(b.text_width(title, "small_bold"), width)
    if title_w + sum(w + gap for _k, w in parts) <= width:  # the scenario's name only when it fits on the row
        parts.insert(0, ("title", title_w))
    cursor_x, cursor_y = x, y
    for key, w in parts:
        w = min(w, width)
        if key == "track" and cursor_x + w > x + width >= cursor_x + b.u(60):  # a shorter track rather than a row of its own
            w = x + width - cursor_x
        if cursor_x > x and cursor_x + w > x + width:
            cursor_x, cursor_y = x, cursor_y + row_h + b.u(S)
        if key == "title":
            b.text(title, "small_bold", cursor_x, cursor_y, w, "on_header_muted")
        elif key == "counted":
            b.text(counted, "small_bold", cursor_x, cursor_y, w, "on_header")
        elif key == "phase":
            b.text(phase, "small", cursor_x, cursor_y, w, "on_header_muted")
        else:  # an outlined track, its filled part in the accent colour: both stand out from the header (3:1 or more)
            rect = Rect(cursor_x, cursor_y + (row_h - track_h) // 2, w, track_h)
            b.view.add(Box(rect, "header", "on_header_muted", max(1, b.u(2)), track_h // 2))
            inner = max(1, b.u(3))
            b.bar(rect.inflate(-2 * inner, -2 * inner), done / total if total else 1.0, "accent", "header")
        cursor_x += w + gap
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
        rows_h = button_rows_height(b, specs, width)
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


def button_rows_height(b: Builder, specs: list[ButtonSpec], width: int) -> int:
    """The height button_row will use (it wraps buttons the same way)."""
    scratch = Builder(View((b.m.width, b.m.height)), b.m, b.ts, b.palette)
    return scratch.button_row(specs, 0, 0, width, "right")


def notice_strip(b: Builder, top: int, text: str, tone: str = "bad", key: str | None = None) -> int:
    """A notice (``tone`` "bad" or "good") floating over the top of the page, just under the bars: a card with a shadow
    that pushes nothing and covers no bar. Pressing it, its cross, or anything else on the screen puts it away
    (:meth:`game.ui.scenes.base.Scene.handle`), so what it covers is never out of reach. Notices stack under each other.

    ``key`` names this notice among those put away (default: its text): a notice said again, such as a second
    "30 seconds added", takes a new key so that it shows again.

    Returns ``top`` unchanged (the page starts where it did without the notice)."""
    key = key or text
    if key in b.view.meta.get("dismissed", ()):
        return top
    b = chrome(b)
    x, width = column(b)
    pad, gap = b.u(M), b.u(M)
    size = b.line_height("small_bold")
    text_w = width - 2 * pad - 2 * (size + gap)
    role, shown = fitted_notice(b, text, text_w, NOTICE_LINES)
    y = b.view.meta.get("notice_bottom", top) + b.u(S)
    height = max(b.text_height(shown, role, text_w) + 2 * pad, b.u(TARGET))
    rect = Rect(x, y, width, height)
    notices = b.view.meta.setdefault("notices", [])
    target_id = f"notice:{len(notices)}"
    notices.append(key)
    fill, icon, icon_color = ("bad_soft", "warning", "bad") if tone == "bad" else ("primary_soft", "check", "primary")
    with b.view.floating():
        b.view.add(Box(rect, fill, icon_color, max(1, b.u(2)), b.u(RADIUS_SMALL), b.u(8), target_id, fill, "pressed"))
        b.icon(icon, x + pad, rect.centery - size // 2, size, icon_color)
        b.text(shown, role, x + pad + size + gap, y + (height - b.text_height(shown, role, text_w)) // 2, text_w, "text", container=rect)
        b.icon("cross", rect.right - pad - size, rect.centery - size // 2, size, "text")
        b.view.target(target_id, rect, label=f"{text} ({_('Close')})")
    b.view.meta["notice_bottom"] = rect.bottom
    return top


NOTICE_LINES = 3
"""A notice takes at most this many lines, so a long one (large text, a long language) covers little of the page."""


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
