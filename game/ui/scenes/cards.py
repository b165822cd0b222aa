"""The kit of cards the screens share, solo and workshop: section headings,
verdict badges and rule rows, cast cards (portrait, traits, research), costs,
outcomes, and a card with a heading around rows of its own.

Screens import these from here, never from one another."""

from __future__ import annotations

from typing import Any, Callable

import pygame

from game.ui.art import stage
from game.ui.i18n import N_, _, tr
from game.ui.layout import Builder
from game.ui.play import Play
from game.ui.theme import L, M, S
from game.ui.view import Box

Rect = pygame.Rect
IMAGE_W, IMAGE_H = 960, 400  # the largest a scene's picture is shown, in logical units
OUTCOMES = {
    "success": ("trophy", N_("Success"), "good"),
    "mixed": ("mixed", N_("Partly a success"), "warn"),
    "failure": ("cross", N_("Not a success"), "bad"),
}


def cost_text(play: Play, cost: dict[str, int]) -> str:
    """A research cost such as "Weeks -1, Budget -50" (or "free")."""
    if not cost:
        return _("free")
    return ", ".join(f"{play.resource_name(name)} -{amount}" for name, amount in cost.items())


def section_heading(b: Builder, icon: str, text: str, x: int, y: int, width: int, color: str = "text") -> int:
    size = b.line_height("h3")
    b.icon(icon, x, y, size, "primary")
    return b.text(text, "h3", x + size + b.u(M), y, width - size - b.u(M), color)


def headed_card(b: Builder, x: int, y: int, w: int, icon: str, title: str, rows: Callable[[Builder, int, int, int, Rect], int],
                fill: str = "surface") -> int:
    """A card with an icon and a heading (none when ``title`` is empty) over ``rows(b, x, y, w, card)``, which returns
    its bottom; returns the card's bottom."""
    pad = b.u(L)
    index = b.view.mark()
    card = Rect(x, y, w, 0)
    cy = y + pad
    if title:
        cy += section_heading(b, icon, title, x + pad, cy, w - 2 * pad) + b.u(M)
    cy = rows(b, x + pad, cy, w - 2 * pad, card)
    card.h = cy + pad - y
    b.card(card, fill, index=index)
    return card.bottom


