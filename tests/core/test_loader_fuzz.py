"""Property tests: whatever a trainer's editor saves, the loader and checker answer with problems, never a traceback."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.core.checker import Checked, check_document, check_file
from game.core.problems import Problem, YamlError
from game.core.yamlsafe import Document, load_bytes, load_text

MINIMAL = Path(__file__).resolve().parents[1] / "data" / "valid" / "minimal.yaml"
NAME = "fuzz.yaml"


def fast(examples: int) -> settings:
    """Few enough examples that the whole file runs in seconds; no deadline (CI machines vary)."""
    return settings(max_examples=examples, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_well_formed(error: YamlError) -> None:
    assert error.file == NAME
    assert isinstance(error.line, int) and error.line >= 1
    assert isinstance(error.col, int) and error.col >= 1
    assert error.message
    assert str(error).startswith(f"{NAME}:{error.line}:{error.col}: ")


def load_or_error(load: Any, source: Any) -> Document | None:
    """Run a loader; only YamlError may come out, and it must say where."""
    try:
        return load(source, NAME)
    except YamlError as error:
        assert_well_formed(error)
        return None


# ----- bytes and YAML-like text into the loader ----------------------------------------

YAML_TOKENS = [
    ":", ": ", "-", "- ", "[", "]", "{", "}", ",", "&a", "&a ", "*a", "*a ", "<<", "<<: ", "!!python/object", "!!python/object/apply:os.system ",
    "!!str ", "!!int ", "!tag ", "! ", "'", '"', "\\", "\n", "\r\n", "\r", "  ", "    ", "\t", "? ", "|", "|-", ">", ">+", "#", " # c", "---", "\n---\n", "...",
    "%YAML 1.1\n", "%TAG ! tag:x,2000:\n", "key", "a", "b", "yes", "no", "true", "null", "~", "1.10", "012", "0x1F", "-.inf", ".nan", "1e999",
    "9" * 30, "é", "Ж", "😀", "\u2028", "\u0085", "\ufeff", "\x00", "\x07", "\ud7ff", "\ue000", "\uffff",
]
yaml_like = st.lists(st.sampled_from(YAML_TOKENS) | st.text(max_size=4), max_size=40).map("".join)


@fast(300)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_give_data_or_one_located_yaml_error(raw: bytes) -> None:
    load_or_error(load_bytes, raw)


@fast(300)
@given(st.binary(max_size=200))
def test_bytes_after_a_valid_header_give_data_or_one_located_yaml_error(tail: bytes) -> None:
    load_or_error(load_bytes, b"a:\n  b: [1, 2]\n  c: " + tail)


@fast(600)
@given(yaml_like)
def test_yaml_like_text_gives_data_or_one_located_yaml_error(text: str) -> None:
    doc = load_or_error(load_text, text)
    if doc is not None:
        for table in (doc.values, doc.keys):
            assert all(line >= 1 and col >= 1 for line, col in table.values())


@fast(200)
@given(st.integers(min_value=1, max_value=200), st.sampled_from(["[", "{a: ", "- ", "a:\n" ]))
def test_deep_nesting_of_any_style_is_refused_cleanly(depth: int, opener: str) -> None:
    if opener == "- ":
        text = "".join("  " * i + "-\n" for i in range(depth)) + "  " * depth + "x\n"
    elif opener == "a:\n":
        text = "".join("  " * i + "a:\n" for i in range(depth)) + "  " * depth + "x\n"
    else:
        text = opener * depth + "x" + ("]" if opener == "[" else "}") * depth
    load_or_error(load_text, text)


# ----- random data into the checker --------------------------------------------------------

scalars = st.none() | st.booleans() | st.integers(min_value=-(10**12), max_value=10**12) | st.floats(allow_nan=True) | st.text(max_size=12)
keys = st.text(max_size=10) | st.sampled_from(["kind", "next", "scenes", "options", "id", "en", "bg", "start", "cast", "text", "when", "effects", "image", "portrait"])
data = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4), max_leaves=25)


def checked_never_raises(doc_data: Any, folder: Path, rule_ids: set[str] | None) -> Checked:
    text = yaml.safe_dump(doc_data, allow_unicode=True, sort_keys=False)
    path = folder / NAME
    path.write_text(text, encoding="utf-8")
    checked = check_file(path, rule_ids, display=NAME)
    assert isinstance(checked, Checked)
    assert all(isinstance(p, Problem) and p.file == NAME and p.line >= 1 and p.col >= 1 for p in checked.problems)
    if checked.scenario is None:
        assert checked.errors, "a scenario that failed its shape must say why"
    return checked


def rule_ids() -> set[str]:
    from game.scoring.rulebook import default_rulebook  # cached; not a test argument, so failures print short

    return default_rulebook().ids


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@fast(200)
@given(data)
def test_random_data_is_checked_into_problems_not_exceptions(folder: Path, value: Any) -> None:
    checked_never_raises(value, folder, rule_ids())


def paths_in(node: Any, path: tuple = ()) -> list[tuple]:
    found = [path]
    if isinstance(node, dict):
        for key, child in node.items():
            found += paths_in(child, path + (key,))
    elif isinstance(node, list):
        for index, child in enumerate(node):
            found += paths_in(child, path + (index,))
    return found


BASE = yaml.safe_load(MINIMAL.read_text(encoding="utf-8"))
BASE_PATHS = paths_in(BASE)[1:]
NEAR_MISSES = st.sampled_from(
    ["intro", "choose", "the-end", "plan", "rush", "park-friends", "big-ngo", "budget", "size", "small", "flow.before.strategy", "choice", "pick", "ending",
     "", " ", "../x.png", "/x.png", "Intro", -1, 0, 1, 3, 101, 10**9, 1.5, True, False, None, [], {}, {"en": "x"}, {"en": "x", "bg": "y"},
     {"resource": "budget", "add": 1}, {"flag": "x"}, {"chose": "plan", "in": "intro"}, {"go": "the-end"}, [{"go": "the-end"}]]
)


@fast(300)
@given(st.sampled_from(BASE_PATHS), st.sampled_from(["replace", "delete", "add"]), NEAR_MISSES | data, keys)
def test_a_valid_scenario_broken_anywhere_is_checked_into_problems(folder: Path, path: tuple, how: str, value: Any, key: str) -> None:
    scenario = copy.deepcopy(BASE)
    parent = scenario
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    if how == "replace":
        parent[last] = value
    elif how == "delete":
        del parent[last]
    elif isinstance(parent[last], dict):
        parent[last][key] = value
    elif isinstance(parent[last], list):
        parent[last].append(value)
    else:
        parent[last] = [parent[last], value]
    checked_never_raises(scenario, folder, rule_ids())


def test_the_unbroken_base_is_clean(folder: Path) -> None:
    checked = checked_never_raises(BASE, folder, rule_ids())
    assert checked.ok and not checked.problems


@fast(100)
@given(data)
def test_check_document_accepts_any_loaded_document(folder: Path, value: Any) -> None:
    doc = load_or_error(load_text, yaml.safe_dump(value, allow_unicode=True))
    if doc is not None:
        checked = check_document(doc, folder, None)
        assert all(p.line >= 1 and p.col >= 1 for p in checked.problems)


@fast(150)
@given(st.text(max_size=30) | st.sampled_from(["a\x00b.png", "C:\\x.png", "\\\\server\\x.png", "images/../../x", ".", "", "~/x.png", "a" * 200]))
def test_any_image_path_is_checked_into_problems(folder: Path, image: str) -> None:
    scenario = copy.deepcopy(BASE)
    scenario["scenes"]["intro"]["image"] = image
    scenario["cast"][0]["portrait"] = image
    checked = checked_never_raises(scenario, folder, rule_ids())
    assert not checked.ok, "no image of that name exists, so it cannot pass"
