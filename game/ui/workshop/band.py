"""The workshop strip under the status bar of every workshop screen.

Row 1, large: whose turn it is (the team's symbol and name, or "Plenary
vote"), the trainer bar (a row of small buttons with the key of each
command in its label) and the decision timer; the bar takes a second row
only when the first has no room for it. What the last trainer command did
and a results problem float under the strip as notices
(:func:`float_notes`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pygame

from game.ui.i18n import _
from game.ui.layout import Builder, ButtonSpec
from game.ui.metrics import Metrics
from game.ui.scenes.chrome import margin, notice_strip
from game.ui.theme import L, M, S
from game.ui.view import Box
from game.ui.workshop.looks import paint_team_field, symbol
from game.ui.workshop.keys import TRAINER_KEYS

Rect = pygame.Rect
BAND_MAX_SCALE = 1.5  # the strip stops growing here, so the decision keeps the room (1.5 x small text is 33 px at 1080p)
IN_MENU = ("trainer:leaderboard", "trainer:end")  # commands the workshop menu (Esc) also has: their buttons go first when room is short


def band_builder(b: Builder) -> Builder:
    if b.m.text_scale <= BAND_MAX_SCALE:
        return b
    m = Metrics((b.m.width, b.m.height), BAND_MAX_SCALE)
    return Builder(b.view, m, b.ts, b.palette)


def trainer_specs(run: Any, stage: str, compact: bool = False) -> list[ButtonSpec]:
    """The trainer bar: every command with its key in the label (``compact``: the key alone, beside the icon)."""
    w = run.workshop
    timed = stage == "decision" and w.timer.limit is not None and not w.timer.skipped
    specs = [
        ButtonSpec("trainer:pause", _("Resume (P)") if w.paused else _("Pause (P)"), "quiet", "play" if w.paused else "pause"),
        ButtonSpec("trainer:reveal", _("Reveal (R)"), "quiet", "eye", bool(w.held) and stage == "feedback"),
        ButtonSpec("trainer:add_time", _("+30 s (T)"), "quiet", "timer", timed),
        ButtonSpec("trainer:skip", _("Skip timer (S)"), "quiet", "skip", timed),
        ButtonSpec("trainer:leaderboard", _("Scores (L)"), "quiet", "podium"),
        ButtonSpec("trainer:back", _("Undo (B)"), "quiet", "undo", bool(w.history)),
        ButtonSpec("trainer:end", _("End (E)"), "quiet", "stop"),
        ButtonSpec("global:menu", _("Menu (Esc)"), "quiet", "menu"),
    ]
    if compact:
        letters = {command: letter for letter, command, _what in TRAINER_KEYS} | {"menu": "Esc"}
        specs = [replace(spec, label=letters[spec.id.split(":", 1)[1]]) for spec in specs]
    return specs


def bar_width(b: Builder, specs: list[ButtonSpec]) -> int:
    return sum(b.button_natural_width(s.label, s.icon, role="small_bold") for s in specs) + b.u(S) * (len(specs) - 1)


def who_text(run: Any, play: Any) -> tuple[str, str]:
    """(headline, detail) for row 1; while the trainer holds the feedback back, the detail says so (the feedback's
    own line may be below the fold)."""
    headline, detail = _who_text(run, play)
    if play.stage == "feedback" and run.workshop.held:
        held = _("Handbook advice held back (R)")
        detail = f"{detail} · {held}"
    return headline, detail


def _who_text(run: Any, play: Any) -> tuple[str, str]:
    w = run.workshop
    seen = play.session.decision_number if play.stage == "decision" else play.session.decisions_taken  # as the status bar counts
    if run.mode == "vote":
        voting = play.stage == "decision" and play.session.scene.kind in ("choice", "event")
        if play.stage == "decision" and not voting:
            return _("Plenary vote"), _("Decision {n} · enter the room's answer").format(n=max(1, seen))
        return _("Plenary vote"), _("Decision {n} · the room decides").format(n=max(1, seen))
    team = w.teams[play.index]
    if play.stage == "decision":
        detail = _("Decision {n} · team {i} of {count}").format(n=max(1, seen), i=play.index + 1, count=len(w.teams))
    elif play.stage == "ending":
        detail = _("The story of this team has ended")
    else:
        following = w.teams[w.turn] if not w.finished else None
        if following is not None and following.index != play.index:
            detail = _("Next: {team}").format(team=following.name)
        elif following is not None:
            detail = _("Next: {team} again").format(team=following.name)
        else:
            detail = _("Every team has finished")
    return team.name, detail


def draw_band(b: Builder, top: int, run: Any, play: Any) -> int:
    """Lay the strip out from ``top``; returns its bottom.

    One row (who, trainer bar, timer) when it fits; with very large text the
    bar shows only the keys beside its icons to stay on that row; else the
    bar goes on a second row with the notes.
    """
    b = band_builder(b)
    edge = margin(b)
    width = b.m.width - 2 * edge
    pad = b.u(M)
    index = b.view.mark()
    y = top + pad
    headline, detail = who_text(run, play)
    label = run.timer_label(play.stage)
    run.state.timer_drawn = label
    timer_w = _timer_width(b, label)
    right_w = timer_w + (b.u(L) if timer_w else 0)
    specs = trainer_specs(run, play.stage)
    row_specs, tight = None, False
    compact = trainer_specs(run, play.stage, compact=True)
    in_menu = [s for s in compact if s.id not in IN_MENU]
    # one row, the roomiest that fits: full labels; the keys alone beside their icons (the help lists what each
    # does); the name over its detail, smaller; then without the keys whose commands the menu (Esc) also has
    for candidate, slim in ((specs, False), (compact, False), (compact, True), (in_menu, True)):
        if _who_width(b, headline, detail, slim) + b.u(L) + bar_width(b, candidate) + right_w <= width:
            row_specs, tight = candidate, slim
            break
    if row_specs is not None:  # one row: who | trainer bar | timer
        bar_w = bar_width(b, row_specs)
        bar_x = edge + width - right_w - bar_w
        row_h = max(_who(b, run, play, headline, detail, edge, y, bar_x - b.u(L) - edge, tight),
                    b.button_row(row_specs, bar_x, y, bar_w, "right", gap=S, role="small_bold"))
        if timer_w:
            row_h = max(row_h, _timer(b, run, label, edge + width - timer_w, y, timer_w))
        y += row_h
    else:  # row 1: who and the timer; row 2: the trainer bar
        row_h = _who(b, run, play, headline, detail, edge, y, width - right_w)
        if timer_w:
            row_h = max(row_h, _timer(b, run, label, edge + width - timer_w, y, timer_w))
        y += row_h + b.u(S)
        if bar_width(b, specs) > width:  # the keys alone, on one row, rather than the full labels on two
            specs = trainer_specs(run, play.stage, compact=True)
        y += b.button_row(specs, edge, y, width, "right", gap=S, role="small_bold")
    bottom = y + pad
    b.view.insert(index, Box(Rect(0, top, b.m.width, bottom - top), "surface_alt", None, 0, 0))
    if run.mode == "turns":  # the team that plays: its colour down the side and along the bottom (its symbol and name say it too)
        stripe = b.u(12)
        b.art(Rect(0, top, stripe, bottom - top), paint_team_field(run.style(play.index)))
        b.art(Rect(0, bottom - stripe, b.m.width, stripe), paint_team_field(run.style(play.index)))
        b.view.add(Box(Rect(0, bottom - b.u(2), b.m.width, b.u(2)), "text", None, 0, 0))
    else:
        b.view.add(Box(Rect(0, bottom - b.u(3), b.m.width, b.u(3)), "primary", None, 0, 0))
    return bottom


def _who_width(b: Builder, headline: str, detail: str, tight: bool) -> int:
    """The width the team's name and detail ask for (``tight``: the detail under the name, both smaller)."""
    if tight:
        return b.line_height("h2") + b.u(M) + max(b.text_width(headline, "h3"), b.text_width(detail, "small_bold")) + 1
    return b.line_height("h2") + b.u(M) + max(b.text_width(headline, "h2"), b.text_width(detail, "strong")) + 1  # the detail may go under the name


