"""A turn that passed with no answer (the decision's time ran out, set-up "the turn passes"), written to a real
SQLite file and read back by every export: a CSV row that says so, the team's ``missed`` list in JSON, a summary
count; graded by no rule, as the grader did. (Its xAPI statement: tests/xapi/test_no_answer.py.)"""

from __future__ import annotations

import csv
import io
import json
import random

from game.core.policies import POLICIES
from game.scoring.grader import grade
from game.store.export import CSV_FIELDS, NO_ANSWER, csv_rows, summary_rows, to_csv, to_json
from game.store.results import ResultsStore
from game.workshop import Workshop
from game.xapi import vocab


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def missed_workshop(tmp_path, demo, rulebook):
    """Two teams in turns with a 30 s timer and "pass": Owls answer, Foxes run out of time, then each answers once more."""
    clock = Clock()
    store = ResultsStore(tmp_path / "results.sqlite3")
    w = Workshop(demo, rulebook, ["Owls", "Foxes"], timer=30, seed=3, results=store, clock=clock, on_time_up="pass")
    first = w.session.scene_id
    w.answer({"choose": demo.scenes[first].options[0].id})
    clock.now += 31
    passed = w.time_up()
    assert passed == {"team": 1, "scene": first, "decision": 0} and w.turn == 0
    rng = random.Random(3)
    for _ in range(2):
        w.answer(POLICIES["random"](w.session, rng))
    return store, w, first


def test_every_export_says_the_team_did_not_answer_in_time(tmp_path, demo, rulebook):
    store, w, first = missed_workshop(tmp_path, demo, rulebook)
    w.end()
    store.close()
    again = ResultsStore(tmp_path / "results.sqlite3", read_only=True)  # read back from the file
    session = again.session(w.results_id)
    foxes = session["teams"][1]
    assert [(m["decision"], m["scene"], m["seconds"]) for m in foxes["missed"]] == [(0, first, 31.0)]
    assert session["teams"][0]["missed"] == []

    rows = [r for r in csv_rows([session]) if r["team"] == 1]
    assert [r["answered"] for r in rows] == [NO_ANSWER, "yes"]  # the missed turn comes before the answer given at the next turn
    missed = rows[0]
    assert (missed["seq"], missed["scene"], missed["answer"], missed["honoured"], missed["broken"]) == (0, first, "", "", "")
    assert "Foxes: no answer" in missed["chosen_by"]
    table = list(csv.DictReader(io.StringIO(to_csv([session]))))
    assert list(table[0]) == CSV_FIELDS and sum(r["answered"] == NO_ANSWER for r in table) == 1

    summary = {r["team"]: r["missed_turns"] for r in summary_rows([session])}
    assert summary == {"Owls": 0, "Foxes": 1}
    exported = json.loads(to_json([session]))
    assert exported["sessions"][0]["teams"][1]["missed"][0]["scene"] == first

    # graded by no rule, as the grader did: the team's score is what its answers alone give
    card = grade(demo, w.teams[1].session, rulebook)
    assert foxes["overall"] == card["overall"]


def test_going_back_one_decision_keeps_the_missed_turn(tmp_path, demo, rulebook):
    store, w, _first = missed_workshop(tmp_path, demo, rulebook)
    assert w.back()
    assert len(store.session(w.results_id)["teams"][1]["missed"]) == 1
    assert sum(s["verb"]["id"] == vocab.VERBS["no-answer"] for s in store.statements([w.results_id])) == 1
