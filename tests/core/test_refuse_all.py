"""A pick that may refuse every card (issue 16, part 5a): ``refuse`` on a pick scene, in the checker,
the engine, the grader, the analyzer's moves and the story graph."""

from pathlib import Path

from game.core.checker import check_file
from game.core.conditions import Chose
from game.core.engine import Session
from game.core.problems import ContentError
from game.scoring.grader import grade
from game.scoring.moves import moves
from game.scoring.grader import Recorder

MINIMAL = Path(__file__).resolve().parents[1] / "data" / "valid" / "minimal.yaml"
REFUSING = '''    pool:
      - cast: park-friends
        passed: {breaks: [dynamics.compatible-values]}
      - cast: big-ngo
        passed: {honours: [flow.before.conditions]}
    refuse:
      text: {en: "Take neither of them", bg: "Не вземайте никого от тях"}
      evidence: {honours: [flow.before.contact-appropriately]}
      feedback: {en: "You go on alone for now.", bg: "Засега продължавате сами."}
      next: alone
    next: the-end
  alone:
    kind: ending
    outcome: mixed
    text: {en: "Alone.", bg: "Сами."}
'''


def refusing(tmp_path: Path) -> Path:
    text = MINIMAL.read_text(encoding="utf-8").replace('''    pool:
      - cast: park-friends
      - cast: big-ngo
    next: the-end
''', REFUSING)
    assert "refuse:" in text
    path = tmp_path / "refusing.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_picking_nobody_follows_the_refusal_and_counts_every_card_as_passed(tmp_path, rulebook):
    checked = check_file(refusing(tmp_path), rulebook.ids)
    assert checked.ok, checked.problems
    session = Session(checked.scenario)
    session.answer({"choose": "plan"})
    events = session.answer({"pick": []})
    assert session.state.ending == "alone"
    assert Chose.model_validate({"chose": "none", "in": "choose"}).holds(session)
    assert any(e.get("type") == "feedback" and e["text"]["en"] == "You go on alone for now." for e in events)
    card = grade(checked.scenario, session, rulebook)
    verdicts = {r["rule"]: r["verdict"] for r in card["rules"] if any(e["scene"] == "choose" for e in r["evidence"])}
    assert verdicts == {"dynamics.compatible-values": "broken", "flow.before.conditions": "honoured", "flow.before.contact-appropriately": "honoured"}


def test_without_refuse_an_empty_pick_is_refused_and_the_analyzer_offers_the_refusal(tmp_path, rulebook):
    plain = check_file(MINIMAL, rulebook.ids).scenario
    session = Session(plain)
    session.answer({"choose": "plan"})
    try:
        session.answer({"pick": []})
        raise AssertionError("an empty pick was taken without 'refuse'")
    except ValueError as exc:
        assert "pick exactly 1" in str(exc)
    scenario = check_file(refusing(tmp_path), rulebook.ids).scenario
    recorder = Recorder(Session(scenario))
    recorder.answer({"choose": "plan"})
    assert "refuse:all" in [label for label, _ in moves(recorder)]


def test_the_refusals_next_is_a_way_on_for_the_checker(tmp_path, rulebook):
    path = refusing(tmp_path)
    path.write_text(path.read_text(encoding="utf-8").replace("      next: alone\n", "      next: alon\n"), encoding="utf-8")
    checked = check_file(path, rulebook.ids)
    messages = [p.message for p in checked.errors]
    assert any("unknown scene 'alon'; did you mean 'alone'?" in m for m in messages), messages


def test_the_analyzer_counts_the_refusal_as_an_answer_of_the_pick(tmp_path, rulebook):
    from game.scoring.analyzer import _option_values

    scenario = check_file(refusing(tmp_path), rulebook.ids).scenario
    values = _option_values(scenario.scenes["choose"], rulebook)
    assert len(values) == 3 and values[-1] > 0  # two cards, then the refusal (its own evidence honours a rule)


def test_an_agreement_condition_asking_for_an_element_no_negotiation_has_is_a_warning(tmp_path, rulebook):
    from game.resources import scenarios_folder

    text = (scenarios_folder() / "demo-river-cleanup.yaml").read_text(encoding="utf-8")
    fewer = text.replace("{when: {all: [{agreement: all}, {resource: reputation", "{when: {all: [{agreement: all}, {resource: reputation", 1)
    path = tmp_path / "demo.yaml"
    path.write_text(fewer, encoding="utf-8")
    assert not [p for p in check_file(path, rulebook.ids).warnings if "never holds" in p.message]  # the demo negotiates all six
    minimal = refusing(tmp_path).read_text(encoding="utf-8").replace("when: {chose: plan, in: intro}", "when: {agreement: [goals]}")
    minimal = minimal.replace("  alone:\n", """  deal:
    kind: negotiate
    phase: before
    text: {en: "Terms", bg: "Условия"}
    counterpart: big-ngo
    patience: 3
    clauses:
      - element: period
        terms:
          - {id: year, text: {en: "A year", bg: "Година"}, evidence: {honours: [agreement.period]}}
          - {id: open, text: {en: "Open", bg: "Без срок"}, evidence: {breaks: [agreement.period]}}
        accepts: year
        wants: open
        reason: {en: "No.", bg: "Не."}
    agreed: {next: the-end}
    walked_away: {next: the-end}
    left: {next: the-end}
  alone:
""").replace("      next: alone\n", "      next: deal\n")
    path.write_text(minimal, encoding="utf-8")
    checked = check_file(path, rulebook.ids)
    found = [p.message for p in checked.warnings if "never holds" in p.message]
    assert found and "no negotiation has a clause for goals" in found[0] and "{agreement: [period]}" in found[0], checked.problems
