"""Where the files Bridges ships are: scenarios, rulebook, fonts, pictures, schemas, templates.

Everything is found with :mod:`importlib.resources` from the ``game`` package.
The repository keeps one copy of each folder where it is edited: the
top-level ``scenarios/``, ``assets/`` and ``schemas/``. A built wheel (and
the frozen app) has them inside the package as ``game/scenarios``,
``game/assets`` and ``game/schemas`` (``[tool.setuptools.package-dir]`` in
pyproject.toml). In a plain checkout (the tests, ``pip install -e .``) those
are absent and the checkout's folders next to the ``game`` package are used.

No pygame here: the CLI, the checker and the UI all use it. The trainer's own
files are elsewhere, in the user's data folder (:mod:`game.store.paths`).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

PACKAGE = "game"
SCENARIOS = "scenarios"
ASSETS = "assets"
SCHEMAS = "schemas"
RULEBOOK_NAME = "rulebook.yaml"
SCENARIO_SCHEMA = "scenario.schema.json"


def package_root() -> Path:
    """The installed ``game`` package as a folder (wheels and the frozen app install it as files)."""
    root = resources.files(PACKAGE)
    if not isinstance(root, Path):  # a zip import: none of Bridges' ways of installing makes one
        raise RuntimeError(f"Bridges must be installed as files, not run from an archive ({root})")
    return root


def shipped(name: str) -> Path:
    """A shipped data folder: inside the package when installed, else the checkout's top-level one."""
    packaged = package_root() / name
    if packaged.is_dir():
        return packaged
    return package_root().parent / name


def scenarios_folder() -> Path:
    """The scenarios that come with Bridges (and the rulebook among them)."""
    return shipped(SCENARIOS)


def rulebook_file() -> Path:
    return scenarios_folder() / RULEBOOK_NAME


def assets_folder() -> Path:
    """Shared pictures a scenario may name, and the fonts."""
    return shipped(ASSETS)


def font(name: str) -> Path:
    """A font file under ``assets/fonts`` (Noto Sans, with its OFL)."""
    return assets_folder() / "fonts" / name


def schemas_folder() -> Path:
    """The JSON Schemas as they were when this version was built."""
    return shipped(SCHEMAS)


def template(name: str) -> Path:
    """A file under ``game/templates`` (the commented scenario template)."""
    return package_root() / "templates" / name


def web_folder() -> Path:
    """The phones' page: ``game/web/static`` (HTML, script, style, fonts), the only files the phones' server sends."""
    return package_root() / "web" / "static"


def inside_package(path: Path) -> bool:
    """Whether a path is inside the installed program (where an update or an uninstall would delete it)."""
    try:
        return path.resolve().is_relative_to(package_root().resolve())
    except OSError:
        return False
