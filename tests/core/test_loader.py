"""The hardened YAML loader's rules, one at a time."""

from __future__ import annotations

import math

import pytest

from game.core.problems import YamlError
from game.core.yamlsafe import MAX_BYTES, MAX_DEPTH, load_bytes, load_file, load_text


def value(text: str):
    return load_text(f"v: {text}\n").data["v"]


def refused(text: str) -> YamlError:
    with pytest.raises(YamlError) as info:
        load_text(text, "f.yaml")
    return info.value


# ----- what plain scalars become ---------------------------------------------


@pytest.mark.parametrize("word", ["true", "false"])
def test_only_true_and_false_are_booleans(word: str) -> None:
    assert value(word) is (word == "true")


@pytest.mark.parametrize("word", ["yes", "no", "on", "off", "y", "n", "Yes", "NO", "On", "OFF", "True", "FALSE", "Y", "N"])
def test_yes_no_on_off_and_friends_stay_text(word: str) -> None:
    assert value(word) == word


def test_the_norway_problem_does_not_happen() -> None:
    assert load_text("country: no\n").data == {"country": "no"}


@pytest.mark.parametrize(("text", "number"), [("0", 0), ("7", 7), ("-3", -3), ("+12", 12), ("1_000", 1000)])
def test_whole_numbers_are_ints(text: str, number: int) -> None:
    assert value(text) == number
    assert type(value(text)) is int


@pytest.mark.parametrize("text", ["012", "0x1F", "0o17", "0b101", "1:30", "1,000", "12abc"])
def test_octal_hex_sexagesimal_and_the_like_stay_text(text: str) -> None:
    assert value(text) == text


@pytest.mark.parametrize(("text", "number"), [("1.5", 1.5), ("-0.25", -0.25), (".5", 0.5), ("1e3", 1000.0), ("2.5E-1", 0.25), ("1.10", 1.1)])
def test_decimals_are_floats(text: str, number: float) -> None:
    assert value(text) == number
    assert type(value(text)) is float


def test_a_number_too_long_for_python_is_refused_where_it_is_written() -> None:
    error = refused("a: 1\nb: " + "9" * 5000 + "\n")
    assert (error.line, error.col) == (2, 4)
    assert "too many digits; put it in quotes" in error.message
    assert load_text('b: "' + "9" * 5000 + '"\n').data["b"] == "9" * 5000


def test_infinity_and_nan_are_floats() -> None:
    assert value(".inf") == math.inf
    assert value("-.inf") == -math.inf
    assert math.isnan(value(".nan"))


@pytest.mark.parametrize("text", ["~", "null", "Null", "NULL", ""])
def test_null_and_an_empty_value_are_none(text: str) -> None:
    assert value(text) is None


@pytest.mark.parametrize("text", ['"true"', "'5'", '"1.10"', '"null"', "!!str 5", "!!str true"])
def test_quoted_or_str_tagged_scalars_stay_text(text: str) -> None:
    assert isinstance(value(text), str)


def test_block_scalars_stay_text() -> None:
    assert load_text("a: |\n  true\nb: >\n  5\n").data == {"a": "true\n", "b": "5\n"}


def test_mapping_keys_are_always_text() -> None:
    assert load_text("1: a\ntrue: b\nnull: c\n1.5: d\n").data == {"1": "a", "true": "b", "null": "c", "1.5": "d"}


def test_the_source_text_of_numbers_and_booleans_is_kept() -> None:
    doc = load_text("a: 1.10\nb: true\nc: text\nd: [007x, 1_0]\n")
    assert doc.sources[("a",)] == "1.10"
    assert doc.sources[("b",)] == "true"
    assert ("c",) not in doc.sources
    assert doc.sources[("d", 1)] == "1_0"


# ----- where things were written ----------------------------------------------


def test_where_gives_the_line_and_column_of_a_value_and_of_its_key() -> None:
    doc = load_text("title: x\nscenes:\n  intro:\n    next:   outro\n    options: [a, b]\n")
    assert doc.where(("title",)) == (1, 8)
    assert doc.where(("scenes", "intro", "next")) == (4, 13)
    assert doc.where(("scenes", "intro", "next"), key=True) == (4, 5)
    assert doc.where(("scenes", "intro", "options", 1)) == (5, 18)
    assert doc.where(("scenes", "intro"), key=True) == (3, 3)


def test_where_falls_back_to_the_nearest_parent() -> None:
    doc = load_text("a:\n  b: 1\n")
    assert doc.where(("a", "b", "c", 0)) == (2, 6)
    assert doc.where(("a", "missing"), key=True) == (1, 1)  # the key 'a:'
    assert doc.where(("nothing",)) == (1, 1)


def test_windows_line_endings_count_lines_right() -> None:
    doc = load_text("a: 1\r\nb:\r\n  c: 2\r\n")
    assert doc.data == {"a": 1, "b": {"c": 2}}
    assert doc.where(("b", "c")) == (3, 6)


def test_a_comment_header_does_not_shift_lines() -> None:
    doc = load_text("# one\n# two\n\nkey: value\n")
    assert doc.where(("key",)) == (4, 6)


# ----- bytes and encodings --------------------------------------------------------


def test_a_utf8_byte_order_mark_is_accepted() -> None:
    doc = load_bytes("\ufeffname: Зелено бъдеще\n".encode("utf-8"))
    assert doc.data == {"name": "Зелено бъдеще"}
    assert doc.where(("name",)) == (1, 7)


