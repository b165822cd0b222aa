"""What changed on screen between two builds of a view: the regions to repaint.

After a small change (a chip selected, a point added, a button enabled) most
of a rebuilt view is identical to the last one. Comparing the two builds'
items (as keys: kind, rectangle, content) finds the few that were removed or
added; only their rectangles are repainted. When too much changed (a new
screen, a reflow) the answer is None: repaint everything.
"""

from __future__ import annotations

from collections import Counter

import pygame

from game.ui.view import Art, Bar, Box, Icon, Label, View

Rect = pygame.Rect
MAX_SHARE = 0.5    # more than half the screen changed: a full repaint is as cheap
MAX_REGIONS = 12


def key(item) -> tuple:
    """Everything that decides how an item looks, as a hashable tuple."""
    rect = (item.rect.x, item.rect.y, item.rect.w, item.rect.h, item.scroll)
    if isinstance(item, Label):
        return ("label", rect, tuple(item.lines), item.font, item.color, item.align, item.line_height)
    if isinstance(item, Box):
        return ("box", rect, item.fill, item.border, item.border_width, item.radius, item.shadow, item.target, item.hover_fill, item.press_fill)
    if isinstance(item, Icon):
        return ("icon", rect, item.name, item.color)
    if isinstance(item, Bar):
        return ("bar", rect, item.fraction, item.fill, item.track)
    if isinstance(item, Art):
        return ("art", rect, item.paint)
    return ("other", rect, id(item))


def _on_screen(item_key: tuple, view: View, scroll: int) -> Rect:
    x, y, w, h, scrolled = item_key[1]
    rect = Rect(x, y, w, h)
    if scrolled and view.scroll_rect is not None:
        return rect.move(0, -scroll).clip(view.scroll_rect)
    return rect


_last: tuple[View, Counter] | None = None  # the newest view's keys: the next change compares its view with this one


def _keys(view: View) -> Counter:
    """The keys of a view's painted items (a view's are worked out once: it is the new view, then the old one)."""
    global _last
    if _last is not None and _last[0] is view:
        return _last[1]
    keys = Counter(map(key, view.painted()))
    _last = (view, keys)
    return keys


def changed_regions(old: View | None, new: View, scroll: int, screen: Rect, margin: int) -> list[Rect] | None:
    """Screen rectangles that differ between two views at the same scroll, or None for "repaint all"."""
    if old is None or old.size != new.size or old.scroll_rect != new.scroll_rect:
        return None
    before, after = _keys(old), _keys(new)
    if before == after and old.max_scroll == new.max_scroll:
        return []
    # (key, count) pairs in one build and not in the other: set operations on the dicts' items, done in C
    regions = [_on_screen(k, old, scroll) for k, _n in before.items() - after.items()] + \
              [_on_screen(k, new, scroll) for k, _n in after.items() - before.items()]
    regions = [r.inflate(margin, margin) for r in regions if r.w > 0 and r.h > 0]
    if old.max_scroll != new.max_scroll and new.scroll_rect is not None:  # the scroll indicator changes
        area = new.scroll_rect
        regions.append(Rect(area.right - 3 * margin, area.y, 3 * margin, area.h))
    regions = [r.clip(screen) for r in regions]
    merged = merge([r for r in regions if r.w and r.h])
    if len(merged) > MAX_REGIONS or sum(r.w * r.h for r in merged) > MAX_SHARE * screen.w * screen.h:
        return None
    return merged


def merge(regions: list[Rect]) -> list[Rect]:
    """Join overlapping rectangles, so nothing is painted twice."""
    merged: list[Rect] = []
    for region in regions:
        region = Rect(region)
        joined = True
        while joined:
            joined = False
            for other in merged:
                if other.colliderect(region):
                    merged.remove(other)
                    region.union_ip(other)
                    joined = True
                    break
        merged.append(region)
    return merged
