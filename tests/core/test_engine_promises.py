"""The engine's promises under hostile answers and broken stories: a refused answer changes
nothing (the log included), and a story that offers no option says so instead of crashing."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.core.checker import check_file
from game.core.decisions import InvalidAnswer
from game.core.engine import Session
from game.core.policies import POLICIES, play
from tests.builders import MINIMAL, NO_OPTION_AVAILABLE, scenario_from_text

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted(p for p in (ROOT / "scenarios").glob("*.yaml") if p.stem != "rulebook")

junk = st.one_of(
    st.none(), st.integers(), st.text(max_size=12), st.lists(st.text(max_size=8), max_size=4),
    st.dictionaries(st.text(max_size=10), st.one_of(st.integers(-3, 12), st.text(max_size=8), st.booleans(), st.none()), max_size=3),
)
answers = st.one_of(
    st.dictionaries(st.sampled_from(["choose", "pick", "research", "order", "allocate", "propose", "concede", "ask", "facilitator", "sign", "walk_away", "x"]), junk, min_size=0, max_size=2),
    junk,
)


@pytest.fixture(scope="module")
def scenarios():
    return [check_file(path, None).scenario for path in SHIPPED]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(index=st.integers(0, len(SHIPPED) - 1), seed=st.integers(0, 10_000), steps=st.integers(0, 40), answer=answers)
def test_a_refused_answer_changes_nothing_in_any_scene_of_any_shippedscenario_from_text(scenarios, index, seed, steps, answer):
    scenario = scenarios[index]
    session = Session(scenario, seed=seed)
    rng = random.Random(seed)
    for _ in range(steps):  # reach some scene of any kind
        if session.ended:
            break
        session.answer(POLICIES["random"](session, rng))
    before = session.state.model_copy(deep=True)
    try:
        session.answer(answer)
    except InvalidAnswer:
        assert session.state == before
        assert session.state.log == before.log


def test_an_event_with_nowhere_to_return_refuses_the_answer_and_keeps_the_log_replayable():
    text = MINIMAL.replace('''        evidence: {breaks: [flow.before.strategy]}
        next: choose''', '''        evidence: {breaks: [flow.before.strategy]}
        next: storm''').replace('''  the-end:
    kind: ending''', '''  storm:
    kind: event
    phase: before
    headline: {en: "A storm", bg: "Буря"}
    text: {en: "A storm floods the park.", bg: "Буря наводнява парка."}
    trigger: {after: choose}
    options:
      - {id: clean-up, text: {en: "Clean up", bg: "Почистете"}}
  the-end:
    kind: ending''')
    scenario = scenario_from_text(text)  # the checker refuses this story; the engine must still keep its promise
    session = Session(scenario, seed=1)
    session.answer({"choose": "rush"})
    before = session.state.model_copy(deep=True)
    with pytest.raises(InvalidAnswer):
        session.answer({"choose": "clean-up"})
    assert session.state == before
    assert Session.replay(scenario, 1, session.state.log).state == session.state


def test_a_scene_with_no_option_available_is_stuck_not_a_crash(tmp_path):
    scenario = scenario_from_text(NO_OPTION_AVAILABLE)
    session = play(Session(scenario, seed=1), POLICIES["random"], seed=1)
    assert not session.ended and session.stuck and "offers no option" in session.stuck
    path = tmp_path / "stuck.yaml"
    path.write_text(NO_OPTION_AVAILABLE, encoding="utf-8")
    checked = check_file(path, None)
    assert any("every option here has a 'when'" in p.message for p in checked.warnings)
    for policy in ("first", "random"):
        result = subprocess.run([sys.executable, str(ROOT / "main.py"), "autoplay", str(path), "--policy", policy, "--json"], capture_output=True, text=True, timeout=60)
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert "offers no option" in json.loads(result.stdout)["stuck"]
