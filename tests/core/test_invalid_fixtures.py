"""Every invalid fixture, run through the real ``validate`` command: the right line, the right message.

Each file in tests/data/invalid/ is tests/data/valid/minimal.yaml broken in
one place (its first line says how). The table below says, for each, the
line the checker must point at and a piece of the message the author reads.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

import pytest

from game.cli import main
from game.resources import scenarios_folder

DATA = Path(__file__).resolve().parents[1] / "data"
INVALID = DATA / "invalid"
MINIMAL = DATA / "valid" / "minimal.yaml"


class Expected(NamedTuple):
    line: int
    text: str
    errors: int = 1  # how many errors the summary line must count


TABLE: dict[str, Expected] = {
    # the hardened loader
    "duplicate-key": Expected(8, "duplicate key 'languages' (first written at line 6)"),
    "duplicate-scene-id": Expected(58, "duplicate key 'choose' (first written at line 49)"),
    "alias-bomb": Expected(34, "anchors (&a0) are not allowed"),
    "anchor": Expected(8, "anchors (&our-ngo) are not allowed"),
    "alias": Expected(5, "aliases (*title) are not allowed"),
    "merge-key": Expected(31, "merge keys ('<<') are not allowed"),
    "too-deep": Expected(8, "nesting is deeper than 64 levels"),
    "not-utf8": Expected(11, "not UTF-8"),
    "python-tag": Expected(7, "tags like 'tag:yaml.org,2002:python/object/apply:os.system' are not allowed"),
    "multiple-documents": Expected(62, "only one YAML document per file"),
    "yaml-syntax-error": Expected(4, "a ':' followed by a space inside a text needs the whole text in quotes: en: \"Minimal: a test\""),
    "tab-indentation": Expected(59, "this line is indented with a tab; YAML needs spaces"),
    "key-not-text": Expected(8, "a mapping key must be plain text"),
    "empty-key": Expected(8, "a mapping key is empty"),
    "empty-file": Expected(1, "expected a mapping"),
    "not-a-mapping": Expected(2, "expected a mapping"),
    # pass one: shape
    "norway-bool": Expected(42, "expected true or false, not 'yes'"),
    "number-as-bool": Expected(42, "expected true or false, not 1"),
    "unknown-key-typo": Expected(57, "unknown key 'nxt': did you mean 'next'?"),
    "unknown-top-level-key": Expected(5, "unknown key 'sumary': did you mean 'summary'?", errors=2),
    "float-as-text": Expected(4, 'expected text; put it in quotes: "1.10"'),
    "string-as-number": Expected(7, "expected a whole number, not '5': it is in quotes, which makes it text; remove the quotes (minutes: 5)"),
    "null-value": Expected(7, "expected a whole number, but it is empty"),
    "not-a-list": Expected(6, "expected a list"),
    "text-not-a-mapping": Expected(11, "ngo.town: expected a mapping"),
    "missing-key": Expected(2, "missing key 'minutes'; add it"),
    "missing-english": Expected(61, "scenes.the-end.text: missing key 'en'; add it"),
    "unknown-language": Expected(6, "languages[1]: 'Deutsch' is not a language code in lower case, such as en, bg, el, ro or pl"),
    "unknown-scene-kind": Expected(50, "unknown kind 'pik'; use one of 'choice', 'event', 'pick'"),
    "missing-scene-kind": Expected(50, "scenes.choose: missing key 'kind'; add it"),
    "id-not-lower-case": Expected(3, "'Minimal Scenario' is not an id: use lower-case letters, digits, '-' and '.', such as 'minimal-scenario'"),
    "too-few-options": Expected(40, "scenes.intro.options: needs at least 2 items, found 1"),
    "trust-out-of-range": Expected(32, "cast[1].trust: must be at most 100, not 150"),
    "resource-start-out-of-bounds": Expected(17, "'start' is outside 'min' and 'max'"),
    "negotiation-wants-before-accepts": Expected(67, "'wants' cannot come before 'accepts'"),
    "unknown-condition": Expected(15, "not a known condition; it must have one of the keys"),
    "unknown-effect": Expected(42, "not a known effect; it must have one of the keys"),
    "effect-both-add-and-set": Expected(42, "effects[0]: give exactly one of 'add' and 'set'"),
    # pass two: cross-references
    "languages-without-english": Expected(6, "English ('en') is required"),
    "next-unknown-scene": Expected(44, "unknown scene 'chose'; did you mean 'choose'?"),
    "start-unknown-scene": Expected(33, "start: unknown scene 'intr'; did you mean 'intro'?"),
    "unknown-cast": Expected(56, "unknown cast member 'big-ngos'; did you mean 'big-ngo'?"),
    "unknown-resource": Expected(42, "unknown resource 'budgt'; did you mean 'budget'?"),
    "unknown-rule": Expected(43, "unknown rule 'flow.before.stratgy'; did you mean 'flow.before.strategy'?"),
    "unknown-trait": Expected(32, "trait 'sise' is not declared under 'traits'; did you mean 'size'?"),
    "undeclared-trait-value": Expected(32, "value 'huge' is not declared under traits.size.values; known: large, small"),
    "condition-unknown-trait": Expected(15, "when.trait: trait 'sise' is not declared under 'traits'; did you mean 'size'?"),
    "condition-undeclared-trait-value": Expected(15, "when.is: value 'smal' is not declared under traits.size.values; did you mean 'small'?"),
    "research-reveals-unknown-trait": Expected(37, "unknown hidden trait 'reach'"),
    "chose-unknown-option": Expected(15, "unknown option of 'intro' 'plann'; did you mean 'plan'?"),
    "duplicate-option-id": Expected(45, "options[1].id: 'plan' appears twice here"),
    "duplicate-cast-id": Expected(33, "cast[2].id: 'park-friends' appears twice here"),
    "asset-path-absolute": Expected(37, "'/etc/passwd.png' is an absolute path"),
    "asset-path-escapes": Expected(37, "'../../secret.png' contains '..'"),
    "asset-path-missing": Expected(37, "file 'images/missing.png' not found"),
    "asset-path-control-character": Expected(37, "contains a control character"),
    "pick-count-too-large": Expected(53, "count is 3 but the pool has only 2 cards"),
    "custom-resource-without-label": Expected(18, "resource 'volunteers' needs a label"),
    # pass two: the story graph
    "unreachable-scene": Expected(58, "no path reaches scene 'side-story'"),
    "dead-end": Expected(45, "scenes.intro.options[1]: dead end"),
    "cycle-without-exit": Expected(58, "scene 'stuck' is in a loop with no way out to an ending"),
    "no-ending": Expected(34, "the scenario has no ending; add a scene with 'kind: ending'"),
    "loop-exit-needs-unset-flag": Expected(58, "its way out needs flag 'permit-granted', which nothing sets"),
    "event-sent-to-with-next": Expected(35, "'storm' is an interrupting event whose options go back to the story"),
    "number-too-large": Expected(42, "must be at least -1000000000"),
    # YAML syntax in plain words: what is wrong on the line and how to fix it (the line and a caret follow)
    "yaml-option-key-indented-less": Expected(44, "this line is indented 7 spaces, but the other keys of this item are at 8; indent it 8 spaces"),
    "yaml-option-key-indented-more": Expected(44, "this line is indented 10 spaces, but the other keys here are at 8; indent it 8 spaces"),
    "yaml-key-at-list-level": Expected(44, "this line is at the level of the list's '- ' but does not start with '- '; indent it 8 spaces"),
    "yaml-colon-in-text": Expected(5, "a ':' followed by a space inside a text needs the whole text in quotes: en: \"Minimal: a test\""),
    "yaml-quote-not-closed": Expected(38, "the text in quotes that starts at column 16 has no closing quote: add '\"' here"),
    "yaml-text-after-quote": Expected(62, "text goes on after its closing quote; put the whole text inside the quotes"),
    "yaml-list-on-key-line": Expected(6, "a list cannot start on the same line as its key"),
    "yaml-list-item-misaligned": Expected(56, "this list item is indented 5 spaces, but the items above are at 6"),
    "yaml-list-item-indented-more": Expected(45, "this list item is indented 7 spaces, but the items above are at 6; indent it 6 spaces"),
    "yaml-bracket-not-closed": Expected(6, "the '[' here is never closed: add ']' at the end of the line"),
    "yaml-apostrophe-in-single-quotes": Expected(10, "an apostrophe inside a text in single quotes ends the text; put the text in double quotes"),
    "yaml-comment-in-text": Expected(10, "a ' #' starts a comment, so the rest of the line is cut off"),
    "yaml-text-starts-with-backtick": Expected(12, "a text cannot start with '`' unless it is in quotes"),
    # a key at the wrong level, a condition in another's form
    "scene-key-at-scene-id-level": Expected(57, "'next' is indented like one of the ids under 'scenes', so it is read as an item called 'next'; if it belongs to 'choose' above, indent it 4 spaces"),
    "option-next-meant-for-scene": Expected(40, "only the last option, 'rush', has a 'next': if it was meant for the whole scene, move it left to line up with 'options'"),
    "condition-is-false-on-visited": Expected(15, "a 'visited' condition has no 'is'; to say it does not hold, wrap it in not: {not: {visited: intro}}"),
    "key-of-another-level": Expected(49, "key 'count' does not belong here; it is a key of a pick scene"),
    # root causes first: one problem for one mistake, its consequences folded under it
    "next-typo-cuts-off-scenes": Expected(47, "unknown scene 'chose'; did you mean 'choose'? Until this is fixed no path reaches 3 scenes ('choose', 'wrap-up', 'the-end')"),
    "upstream-of-dead-end-is-no-loop": Expected(50, "scenes.choose: dead end", errors=2),
    "shape-error-keeps-story-check": Expected(50, "scenes.choose: dead end", errors=3),
}

SUMMARY = re.compile(r"(\d+) file\(s\) checked: (\d+) error\(s\), (\d+) warning\(s\)")


def validate(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["validate", str(path)])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("name", sorted(TABLE))
def test_the_checker_points_at_the_broken_line_with_a_helpful_message(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = INVALID / f"{name}.yaml"
    expected = TABLE[name]
    code, out, err = validate(path, capsys)
    assert "Traceback" not in out + err
    assert code == 1, out + err
    lines = [line for line in out.splitlines() if line.startswith(f"{path}:{expected.line}:")]
    assert lines, f"nothing reported at line {expected.line}:\n{out}"
    assert any(expected.text in line for line in lines), f"no line {expected.line} says {expected.text!r}:\n{out}"
    summary = SUMMARY.search(err)
    assert summary, err
    assert int(summary.group(2)) == expected.errors, out


def test_every_invalid_fixture_is_in_the_table() -> None:
    on_disk = {p.stem for p in INVALID.iterdir()}
    assert all(p.suffix == ".yaml" for p in INVALID.iterdir())
    assert on_disk - set(TABLE) == set(), "fixtures with no expectation"
    assert set(TABLE) - on_disk == set(), "expectations with no fixture"
    assert len(TABLE) >= 34


def test_every_message_has_the_file_line_column_form(capsys: pytest.CaptureFixture[str]) -> None:
    for name in sorted(TABLE):
        path = INVALID / f"{name}.yaml"
        _, out, _ = validate(path, capsys)
        for line in out.splitlines():
            assert re.match(rf"^{re.escape(str(path))}:\d+:\d+: ", line) or line.startswith("    | "), line


def test_a_syntax_error_shows_its_line_and_a_caret_under_the_place(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = validate(INVALID / "yaml-colon-in-text.yaml", capsys)
    first, shown, caret = out.splitlines()[:3]
    assert first.split(":")[1:3] == ["5", "14"]
    assert shown == "    |   en: Minimal: a test"
    assert caret == "    | " + " " * 13 + "^" and shown[len("    | ") + 13] == ":"


def test_a_file_over_two_megabytes_is_refused_before_it_is_parsed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "too-large.yaml"
    text = MINIMAL.read_text(encoding="utf-8")
    padding = ("# " + "x" * 1022 + "\n") * (2 * 1024 + 1)
    path.write_text(text + padding, encoding="utf-8")
    assert path.stat().st_size > 2 * 1024 * 1024
    code, out, err = validate(path, capsys)
    assert code == 1
    assert f"{path}:1:1: the file is larger than 2 MB" in out
    assert "Traceback" not in out + err


def test_the_minimal_scenario_validates_clean(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = validate(MINIMAL, capsys)
    assert code == 0, out
    assert out == ""
    assert "1 file(s) checked: all clean" in err


def test_the_minimal_scenario_is_clean_with_warnings_as_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--strict", str(MINIMAL)]) == 0, capsys.readouterr().out


def test_yes_stays_text_where_text_is_expected(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The other half of the Norway problem: 'yes' and 'no' are accepted as the words they are."""
    path = tmp_path / "yes-as-text.yaml"
    text = MINIMAL.read_text(encoding="utf-8").replace('title: {en: "Minimal", bg: "Минимален"}', "title: {en: yes, bg: no}")
    path.write_text(text, encoding="utf-8")
    code, out, _ = validate(path, capsys)
    assert code == 0, out


