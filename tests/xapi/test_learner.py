"""One trainee across scenarios and days is one actor in a real Ralph LRS; forgetting them voids what the LRS already has."""

from __future__ import annotations

import json
import sqlite3
import urllib.parse

from game.core.checker import check_file
from game.store.players import forget_records
from game.store.results import ResultsStore
from game.xapi import client
from game.xapi.commands import voider
from game.xapi.config import LrsConfig
from game.xapi.sender import send_all
from game.xapi.vocab import VERBS, scenario_iri
from tests.conftest import SCENARIOS
from tests.xapi.conftest import record_plays
from tests.xapi.ralph import KEY, SECRET

HOME = "https://training.example.org"


def _scenario(name, rulebook):
    checked = check_file(SCENARIOS / f"{name}.yaml", rulebook.ids)
    assert checked.ok
    return checked.scenario


def _ids(db, where="1"):
    return [r[0] for r in sqlite3.connect(db).execute(f"SELECT id FROM outbox WHERE {where} ORDER BY n")]


def _from_lrs(cfg, **query):
    found, answer = client.fetch(cfg, {k: v for k, v in query.items()})
    assert answer.ok, answer
    return found


def test_three_scenarios_on_two_days_under_one_name_are_one_actor_with_every_statement(tmp_path, ralph, demo, rulebook):
    cfg = LrsConfig(ralph.endpoint, KEY, SECRET, HOME)
    db = tmp_path / "r.sqlite3"
    tutorial, youth = _scenario("tutorial-first-steps", rulebook), _scenario("youth-centre-funding", rulebook)
    # Day one: the tutorial and the demo, then the game closes (the store has no clock to set: the days are two runs of the game).
    first = ResultsStore(db)
    record_plays(first, tutorial, rulebook, 1, player="Ana Dimitrova", seed=11, homepage=HOME)
    record_plays(first, demo, rulebook, 1, player="Ana Dimitrova", seed=12, homepage=HOME)
    first.close()
    assert send_all(db, cfg).state == "sent"
    # Day two: the game starts again; she types her name differently and plays a third scenario.
    second = ResultsStore(db)
    sessions = record_plays(second, youth, rulebook, 1, language="bg", player="  ana   DIMITROVA ", seed=13, homepage=HOME)
    second.close()
    assert send_all(db, cfg).state == "sent"
    mine = set(_ids(db))
    actor = json.dumps({"objectType": "Agent", "account": {"homePage": HOME, "name": "ana dimitrova"}})
    returned = _from_lrs(cfg, agent=actor, limit="500")
    assert {s["id"] for s in returned} >= mine  # the LRS finds every statement of hers by one actor
    assert {s["id"] for s in returned if s["id"] in mine} == mine
    by_scenario = {s["object"]["id"] for s in returned if s["verb"]["id"] == VERBS["completed"]}
    assert by_scenario == {scenario_iri(s.id) for s in (tutorial, demo, youth)}
    assert len({s["context"]["registration"] for s in returned}) == 3  # three plays, one learner
    assert sessions  # the second day's play was recorded


def test_forgetting_a_player_voids_their_sent_statements_in_the_lrs(tmp_path, ralph, demo, rulebook):
    cfg = LrsConfig(ralph.endpoint, KEY, SECRET, HOME)
    db = tmp_path / "r.sqlite3"
    store = ResultsStore(db)
    record_plays(store, demo, rulebook, 1, player="Ivo Stoyanov", seed=21, homepage=HOME)
    assert send_all(db, cfg).state == "sent"
    sent = _ids(db)
    record_plays(store, demo, rulebook, 1, player="Ivo Stoyanov", seed=22, homepage=HOME)  # a second play, not sent yet
    store.close()
    unsent = [i for i in _ids(db) if i not in sent]
    changed = forget_records(db, "ivo stoyanov", voider(cfg))
    assert changed == {"sessions": 2, "teams": 0, "voided": len(sent)}  # only what the LRS has is voided; the rest is deleted here
    assert not set(_ids(db)) & set(unsent)
    voidings = [json.loads(r[0]) for r in sqlite3.connect(db).execute("SELECT statement FROM outbox WHERE sent_at IS NULL ORDER BY n")]
    assert [v["object"] for v in voidings] == [{"objectType": "StatementRef", "id": i} for i in sent]
    assert all("Ivo" not in json.dumps(v) for v in voidings)  # the voiding names the programme, not the player
    assert send_all(db, cfg).sent == len(sent)
    # What Ralph 5.1 does: it stores each voiding statement as valid xAPI (its back end's file holds them) but implements
    # no voiding of its own: GET /xAPI/statements still returns the voided ones (voidedStatementId is "Not implemented").
    stored = [s for s in ralph.stored() if s["verb"]["id"] == VERBS["voided"]]
    assert {s["object"]["id"] for s in stored} >= set(sent)
    everything = {s["id"] for s in _from_lrs(cfg, limit="5000")}
    assert {v["id"] for v in voidings} <= everything and set(sent) <= everything
    assert send_all(db, cfg).sent == 0  # queued once, sent once
    assert forget_records(db, "ivo stoyanov", voider(cfg))["voided"] == 0
