"""Screens navigate by name through one registry (game.ui.screens): every name
builds a screen, and no screen module hides an import of another UI module
inside a function (the way scenes used to dodge import circles)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from game.ui import screens

UI = Path(__file__).resolve().parents[2] / "game" / "ui"
SCREEN_MODULES = sorted([*UI.glob("scenes/*.py"), *UI.glob("workshop/*.py"), UI / "reload.py"])


@pytest.mark.parametrize("name", sorted(screens.SCREENS))
def test_every_registered_name_resolves_to_something_that_builds_a_screen(name):
    assert callable(screens.maker(name))


def test_an_unknown_name_says_which_names_exist():
    with pytest.raises(screens.UnknownScreen, match="'no-such-screen'.*library"):
        screens.maker("no-such-screen")


def hidden_imports(path: Path) -> list[str]:
    """``file:line module`` for each import of a game.ui module made inside a function."""
    found = []
    for function in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for node in ast.walk(function):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("game.ui"):
                found.append(f"{path.relative_to(UI.parent.parent)}:{node.lineno} {node.module}")
    return found


def test_no_screen_module_imports_another_ui_module_inside_a_function():
    found = [line for path in SCREEN_MODULES for line in hidden_imports(path)]
    assert not found, "use app.show / app.reset_to / app.replace_with with a screen's name, or a top-level import:\n" + "\n".join(found)


def test_the_app_opens_and_recognises_screens_by_name(make_app):
    app = make_app()
    app.show("settings")
    assert app.showing("settings") and not app.showing("library")
    app.reset_to("library")
    assert [scene.name for scene in app.stack] == ["library"]
    app.show("help", "general", once=True)
    app.show("help", "general", once=True)  # already on top: not opened twice
    assert [scene.name for scene in app.stack] == ["library", "help"]
    app.show("confirm", "Sure?", "A question", "Yes", lambda: None)
    app.close_screens("help")
    assert [scene.name for scene in app.stack] == ["library", "confirm"]


KIT = {"base", "chrome", "cards", "overlays", "decision"}
"""What screens share and may import: the Scene base, the bars, the kit of cards, the overlay base and its dialogs,
and the base of every decision screen. Anything else under game.ui.scenes is a screen."""
EXTENDS = {"workshop/scenes.py": {"choice", "ending", "feedback"}}
"""The workshop's versions of solo screens extend them (a mixin over the class), so they import what they extend."""


def test_no_screen_module_imports_another_screen():
    found = []
    for path in SCREEN_MODULES:
        allowed = KIT | EXTENDS.get(str(path.relative_to(UI)), set())
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("game.ui.scenes."):
                if node.module.rsplit(".", 1)[1] not in allowed:
                    found.append(f"{path.relative_to(UI)}:{node.lineno} imports {node.module}")
    assert not found, "open a screen by name (app.show) or move what is shared into game/ui/scenes/cards.py:\n" + "\n".join(found)