def _who(b: Builder, run: Any, play: Any, headline: str, detail: str, x: int, y: int, width: int, tight: bool = False) -> int:
    """The team's symbol and name, large, and a detail beside or below it; returns the height.

    ``tight`` (a small screen with large text): the name in a heading's smallest size over the detail, so the
    strip keeps one row."""
    size = b.line_height("h2")
    if run.mode == "vote":
        b.icon("people", x, y, size, "primary")
    else:
        symbol(b, run.style(play.index), x, y, size)
    x += size + b.u(M)
    width -= size + b.u(M)
    if tight:
        name_h = b.text(headline, "h3", x, y, width)
        return max(size, name_h + b.text(detail, "small_bold", x, y + name_h, width, "text"))
    name_w = min(b.text_width(headline, "h2") + 1, width)
    name_h = b.text(headline, "h2", x, y, name_w)
    detail_w = width - name_w - b.u(M)
    if detail_w > b.text_width(detail, "strong"):
        return max(size, name_h, b.text(detail, "strong", x + name_w + b.u(M), y + (size - b.line_height("strong")) // 2, detail_w, "text"))
    return max(size, name_h) + b.text(detail, "strong", x, y + max(size, name_h), width, "text")


def _timer_width(b: Builder, label: str) -> int:
    if not label:
        return 0
    size = b.line_height("h1")
    if label in ("up", "skipped"):
        return size + b.u(S) + b.text_width(_timer_word(label), "h3") + 1
    return size + b.u(S) + max(b.text_width("8:88", "h1"), b.text_width(label, "h1")) + 1


def _timer_word(label: str) -> str:
    return _("Time is up") if label == "up" else _("Timer skipped")


def _timer(b: Builder, run: Any, label: str, x: int, y: int, w: int) -> int:
    """The timer: a stopwatch and the time left, large; a word when it is up, skipped or paused."""
    size = b.line_height("h1")
    if label in ("up", "skipped"):
        up = label == "up"
        b.icon("warning" if up else "skip", x, y, size, "bad" if up else "muted")
        b.text(_timer_word(label), "h3", x + size + b.u(S), y + (size - b.line_height("h3")) // 2, w - size - b.u(S), "bad" if up else "muted")
        return size
    w_run = run.workshop
    low = (w_run.timer.remaining() or 0) <= 10
    color = "muted" if w_run.paused else ("bad" if low else "text")
    b.icon("pause" if w_run.paused else "timer", x, y, size, color if w_run.paused else "primary")
    b.text(label, "h1", x + size + b.u(S), y, w - size - b.u(S), color, "right")
    return size


def float_notes(b: Builder, top: int, run: Any, play: Any) -> int:
    """What the last trainer command did ("30 seconds added.") and a results problem, floating over the top of the
    page under the strip as the solo game's notices do: they push nothing, so the decision never jumps when one
    comes or goes. The command's notice goes by itself after a few seconds (the room must see the question again)
    or at a press; the problem stays until a press. A pause needs none (its overlay says it), and held-back
    feedback is said in the team's line (:func:`who_text`). Returns ``top`` unchanged."""
    said = run.state.notice_key()
    run.state.notice_drawn = said
    if said:
        notice_strip(b, top, run.state.notice, "good", key=said)
    if run.problem:
        notice_strip(b, top, run.problem, "bad")
    return top
