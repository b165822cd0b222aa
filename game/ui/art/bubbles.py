"""Speech bubbles: what someone says, in a rounded box with a tail pointing at their face."""

from __future__ import annotations

from typing import Callable

import pygame

from game.ui.art.paint import Tail
from game.ui.view import Box

Rect = pygame.Rect
Rows = Callable[..., int]  # rows(b, x, y, width, container) -> the y below them


def bubble(b, x: int, y: int, w: int, rows: Rows, side: str = "left", tail_y: int | None = None, tail_x: int | None = None) -> int:
    """A bubble at (x, y), ``w`` wide, holding what ``rows`` lays out; the tail on ``side`` (left, right or up). Returns its bottom."""
    pad, tail, line = b.u(20), b.u(22), max(2, b.u(3))
    index = b.view.mark()
    box = Rect(x, y, w, 0)
    bottom = rows(b, x + pad, y + pad, w - 2 * pad, box)
    box.h = bottom + pad - y
    b.view.insert(index, Box(Rect(box), "surface", "primary", line, b.u(18)))
    overlap = line + 1
    if side == "left":
        ty = tail_y if tail_y is not None else box.y + min(box.h // 2, b.u(56))
        rect = Rect(box.x - tail + overlap, ty - tail // 2, tail, tail)
    elif side == "right":
        ty = tail_y if tail_y is not None else box.y + min(box.h // 2, b.u(56))
        rect = Rect(box.right - overlap, ty - tail // 2, tail, tail)
    else:
        tx = tail_x if tail_x is not None else box.x + b.u(40)
        rect = Rect(tx - tail // 2, box.y - tail + overlap, tail, tail)
    b.art(rect, Tail(side, line))
    return box.bottom


def say(text: str, role: str = "body") -> Rows:
    """Rows that are one paragraph."""
    def rows(b, x: int, y: int, w: int, box: Rect) -> int:
        return y + b.text(text, role, x, y, w, container=box)

    return rows


def lines(texts: list[str], role: str = "body") -> Rows:
    """Rows that are several paragraphs."""
    def rows(b, x: int, y: int, w: int, box: Rect) -> int:
        for i, text in enumerate(texts):
            y += b.text(text, role, x, y, w, container=box) + (b.u(8) if i < len(texts) - 1 else 0)
        return y

    return rows


def said(name: str, text: str) -> Rows:
    """Rows with who speaks (small, bold) above what they say."""
    def rows(b, x: int, y: int, w: int, box: Rect) -> int:
        y += b.text(name, "small_bold", x, y, w, "muted", container=box) + b.u(4)
        return y + b.text(text, "body", x, y, w, container=box)

    return rows
