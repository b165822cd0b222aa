"""Scenario packs: a folder or a .zip of scenarios and their pictures, unpacked safely into the data folder."""

from __future__ import annotations

import stat
import struct
import zipfile
from pathlib import Path

import pytest

from game import packs
from game.cli import main, play_target
from game.core.checker import check_file
from tests.conftest import ROOT

PICTURED = ROOT / "tests" / "data" / "pictured"
DEMO = ROOT / "scenarios" / "demo-river-cleanup.yaml"


@pytest.fixture
def data(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    monkeypatch.setenv("BRIDGES_DATA_DIR", str(folder))
    return folder


def make_zip(path: Path, entries: dict[str, bytes], **options) -> Path:
    with zipfile.ZipFile(path, "w", compression=options.get("compression", zipfile.ZIP_DEFLATED)) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return path


def good_entries(top: str = "river-pack/") -> dict[str, bytes]:
    """A pack as zipping a folder makes it: the pictured scenario with its images, the demo, a read-me and a Mac's extras."""
    entries = {f"{top}pictured.yaml": (PICTURED / "pictured.yaml").read_bytes(), f"{top}demo-river-cleanup.yaml": DEMO.read_bytes()}
    for image in sorted((PICTURED / "images").iterdir()):
        entries[f"{top}images/{image.name}"] = image.read_bytes()
    entries[f"{top}README.txt"] = b"Two scenarios for the spring workshop."
    entries["__MACOSX/river-pack/._pictured.yaml"] = b"\x00\x05\x16\x07"
    entries[f"{top}.DS_Store"] = b"\x00"
    return entries


def test_a_good_pack_is_unpacked_into_the_data_folder_and_its_scenarios_check_clean(data, tmp_path, rulebook):
    pack = make_zip(tmp_path / "River pack (spring).zip", good_entries())
    folder = packs.open_pack(pack)
    assert folder == data / "packs" / "River-pack-spring"
    assert not (folder / "__MACOSX").exists() and not (folder / "river-pack" / ".DS_Store").exists()
    files = packs.scenario_files(folder)
    assert [p.name for p in files] == ["demo-river-cleanup.yaml", "pictured.yaml"]
    for path in files:
        assert check_file(path, rulebook.ids).ok  # the pictures are found beside the scenario
    assert play_target(str(pack)) == folder  # two scenarios: play opens the library with them
    from game.ui.library import default_folders

    assert folder / "river-pack" in default_folders()  # and the library lists it from now on


def test_a_pack_of_one_scenario_plays_it_and_a_new_copy_replaces_the_old(data, tmp_path):
    entries = {k: v for k, v in good_entries("").items() if not k.startswith("demo")}
    pack = make_zip(tmp_path / "one.zip", entries)
    assert play_target(str(pack)) == data / "packs" / "one" / "pictured.yaml"
    make_zip(pack, {"pictured.yaml": entries["pictured.yaml"], **{k: v for k, v in entries.items() if k.startswith("images/")}})
    packs.unpack(pack)
    assert not (data / "packs" / "one" / "README.txt").exists()
    assert sorted(p.name for p in (data / "packs").iterdir()) == ["one"]  # no work folders left behind


def test_a_folder_is_a_pack_used_where_it_is(data):
    assert packs.open_pack(PICTURED) == PICTURED
    assert play_target(str(PICTURED)) == PICTURED / "pictured.yaml"
    assert not (data / "packs").exists()


def _symlink_zip(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a.yaml", b"format: 1\n")
        link = zipfile.ZipInfo("secret.yaml")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/etc/passwd")
    return path


def _encrypted_zip(path: Path) -> Path:
    make_zip(path, {"a.yaml": b"format: 1\n"}, compression=zipfile.ZIP_STORED)
    raw = bytearray(path.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):  # set the 'encrypted' flag in both headers
        at = raw.index(signature)
        raw[at + offset] |= 1
    path.write_bytes(bytes(raw))
    return path


def _lying_zip(path: Path) -> Path:
    """A zip that says its scenario has 10 bytes and holds 3 MB."""
    make_zip(path, {"a.yaml": b"# " + b"x" * (3 * 1024 * 1024)}, compression=zipfile.ZIP_DEFLATED)
    raw = bytearray(path.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = raw.index(signature)
        raw[at + offset:at + offset + 4] = struct.pack("<I", 10)
    path.write_bytes(bytes(raw))
    return path


YAML = b"format: 1\n"
HOSTILE = {
    "absolute": (lambda p: make_zip(p, {"/etc/bridges.yaml": YAML}), "absolute path"),
    "drive-letter": (lambda p: make_zip(p, {"C:/Windows/bridges.yaml": YAML}), "absolute path"),
    "dot-dot": (lambda p: make_zip(p, {"ok.yaml": YAML, "../../escape.yaml": YAML}), "contains '..'"),
    "backslash-dot-dot": (lambda p: make_zip(p, {"ok.yaml": YAML, "..\\..\\escape.yaml": YAML}), "contains '..'"),
    "symlink": (_symlink_zip, "is a link"),
    "program": (lambda p: make_zip(p, {"ok.yaml": YAML, "run.exe": b"MZ"}), "not a scenario, a picture or a text file"),
    "too-many-files": (lambda p: make_zip(p, {f"s{i}.yaml": YAML for i in range(packs.MAX_FILES + 1)}), f"at most {packs.MAX_FILES}"),
    "too-large-in-total": (lambda p: make_zip(p, {f"p{i}.png": bytes(20 * 1024 * 1024) for i in range(3)} | {"a.yaml": YAML}), "at most 50 MB"),
    "yaml-over-the-limit": (lambda p: make_zip(p, {"big.yaml": b"#" * (2 * 1024 * 1024 + 1)}), "larger than 2 MB, the most a scenario file may have"),
    "case-twins": (lambda p: make_zip(p, {"a.yaml": YAML, "A.yaml": YAML}), "differ only in upper and lower case"),
    "hidden": (lambda p: make_zip(p, {"a.yaml": YAML, ".hidden/x.yaml": YAML}), "hidden file"),
    "no-scenario": (lambda p: make_zip(p, {"read-me.txt": b"hello"}), "holds no scenario"),
    "encrypted": (_encrypted_zip, "encrypted"),
    "lying-sizes": (_lying_zip, "not a readable zip file"),
    "not-a-zip": (lambda p: (p.write_bytes(b"this is not a zip file"), p)[1], "not a readable zip file"),
}


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_a_hostile_zip_is_refused_with_a_message_and_leaves_nothing(data, tmp_path, kind, capsys):
    build, expected = HOSTILE[kind]
    pack = build(tmp_path / f"{kind}.zip")
    with pytest.raises(packs.PackError) as refused:
        packs.unpack(pack)
    assert expected in str(refused.value) and pack.name in str(refused.value)
    leftovers = list((data / "packs").iterdir()) if (data / "packs").exists() else []
    assert leftovers == []
    assert not (tmp_path / "escape.yaml").exists() and not Path("/etc/bridges.yaml").exists()
    assert main(["play", str(pack)]) == 2  # the command line says so before any window opens
    assert expected in capsys.readouterr().err


def test_a_refused_pack_keeps_the_earlier_copy(data, tmp_path):
    pack = make_zip(tmp_path / "spring.zip", good_entries(""))
    folder = packs.unpack(pack)
    make_zip(pack, {"pictured.yaml": YAML, "../x.yaml": YAML})
    with pytest.raises(packs.PackError):
        packs.unpack(pack)
    assert (folder / "pictured.yaml").read_bytes() == (PICTURED / "pictured.yaml").read_bytes()