def test_the_alias_bomb_is_refused_without_being_expanded() -> None:
    import time

    from game.core.checker import check_file

    started = time.perf_counter()
    checked = check_file(INVALID / "alias-bomb.yaml")
    assert time.perf_counter() - started < 2
    assert checked.scenario is None
    assert "anchors" in checked.problems[0].message


def test_no_scene_is_said_to_be_in_a_loop_unless_it_is(capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("next-typo-cuts-off-scenes", "upstream-of-dead-end-is-no-loop", "shape-error-keeps-story-check", "unknown-key-typo"):
        _, out, _ = validate(INVALID / f"{name}.yaml", capsys)
        assert "in a loop" not in out, out
    _, out, _ = validate(INVALID / "cycle-without-exit.yaml", capsys)
    assert "scene 'stuck' is in a loop" in out and "scene 'choose' is in a loop" not in out


def test_a_typo_in_a_shipped_scenario_gives_one_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = (scenarios_folder() / "demo-river-cleanup.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "typo.yaml"
    broken.write_text(source.replace("next: choose-partners", "next: choose-partner", 1), encoding="utf-8")
    code, out, err = validate(broken, capsys)
    assert code == 1 and SUMMARY.search(err).group(2) == "1", out
    assert "unknown scene 'choose-partner'; did you mean 'choose-partners'? Until this is fixed no path reaches" in out
