"""A one-page A4 sheet drawn with fpdf2 in the game's own fonts (Noto Sans).

The handouts build on it: text that wraps, a heading, a bar, the verdict
marks drawn as lines (the font has no check mark), and a size step that
:func:`fit_one_page` lowers until a page's content fits on one sheet.
Everything here is pure drawing: no game state.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Callable

from fpdf import FPDF
from fpdf.enums import MethodReturnValue, XPos, YPos

from game import resources

FAMILY = "Noto"
MARGIN = 12.0
INK = (28, 35, 51)
MUTED = (88, 98, 116)  # still 6:1 on white
ACCENT = (15, 118, 110)
LIGHT = (231, 240, 239)
RULE_LINE = (203, 213, 225)
MARK_COLOURS = {"honoured": (21, 128, 61), "broken": (185, 28, 28), "mixed": (180, 83, 9), "open": (120, 130, 145)}


@dataclass(frozen=True)
class Size:
    """Font sizes (pt) and line heights (mm) of one attempt at fitting a page."""

    body: float

    @property
    def small(self) -> float:
        return max(5.5, self.body - 1.2)

    @property
    def heading(self) -> float:
        return self.body + 2.5

    def line(self, points: float) -> float:
        return points * 0.42


class Sheet:
    """One PDF document with the game's fonts, drawn top to bottom."""

    def __init__(self, size: Size, *, title: str, language: str, created: datetime | None = None):
        pdf = FPDF(orientation="P", unit="mm", format="A4")
        pdf.add_font(FAMILY, "", str(resources.font("NotoSans-Regular.ttf")))
        pdf.add_font(FAMILY, "B", str(resources.font("NotoSans-Bold.ttf")))
        pdf.set_margins(MARGIN, MARGIN, MARGIN)
        pdf.set_auto_page_break(auto=True, margin=MARGIN)
        pdf.set_title(title)
        pdf.set_author("Bridges")
        pdf.set_creator("Bridges")
        pdf.set_lang(language)
        pdf.set_creation_date(created or datetime.now(timezone.utc))
        pdf.add_page()
        self.pdf, self.size = pdf, size

    # ----- measures ---------------------------------------------------------------
    @property
    def width(self) -> float:
        return self.pdf.w - 2 * MARGIN

    @property
    def y(self) -> float:
        return self.pdf.get_y()

    def pages(self) -> int:
        return self.pdf.pages_count

    # ----- drawing ------------------------------------------------------------------
    def font(self, points: float, bold: bool = False, colour: tuple[int, int, int] = INK) -> None:
        self.pdf.set_font(FAMILY, "B" if bold else "", points)
        self.pdf.set_text_color(*colour)

    def text(self, text: str, *, x: float | None = None, width: float | None = None, points: float | None = None,
             bold: bool = False, colour: tuple[int, int, int] = INK, align: str = "L", after: float = 0.0) -> float:
        """Wrapped text at ``x`` (the left margin by default); returns its height (mm)."""
        points = points or self.size.body
        self.font(points, bold, colour)
        x = MARGIN if x is None else x
        width = width or (self.pdf.w - MARGIN - x)
        self.pdf.set_x(x)
        top = self.y
        self.pdf.multi_cell(width, self.size.line(points), text, align=align, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        if after:
            self.pdf.ln(after)
        return self.y - top

    def height_of(self, text: str, width: float, points: float, bold: bool = False) -> float:
        self.font(points, bold)
        return self.pdf.multi_cell(width, self.size.line(points), text, dry_run=True, output=MethodReturnValue.HEIGHT)

    def heading(self, text: str, after: float = 1.2) -> None:
        """A section heading with a thin accent line under it."""
        self.pdf.ln(1.5)
        self.text(text, points=self.size.heading, bold=True, colour=ACCENT)
        self.pdf.set_draw_color(*ACCENT)
        self.pdf.set_line_width(0.35)
        self.pdf.line(MARGIN, self.y + 0.3, MARGIN + self.width, self.y + 0.3)
        self.pdf.ln(after + 0.3)

    def band(self, height: float, colour: tuple[int, int, int] = ACCENT) -> None:
        self.pdf.set_fill_color(*colour)
        self.pdf.rect(0, 0, self.pdf.w, height, style="F")

    def bar(self, x: float, y: float, width: float, height: float, fraction: float | None) -> None:
        """A horizontal bar filled to ``fraction`` (an empty frame for None)."""
        self.pdf.set_fill_color(*LIGHT)
        self.pdf.rect(x, y, width, height, style="F")
        if fraction:
            self.pdf.set_fill_color(*ACCENT)
            self.pdf.rect(x, y, max(0.6, width * min(1.0, fraction)), height, style="F")

    def mark(self, verdict: str, x: float, y: float, size: float) -> None:
        """A verdict drawn in a small box: a tick, a cross, a dash or nothing."""
        pdf = self.pdf
        colour = MARK_COLOURS.get(verdict, MARK_COLOURS["open"])
        pdf.set_draw_color(*colour)
        pdf.set_line_width(0.25)
        pdf.rect(x, y, size, size, style="D")
        pdf.set_line_width(max(0.35, size * 0.14))
        if verdict == "honoured":
            pdf.polyline([(x + size * 0.2, y + size * 0.55), (x + size * 0.42, y + size * 0.78), (x + size * 0.82, y + size * 0.25)])
        elif verdict == "broken":
            pdf.line(x + size * 0.22, y + size * 0.22, x + size * 0.78, y + size * 0.78)
            pdf.line(x + size * 0.78, y + size * 0.22, x + size * 0.22, y + size * 0.78)
        elif verdict == "mixed":
            pdf.line(x + size * 0.22, y + size * 0.5, x + size * 0.78, y + size * 0.5)

    def marked_line(self, verdict: str, text: str, *, x: float, width: float, points: float, bold: bool = False) -> float:
        """A verdict mark and wrapped text beside it; returns the height used."""
        box = self.size.line(points) * 0.8
        top = self.y
        self.mark(verdict, x, top + self.size.line(points) * 0.12, box)
        self.pdf.set_y(top)
        self.text(text, x=x + box + 1.6, width=width - box - 1.6, points=points, bold=bold)
        return self.y - top

    def rule_line(self) -> None:
        self.pdf.set_draw_color(*RULE_LINE)
        self.pdf.set_line_width(0.2)
        self.pdf.line(MARGIN, self.y, MARGIN + self.width, self.y)

    def output(self) -> bytes:
        return bytes(self.pdf.output())


LADDER = tuple((body, 0) for body in (9.5, 9.0, 8.5, 8.0)) + ((7.5, 1), (7.0, 1), (7.0, 2), (6.5, 2), (6.5, 3), (6.5, 4), (6.0, 4))
"""Attempts from the most generous to the most compact: (body text in pt, trim level)."""


def fit_one_page(draw: Callable[[Size, int], Sheet]) -> Sheet:
    """The most generous drawing on :data:`LADDER` that fits one page.

    ``draw(size, trim)`` draws the whole page; ``trim`` 0 keeps everything, each
    higher level leaves out more detail. A binary search over the ladder (the
    drawings only get shorter along it) keeps this to about four drawings. The
    most compact drawing is returned even if it is still longer, so a handout
    is never lost.
    """
    low, high = 0, len(LADDER) - 1
    best = None
    while low <= high:
        middle = (low + high) // 2
        body, trim = LADDER[middle]
        sheet = draw(Size(body), trim)
        if sheet.pages() == 1:
            best, high = sheet, middle - 1
        else:
            low = middle + 1
    if best is None:
        body, trim = LADDER[-1]
        best = draw(Size(body), trim)
    return best
