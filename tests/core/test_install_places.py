"""Where Bridges finds its own files (game.resources) and where it keeps the trainer's (the data folder):
shipped data through importlib.resources, scenarios by id from either place, `new` and `schema` in the data folder."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from game import resources
from game.cli import main
from tests.conftest import ROOT


@pytest.fixture
def data(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    monkeypatch.setenv("BRIDGES_DATA_DIR", str(folder))
    return folder


def test_a_checkout_uses_its_top_level_folders():
    assert resources.scenarios_folder() == ROOT / "scenarios"
    assert resources.rulebook_file() == ROOT / "scenarios" / "rulebook.yaml"
    assert resources.font("NotoSans-Regular.ttf").is_file() and resources.font("OFL.txt").is_file()
    assert (resources.schemas_folder() / "scenario.schema.json").is_file()
    assert resources.template("scenario.yaml").is_file()


def test_an_installed_package_uses_the_folders_inside_it(tmp_path, monkeypatch):
    package = tmp_path / "site-packages" / "game"
    (package / "scenarios").mkdir(parents=True)
    monkeypatch.setattr(resources, "package_root", lambda: package)
    assert resources.scenarios_folder() == package / "scenarios"
    assert resources.assets_folder() == tmp_path / "site-packages" / "assets"  # not in the package: the folder beside it, as in a checkout


def test_no_module_finds_data_through_its_own_file():
    """Only game/resources.py knows where shipped data is; the locale catalogs beside their module are the one exception."""
    offenders = []
    for path in sorted((ROOT / "game").rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"__file__\)\.resolve\(\)\.parents?\b", line) and path.parent.name != "locale":
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert offenders == []


def test_on_windows_the_data_folder_has_no_author_folder_above_it(monkeypatch):
    import platformdirs
    import platformdirs.windows

    from game.store.paths import data_dir

    monkeypatch.delenv("BRIDGES_DATA_DIR")
    monkeypatch.setattr(platformdirs, "PlatformDirs", platformdirs.windows.Windows)
    monkeypatch.setattr(platformdirs.windows, "get_win_folder", lambda csidl: "C:/Users/trainer/AppData/Local")
    assert data_dir().as_posix() == "C:/Users/trainer/AppData/Local/bridges"


def _modeline_target(path: Path) -> Path:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=")
    return (path.parent / first.split("=", 1)[1]).resolve()


def test_new_writes_into_the_users_folder_with_a_schema_beside_it(data, capsys):
    assert main(["new", "river-test"]) == 0
    created = data / "scenarios" / "river-test.yaml"
    assert created.is_file()
    assert _modeline_target(created) == (data / "schemas" / "scenario.schema.json").resolve()
    assert (data / "schemas" / "rulebook.schema.json").is_file()
    capsys.readouterr()
    for command in (["validate", "--strict", "river-test"], ["analyze", "river-test", "--plays", "20"], ["graph", "river-test", "--out", str(data / "map.dot")]):
        assert main(command) == 0, command
    assert (data / "map.dot").is_file()


def test_new_in_another_folder_names_a_schema_that_exists(data, tmp_path):
    repository = tmp_path / "repo"
    (repository / "schemas").mkdir(parents=True)
    shutil.copy(ROOT / "schemas" / "scenario.schema.json", repository / "schemas")
    assert main(["new", "in-repo", "--dir", str(repository / "scenarios")]) == 0
    assert _modeline_target(repository / "scenarios" / "in-repo.yaml") == (repository / "schemas" / "scenario.schema.json").resolve()
    assert not (data / "schemas").exists()  # the repository's own schema is named; nothing written to the data folder
    elsewhere = tmp_path / "somewhere" / "deep"
    assert main(["new", "elsewhere", "--dir", str(elsewhere)]) == 0
    assert _modeline_target(elsewhere / "elsewhere.yaml") == (data / "schemas" / "scenario.schema.json").resolve()


def test_new_never_writes_into_the_program(data, capsys):
    assert main(["new", "inside", "--dir", str(resources.package_root() / "scenarios")]) == 2
    assert "inside the installed program" in capsys.readouterr().err
    assert not (resources.package_root() / "scenarios").exists()


def test_schema_writes_beside_the_users_scenarios_by_default(data, capsys):
    assert main(["schema"]) == 0
    assert (data / "schemas" / "scenario.schema.json").is_file()
    assert str(data / "schemas") in capsys.readouterr().out


def test_an_unknown_id_says_where_it_looked_and_what_is_close(data, capsys):
    assert main(["analyze", "demo-river-clean"]) == 2
    err = capsys.readouterr().err
    assert "no scenario 'demo-river-clean'" in err and "did you mean demo-river-cleanup" in err
    assert str(data / "scenarios") in err and str(resources.scenarios_folder()) in err
    assert main(["validate", "nothing-like-it"]) == 2
    assert "did you mean" not in capsys.readouterr().err


def test_an_id_is_found_in_the_users_folder_first(data, capsys):
    own = data / "scenarios"
    own.mkdir(parents=True)
    shutil.copy(ROOT / "scenarios" / "tutorial-first-steps.yaml", own / "tutorial-first-steps.yaml")
    assert main(["validate", "tutorial-first-steps", "demo-river-cleanup"]) == 0
    err = capsys.readouterr().err
    assert "using yours" in err and "2 file(s) checked: all clean" in err


def test_coverage_reads_the_shipped_scenarios_by_default(capsys):
    assert main(["coverage", "--json"]) == 0
    assert "demo-river-cleanup" in capsys.readouterr().out
