"""The built wheel holds everything the game reads: its code, the shipped scenarios and rulebook, fonts with
their licence, schemas, the template, catalogs and glossary; and nothing of the checkout besides.

Builds a wheel with pip (about 15 s; it needs setuptools from the package index or its cache). Leave it out
with ``-m "not build"`` or BRIDGES_SKIP_BUILD=1 where building is not possible.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile

import pytest

from tests.conftest import ROOT

pytestmark = [pytest.mark.build, pytest.mark.skipif(bool(os.environ.get("BRIDGES_SKIP_BUILD")), reason="BRIDGES_SKIP_BUILD is set")]
SOURCES = ("game", "scenarios", "assets", "schemas")


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory):
    """The file names in a wheel built from a copy of the checkout (the build leaves its build/ folder in the copy)."""
    source = tmp_path_factory.mktemp("source")
    for path in ROOT.iterdir():
        if path.is_file() and not path.name.startswith("."):
            shutil.copy2(path, source)
    for name in SOURCES:
        shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    out = tmp_path_factory.mktemp("wheel")
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(source)],
                           capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stdout + built.stderr
    wheels = list(out.glob("*.whl"))
    assert len(wheels) == 1
    with zipfile.ZipFile(wheels[0]) as archive:
        return set(archive.namelist())


def test_the_wheel_holds_every_module(wheel_names):
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "game").rglob("*.py")}
    assert modules - wheel_names == set(), "a package is missing from [tool.setuptools] packages in pyproject.toml"


def test_the_wheel_holds_the_data_the_game_reads(wheel_names):
    expected = {f"game/scenarios/{p.name}" for p in (ROOT / "scenarios").glob("*.yaml")}
    expected |= {f"game/assets/fonts/{name}" for name in ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "OFL.txt")}
    expected |= {f"game/schemas/{p.name}" for p in (ROOT / "schemas").glob("*.json")}
    expected |= {"game/templates/scenario.yaml", "game/data/glossary.yaml"}
    expected |= {f"game/locale/{lang}/LC_MESSAGES/bridges.{kind}" for lang in ("en", "bg") for kind in ("po", "mo")}
    assert "game/scenarios/rulebook.yaml" in expected
    assert expected - wheel_names == set()


def test_the_wheel_holds_nothing_outside_the_package(wheel_names):
    assert {name.split("/")[0] for name in wheel_names if not name.startswith("game/")} == {next(n.split("/")[0] for n in wheel_names if ".dist-info/" in n)}
    assert not any("__pycache__" in name or name.endswith(".pyc") for name in wheel_names)
