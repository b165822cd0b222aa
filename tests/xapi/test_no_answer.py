"""A workshop turn that passed with no answer is a statement "did not answer in time": valid for Ralph's
xAPI model, graded by no rule, and taken by the real Ralph LRS."""

from __future__ import annotations

from game.store.export import xapi_statements
from game.xapi import vocab
from tests.store.test_missed_turns import missed_workshop


def test_the_xapi_statement_of_a_missed_turn_is_valid_and_reaches_the_lrs(tmp_path, demo, rulebook, ralph):
    from ralph.models.xapi.base.statements import BaseXapiStatement

    from game.xapi.config import LrsConfig
    from game.xapi.sender import send_all
    from tests.xapi.ralph import KEY, SECRET

    store, w, first = missed_workshop(tmp_path, demo, rulebook)
    w.end()
    recorded = store.statements([w.results_id])
    missed = [s for s in recorded if s["verb"]["id"] == vocab.VERBS["no-answer"]]
    assert len(missed) == 1
    statement = missed[0]
    assert statement["actor"]["name"] == "Foxes" and statement["object"]["id"].endswith(f"/scenes/{first}")
    result = statement["result"]
    assert result["completion"] is False and "success" not in result and "response" not in result
    assert result["extensions"][vocab.EXTENSIONS["no-answer"]] is True and result["extensions"][vocab.EXTENSIONS["decision"]] == 0
    assert result["extensions"][vocab.EXTENSIONS["breaks"]] == [] and result["extensions"][vocab.EXTENSIONS["honours"]] == []
    assert statement["verb"]["display"]["bg"] == "не отговори навреме"
    BaseXapiStatement(**statement)
    # the statements built for a session recorded before the outbox say it too
    built = [s for s in xapi_statements([store.session(w.results_id)]) if s["verb"]["id"] == vocab.VERBS["no-answer"]]
    assert len(built) == 1
    BaseXapiStatement(**built[0])
    store.close()

    status = send_all(tmp_path / "results.sqlite3", LrsConfig(ralph.endpoint, KEY, SECRET, "https://training.example.org"))
    assert status.state == "sent"
    stored = {s["id"]: s for s in ralph.stored()}
    assert stored[statement["id"]]["verb"]["id"] == vocab.VERBS["no-answer"]
