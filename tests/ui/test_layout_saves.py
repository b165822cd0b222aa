"""Layout of the Save / Load screen, the F5 overlays, the results notice and
the game-in-progress card at every window size and text scale, in every
language (tests/ui/languages.py): no text spills out, targets do not overlap, 64 px at 1080p."""

from __future__ import annotations

import shutil
from pathlib import Path

import pygame
import pytest

from game.store.paths import data_dir
from game.ui.i18n import set_language
from game.ui.metrics import TEXT_SCALES
from tests.ui.helpers import choose
from tests.ui.languages import ALL, matrix
from tests.ui.test_layout import SIZES, SMALL_SIZES, build, problems_in

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("lang", ALL)
def test_the_save_reload_and_notice_screens_fit_at_every_size_and_text_scale(make_app, tmp_path, lang):
    walk_the_save_screens(make_app, tmp_path, lang, *matrix(lang, SIZES, TEXT_SCALES))


@pytest.mark.parametrize("lang", ["en", "bg"])
def test_the_save_reload_and_notice_screens_fit_a_small_window_at_every_text_scale(make_app, tmp_path, lang):
    """800x450 and 1024x600 keep the text of 1280x720: dialogs scroll their title with the body when they must."""
    walk_the_save_screens(make_app, tmp_path, lang, SMALL_SIZES, TEXT_SCALES)


def walk_the_save_screens(make_app, tmp_path, lang, sizes, scales) -> None:
    saves = data_dir() / "saves"
    saves.mkdir(parents=True)
    (saves / "slot1.json").write_text('{"kind": "bridges-save", "format": 1, "sav', encoding="utf-8")
    (saves / "slot3.json").write_text('{"kind": "bridges-save", "format": 7}', encoding="utf-8")
    (data_dir() / "results.sqlite3").write_bytes(b"not a database" * 100)
    copy = Path(shutil.copy(ROOT / "scenarios" / "demo-river-cleanup.yaml", tmp_path))
    good = copy.read_text(encoding="utf-8")
    app = make_app(size=(1280, 720), language=lang, scenario=copy)
    found: list[str] = []
    seen: list[str] = []

    def check(name: str) -> None:
        seen.append(name)
        for scene in app.stack[-2:] if not app.top.opaque else [app.top]:
            for size in sizes:
                for scale in scales:
                    where = f"{lang} {name} ({scene.name}) {size[0]}x{size[1]} {round(scale * 100)}%"
                    found.extend(problems_in(app, build(app, scene, size, scale), size, scale, where))

    app.click("start")
    check("notice")
    choose(app, "write-strategy")
    app.click("continue")
    app.key(pygame.K_ESCAPE)
    check("pause")
    app.click("saves")
    app.click("save:slot2")
    check("saves")
    app.click("save:slot1")
    check("replace")
    app.key(pygame.K_ESCAPE)
    app.key(pygame.K_ESCAPE)
    app.key(pygame.K_ESCAPE)
    copy.write_text(good.replace("id: write-strategy", "id: Write Strategy").replace("kind: allocate", "kind: alocate"), encoding="utf-8")
    app.key(pygame.K_F5)
    check("reload-problems")
    app.key(pygame.K_ESCAPE)
    copy.write_text(good.replace("write-strategy", "write-a-plan"), encoding="utf-8")
    app.key(pygame.K_F5)
    check("reload-misfit")
    app.key(pygame.K_ESCAPE)
    copy.write_text(good, encoding="utf-8")
    app.key(pygame.K_F5)
    check("reloaded")
    app.leave_play()
    app.settle()
    check("library")
    app.click("saves")
    check("load")
    assert seen == ["notice", "pause", "saves", "replace", "reload-problems", "reload-misfit", "reloaded", "library", "load"]
    assert not found, f"{len(found)} layout problems, first ones:\n" + "\n".join(found[:25])
    set_language("en")
