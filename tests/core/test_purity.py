"""game/core, game/scoring and game/store never import pygame, so they run headless and in tests."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PURE = ("game/core", "game/scoring", "game/store")
FILES = sorted(p for folder in PURE for p in (ROOT / folder).rglob("*.py"))


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_pygame(name: str) -> bool:
    return name == "pygame" or name.startswith("pygame.")


def is_ui(name: str) -> bool:
    return name == "game.ui" or name.startswith("game.ui.")


def forbidden(name: str, in_function: bool) -> bool:
    """pygame, or game.ui (where pygame lives), anywhere in the module, even inside a function.

    Where the store needs drawing (the PNG report), the CLI passes the UI's renderer in.
    """
    return is_pygame(name) or is_ui(name)


def imports(path: Path) -> list[tuple[int, str, bool]]:
    """Every module a file imports, at any depth (inside functions, try blocks, ...)."""
    package = module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    return imports_in(path.read_text(encoding="utf-8"), package, str(path))


def imports_in(source: str, package: list[str], filename: str = "<probe>") -> list[tuple[int, str, bool]]:
    """(line, module, inside a function) for each import in ``source``; relative imports resolve against ``package``."""
    found: list[tuple[int, str, bool]] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name, in_function) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            found.append((node.lineno, module, in_function))
            found.extend((node.lineno, f"{module}.{alias.name}", in_function) for alias in node.names)
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in ("import_module", "__import__"):
                found.append((node.lineno, node.args[0].value, in_function))
        inside = in_function or isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
        for child in ast.iter_child_nodes(node):
            visit(child, inside)

    visit(ast.parse(source, filename=filename), False)
    return found


def test_there_are_modules_to_check() -> None:
    assert len(FILES) >= 10
    assert ROOT / "game/core/engine.py" in FILES


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_module_does_not_import_pygame(path: Path) -> None:
    bad = [f"{path.relative_to(ROOT)}:{line}: imports {name}" for line, name, nested in imports(path) if forbidden(name, nested)]
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize(
    "source",
    [
        "import pygame",
        "import pygame.display as d",
        "from pygame import Rect",
        "from pygame.locals import QUIT",
        "def later():\n    import pygame\n",
        "class A:\n    def m(self):\n        try:\n            from pygame import font\n        except ImportError:\n            pass\n",
        "import importlib\nimportlib.import_module('pygame')",
        "__import__('pygame.freetype')",
        "from game.ui import app",
        "from ..ui.app import run",
    ],
)
def test_the_scan_catches_every_way_of_importing_pygame(source: str) -> None:
    found = imports_in(source, ["game", "core"])
    assert any(forbidden(name, nested) for _, name, nested in found), found


def test_the_scan_lets_ordinary_imports_through() -> None:
    source = "import yaml\nfrom pydantic import BaseModel\nfrom .problems import Problem\nfrom game.core import engine\nimport pygments\nfrom ..scoring import grader\n"
    found = imports_in(source, ["game", "core"])
    assert (6, "game.scoring", False) in found and (3, "game.core.problems", False) in found
    assert not [name for _, name, nested in found if forbidden(name, nested)]


def test_an_import_of_game_ui_hidden_in_a_function_is_still_caught() -> None:
    found = imports_in("def save_png():\n    from game.ui.report_chart import save\n", ["game", "store"])
    assert found and all(nested for _, _, nested in found)
    assert [name for _, name, nested in found if forbidden(name, nested)]


def test_importing_the_engine_does_not_load_pygame() -> None:
    code = "import sys, game.core.engine; print('pygame' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_importing_every_pure_module_does_not_load_pygame() -> None:
    names = [module_name(p) for p in FILES]
    code = "import importlib, sys\n" + "".join(f"importlib.import_module({n!r})\n" for n in names) + "print(sorted(m for m in sys.modules if m == 'pygame' or m.startswith(('pygame.', 'game.ui'))))"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
