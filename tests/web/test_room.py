"""The room's pure part: codes, tokens, message models and answer checks (no network, no pygame)."""

import json

import pytest

from game.web.room import MAX_MESSAGE, Decision, MessageError, Room, parse_message, scene_view

TEAMS = [{"name": "Owls", "colour": "#0072B2", "symbol": "circle"}, {"name": "Сови", "colour": "#E69F00", "symbol": "triangle"}]


def answer(token, decision, body):
    return json.dumps({"type": "answer", "token": token, "decision": decision, "answer": body})


def test_every_room_has_its_own_code_and_secret_team_tokens():
    a, b = Room(TEAMS), Room(TEAMS)
    assert a.code != b.code or a.tokens != b.tokens
    assert len(set(a.tokens)) == 2 and all(len(t) >= 20 for t in a.tokens)
    assert a.team_for(a.tokens[1]) == 1 and a.team_for(b.tokens[1]) is None and a.team_for(None) is None


def test_a_forged_token_and_a_closed_or_other_teams_decision_are_refused():
    room = Room(TEAMS)
    room.publish(Decision(3, "choice", frozenset({0})), {}, "en")
    assert room.submit("x" * 24, 3, {"choose": "a"}) == (False, "token")
    assert room.submit(room.tokens[0], 2, {"choose": "a"}) == (False, "closed")
    assert room.submit(room.tokens[1], 3, {"choose": "a"}) == (False, "team")
    assert room.submit(room.tokens[0], 3, {"order": ["a", "b"]}) == (False, "verb")
    assert room.submit(room.tokens[0], 3, {"choose": "a"}) == (True, "")
    room.publish(Decision(4, "choice", frozenset({0, 1})), {}, "en")
    assert room.take() == []  # the answer to decision 3 is dropped once 4 is open
    room.publish(None, {}, "en")
    assert room.submit(room.tokens[0], 4, {"choose": "a"}) == (False, "closed")


def test_a_paused_or_ended_room_takes_no_answer():
    room = Room(TEAMS)
    room.publish(Decision(1, "choice", frozenset({0, 1})), {}, "en", paused=True)
    assert room.submit(room.tokens[0], 1, {"choose": "a"}) == (False, "closed")
    assert room.view_for(0)["state"] == "paused"
    room.publish(None, {}, "en", ended=True)
    assert room.view_for(1)["state"] == "ended"


@pytest.mark.parametrize("raw, says", [
    ("not json", "not JSON"),
    ("[1, 2]", "not a JSON object"),
    ('{"type": "pause"}', "unknown message type"),
    ('{"type": "hello", "token": "short"}', "token"),
    ('{"type": "hello", "token": "abcdefghijk", "admin": true}', "admin"),
    ('{"type": "answer", "token": "abcdefghijk", "decision": 1, "answer": {"end": true}}', "one of choose"),
    ('{"type": "answer", "token": "abcdefghijk", "decision": 1, "answer": {"choose": "../../etc"}}', "answer.choose"),
    ('{"type": "answer", "token": "abcdefghijk", "decision": 1, "answer": {"allocate": {"a": -4}}}', "answer.allocate.a"),
    ('{"type": "answer", "token": "abcdefghijk", "decision": -1, "answer": {"choose": "a"}}', "decision"),
    ('{"type": "answer", "token": "abcdefghijk", "decision": 1, "answer": {"choose": "a", "pick": ["b"]}}', "one of choose"),
])
def test_malformed_messages_are_refused_with_what_is_wrong(raw, says):
    with pytest.raises(MessageError) as caught:
        parse_message(raw)
    assert says in str(caught.value)


def test_an_oversized_message_is_refused_before_it_is_read():
    raw = answer("abcdefghijk", 1, {"choose": "a" * MAX_MESSAGE})
    with pytest.raises(MessageError, match="too large"):
        parse_message(raw)


