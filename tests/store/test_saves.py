"""Saves: slots, autosave, atomic writes, and every kind of damaged input refused with a message."""

import json
import os

import pytest

from game.core.engine import Session
from game.store.atomic import write_atomic
from game.store.saves import AUTOSAVE, SaveError, SaveStore
from tests.conftest import DEMO


@pytest.fixture
def hashed(demo):
    from game.core.state import content_hash

    return content_hash(DEMO.read_bytes())


def _played(demo, hashed, answers=2):
    session = Session(demo, seed=3, scenario_hash=hashed)
    session.choose("write-strategy")
    if answers > 1:
        session.allocate({"regional-forum": 5, "local-visits": 5})
    return session


def test_a_save_in_a_slot_loads_back_to_the_same_state(tmp_path, demo, hashed):
    store = SaveStore(tmp_path)
    session = _played(demo, hashed)
    store.save("slot2", session)
    assert store.load("slot2", demo, hashed).state == session.state
    infos = {i.slot: i for i in store.slots()}
    assert infos["slot2"].decisions == 2 and infos["slot2"].scenario == demo.id
    assert infos["slot1"].scenario is None and infos["slot1"].problem is None


def test_stray_temporary_files_are_cleaned_at_start(tmp_path):
    (tmp_path / ".slot1.json.tmp-999").write_text("half", encoding="utf-8")
    store = SaveStore(tmp_path)
    assert [p.name for p in store.removed_strays] == [".slot1.json.tmp-999"]
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize(
    "name, content, message, code",
    [
        ("empty", b"", "empty", "damaged"),
        ("truncated", None, "damaged", "damaged"),
        ("binary", bytes(range(256)) * 4, "not a Bridges save", "foreign"),
        ("foreign", b'{"name": "my shopping list"}', "not a Bridges save", "foreign"),
        ("wrong-version", None, "another version of Bridges", "format"),
        ("hand-edited-type", None, "changed or damaged", "damaged"),
        ("hand-edited-budget", None, "does not replay", "replay"),
        ("code", b'{"kind": "bridges-save", "format": 1, "__reduce__": "os.system"}', "changed or damaged", "damaged"),
    ],
)
def test_damaged_saves_are_refused_with_a_message_and_other_saves_stay(tmp_path, demo, hashed, name, content, message, code):
    store = SaveStore(tmp_path)
    good = _played(demo, hashed)
    store.save("slot1", good)
    store.save("slot3", good)
    original = store.path("slot3").read_bytes()
    data = json.loads(original)
    if name == "truncated":
        content = original[: len(original) // 2]
    elif name == "wrong-version":
        data["format"] = 99
        content = json.dumps(data).encode()
    elif name == "hand-edited-type":
        data["decisions"] = "many"
        content = json.dumps(data).encode()
    elif name == "hand-edited-budget":
        data["state"]["resources"]["budget"] = 10**9
        content = json.dumps(data).encode()
    store.path("slot3").write_bytes(content)
    with pytest.raises(SaveError) as refused:
        store.load("slot3", demo, hashed)
    assert message in str(refused.value) and "slot3.json" in str(refused.value)
    assert refused.value.code == code  # the reason, for the UI to say in the player's language
    assert store.load("slot1", demo, hashed).state == good.state
    assert store.path("slot3").read_bytes() == content  # a refused save is left as it was
    problems = {i.slot: i.problem for i in store.slots()}
    assert problems["slot1"] is None and (problems["slot3"] or "").startswith("slot3.json") or name == "hand-edited-budget"
    codes = {i.slot: i.code for i in store.slots()}
    assert codes["slot1"] is None and codes["slot3"] == (None if name == "hand-edited-budget" else code)


def test_a_save_of_another_scenario_version_is_refused(tmp_path, demo, hashed):
    store = SaveStore(tmp_path)
    store.autosave(_played(demo, hashed))
    with pytest.raises(SaveError, match="changed since this save") as refused:
        store.load(AUTOSAVE, demo, "0000000000000000")
    assert refused.value.code == "changed"


def test_every_refusal_names_its_reason_with_a_code(tmp_path, demo, hashed):
    from game.store.saves import SAVE_ERROR_CODES

    store = SaveStore(tmp_path)
    with pytest.raises(SaveError) as empty:
        store.load("slot1", demo, hashed)
    store.save("slot2", _played(demo, hashed))
    other = demo.model_copy(update={"id": "another-scenario"})
    with pytest.raises(SaveError) as foreign_scenario:
        store.load("slot2", other, hashed)
    with pytest.raises(SaveError) as unknown:
        store.path("slot9")
    assert (empty.value.code, foreign_scenario.value.code, unknown.value.code) == ("empty", "other-scenario", "slot")
    assert {"empty", "other-scenario", "slot", "damaged", "foreign", "format", "changed", "replay"} <= set(SAVE_ERROR_CODES)
    assert SaveError("x").code == "damaged"  # a refusal without a reason is treated as damage


def test_an_unknown_slot_is_refused(tmp_path):
    with pytest.raises(SaveError, match="unknown save slot"):
        SaveStore(tmp_path).path("slot9")


def test_atomic_write_replaces_the_whole_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "x.json"
    write_atomic(target, b"one")
    write_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    assert os.listdir(tmp_path) == ["x.json"]
