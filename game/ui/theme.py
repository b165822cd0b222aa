"""The visual style: two palettes (standard and high contrast), the spacing
scale, corner radii and the text roles, all in logical units (1 unit is one
pixel at 1920x1080; see :mod:`game.ui.metrics`).

Colour never carries meaning alone: every state shown in colour also has an
icon or a word (a tick and "honoured", a cross and "broken", "selected").
"""

from __future__ import annotations

from dataclasses import dataclass, field

RGB = tuple[int, int, int]

# spacing scale, logical units
XS, S, M, L, XL, XXL = 4, 8, 16, 24, 32, 48
RADIUS = 16          # cards
RADIUS_SMALL = 10    # buttons, chips
TARGET = 64          # the smallest height of anything you can press, at 1080p
CONTENT_MAX = 1680   # widest text column


@dataclass(frozen=True)
class TextRole:
    """A kind of text: its size in logical units at 100 % and its weight."""

    size: int
    bold: bool = False


ROLES = {
    "display": TextRole(96, True),
    "h1": TextRole(46, True),
    "h2": TextRole(34, True),
    "h3": TextRole(28, True),
    "body": TextRole(27),
    "strong": TextRole(27, True),
    "small": TextRole(22),
    "small_bold": TextRole(22, True),
    "button": TextRole(27, True),
    "grade": TextRole(150, True),
}


@dataclass(frozen=True)
class Palette:
    name: str
    bg: RGB
    header: RGB
    on_header: RGB
    on_header_muted: RGB
    surface: RGB
    surface_alt: RGB
    border: RGB
    text: RGB
    muted: RGB
    primary: RGB
    on_primary: RGB
    primary_soft: RGB
    primary_hover: RGB
    primary_pressed: RGB
    accent: RGB
    on_accent: RGB
    good: RGB
    good_soft: RGB
    bad: RGB
    bad_soft: RGB
    warn: RGB
    focus: RGB
    shadow: RGB
    hover: RGB
    pressed: RGB
    disabled: RGB
    on_disabled: RGB
    track: RGB
    paper: RGB
    ink: RGB
    dim: tuple[int, int, int, int]
    border_width: int = 2          # logical units for cards
    focus_width: int = 5
    shadows: bool = True
    icons: dict[str, RGB] = field(default_factory=dict)


STANDARD = Palette(
    name="standard",
    bg=(234, 239, 242),
    header=(20, 52, 74),
    on_header=(255, 255, 255),
    on_header_muted=(190, 210, 222),
    surface=(255, 255, 255),
    surface_alt=(245, 248, 250),
    border=(200, 211, 220),
    text=(26, 35, 44),
    muted=(76, 89, 102),
    primary=(12, 104, 134),
    on_primary=(255, 255, 255),
    primary_soft=(214, 236, 243),
    primary_hover=(18, 122, 156),
    primary_pressed=(6, 74, 98),
    accent=(231, 160, 52),
    on_accent=(26, 35, 44),
    good=(30, 118, 74),
    good_soft=(221, 241, 229),
    bad=(186, 44, 44),
    bad_soft=(250, 226, 224),
    warn=(160, 100, 0),
    focus=(232, 120, 0),
    shadow=(205, 213, 220),
    hover=(238, 246, 249),
    pressed=(204, 228, 236),
    disabled=(214, 220, 225),
    on_disabled=(96, 106, 116),
    track=(222, 229, 234),
    paper=(251, 247, 236),
    ink=(34, 30, 26),
    dim=(14, 24, 34, 150),
)

HIGH_CONTRAST = Palette(
    name="high-contrast",
    bg=(0, 0, 0),
    header=(0, 0, 0),
    on_header=(255, 255, 255),
    on_header_muted=(235, 235, 235),
    surface=(0, 0, 0),
    surface_alt=(22, 22, 22),
    border=(255, 255, 255),
    text=(255, 255, 255),
    muted=(235, 235, 235),
    primary=(255, 221, 0),
    on_primary=(0, 0, 0),
    primary_soft=(64, 56, 0),
    primary_hover=(255, 236, 100),
    primary_pressed=(205, 175, 0),
    accent=(0, 235, 255),
    on_accent=(0, 0, 0),
    good=(90, 255, 140),
    good_soft=(0, 50, 20),
    bad=(255, 120, 120),
    bad_soft=(60, 0, 0),
    warn=(255, 200, 0),
    focus=(0, 235, 255),
    shadow=(0, 0, 0),
    hover=(40, 40, 40),
    pressed=(70, 70, 70),
    disabled=(30, 30, 30),
    on_disabled=(200, 200, 200),
    track=(60, 60, 60),
    paper=(0, 0, 0),
    ink=(255, 255, 255),
    dim=(0, 0, 0, 210),
    border_width=3,
    focus_width=6,
    shadows=False,
)


def palette(high_contrast: bool) -> Palette:
    return HIGH_CONTRAST if high_contrast else STANDARD
