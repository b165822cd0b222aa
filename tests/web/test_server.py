"""The phones' server, started for real on the loopback address and attacked the
ways a phone in a public room could: forged tokens, closed decisions, oversized
and malformed messages, floods of connections and messages, path traversal,
trainer actions; and the clear refusal when the port is taken."""

from __future__ import annotations

import asyncio
import json
import socket

import aiohttp
import pytest

from game.web.room import MAX_MESSAGE, Decision, Room
from game.web.server import Limits, PhoneServer, ServerError

TEAMS = [{"name": "Owls"}, {"name": "Foxes"}, {"name": "Сови"}]


@pytest.fixture
def served():
    room = Room(TEAMS)
    room.publish(Decision(5, "choice", frozenset({0}), {0: {"text": "Q?", "options": [{"id": "a", "text": "A"}]}}), {"wait": "Wait"}, "en")
    server = PhoneServer(room, "127.0.0.1", 0, limits=Limits(messages_per_second=2, burst=4, per_address=6, connections=20))
    server.start()
    yield room, server
    server.stop()


def run(coroutine):
    return asyncio.run(coroutine)


async def post(server, path, body, raw: bytes | None = None):
    async with aiohttp.ClientSession() as s:
        data = raw if raw is not None else json.dumps(body).encode()
        async with s.post(server.url + path, data=data, headers={"Content-Type": "application/json"}) as r:
            return r.status, (await r.json() if r.content_type == "application/json" else await r.text())


async def get(server, path):
    async with aiohttp.ClientSession() as s:
        async with s.get(server.url + path) as r:
            return r.status, await r.read()


def answer(token, decision=5, body=None):
    return {"type": "answer", "token": token, "decision": decision, "answer": body or {"choose": "a"}}


async def past_views(ws) -> dict:
    """The next message that is not a view: the update a phone's own join causes may still be on its way."""
    while True:
        said = json.loads((await ws.receive(timeout=5)).data)
        if said.get("type") != "view":
            return said


def test_a_forged_token_is_refused_over_http_and_websocket(served):
    room, server = served
    status, body = run(post(server, "/api/answer", answer("A" * 24)))
    assert status == 403 and body["error"] == "token"

    async def hello():
        async with aiohttp.ClientSession() as s:
            async with s.ws_connect(server.url + "/ws") as ws:
                await ws.send_str(json.dumps({"type": "hello", "token": room.tokens[0][::-1]}))
                said = json.loads((await ws.receive(timeout=5)).data)
                closed = await ws.receive(timeout=5)
                return said, closed.type

    said, closed = run(hello())
    assert said["error"] == "token" and closed in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
    assert room.take() == []


def test_an_answer_to_a_closed_decision_or_for_another_team_is_refused(served):
    room, server = served
    status, body = run(post(server, "/api/answer", answer(room.tokens[0], decision=4)))
    assert status == 409 and body["error"] == "closed"
    status, body = run(post(server, "/api/answer", answer(room.tokens[1])))
    assert status == 409 and body["error"] == "team"
    status, body = run(post(server, "/api/answer", answer(room.tokens[0])))
    assert status == 200 and [s.team for s in room.take()] == [0]


def test_oversized_and_malformed_messages_are_refused(served):
    room, server = served
    status, _body = run(post(server, "/api/answer", None, raw=b"{" + b" " * (MAX_MESSAGE * 4) + b"}"))
    assert status in (400, 413)
    status, body = run(post(server, "/api/answer", None, raw=b"\xff\xfe not json"))
    assert status == 400 and body["error"] == "bad"
    status, body = run(post(server, "/api/answer", answer(room.tokens[0], body={"choose": 5})))
    assert status == 400 and "answer.choose" in body["message"]

    async def socket_messages():
        async with aiohttp.ClientSession() as s:
            async with s.ws_connect(server.url + "/ws") as ws:
                await ws.send_str(json.dumps({"type": "hello", "token": room.tokens[0]}))
                view = json.loads((await ws.receive(timeout=5)).data)
                await ws.send_str('{"type": "answer", "decision": "five"}')
                bad = await past_views(ws)
                await ws.send_str("x" * (MAX_MESSAGE + 100))
                closed = await ws.receive(timeout=5)
                while closed.type == aiohttp.WSMsgType.TEXT:  # a view already on its way
                    closed = await ws.receive(timeout=5)
                return view, bad, closed

    view, bad, closed = run(socket_messages())
    assert view["type"] == "view" and view["team"]["name"] == "Owls"
    assert bad["error"] == "bad"
    assert closed.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR)
    assert room.take() == []