def verdict_badge(b: Builder, verdict: str, x: int, y: int) -> int:
    """An icon and a word for a verdict (never colour alone); returns its width."""
    icon, word, color = {
        "honours": ("check", _("Honoured"), "good"),
        "honoured": ("check", _("Honoured"), "good"),
        "breaks": ("cross", _("Broken"), "bad"),
        "broken": ("cross", _("Broken"), "bad"),
    }.get(verdict, ("mixed", _("Mixed"), "warn"))
    size = b.line_height("small_bold")
    width = size + b.u(S) + b.text_width(word, "small_bold") + b.u(M)
    chip = Rect(x, y, width + b.u(S), size + b.u(S))
    b.box(chip, f"{color}_soft" if color != "warn" else "surface_alt", color, 2, radius=10)
    b.icon(icon, x + b.u(S), y + b.u(S) // 2 + b.u(2), size - b.u(4), color)
    b.text(word, "small_bold", x + b.u(S) + size + b.u(4), y + b.u(S) // 2, width - size, color, container=chip)
    return chip.w


def rule_rows(b: Builder, play: Play, rule: str, verdict: str, x: int, y: int, w: int, card: Rect, feedback: dict | None = None) -> int:
    """A verdict badge and the rule's title, what this play showed (for a check), the handbook's
    advice, and the handbook section it comes from; returns the bottom."""
    badge_w = verdict_badge(b, verdict, x, y)
    title_h = b.text(play.rule_title(rule), "strong", x + badge_w + b.u(M), y, w - badge_w - b.u(M), container=card)
    y += max(title_h, b.line_height("small_bold") + b.u(S)) + b.u(S)
    if feedback:
        y += b.text(tr(feedback), "body", x, y, w, container=card) + b.u(S)
    y += b.text(play.rule_advice(rule), "body", x, y, w, "muted", container=card) + b.u(S)
    return y + b.text(play.rule_source(rule), "small", x, y, w, "muted", container=card)


def affordable(play: Any, cost: dict[str, int]) -> bool:
    """Whether the engine will accept this cost (no resource below its minimum)."""
    for name, amount in cost.items():
        floor = play.scenario.resources[name].min if name in play.scenario.resources else 0
        if floor is not None and play.session.resource(name) - amount < floor:
            return False
    return True


def face_size(b: Builder, scale: float) -> int:
    """A card's portrait: ``scale`` heading lines high, kept modest when the text is very large."""
    return min(round(b.line_height("h3") * scale), b.u(60 * scale))


def member_header(b: Builder, play: Any, member: Any, kind_label: str, x: int, y: int, w: int, card: Rect, mood: str = "neutral", scale: float = 2.6,
                  kind_color: str = "muted") -> int:
    """A cast card's head: portrait, name and kind (on the projector, ``kind_color`` "text": no muted grey for the room); returns the y below it."""
    pad = b.u(L)
    size = face_size(b, scale)
    stage.portrait(b, member, x + pad, y, size, play, mood)
    tx, tw = x + pad + size + b.u(M), w - 2 * pad - size - b.u(M)
    ty = y + b.text(tr(member.name), "h3", tx, y, tw, container=card)
    ty += b.text(kind_label, "small", tx, ty, tw, kind_color, container=card)
    return max(y + size, ty) + b.u(M)


def research_row(b: Builder, play: Any, member: Any, action: Any, x: int, y: int, w: int) -> int:
    """One research button showing its cost; returns its height."""
    done = action.id in play.session.state.researched.get(member.id, [])
    can_pay = affordable(play, action.cost)
    label = f"{tr(action.label)} · {cost_text(play, action.cost)}"
    if done:
        label = _("Done: {label}").format(label=tr(action.label))
    elif not can_pay:
        label = _("{label} · not enough resources").format(label=label)
    h = b.button_height(label, w, "search", role="small_bold")
    b.button(f"research:{member.id}:{action.id}", label, Rect(x, y, w, h), "secondary", "check" if done else "search", enabled=not done and can_pay, role="small_bold")
    return h


def trait_rows(b: Builder, play: Any, member: Any, x: int, y: int, w: int, card: Rect, unseen: tuple[str, ...] = (), room: bool = False) -> int:
    """Visible traits, then hidden ones: unknown, or revealed and highlighted (``unseen``: shown as still unknown).

    ``room`` (a workshop's projector): the unknown ones on one line ("Unknown: reliability, values fit"), not muted."""
    revealed = [t for t in play.session.state.revealed.get(member.id, []) if t not in unseen]
    size = b.line_height("small")
    unknown = []
    for trait, value in member.visible.items():
        text = _("{trait}: {value}").format(trait=play.trait_name(trait), value=play.trait_value(trait, value))
        b.icon("eye", x, y + b.u(4), size - b.u(8), "muted")
        y += b.text(text, "small", x + size, y, w - size, container=card) + b.u(4)
    for trait, value in member.hidden.items():
        if trait in revealed:
            text = _("{trait}: {value}").format(trait=play.trait_name(trait), value=play.trait_value(trait, value))
            h = b.text_height(text, "small_bold", w - size)
            b.view.add(Box(Rect(x - b.u(4), y, w + b.u(8), h), "primary_soft", None, 0, b.u(6)))
            b.icon("search", x, y + b.u(4), size - b.u(8), "primary")
            y += b.text(text, "small_bold", x + size, y, w - size, container=card) + b.u(4)
        elif room:
            unknown.append(play.trait_name(trait))
        else:
            text = _("{trait}: unknown").format(trait=play.trait_name(trait))
            b.icon("lock", x, y + b.u(4), size - b.u(8), "muted")
            y += b.text(text, "small", x + size, y, w - size, "muted", container=card) + b.u(4)
    if unknown:
        text = _("{trait}: unknown").format(trait=unknown[0]) if len(unknown) == 1 else _("Unknown: {traits}").format(traits=", ".join(unknown))
        b.icon("lock", x, y + b.u(4), size - b.u(8), "text")
        y += b.text(text, "small", x + size, y, w - size, container=card) + b.u(4)
    return y
