"""Helpers for driving the real UI with posted pygame events."""

from __future__ import annotations

import pygame


def drag(app, target_id: str, to: tuple[int, int], steps: int = 6, touch: bool = False) -> None:
    """Press on a target, move in steps to a point, release: a mouse (or finger) drag."""
    start = app.target_center(target_id)
    extra = {"touch": True} if touch else {}
    app.post(pygame.MOUSEBUTTONDOWN, pos=start, button=1, **extra)
    for i in range(1, steps + 1):
        x = start[0] + (to[0] - start[0]) * i // steps
        y = start[1] + (to[1] - start[1]) * i // steps
        app.post(pygame.MOUSEMOTION, pos=(x, y), rel=(0, 0), buttons=(1, 0, 0), **extra)
        app.step()
    app.post(pygame.MOUSEBUTTONUP, pos=to, button=1, **extra)
    app.settle()


def texts(app) -> str:
    """Every line of text on the top screen, joined with spaces (to look for words across wrapped lines)."""
    app.top.refresh()
    return " ".join(line for label in app.top.view.labels() for line in label.lines)


def all_texts(app) -> str:
    """Text of every scene on the stack."""
    lines = []
    for scene in app.stack:
        scene.refresh()
        lines += [line for label in scene.view.labels() for line in label.lines]
    return " ".join(lines)


DEMO = "demo-river-cleanup"


def start_demo(app) -> None:
    """From the title to the demo's first decision."""
    app.click("play")
    app.click(f"play:{DEMO}")
    app.click("start")


def choose(app, option: str) -> None:
    """Choose an option and confirm (the feedback screen follows)."""
    app.click(f"option:{option}")
    app.click("confirm")


def spread_evenly(app) -> None:
    """The demo's allocate scene: five points to each of its first two channels, then confirm."""
    for channel in ("regional-forum", "local-visits"):
        for _ in range(5):
            app.click(f"plus:{channel}")
    app.click("confirm")