def test_a_flood_of_connections_and_of_messages_is_cut_off(served):
    room, server = served

    async def flood():
        async with aiohttp.ClientSession() as s:
            sockets, refused = [], 0
            for _ in range(10):
                try:
                    sockets.append(await s.ws_connect(server.url + "/ws"))
                except aiohttp.WSServerHandshakeError as exc:
                    refused += exc.status == 429
            for ws in sockets:
                await ws.close()
            async with s.ws_connect(server.url + "/ws") as ws:  # room again once they closed
                await ws.send_str(json.dumps({"type": "hello", "token": room.tokens[0]}))
                await ws.receive(timeout=5)
                for _ in range(30):
                    if ws.closed:
                        break
                    await ws.send_str(json.dumps(answer(room.tokens[0], decision=4)))
                said = []
                while True:
                    msg = await ws.receive(timeout=5)
                    if msg.type != aiohttp.WSMsgType.TEXT:
                        break
                    said.append(json.loads(msg.data).get("error"))
                return len(sockets), refused, said, ws.close_code

    opened, refused, said, code = run(flood())
    assert opened == 6 and refused == 4  # six a address, the rest refused
    assert "slow" in said and code == 1008
    statuses = [run(post(server, "/api/join", {"code": "WRONG"}))[0] for _ in range(40)]
    assert 429 in statuses


@pytest.mark.parametrize("path", [
    "/static/../server.py", "/static/%2e%2e/server.py", "/static/fonts/../../room.py", "/static/..%2Froom.py",
    "/static//etc/passwd", "/static/%2Fetc%2Fpasswd", "/static/fonts/%2e%2e/%2e%2e/__init__.py", "/../../pyproject.toml",
])
def test_no_file_outside_the_web_folder_is_served(served, path):
    _room, server = served
    status, body = run(get(server, path))
    assert status in (400, 403, 404) and b"import" not in body and b"root:" not in body


def test_the_pages_script_style_and_fonts_come_from_the_game_with_a_strict_policy(served):
    _room, server = served

    async def fetch():
        async with aiohttp.ClientSession() as s:
            found = {}
            for path in ("/", "/static/phone.js", "/static/phone.css", "/static/fonts/NotoSans-Regular.ttf"):
                async with s.get(server.url + path) as r:
                    found[path] = (r.status, r.headers.get("Content-Security-Policy", ""), await r.read())
            return found

    found = run(fetch())
    assert all(status == 200 and "default-src 'self'" in policy for status, policy, _body in found.values())
    page = found["/"][2].decode()
    assert "http://" not in page and "https://" not in page  # nothing from the internet


def test_no_trainer_action_is_reachable_from_the_network(served):
    room, server = served
    for path in ("/api/pause", "/api/end", "/api/reveal", "/api/back", "/api/next", "/api/skip"):
        assert run(post(server, path, {"token": room.tokens[0]}))[0] in (404, 405)
    status, body = run(post(server, "/api/answer", {"type": "end", "token": room.tokens[0]}))
    assert status == 400 and "unknown message type" in body["message"]


def test_a_taken_port_is_refused_with_a_clear_reason():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(ServerError) as caught:
            PhoneServer(Room(TEAMS), "127.0.0.1", port).start()
    assert caught.value.code == "port" and str(port) in str(caught.value)


