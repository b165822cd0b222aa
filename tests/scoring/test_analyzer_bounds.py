"""The analyzer always ends: loops, stuck stories and huge files are walked within bounds,
and the report says what it could not do exactly."""

from __future__ import annotations

import time

from game.scoring.analyzer import analyze, render_text
from tests.builders import MINIMAL, NO_OPTION_AVAILABLE, scenario_from_text


def test_a_loop_that_random_play_can_circle_for_ever_is_analysed_within_bounds(rulebook):
    looped = MINIMAL.replace('''        evidence: {breaks: [flow.before.strategy]}
        next: choose''', '''        evidence: {breaks: [flow.before.strategy]}
        next: waiting''').replace('''  the-end:
    kind: ending''', '''  waiting:
    kind: choice
    phase: before
    text: {en: "Wait for the permit?", bg: "Да чакаме ли разрешението?"}
    options:
      - {id: wait, text: {en: "Wait a week", bg: "Чакайте седмица"}, next: waiting}
      - {id: ask, text: {en: "Ask again", bg: "Попитайте пак"}, next: waiting}
      - {id: apply, text: {en: "Apply in person", bg: "Подайте лично"}, evidence: {honours: [flow.before.contact-appropriately]}, next: choose}
  the-end:
    kind: ending''')
    started = time.monotonic()
    report = analyze(scenario_from_text(looped), rulebook, plays=40, time_limit=30)
    assert time.monotonic() - started < 90, "a guard against a hang, not a timing: the analyzer stops at its own time limit"
    assert not report["range"]["exact"] and "too large to analyse exactly" in report["range"]["method"]


def test_a_stuck_story_is_analysed_without_a_crash(rulebook):
    report = analyze(scenario_from_text(NO_OPTION_AVAILABLE), rulebook, plays=10, time_limit=10)
    assert report["policies"]["expert"]["ending"] is None
    assert "Analysis of" in render_text(report)


def test_a_huge_story_is_cut_short_by_the_time_limit_and_says_so(rulebook):
    lines = [MINIMAL.split("start: intro")[0] + "start: s0", "scenes:"]
    count = 3000
    for i in range(count):
        nxt = f"s{i + 1}" if i + 1 < count else "the-end"
        lines.append(f"  s{i}: {{kind: choice, phase: before, text: {{en: S, bg: С}}, options: [{{id: a, text: {{en: A, bg: А}}, "
                     f"evidence: {{honours: [flow.order]}}, next: {nxt}}}, {{id: b, text: {{en: B, bg: Б}}, next: {nxt}}}]}}")
    lines.append('  the-end: {kind: ending, outcome: success, text: {en: "End.", bg: "Край."}}')
    scenario = scenario_from_text("\n".join(lines) + "\n")
    started = time.monotonic()
    report = analyze(scenario, rulebook, plays=500, time_limit=2)
    assert time.monotonic() - started < 60
    assert report["limits"] and report["random"]["plays"] < 500
    assert any("cut short by its time limit" in w for w in report["warnings"])
    text = render_text(report)
    assert "Cut short by the time limit" in text and len(text) < 20_000
