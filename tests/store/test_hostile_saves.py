"""Saves that would crash the game on every start: huge numbers, deep nesting, a huge file.
Each is refused with a reason, the rest of the slots still list, and the file is left as it was."""

import os

import pytest

from game.store.saves import AUTOSAVE, SaveError, SaveStore

HOSTILE = {
    "huge-number": b'{"kind": "bridges-save", "format": 1, "decisions": ' + b"9" * 5000 + b"}",
    "huge-number-in-state": b'{"kind": "bridges-save", "format": 1, "state": {"resources": {"budget": ' + b"7" * 4400 + b"}}}",
    "deep": b'{"kind": "bridges-save", "format": 1, "state": ' + b"[" * 1_000_000 + b"]" * 1_000_000 + b"}",
    "nan": b'{"kind": "bridges-save", "format": 1, "decisions": NaN}',
    "deep-but-parsable": b'{"kind": "bridges-save", "format": 1, "state": ' + b"[" * 500 + b"]" * 500 + b"}",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_autosave_is_refused_and_left_untouched(tmp_path, name):
    store = SaveStore(tmp_path)
    path = store.path(AUTOSAVE)
    path.write_bytes(HOSTILE[name])
    infos = {i.slot: i for i in store.slots()}
    assert infos[AUTOSAVE].code == "damaged" and infos[AUTOSAVE].problem
    with pytest.raises(SaveError):
        store.read(AUTOSAVE)
    assert path.read_bytes() == HOSTILE[name]
    assert infos["slot1"].problem is None


def test_a_sparse_huge_save_is_refused_before_it_is_read(tmp_path):
    store = SaveStore(tmp_path)
    path = store.path("slot1")
    with path.open("wb") as handle:
        handle.truncate(3 * 1024 ** 3)  # 3 GB of nothing: refused from its size alone
    infos = {i.slot: i for i in store.slots()}
    assert infos["slot1"].code == "foreign"
    assert os.path.getsize(path) == 3 * 1024 ** 3