def test_after_stop_the_port_is_closed():
    server = PhoneServer(Room(TEAMS), "127.0.0.1", 0)
    server.start()
    port = server.port
    server.stop()
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", port)) != 0


async def raw_get(server, path, headers):
    async with aiohttp.ClientSession() as s:
        async with s.get(server.url + path, headers=headers) as r:
            return r.status, await r.json() if r.content_type == "application/json" else await r.text()


def test_a_forged_host_is_refused_on_every_route(served):
    room, server = served
    port = server.port
    for host in (f"evil.example:{port}", f"127.0.0.1.evil.example:{port}", "127.0.0.1", f"127.0.0.1:{port + 1}", ""):
        for path in ("/", f"/t/{room.tokens[0]}", "/static/phone.js", f"/api/view?token={room.tokens[0]}", "/api/words"):
            status, body = run(raw_get(server, path, {"Host": host}))
            assert status == 421 and body["error"] == "host", (host, path, status)
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"LOCALHOST:{port}"):
        assert run(raw_get(server, "/", {"Host": host}))[0] == 200

    async def ws(host):
        async with aiohttp.ClientSession() as s:
            try:
                async with s.ws_connect(server.url + "/ws", headers={"Host": host}):
                    return 101
            except aiohttp.WSServerHandshakeError as exc:
                return exc.status

    assert run(ws(f"rebound.example:{port}")) == 421
    assert room.phones_by_team() == {}


def test_a_foreign_origin_cannot_open_the_websocket_or_send(served):
    room, server = served
    foreign = ("http://evil.example", f"http://evil.example:{server.port}", "null", f"https://127.0.0.1:{server.port}", f"http://127.0.0.1:{server.port + 1}")

    async def ws(origin):
        async with aiohttp.ClientSession() as s:
            try:
                async with s.ws_connect(server.url + "/ws", origin=origin) as sock:
                    await sock.send_str(json.dumps({"type": "hello", "token": room.tokens[0]}))
                    return json.loads((await sock.receive(timeout=5)).data)["type"]
            except aiohttp.WSServerHandshakeError as exc:
                return exc.status

    async def send(origin):
        async with aiohttp.ClientSession() as s:
            async with s.post(server.url + "/api/answer", data=json.dumps(answer(room.tokens[0])), headers={"Origin": origin}) as r:
                return r.status, await r.json()

    for origin in foreign:
        assert run(ws(origin)) == 403
        status, body = run(send(origin))
        assert status == 403 and body["error"] == "origin"
    assert room.take() == []
    assert run(ws(server.url)) == "view"  # the server's own page
    assert run(send(server.url))[0] == 200 and [s.team for s in room.take()] == [0]


def test_a_new_link_disconnects_the_old_phone_with_a_message(served):
    room, server = served
    old = room.tokens[0]

    async def phone():
        async with aiohttp.ClientSession() as s:
            async with s.ws_connect(server.url + "/ws") as ws:
                await ws.send_str(json.dumps({"type": "hello", "token": old}))
                assert json.loads((await ws.receive(timeout=5)).data)["type"] == "view"
                await asyncio.get_running_loop().run_in_executor(None, room.reissue, 0)
                said = await past_views(ws)
                closed = await ws.receive(timeout=5)
                return said, closed.type

    said, closed = run(phone())
    assert said["error"] == "replaced" and "new link" in said["message"]
    assert closed in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
    status, body = run(post(server, "/api/answer", answer(old)))
    assert status == 403 and body["error"] == "token"
    assert run(post(server, "/api/answer", answer(room.tokens[0])))[0] == 200
    for path in ("/api/reissue", "/api/token", "/api/new-link"):  # no route gives a team a new link: only the laptop can
        assert run(post(server, path, {"team": 0}))[0] in (404, 405)