def test_a_phone_joins_given_a_team_or_picks_one_only_when_the_trainer_allows():
    given = Room(TEAMS)
    assert given.join("wrong") == "code"
    assert given.join(given.code.lower(), 1) == "choose"
    assert given.join(given.code) == (0, given.tokens[0])
    assert given.join(given.code) == (1, given.tokens[1])
    assert given.join(given.code) == "full"
    choosing = Room(TEAMS, choose_team=True)
    assert [t["name"] for t in choosing.join(choosing.code)] == ["Owls", "Сови"]
    assert choosing.join(choosing.code, 1) == (1, choosing.tokens[1])
    assert choosing.join(choosing.code, 7) == "team"


def test_a_scene_is_shown_in_the_sessions_language_without_its_feedback_or_evidence(demo):
    from game.core.engine import Session

    session = Session(demo, seed=1)
    view = scene_view(session, "bg")
    assert view["options"] and all(set(o) == {"id", "text"} for o in view["options"])
    assert any("а" in o["text"] for o in view["options"])  # Cyrillic
    assert "feedback" not in json.dumps(view) and "evidence" not in json.dumps(view)


def test_the_room_and_the_server_import_no_pygame():
    import subprocess
    import sys

    code = "import sys, game.web.room, game.web.server; print('pygame' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "False"


def test_a_pick_of_nobody_is_a_well_formed_answer_the_engine_then_judges():
    message = parse_message(answer("abcdefghijk", 2, {"pick": []}))
    assert message.answer.model_dump() == {"pick": []}


def test_time_up_locks_every_phone_and_refuses_a_late_answer_until_the_trainer_decides():
    room = Room([{"name": "Owls"}, {"name": "Foxes"}])
    question = Decision(3, "choice", frozenset({0}), {0: {"text": "Q?", "options": [{"id": "a", "text": "A"}]}})
    room.publish(question, {}, "en")
    room.publish(question, {}, "en", time_up=True)
    assert room.view_for(0)["state"] == "locked" and room.view_for(0)["time_up"] == {"locked": True}
    assert room.view_for(1)["state"] == "wait" and room.view_for(1)["time_up"] == {"locked": True}  # every phone shows it
    assert room.submit(room.tokens[0], 3, {"choose": "a"}) == (False, "time")
    room.publish(question, {}, "en")  # the trainer added time: the same decision opens again
    assert room.view_for(0)["state"] == "answer" and room.view_for(0)["time_up"] is None
    assert room.submit(room.tokens[0], 3, {"choose": "a"}) == (True, "")


def test_a_turn_that_passed_with_no_answer_is_told_to_every_phone_until_the_next_decision():
    room = Room([{"name": "Owls"}, {"name": "Foxes"}])
    room.publish(Decision(3, "choice", frozenset({0}), {0: {}}), {}, "en")
    room.publish(Decision(4, "choice", frozenset({1}), {1: {}}), {}, "en", missed=0)
    assert room.view_for(0)["state"] == "wait" and room.view_for(0)["time_up"] == {"passed": True, "team": "Owls", "you": True}
    assert room.view_for(1)["state"] == "answer" and room.view_for(1)["time_up"] == {"passed": True, "team": "Owls", "you": False}
    room.publish(Decision(4, "choice", frozenset({1}), {1: {}}), {}, "bg")  # the same decision again (a language change)
    assert room.view_for(1)["time_up"]["passed"]
    room.publish(Decision(5, "choice", frozenset({0}), {0: {}}), {}, "en")
    assert room.view_for(0)["time_up"] is None and room.view_for(1)["time_up"] is None


def test_a_reissued_link_replaces_the_old_one():
    room = Room([{"name": "Owls"}, {"name": "Foxes"}])
    told: list[int] = []
    room.reissued.append(told.append)
    old = room.tokens[1]
    new = room.reissue(1)
    assert new != old and room.team_for(new) == 1 and room.team_for(old) is None and told == [1]
    assert room.tokens[0] != new
