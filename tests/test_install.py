"""How Bridges is packaged (issue 11, part 3): its name, version, licences and commands, and what its
source distribution and wheel hold.

The last tests read the sdist and the wheel that ``tools/smoke_install.sh`` built (the wheel from the
sdist) and run only when BRIDGES_DIST names that folder, as .ci/run does after the smoke test:
``BRIDGES_DIST=DIR/dist python -m pytest tests/test_install.py``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tarfile
import tomllib
import zipfile
from email.parser import Parser
from importlib import metadata
from pathlib import Path

import pytest

from game.cli import main
from game.version import DISTRIBUTION, FALLBACK, version
from tests.conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PROJECT = PYPROJECT["project"]
DIST = Path(os.environ["BRIDGES_DIST"]) if os.environ.get("BRIDGES_DIST") else None
needs_dist = pytest.mark.skipif(DIST is None, reason="BRIDGES_DIST is not set (tools/smoke_install.sh builds the sdist and wheel)")


def test_the_version_and_name_in_the_code_are_the_projects():
    assert FALLBACK == PROJECT["version"]
    assert DISTRIBUTION == PROJECT["name"]
    assert PROJECT["name"] != "bridges"  # another project's name on the package index


def test_bridges_version_prints_the_version(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"bridges {version()}"


def test_a_checkout_that_was_never_installed_falls_back_to_the_constant(monkeypatch):
    def not_installed(name):
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "version", not_installed)
    version.cache_clear()
    try:
        assert version() == FALLBACK
    finally:
        version.cache_clear()


def test_the_licences_are_declared_the_modern_way():
    assert PROJECT["license"] == "MIT"  # an SPDX expression, not the deprecated table
    assert not [c for c in PROJECT.get("classifiers", []) if c.startswith("License ::")]  # PEP 639: not both
    assert PROJECT["license-files"] == ["LICENSE", "assets/fonts/OFL.txt"]
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    assert "SIL OPEN FONT LICENSE" in (ROOT / "assets" / "fonts" / "OFL.txt").read_text(encoding="utf-8")
    assert any(r.startswith("setuptools>=77") for r in PYPROJECT["build-system"]["requires"])  # the first to write them


def test_the_commands_and_the_frozen_apps_tooling_are_declared():
    assert PROJECT["scripts"] == {"bridges": "game.cli:main"}
    assert PROJECT["gui-scripts"] == {"bridges-gui": "game.cli:main"}  # no console window on Windows
    assert any(r.startswith("pyinstaller") for r in PROJECT["optional-dependencies"]["build"])
    assert not any("pyinstaller" in r.lower() for r in PROJECT["dependencies"])


def test_the_help_screen_names_the_handbook_and_where_it_comes_from():
    from game.ui import i18n
    from game.ui.scenes.overlays import about_text

    try:
        for language, words in (("en", ("Networking: Building Partnerships", "Erasmus+", "Key Action 2", "2016-2019", "MIT")),
                                ("bg", ("Нетуъркинг: изграждане на партньорства", "Еразъм+", "Ключова дейност 2", "2016-2019", "MIT"))):
            i18n.set_language(language)
            text = about_text()
            assert "ATSIV" in text and version() in text
            assert all(word in text for word in words), (language, text)
    finally:
        i18n.set_language("en")


def test_the_readme_states_the_handbooks_origin():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for words in ("ATSIV", "Erasmus+", "Key Action 2", "2016-2019", "Networking: Building Partnerships", "Greek, Bulgarian and Romanian"):
        assert words in readme


# ----- the built sdist and wheel ---------------------------------------------------------------


def built(pattern: str) -> Path:
    found = sorted(DIST.glob(pattern))
    assert len(found) == 1, f"expected one {pattern} in {DIST}: {found}"
    return found[0]


def tracked_files() -> set[str]:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout.decode("utf-8")
    return {name for name in listed.split("\0") if name and (ROOT / name).is_file()}


@needs_dist
def test_the_sdist_is_the_whole_project():
    """Tests with their data, docs, assets, scenarios, schemas, tools, LICENSE: it runs its tests and builds the wheel."""
    sdist = built("*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    missing = tracked_files() - names - {".gitignore"}
    assert not missing, f"tracked files missing from the sdist (MANIFEST.in): {sorted(missing)}"
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]
    for name in ("LICENSE", "assets/fonts/OFL.txt", "tests/data/golden", "docs/authoring.md", "scenarios/rulebook.yaml", "tools/bridges.spec"):
        assert any(n == name or n.startswith(name + "/") for n in names), name


@needs_dist
def test_the_wheel_built_from_the_sdist_holds_the_licences_commands_and_data():
    wheel = built("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        info = next(n.split("/")[0] for n in names if n.endswith(".dist-info/METADATA"))
        fields = Parser().parsestr(archive.read(f"{info}/METADATA").decode("utf-8"))
        entry_points = archive.read(f"{info}/entry_points.txt").decode("utf-8")
    assert fields["Name"] == PROJECT["name"] and fields["Version"] == PROJECT["version"]
    assert fields["License-Expression"] == "MIT"
    assert sorted(fields.get_all("License-File")) == ["LICENSE", "assets/fonts/OFL.txt"]
    assert {f"{info}/licenses/LICENSE", f"{info}/licenses/assets/fonts/OFL.txt"} <= names
    assert "[console_scripts]\nbridges = game.cli:main" in entry_points
    assert "[gui_scripts]\nbridges-gui = game.cli:main" in entry_points
    shipped = {f"game/scenarios/{p.name}" for p in (ROOT / "scenarios").glob("*.yaml")}
    shipped |= {f"game/schemas/{p.name}" for p in (ROOT / "schemas").glob("*.json")}
    shipped |= {"game/assets/fonts/OFL.txt", "game/assets/fonts/NotoSans-Regular.ttf", "game/templates/scenario.yaml"}
    assert shipped <= names
    assert not [n for n in names if n.startswith(("tests/", "tools/", "docs/", "benchmarks/"))]
