"""One POST of statements to an LRS, with the standard library (urllib).

Why urllib and not aiohttp: the sender is one background thread posting a
batch at a time, so blocking I/O is the simplest correct tool; the game
has no asyncio loop to share, and urllib adds no dependency to a desktop
game that must install everywhere.
"""

from __future__ import annotations

import base64
import json
import socket
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from game.xapi.config import LrsConfig
from game.xapi.vocab import VERSION

TIMEOUT_S = 20.0
ANSWER_CHARS = 500


@dataclass(frozen=True)
class Answer:
    """What the LRS said: its HTTP status (0 when it could not be reached) and the start of its answer."""

    status: int
    text: str

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    @property
    def unauthorized(self) -> bool:
        return self.status in (401, 403)

    @property
    def refused(self) -> bool:
        """The LRS refused these statements for what they are (retrying the same will not help)."""
        return 400 <= self.status < 500 and self.status not in (401, 403, 408, 429)


def _headers(config: LrsConfig) -> dict[str, str]:
    headers = {"Content-Type": "application/json; charset=utf-8", "X-Experience-API-Version": VERSION}
    if config.key or config.secret:
        token = base64.b64encode(f"{config.key}:{config.secret}".encode("utf-8")).decode("ascii")
        headers["Authorization"] = f"Basic {token}"
    return headers


def post(config: LrsConfig, body: bytes, timeout: float = TIMEOUT_S) -> Answer:
    """POST a JSON array of statements to the LRS's statements resource."""
    return _call(urllib.request.Request(config.statements_url, data=body, headers=_headers(config), method="POST"), config, timeout, ANSWER_CHARS)


MAX_STATEMENTS = 200_000


def fetch(config: LrsConfig, query: dict[str, str], timeout: float = TIMEOUT_S) -> tuple[list[dict], Answer]:
    """Statements matching ``query`` (xAPI's GET parameters), following ``more`` links; and the last answer (not ok: what went wrong)."""
    found: list[dict] = []
    url = config.statements_url + "?" + urllib.parse.urlencode(query)
    parts = urllib.parse.urlsplit(config.statements_url)
    while url and len(found) < MAX_STATEMENTS:
        answer = _call(urllib.request.Request(url, headers=_headers(config)), config, timeout, None)
        if not answer.ok:
            return found, answer
        try:
            page = json.loads(answer.text)
        except ValueError:
            return found, Answer(0, f"{config.shown()} answered something that is not xAPI JSON")
        found += [s for s in page.get("statements", []) if isinstance(s, dict)] if isinstance(page, dict) else []
        more = page.get("more") if isinstance(page, dict) else None
        url = urllib.parse.urljoin(f"{parts.scheme}://{parts.netloc}", more) if isinstance(more, str) and more else ""
    return found, Answer(200, "")


def _call(request: urllib.request.Request, config: LrsConfig, timeout: float, limit: int | None) -> Answer:
    try:
        with urllib.request.urlopen(request, timeout=timeout) as reply:
            return Answer(reply.status, (reply.read(limit) if limit else reply.read()).decode("utf-8", "replace"))
    except urllib.error.HTTPError as exc:
        try:
            text = exc.read(ANSWER_CHARS).decode("utf-8", "replace")
        except OSError:
            text = ""
        return Answer(exc.code, text or str(exc.reason))
    except (urllib.error.URLError, socket.timeout, ConnectionError, OSError) as exc:
        reason = getattr(exc, "reason", None) or exc
        return Answer(0, f"cannot reach {config.shown()}: {reason}")
    except ValueError as exc:  # an endpoint urllib cannot use
        return Answer(0, f"cannot use {config.shown()}: {exc}")


def about(config: LrsConfig, timeout: float = 10.0) -> Answer:
    """GET the LRS's ``/about`` resource (xAPI 1.0.3, 7.7): the xAPI versions it speaks. Some LRSs (Ralph 5.1) have none: 404."""
    url = config.statements_url[: -len("statements")] + "about"
    return _get(url, config, timeout)


def check_key(config: LrsConfig, timeout: float = 10.0) -> Answer:
    """GET one statement with the key and secret: 200 when the LRS accepts them (``/about`` needs no key, so it cannot tell)."""
    url = config.statements_url + "?" + urllib.parse.urlencode({"limit": "1"})
    return _get(url, config, timeout)


def _get(url: str, config: LrsConfig, timeout: float) -> Answer:
    """A GET, with an endpoint urllib cannot use (no scheme, empty) answered as such rather than raised."""
    try:
        request = urllib.request.Request(url, headers=_headers(config))
    except ValueError as exc:
        return Answer(0, f"cannot use {config.shown()}: {exc}")
    return _call(request, config, timeout, ANSWER_CHARS)


def versions(answer: Answer) -> list[str]:
    """The xAPI versions an ``/about`` answer lists (none when it is not one)."""
    try:
        found = json.loads(answer.text).get("version") if answer.ok else None
    except (ValueError, AttributeError, RecursionError):
        return []
    return [v for v in found if isinstance(v, str)] if isinstance(found, list) else []
