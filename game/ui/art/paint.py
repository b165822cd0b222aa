"""Paint functions for :class:`~game.ui.view.Art` items that compare equal when they
draw the same thing, so a rebuilt view does not repaint an unchanged picture."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.ui.art import cache


@dataclass(frozen=True, eq=False)
class Picture:
    """Blit a cached surface at the item's top-left corner."""

    image: pygame.Surface

    def __call__(self, target: pygame.Surface, where: pygame.Rect, palette) -> None:
        target.blit(self.image, where.topleft)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Picture) and other.image is self.image

    def __hash__(self) -> int:
        return id(self.image)


@dataclass(frozen=True)
class Scrim:
    """A rounded panel of the palette's surface colour, slightly see-through, over a backdrop."""

    size: tuple[int, int]
    radius: int
    alpha: int = 232

    def surface(self, colour: tuple[int, int, int]) -> pygame.Surface:
        def draw() -> pygame.Surface:
            panel = pygame.Surface(self.size, pygame.SRCALPHA)
            pygame.draw.rect(panel, (*colour, self.alpha), panel.get_rect(), 0, self.radius)
            return panel

        return cache.get(("scrim", self.size, self.radius, self.alpha, colour), draw)

    def __call__(self, target: pygame.Surface, where: pygame.Rect, palette) -> None:
        target.blit(self.surface(palette.surface), where.topleft)


@dataclass(frozen=True)
class Tail:
    """A speech bubble's tail: a triangle from the bubble's edge towards who speaks (``side`` left, right or up)."""

    side: str
    width: int

    def __call__(self, target: pygame.Surface, rect: pygame.Rect, palette) -> None:
        if self.side == "left":
            points = [(rect.right, rect.y), (rect.x, rect.centery), (rect.right, rect.bottom)]
        elif self.side == "right":
            points = [(rect.x, rect.y), (rect.right, rect.centery), (rect.x, rect.bottom)]
        else:
            points = [(rect.x, rect.bottom), (rect.centerx, rect.y), (rect.right, rect.bottom)]
        pygame.draw.polygon(target, palette.surface, points)
        pygame.draw.line(target, palette.primary, points[0], points[1], self.width)
        pygame.draw.line(target, palette.primary, points[1], points[2], self.width)
