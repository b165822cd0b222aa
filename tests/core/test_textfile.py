"""The translator's text-file tool: a language goes into every text map of a
shipped file, nothing else in the file changes, and a second import replaces
what the first wrote."""

from __future__ import annotations

import shutil

import pytest
import yaml

from game.locale import textfile
from game.resources import scenarios_folder


def _without(data, language):
    if isinstance(data, dict):
        return {key: _without(value, language) for key, value in data.items() if key != language}
    if isinstance(data, list):
        return [_without(value, language) for value in data if value != language]
    return data


@pytest.mark.parametrize("name", ["demo-river-cleanup.yaml", "rulebook.yaml"])
def test_a_language_goes_into_every_text_and_nothing_else_changes(tmp_path, name):
    path = tmp_path / name
    shutil.copy(scenarios_folder() / name, path)
    before = yaml.safe_load(path.read_text(encoding="utf-8"))
    listing = textfile.export(path, "xx")
    assert listing["texts"] and all(entry["xx"] == "" for entry in listing["texts"])
    for number, entry in enumerate(listing["texts"]):
        entry["xx"] = f"{number}: a colon: and \"quotes\"\nand a new line"
    source = tmp_path / "xx.yaml"
    source.write_text(yaml.safe_dump(listing, allow_unicode=True), encoding="utf-8")

    written, unknown = textfile.import_texts(path, source)

    assert (written, unknown) == (len(listing["texts"]), [])
    after = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert _without(after, "xx") == before
    assert textfile.missing(path, "xx") == []
    if "languages" in before:
        assert "xx" in after["languages"]


def test_a_second_import_replaces_and_an_empty_slot_is_skipped(tmp_path):
    path = tmp_path / "demo.yaml"
    shutil.copy(scenarios_folder() / "demo-river-cleanup.yaml", path)
    listing = textfile.export(path, "xx")
    listing["texts"][0]["xx"] = "first"
    source = tmp_path / "xx.yaml"
    source.write_text(yaml.safe_dump(listing), encoding="utf-8")
    assert textfile.import_texts(path, source)[0] == 1
    listing["texts"][0]["xx"] = "second"
    source.write_text(yaml.safe_dump(listing), encoding="utf-8")
    assert textfile.import_texts(path, source)[0] == 1
    again = textfile.export(path, "xx")
    assert again["texts"][0]["xx"] == "second"
    assert len(textfile.missing(path, "xx")) == len(listing["texts"]) - 1


def test_a_wrong_list_is_refused_with_a_message_and_the_file_is_untouched(tmp_path):
    path = tmp_path / "demo.yaml"
    shutil.copy(scenarios_folder() / "demo-river-cleanup.yaml", path)
    original = path.read_bytes()
    source = tmp_path / "bad.yaml"
    source.write_text("language: 'not a code'\ntexts: []\n", encoding="utf-8")
    with pytest.raises(textfile.TextFileError, match="not a language code"):
        textfile.import_texts(path, source)
    source.write_text("just text\n", encoding="utf-8")
    with pytest.raises(textfile.TextFileError, match="needs 'language:'"):
        textfile.import_texts(path, source)
    assert path.read_bytes() == original
