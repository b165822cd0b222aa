"""The phones' web server: aiohttp on the laptop's own network address, in a
thread with its own event loop, for as long as a workshop with phones runs.

Routes (nothing else answers)::

    GET  /                 the page (asks for the room code)
    GET  /r/<code>         the room page: a phone joins (is given a team, or picks one if the trainer allows)
    GET  /t/<token>        a team's page (the join link; the token is the team's secret)
    GET  /static/<name>    a file of game/web/static/ (only those listed when the server started)
    POST /api/join         {"code": "K7P2Q", "team": 2}         -> {"token": ..., "team": 2}
    GET  /api/words        the page's words in the session's language
    GET  /api/view?token=  what the team's phone shows now (the fallback when WebSockets fail)
    POST /api/answer       {"type": "answer", ...}               (the fallback for answers)
    GET  /ws               WebSocket: {"type": "hello", "token": ...} first, then answers; views are pushed

Every message is size-limited and checked by :mod:`game.web.room`; every
connection has a rate limit; an address may hold only so many connections.
No route reaches a trainer command: phones can only answer.

Every request must name the server by an address it serves in its ``Host``
header (its own address on the local network, or the loopback one, with the
port): a page on another site that points its name at the laptop (DNS
rebinding) is refused. A WebSocket, a join and an answer from a browser must
come from the server's own pages (``Origin``): another site open in a
phone's browser cannot talk to the room.
"""

from __future__ import annotations

import asyncio
import json
import socket
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from aiohttp import WSMsgType, web

from game.resources import web_folder
from game.web.room import MAX_MESSAGE, JoinRequest, MessageError, Room, answer_dict, parse_message

DEFAULT_PORT = 8470
HELLO_SECONDS = 5.0
CONTENT_TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
                 ".ttf": "font/ttf", ".svg": "image/svg+xml", ".png": "image/png", ".txt": "text/plain; charset=utf-8", ".ico": "image/x-icon"}
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                               "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}


LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")


def host_names(host: str, port: int) -> frozenset[str]:
    """Every ``Host`` header the server answers to (lower case): its own address and the loopback names, with the port
    (and without it on port 80). A server on every interface (0.0.0.0) answers at the laptop's addresses on the network."""
    addresses = {host, *LOOPBACK_NAMES}
    if host in ("0.0.0.0", "::", ""):
        addresses |= set(local_addresses())
    names = set()
    for address in addresses:
        shown = f"[{address}]" if ":" in address else address
        names.add(f"{shown}:{port}".lower())
        if port == 80:
            names.add(shown.lower())
    return frozenset(names)


def local_addresses() -> list[str]:
    """The laptop's own IPv4 addresses that phones could use (its address on the Wi-Fi first)."""
    found = [a for a in [lan_address()] if a]
    try:
        found += [a for a in socket.gethostbyname_ex(socket.gethostname())[2] if a not in found]
    except OSError:
        pass
    return found