def test_text_that_is_not_utf8_is_refused_at_the_bad_byte() -> None:
    with pytest.raises(YamlError) as info:
        load_bytes("a: 1\nb: caf\u00e9\n".encode("latin-1"), "f.yaml")
    error = info.value
    assert (error.file, error.line, error.col) == ("f.yaml", 2, 7)
    assert "not UTF-8" in error.message


def test_a_file_of_exactly_the_limit_loads_and_one_byte_more_is_refused() -> None:
    head = b"a: 1\n"
    exact = head + b"#" * (MAX_BYTES - len(head))
    assert load_bytes(exact).data == {"a": 1}
    with pytest.raises(YamlError, match="larger than 2 MB"):
        load_bytes(exact + b"#")


def test_an_unreadable_file_is_a_yaml_error_not_an_oserror(tmp_path) -> None:
    with pytest.raises(YamlError, match="cannot read the file") as info:
        load_file(tmp_path / "nowhere.yaml", "nowhere.yaml")
    assert (info.value.file, info.value.line, info.value.col) == ("nowhere.yaml", 1, 1)


def test_load_file_names_the_file_as_displayed(tmp_path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text("a: [1,\n", encoding="utf-8")
    with pytest.raises(YamlError) as info:
        load_file(path, "scenarios/s.yaml")
    assert info.value.file == "scenarios/s.yaml"
    assert str(info.value).startswith("scenarios/s.yaml:")


# ----- what is refused ---------------------------------------------------------------


def test_a_duplicate_key_names_the_line_of_the_first() -> None:
    error = refused("a: 1\nb:\n  c: 1\n  d: 2\n  c: 3\n")
    assert (error.line, error.col) == (5, 3)
    assert "duplicate key 'c' (first written at line 3)" in error.message


def test_the_same_key_in_different_mappings_is_fine() -> None:
    assert load_text("a: {x: 1}\nb: {x: 2}\n").data == {"a": {"x": 1}, "b": {"x": 2}}


def test_a_duplicate_key_with_a_mapping_value_is_refused() -> None:
    error = refused("scene:\n  a: 1\nscene:\n  b: 2\n")
    assert error.line == 3 and "first written at line 1" in error.message


def test_anchors_are_refused_where_they_are_written() -> None:
    error = refused("a: 1\nb: &x {c: 1}\n")
    assert (error.line, error.col) == (2, 4)
    assert "anchors (&x)" in error.message


def test_aliases_are_refused_even_without_an_anchor() -> None:
    error = refused("a: 1\nb: *x\n")
    assert (error.line, error.col) == (2, 4)
    assert "aliases (*x)" in error.message


def test_a_merge_key_is_refused_but_a_quoted_double_angle_key_is_text() -> None:
    error = refused("a:\n  <<: {b: 1}\n")
    assert (error.line, error.col) == (2, 3)
    assert "merge keys" in error.message
    assert load_text('a: {"<<": 1}\n').data == {"a": {"<<": 1}}


@pytest.mark.parametrize("tag", ["!!python/object/apply:os.system", "!!python/name:os.system", "!!int", "!!bool", "!!binary", "!custom", "!!set", "!!omap"])
def test_explicit_tags_are_refused(tag: str) -> None:
    error = refused(f"a: 1\nb: {tag} x\n")
    assert (error.line, error.col) == (2, 4)
    assert "tags like" in error.message


def test_a_tag_on_a_key_is_refused() -> None:
    assert "tags like" in refused("!!python/name:os.system a: 1\n").message


def test_a_second_document_is_refused_at_its_start() -> None:
    error = refused("a: 1\n---\nb: 2\n")
    assert error.line == 2
    assert "only one YAML document" in error.message


def test_one_explicit_document_with_an_end_marker_is_fine() -> None:
    assert load_text("---\na: 1\n...\n").data == {"a": 1}


def test_nesting_of_exactly_the_limit_is_fine_and_one_more_is_refused() -> None:
    assert load_text("[" * MAX_DEPTH + "]" * MAX_DEPTH).data is not None
    error = refused("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1))
    assert (error.line, error.col) == (1, MAX_DEPTH + 1)
    assert f"deeper than {MAX_DEPTH}" in error.message


def test_a_list_or_mapping_as_a_key_is_refused() -> None:
    assert "must be plain text" in refused("? [a, b]\n: c\n").message
    assert "must be plain text" in refused("{? {a: 1} : c}\n").message


def test_an_empty_key_is_refused() -> None:
    assert "key is empty" in refused('"": 1\n').message


def test_a_syntax_error_gives_the_line_and_column_of_the_problem() -> None:
    error = refused("a: 1\nb: [1, 2\nc: 3\n")
    assert error.message.startswith("the '[' here is never closed: add ']'")
    assert (error.line, error.col) == (2, 4)
    error = refused("title: Bridges: a game\n")
    assert (error.line, error.col) == (1, 15)


def test_a_tab_in_the_indentation_says_so() -> None:
    error = refused("a:\n\tb: 1\n")
    assert (error.line, error.col) == (2, 1)
    assert "this line is indented with a tab; YAML needs spaces" in error.message


def test_an_empty_document_loads_as_none() -> None:
    assert load_text("").data is None
    assert load_text("# only a comment\n").data is None


def test_yaml_error_is_a_content_error_with_one_problem() -> None:
    from game.core.problems import ContentError

    error = refused("a: &x 1\n")
    assert isinstance(error, ContentError)
    assert len(error.problems) == 1
    assert str(error) == "f.yaml:1:4: anchors (&x) are not allowed; write the content out in full"
