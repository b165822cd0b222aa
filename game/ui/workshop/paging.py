"""Pages for the room: a decision too long for the projector is shown a page
at a time ("1/2"), never scrolled by a trainer hunting for the last option.

Each page after the first starts at the top of the first control that did
not fit on the page before, so no option is ever cut in two: every control
is whole on some page. The footer shows the page ("1/2") as a button, and
Page Up / Page Down turn the pages.
"""

from __future__ import annotations

from game.ui.view import View


def page_starts(view: View, gap: int = 0) -> list[int]:
    """The scroll offsets where the pages of ``view``'s scrolling area begin (``[0]``: it fits on one page).

    ``gap``: room kept above a page's first control (its card's edge shows)."""
    area = view.scroll_rect
    if area is None or view.max_scroll <= 0:
        return [0]
    rects = sorted((t.rect for t in view.targets if t.scroll), key=lambda r: r.top)
    starts = [0]
    while starts[-1] < view.max_scroll:
        start = starts[-1]
        page_bottom = area.top + start + area.h
        cut = next((r for r in rects if r.bottom > page_bottom), None)
        after = cut.top - area.top - gap if cut is not None else start + area.h
        if after <= start:  # a control taller than a page: go on by a whole page
            after = start + area.h
        starts.append(min(after, view.max_scroll))
    return starts


def page_of(starts: list[int], scroll: int) -> int:
    """The page a scroll offset shows (the last page that starts at or above it)."""
    return max((i for i, start in enumerate(starts) if start <= scroll), default=0)