class ServerError(Exception):
    """The server could not start: ``code`` is ``port`` (the port is taken), ``address`` (no such address here)
    or ``failed``; ``str()`` says what happened."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


@dataclass
class Limits:
    """How much one phone, one address and the whole room may do."""

    messages_per_second: float = 4.0
    burst: int = 12
    per_address: int = 12
    connections: int = 96


class Bucket:
    """A token bucket: ``allow()`` is False once more than ``burst`` requests come faster than ``rate`` a second."""

    def __init__(self, rate: float, burst: int, clock: Callable[[], float] = time.monotonic):
        self.rate, self.burst, self.clock = rate, burst, clock
        self.tokens, self.at = float(burst), clock()

    def allow(self) -> bool:
        now = self.clock()
        self.tokens = min(self.burst, self.tokens + (now - self.at) * self.rate)
        self.at = now
        if self.tokens >= 1:
            self.tokens -= 1
            return True
        return False


def lan_address() -> str | None:
    """The laptop's address on the local network (the Wi-Fi's), or None when it has none.
    No packet is sent: connecting a UDP socket only picks the interface a packet would leave by."""
    for probe in ("192.168.0.1", "10.0.0.1", "172.16.0.1", "192.0.2.1"):
        try:
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
                s.connect((probe, 9))
                address = s.getsockname()[0]
        except OSError:
            continue
        if address and not address.startswith("127.") and address != "0.0.0.0":
            return address
    try:
        for address in socket.gethostbyname_ex(socket.gethostname())[2]:
            if not address.startswith("127."):
                return address
    except OSError:
        pass
    return None


def static_files(folder: Path | None = None) -> dict[str, Path]:
    """Every file of the web folder by its name under /static/ (the only files ever served)."""
    root = (folder or web_folder()).resolve()
    return {p.relative_to(root).as_posix(): p for p in sorted(root.rglob("*")) if p.is_file() and not p.is_symlink() and p.suffix in CONTENT_TYPES}


class PhoneServer:
    """Serves one :class:`Room`; ``start()`` binds (raising :class:`ServerError`), ``stop()`` closes every connection.

    ``wake`` is called from the server's thread whenever a phone sent something, so the game's loop looks at the room.
    """

    def __init__(self, room: Room, host: str, port: int = DEFAULT_PORT, wake: Callable[[], None] | None = None,
                 limits: Limits | None = None, folder: Path | None = None):
        self.room, self.host, self.port = room, host, port
        self.wake = wake or (lambda: None)
        self.limits = limits or Limits()
        self.files = static_files(folder)
        self.sockets: dict[web.WebSocketResponse, int | None] = {}
        self.by_address: dict[str, int] = {}
        self.buckets: dict[str, Bucket] = {}
        self.file_buckets: dict[str, Bucket] = {}
        self.loop: asyncio.AbstractEventLoop | None = None
        self.thread: threading.Thread | None = None
        self.runner: web.AppRunner | None = None
        self._pending = False
        self._sent: dict[web.WebSocketResponse, int] = {}
        self.refused = 0  # connections refused by the limits (for the tests and the benchmark)
        self.hosts: frozenset[str] = frozenset()  # the Host headers answered (known once the port is)

    # ----- addresses ------------------------------------------------------------------------
    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def room_url(self) -> str:
        return f"{self.url}/r/{self.room.code}"

    def join_url(self, team: int) -> str:
        return f"{self.url}/t/{self.room.tokens[team]}"

    # ----- start and stop -------------------------------------------------------------------
    def start(self, timeout: float = 10.0) -> None:
        started = threading.Event()
        failure: list[BaseException] = []

        def main() -> None:
            loop = asyncio.new_event_loop()
            self.loop = loop
            asyncio.set_event_loop(loop)
            try:
                loop.run_until_complete(self._open())
            except BaseException as exc:  # reported to start(), which raises it as a ServerError
                failure.append(exc)
                started.set()
                loop.close()
                return
            started.set()
            try:
                loop.run_forever()
            finally:
                loop.run_until_complete(self._close())
                loop.close()

        self.thread = threading.Thread(target=main, name="bridges-phones", daemon=True)
        self.thread.start()
        if not started.wait(timeout):
            raise ServerError("failed", "the phones' server did not start in time")
        if failure:
            raise _server_error(failure[0], self.host, self.port)
        self.room.listeners.append(self._changed)
        self.room.reissued.append(self._reissued)

    async def _open(self) -> None:
        app = web.Application(client_max_size=MAX_MESSAGE, middlewares=[self._headers, self._guard])
        app.router.add_get("/", self._page)
        app.router.add_get("/r/{code}", self._page)
        app.router.add_get("/t/{token}", self._page)
        app.router.add_get("/static/{name:.+}", self._static)
        app.router.add_post("/api/join", self._join)
        app.router.add_get("/api/view", self._view)
        app.router.add_get("/api/words", self._words)
        app.router.add_post("/api/answer", self._answer)
        app.router.add_get("/ws", self._socket)
        self.runner = web.AppRunner(app, access_log=None, handle_signals=False, shutdown_timeout=1.0)
        await self.runner.setup()
        site = web.TCPSite(self.runner, self.host, self.port, reuse_address=False, backlog=64)
        await site.start()
        if self.port == 0:
            server = site._server  # the port the system chose
            self.port = server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.hosts = host_names(self.host, self.port)

    async def _close(self) -> None:
        for ws in list(self.sockets):
            await ws.close(code=1001, message=b"the workshop has ended")
        if self.runner is not None:
            await self.runner.cleanup()

    def stop(self) -> None:
        """Close every connection and the port (from the game's thread; waits at most two seconds)."""
        if self._changed in self.room.listeners:
            self.room.listeners.remove(self._changed)
        if self._reissued in self.room.reissued:
            self.room.reissued.remove(self._reissued)
        loop, thread = self.loop, self.thread
        if loop is not None and thread is not None and thread.is_alive():
            loop.call_soon_threadsafe(self._send_all_then_stop)
            thread.join(2.0)
        self.thread = None

    def _send_all_then_stop(self) -> None:
        async def last() -> None:
            await self._broadcast()
            assert self.loop is not None
            self.loop.stop()

        asyncio.ensure_future(last())

    # ----- a team's new link ------------------------------------------------------------------------
    def _reissued(self, team: int) -> None:
        """From the game's thread: the trainer gave ``team`` a new link; its phones are told and closed."""
        loop = self.loop
        if loop is not None and not loop.is_closed():
            try:
                loop.call_soon_threadsafe(lambda: asyncio.ensure_future(self._close_team(team)))
            except RuntimeError:  # the loop has just closed
                pass

    async def _close_team(self, team: int) -> None:
        for ws, owner in list(self.sockets.items()):
            if owner == team and not ws.closed:
                self.sockets[ws] = None  # no more views for this phone
                await self._send(ws, {"type": "error", "error": "replaced",
                                      "message": "the trainer gave this team a new link: another phone answers for it now"})
                await ws.close(code=4000, message=b"replaced by a new link")

    # ----- pushing views ------------------------------------------------------------------------
    def _changed(self) -> None:
        loop = self.loop
        if loop is not None and not loop.is_closed():
            try:
                loop.call_soon_threadsafe(self._schedule)
            except RuntimeError:  # the loop has just closed
                pass

    def _schedule(self) -> None:
        if not self._pending:
            self._pending = True
            asyncio.ensure_future(self._broadcast())

    async def _broadcast(self) -> None:
        self._pending = False
        views: dict[int, dict] = {}
        sends = []
        for ws, team in list(self.sockets.items()):
            if team is None or ws.closed:
                continue
            view = views.get(team) or views.setdefault(team, self.room.view_for(team))
            if self._sent.get(ws) == view["version"]:
                continue
            self._sent[ws] = view["version"]
            sends.append(self._send(ws, view))
        if sends:
            await asyncio.gather(*sends)

    @staticmethod
    async def _send(ws: web.WebSocketResponse, data: dict) -> None:
        try:
            await ws.send_str(json.dumps(data, ensure_ascii=False))
        except (ConnectionError, RuntimeError):
            pass

    # ----- limits -------------------------------------------------------------------------------
    def _address(self, request: web.Request) -> str:
        return request.remote or "?"

    def _allow(self, request: web.Request, files: bool = False) -> bool:
        """The per-address rate limit of the HTTP routes. The page and its files (``files``) have their own,
        wider bucket: a room's phones may share one address (one laptop's browsers in the tests, a Wi-Fi that
        hides them behind one), and each page load fetches several files before it joins."""
        address = self._address(request)
        buckets = self.file_buckets if files else self.buckets
        bucket = buckets.get(address)
        if bucket is None:
            if len(buckets) > 4096:
                buckets.clear()
            rate, burst = self.limits.messages_per_second * 4, self.limits.burst * 2
            bucket = buckets[address] = Bucket(rate * 8, burst * 8) if files else Bucket(rate, burst)
        return bucket.allow()

    @web.middleware
    async def _guard(self, request: web.Request, handler: Callable) -> web.StreamResponse:
        """Only requests that name this server (``Host``) and, from a browser, come from its own pages (``Origin``)."""
        host = request.headers.get("Host", "").strip().lower()
        if host not in self.hosts:
            return _refuse(421, "host", f"this server answers only at its own address ({self.url}); open that address")
        origin = request.headers.get("Origin")
        if origin is not None and (request.method != "GET" or request.path == "/ws") and not _same_origin(origin, self.hosts):
            return _refuse(403, "origin", "only the workshop's own page may send to this server")
        return await handler(request)

    @web.middleware
    async def _headers(self, request: web.Request, handler: Callable) -> web.StreamResponse:
        try:
            response = await handler(request)
        except web.HTTPException as exc:  # aiohttp's own 404, 405, 413: with the same headers
            for name, value in SECURITY_HEADERS.items():
                exc.headers.setdefault(name, value)
            raise
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    # ----- routes ---------------------------------------------------------------------------------
    async def _page(self, request: web.Request) -> web.StreamResponse:
        if not self._allow(request, files=True):
            return _refuse(429, "slow", "too many requests; wait a moment")
        return self._file("index.html")

    async def _static(self, request: web.Request) -> web.StreamResponse:
        if not self._allow(request, files=True):
            return _refuse(429, "slow", "too many requests; wait a moment")
        return self._file(request.match_info["name"])

    def _file(self, name: str) -> web.StreamResponse:
        path = self.files.get(name)
        if path is None:
            return _refuse(404, "missing", "no such file")
        headers = {"Content-Type": CONTENT_TYPES[path.suffix]}
        if path.suffix == ".ttf":
            headers["Cache-Control"] = "max-age=86400"
        return web.Response(body=path.read_bytes(), headers=headers)

    async def _json(self, request: web.Request) -> Any:
        if request.content_length is not None and request.content_length > MAX_MESSAGE:
            raise MessageError(f"message too large ({request.content_length} bytes, at most {MAX_MESSAGE})")
        body = await request.content.read(MAX_MESSAGE + 1)
        if len(body) > MAX_MESSAGE:
            raise MessageError(f"message too large (at most {MAX_MESSAGE} bytes)")
        return body

    async def _join(self, request: web.Request) -> web.StreamResponse:
        if not self._allow(request):
            return _refuse(429, "slow", "too many requests; wait a moment")
        try:
            raw = await self._json(request)
            asked = JoinRequest.model_validate_json(raw)
        except (MessageError, ValueError) as exc:
            return _refuse(400, "bad", str(exc).splitlines()[0][:200])
        found = self.room.join(asked.code, asked.team)
        if isinstance(found, list):
            return web.json_response({"teams": found}, dumps=lambda d: json.dumps(d, ensure_ascii=False))
        if isinstance(found, str):
            return _refuse(403 if found in ("code", "choose") else 409, found, f"cannot join: {found}")
        team, token = found
        return web.json_response({"team": team, "token": token})

    async def _words(self, request: web.Request) -> web.StreamResponse:
        if not self._allow(request):
            return _refuse(429, "slow", "too many requests; wait a moment")
        return web.json_response(self.room.words_now(), dumps=lambda d: json.dumps(d, ensure_ascii=False))

    async def _view(self, request: web.Request) -> web.StreamResponse:
        if not self._allow(request):
            return _refuse(429, "slow", "too many requests; wait a moment")
        team = self.room.team_for(request.query.get("token", ""))
        if team is None:
            return _refuse(403, "token", "this link is not a team's link")
        return web.json_response(self.room.view_for(team), dumps=lambda d: json.dumps(d, ensure_ascii=False))

    async def _answer(self, request: web.Request) -> web.StreamResponse:
        if not self._allow(request):
            return _refuse(429, "slow", "too many requests; wait a moment")
        try:
            message = parse_message(await self._json(request))
        except MessageError as exc:
            return _refuse(400, "bad", str(exc))
        if message.type != "answer":
            return _refuse(400, "bad", "send an answer here")
        ok, reason = self.room.submit(message.token, message.decision, answer_dict(message.answer), time.perf_counter())
        if not ok:
            return _refuse(403 if reason == "token" else 409, reason, f"answer refused: {reason}")
        self.wake()
        return web.json_response({"type": "ack", "decision": message.decision})

    async def _socket(self, request: web.Request) -> web.StreamResponse:
        address = self._address(request)
        if len(self.sockets) >= self.limits.connections or self.by_address.get(address, 0) >= self.limits.per_address:
            self.refused += 1
            return _refuse(429, "full", "too many connections")
        ws = web.WebSocketResponse(max_msg_size=MAX_MESSAGE, heartbeat=20.0, autoping=True)
        await ws.prepare(request)
        self.sockets[ws] = None
        self.by_address[address] = self.by_address.get(address, 0) + 1
        team: int | None = None
        bucket = Bucket(self.limits.messages_per_second, self.limits.burst)
        try:
            team = await self._hello(ws)
            if team is None:
                return ws
            self.sockets[ws] = team
            self.room.connected(team, +1)
            self.wake()
            view = self.room.view_for(team)
            self._sent[ws] = view["version"]
            await self._send(ws, view)
            async for msg in ws:
                if msg.type != WSMsgType.TEXT:
                    await ws.close(code=1003, message=b"text messages only")
                    break
                if not bucket.allow():
                    await self._send(ws, {"type": "error", "error": "slow", "message": "too many messages"})
                    await ws.close(code=1008, message=b"too many messages")
                    break
                await self._message(ws, team, msg.data)
        finally:
            self.sockets.pop(ws, None)
            self._sent.pop(ws, None)
            self.by_address[address] = self.by_address.get(address, 1) - 1
            if self.by_address[address] <= 0:
                self.by_address.pop(address, None)
            if team is not None:
                self.room.connected(team, -1)
                self.wake()
        return ws

    async def _hello(self, ws: web.WebSocketResponse) -> int | None:
        """The team of the first message's token; else the socket is closed and None."""
        try:
            msg = await ws.receive(timeout=HELLO_SECONDS)
        except asyncio.TimeoutError:
            await ws.close(code=1008, message=b"say hello first")
            return None
        if msg.type != WSMsgType.TEXT:
            await ws.close(code=1008, message=b"say hello first")
            return None
        try:
            hello = parse_message(msg.data)
        except MessageError as exc:
            await self._send(ws, {"type": "error", "error": "bad", "message": str(exc)})
            await ws.close(code=1008, message=b"bad message")
            return None
        team = self.room.team_for(hello.token) if hello.type == "hello" else None
        if team is None:
            await self._send(ws, {"type": "error", "error": "token", "message": "this link is not a team's link"})
            await ws.close(code=1008, message=b"unknown team")
        return team

    async def _message(self, ws: web.WebSocketResponse, team: int, data: str) -> None:
        try:
            message = parse_message(data)
        except MessageError as exc:
            await self._send(ws, {"type": "error", "error": "bad", "message": str(exc)})
            return
        if message.type != "answer":
            return
        if self.room.team_for(message.token) != team:
            await self._send(ws, {"type": "error", "error": "token", "message": "answer for your own team"})
            return
        ok, reason = self.room.submit(message.token, message.decision, answer_dict(message.answer), time.perf_counter())
        if ok:
            self.wake()
            await self._send(ws, {"type": "ack", "decision": message.decision})
        else:
            await self._send(ws, {"type": "error", "error": reason, "message": f"answer refused: {reason}"})


def _same_origin(origin: str, hosts: frozenset[str]) -> bool:
    """Whether a browser's ``Origin`` is one of the server's own pages (plain HTTP at an address it serves)."""
    origin = origin.strip().lower()
    return origin.startswith("http://") and origin[len("http://"):] in hosts


def _refuse(status: int, code: str, message: str) -> web.Response:
    return web.json_response({"type": "error", "error": code, "message": message}, status=status)


def _server_error(exc: BaseException, host: str, port: int) -> ServerError:
    number = getattr(exc, "errno", None)
    text = str(exc).lower()
    if number in (98, 48, 10048) or "address already in use" in text:
        return ServerError("port", f"port {port} is already in use on {host}")
    if number in (99, 49, 10049, -2, -3, -5) or "assign requested address" in text or isinstance(exc, socket.gaierror):
        return ServerError("address", f"cannot use the address {host} ({exc})")
    if number in (13, 10013):
        return ServerError("denied", f"the system refused port {port} ({exc})")
    return ServerError("failed", f"cannot start the phones' server on {host}:{port} ({exc})")
