"""Text maps take any language code beside the required English; a key that
is no language code is named as such; a scenario's languages are any codes,
and the checker warns per declared language a text lacks."""

from __future__ import annotations

from pathlib import Path

import pytest
from jsonschema import Draft7Validator

from game.cli import main
from game.core.base import Text
from game.schema import scenario_schema

ROOT = Path(__file__).resolve().parents[2]
MINIMAL = ROOT / "tests" / "data" / "valid" / "minimal.yaml"


def test_a_text_takes_any_language_and_falls_back_to_english():
    text = Text.model_validate({"en": "Partners", "bg": "Партньори", "el": "Εταίροι", "pt-BR": "Parceiros"})
    assert text.get("el") == "Εταίροι" and text.get("pt-BR") == "Parceiros" and text.get("ro") == "Partners"
    assert text.has("el") and not text.has("ro")
    assert text.missing(["en", "el", "ro", "pl"]) == ["ro", "pl"]
    assert text.get("model_fields") == "Partners"  # only language keys are looked up


@pytest.mark.parametrize("bad", [{"en": "x", "English": "y"}, {"en": "x", "EL": "y"}, {"en": "x", "e1": "y"}])
def test_a_key_that_is_no_language_code_is_an_error(bad):
    with pytest.raises(ValueError, match="a text's keys are language codes"):
        Text.model_validate(bad)


def test_english_is_required_and_texts_are_text():
    with pytest.raises(ValueError):
        Text.model_validate({"el": "Εταίροι"})
    with pytest.raises(ValueError):
        Text.model_validate({"en": "x", "el": 3})


def test_the_json_schema_accepts_language_codes_and_refuses_other_keys():
    text_schema = dict(scenario_schema()["$defs"]["Text"])
    validator = Draft7Validator(text_schema)
    assert not list(validator.iter_errors({"en": "x", "el": "y", "pt-BR": "z"}))
    assert list(validator.iter_errors({"en": "x", "English": "y"}))
    assert list(validator.iter_errors({"el": "y"}))


def _scenario(tmp_path: Path, languages: str, extra: str = "") -> Path:
    source = MINIMAL.read_text(encoding="utf-8")
    assert "languages: [en, bg]" in source
    changed = source.replace("languages: [en, bg]", f"languages: {languages}")
    changed = changed.replace('title: {en: "Minimal", bg: "Минимален"', 'title: {en: "Minimal", bg: "Минимален"' + extra, 1)
    path = tmp_path / "s.yaml"
    path.write_text(changed, encoding="utf-8")
    return path


def test_a_declared_language_warns_per_text_that_lacks_it(tmp_path, capsys):
    path = _scenario(tmp_path, "[en, bg, el]", ', el: "Ελάχιστο"')
    assert main(["validate", "--strict", str(path)]) == 1
    out = capsys.readouterr().out
    assert "title: warning" not in out  # this one has its Greek
    assert "summary: warning: missing Greek ('el') text; add 'el: ...' or take 'el' out of languages" in out


def test_a_text_in_an_undeclared_language_is_a_warning(tmp_path, capsys):
    path = _scenario(tmp_path, "[en, bg]", ', eng: "Minimal"')
    assert main(["validate", str(path)]) == 0
    out = capsys.readouterr().out
    assert "1 text(s) in 'eng', which 'languages' does not list; add 'eng' there or check the code" in out
