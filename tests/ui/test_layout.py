"""Layout at every supported window size and text scale (in every language;
see tests/ui/languages.py for which sizes each runs): measured from the
rendered text, no text spills out of its card or off the screen, targets do
not overlap, and everything you can press is at least 64 px high at 1080p."""

from __future__ import annotations

import pytest

from game.ui.i18n import language, set_language
from game.ui.layout import Builder
from game.ui.metrics import TEXT_SCALES, Metrics
from game.ui.screenshots import demo_walkthrough
from game.ui.view import View
from tests.ui.languages import ALL, matrix

SIZES = [(1280, 720), (1366, 768), (1280, 1024), (1920, 1080), (2560, 1080), (2560, 1440), (3840, 2160)]
TOLERANCE = 1  # pixels of rounding


def build(app, scene, size, scale) -> View:
    view = View(size)
    scene.build(Builder(view, Metrics(size, scale), app.typesetter, app.palette))
    return view


def problems_in(app, view: View, size, scale, where: str) -> list[str]:
    found = []
    width, height = size
    fixed = [t for t in view.targets if not t.scroll]
    for label in view.labels():
        for line in label.lines:
            used = app.typesetter.width(line, label.font)
            if used > label.rect.w + TOLERANCE:
                found.append(f"{where}: line wider than its box ({used} > {label.rect.w}): {line!r}")
        if label.container is not None and not label.container.inflate(2 * TOLERANCE, 2 * TOLERANCE).contains(label.rect):
            found.append(f"{where}: text spills out of its card {tuple(label.container)} -> {tuple(label.rect)}: {' '.join(label.lines)[:60]!r}")
        if label.rect.left < 0 or label.rect.right > width + TOLERANCE:
            found.append(f"{where}: text off the screen sideways: {' '.join(label.lines)[:60]!r}")
        if not label.scroll and label.rect.bottom > height + TOLERANCE:
            found.append(f"{where}: fixed text below the window: {' '.join(label.lines)[:60]!r}")
    for target in view.targets:
        if target.rect.left < 0 or target.rect.right > width + TOLERANCE:
            found.append(f"{where}: target {target.id} off the screen sideways")
        if size == (1920, 1080) and scale == 1.0 and target.rect.h < 64:
            found.append(f"{where}: target {target.id} is {target.rect.h} px high (< 64)")
    for group in (fixed, [t for t in view.targets if t.scroll]):
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if a.rect.colliderect(b.rect):
                    found.append(f"{where}: targets {a.id} and {b.id} overlap")
    if view.scroll_rect is not None and view.max_scroll > 0 and view.scroll_rect.h < height * 0.3:
        found.append(f"{where}: the scrolling area is only {view.scroll_rect.h} px of {height}")
    return found


def layout_checker(app, lang: str, sizes, scales, found: list[str], stops: list[str]):
    """A screenshot hook that lays out the screen(s) on top at every size and scale and collects problems."""

    def check(name: str) -> None:
        stops.append(name)
        for scene in app.stack[-2:] if not app.top.opaque else [app.top]:
            for size in sizes:
                for scale in scales:
                    where = f"{lang} {name} ({scene.name}) {size[0]}x{size[1]} {round(scale * 100)}%"
                    found.extend(problems_in(app, build(app, scene, size, scale), size, scale, where))

    return check


@pytest.mark.parametrize("lang", ALL)
def test_no_text_spills_out_at_any_size_and_text_scale(make_app, lang):
    app = make_app(size=(1280, 720), language=lang)
    found: list[str] = []
    stops: list[str] = []
    demo_walkthrough(app, layout_checker(app, lang, *matrix(lang, SIZES, TEXT_SCALES), found, stops))
    assert len(stops) >= 20 and stops[-1] == "debrief-next"
    assert language() == lang
    assert not found, f"{len(found)} layout problems, first ones:\n" + "\n".join(found[:25])
    set_language("en")


SMALL_SIZES = [(800, 450), (1024, 600)]


@pytest.mark.parametrize("lang", ["en", "bg", "el"])
def test_a_small_window_keeps_the_text_size_of_1280x720_and_its_layouts_fit(make_app, lang):
    """Below 1280x720 text keeps its 1280x720 size for the text scale (body text was 11 px at 800x450);
    the screens wrap and scroll instead: nothing spills, off screen or overlapping, on every screen of the demo."""
    for scale in TEXT_SCALES:
        floor = {role: Metrics((1280, 720), scale).font(role).px for role in ("small", "body", "button", "h1")}
        for size in SMALL_SIZES:
            assert {role: Metrics(size, scale).font(role).px for role in floor} == floor
    assert Metrics((800, 450)).font("small").px >= 14
    app = make_app(size=(800, 450), language=lang)
    found: list[str] = []
    stops: list[str] = []
    demo_walkthrough(app, layout_checker(app, lang, SMALL_SIZES, TEXT_SCALES, found, stops))
    assert stops[-1] == "debrief-next"
    set_language("en")
    assert not found, f"{len(found)} layout problems, first ones:\n" + "\n".join(found[:25])
