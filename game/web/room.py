"""The room the phones join: room code, per-team tokens, the open decision,
the messages phones may send and the check of every answer.

Pure (no pygame, no network): the game's loop publishes what each team sees
(:meth:`Room.publish`) and takes the answers phones sent
(:meth:`Room.take`); the web server (:mod:`game.web.server`) only calls
:meth:`Room.join`, :meth:`Room.team_for`, :meth:`Room.view_for` and
:meth:`Room.submit`, from its own thread. Nothing here lets a phone do what
the trainer does: a phone can only answer the open decision for its own team.

When the decision's time is up (:meth:`Room.publish` with ``time_up``) every
phone shows it and no answer is taken until the trainer adds time or skips
the timer; when the turn passed with no answer (``missed``), every phone says
so until the next decision opens. Only the game's loop (the trainer, on the
laptop) can give a team a new link (:meth:`Room.reissue`): the old one stops
working and its phone is told why.

A message from a phone, as JSON (at most :data:`MAX_MESSAGE` bytes)::

    {"type": "hello", "token": "<the team's secret>"}
    {"type": "answer", "token": "...", "decision": 7, "answer": {"choose": "call-and-meet"}}
"""

from __future__ import annotations

import hmac
import json
import queue
import secrets
import threading
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

MAX_MESSAGE = 4096
"""The largest message (bytes) a phone may send; the server refuses larger ones before reading them."""
CODE_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read aloud and typed on a phone
CODE_LENGTH = 5
TOKEN_BYTES = 18

Id = Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=r"^[a-z0-9][a-z0-9-]*$")]
Token = Annotated[str, StringConstraints(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Research(Strict):
    cast: Id
    action: Id


class Choose(Strict):
    choose: Id


class Pick(Strict):
    pick: Annotated[list[Id], Field(max_length=8)]  # empty: nobody, where the scene offers to refuse every card


class DoResearch(Strict):
    research: Research


class Order(Strict):
    order: Annotated[list[Id], Field(min_length=2, max_length=9)]


class Allocate(Strict):
    allocate: Annotated[dict[Id, Annotated[int, Field(ge=0, le=100)]], Field(min_length=1, max_length=6)]


class Propose(Strict):
    propose: Annotated[dict[Id, Id], Field(min_length=1, max_length=6)]


class Concede(Strict):
    concede: Id


class Ask(Strict):
    ask: Id


class Facilitator(Strict):
    facilitator: Literal[True]


class Sign(Strict):
    sign: Literal[True]


class WalkAway(Strict):
    walk_away: Literal[True]


Answer = Union[Choose, Pick, DoResearch, Order, Allocate, Propose, Concede, Ask, Facilitator, Sign, WalkAway]
ANSWER_MODELS: dict[str, type[BaseModel]] = {
    "choose": Choose, "pick": Pick, "research": DoResearch, "order": Order, "allocate": Allocate, "propose": Propose,
    "concede": Concede, "ask": Ask, "facilitator": Facilitator, "sign": Sign, "walk_away": WalkAway,
}
VERBS_BY_KIND = {
    "choice": ("choose",), "event": ("choose",), "pick": ("pick", "research"), "sequence": ("order",), "allocate": ("allocate",),
    "negotiate": ("propose", "concede", "ask", "facilitator", "research", "sign", "walk_away"),
}


class Hello(Strict):
    type: Literal["hello"]
    token: Token


class AnswerMessage(Strict):
    type: Literal["answer"]
    token: Token
    decision: Annotated[int, Field(ge=0, le=1_000_000)]
    answer: Answer


class JoinRequest(Strict):
    """What the room page sends: the room code and, when the trainer lets phones choose, a team."""

    code: Annotated[str, StringConstraints(min_length=1, max_length=12)]
    team: Annotated[int, Field(ge=0, le=7)] | None = None


class MessageError(ValueError):
    """A message that is too large, not JSON or not one a phone may send; ``str()`` says which."""


def parse_message(raw: str | bytes) -> Hello | AnswerMessage:
    """A phone's message, checked for size and shape (raises :class:`MessageError`)."""
    size = len(raw.encode("utf-8") if isinstance(raw, str) else raw)
    if size > MAX_MESSAGE:
        raise MessageError(f"message too large ({size} bytes, at most {MAX_MESSAGE})")
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise MessageError("message is not JSON") from None
    if not isinstance(data, dict):
        raise MessageError("message is not a JSON object")
    model = {"hello": Hello, "answer": AnswerMessage}.get(data.get("type"))  # type: ignore[arg-type]
    if model is None:
        raise MessageError("unknown message type")
    if model is AnswerMessage:
        answer = data.get("answer")
        if not isinstance(answer, dict) or len(answer) != 1 or next(iter(answer)) not in ANSWER_MODELS:
            raise MessageError(f"bad message: answer: one of {', '.join(ANSWER_MODELS)}, such as {{\"choose\": \"option-id\"}}")
        try:
            data = dict(data, answer=ANSWER_MODELS[next(iter(answer))].model_validate(answer))
        except ValidationError as exc:
            raise MessageError(_first_error(exc, "answer")) from None
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise MessageError(_first_error(exc)) from None


def _first_error(exc: ValidationError, prefix: str = "") -> str:
    first = exc.errors()[0]
    where = ".".join([prefix] * bool(prefix) + [str(p) for p in first.get("loc", ())])
    return f"bad message: {where or 'message'}: {first.get('msg', 'invalid')}"


def answer_dict(answer: BaseModel) -> dict[str, Any]:
    """The engine's answer from a checked model: {"choose": "id"}, {"research": {"cast": .., "action": ..}}..."""
    return answer.model_dump()


def new_code(rng: Any = secrets) -> str:
    return "".join(rng.choice(CODE_LETTERS) for _ in range(CODE_LENGTH))


@dataclass
class Decision:
    """The open decision: its number, its kind, which teams may answer it and what each team sees."""

    number: int
    kind: str
    teams: frozenset[int]
    views: dict[int, dict] = field(default_factory=dict)  # team -> the decision as that team's phone shows it


@dataclass
class Submission:
    """An answer that passed the room's checks, waiting for the game's loop."""

    team: int
    decision: int
    answer: dict[str, Any]
    received: float = 0.0


class Room:
    """Teams, their tokens and phones, the open decision, and the answers waiting for the game.

    Thread-safe: the server's thread and the game's loop share it under one lock.
    """

    def __init__(self, teams: list[dict], choose_team: bool = False, code: str | None = None, clock: Any = None):
        if not 1 <= len(teams) <= 8:
            raise ValueError("a room has 1 to 8 teams")
        self.teams = [dict(t) for t in teams]  # {"name", "colour", "symbol"}
        self.code = code or new_code()
        self.tokens = [secrets.token_urlsafe(TOKEN_BYTES) for _ in teams]
        self.choose_team = choose_team
        self.claimed: set[int] = set()
        self.phones: dict[int, int] = {}  # team -> live connections
        self.joins: dict[int, int] = {}  # team -> phones that have connected so far (a new link's phone shows as one more)
        self.answered: set[int] = set()  # teams that answered the open decision
        self.status: dict[int, dict] = {}  # team -> the last word on its answer {"state": "accepted"|"refused", "reason": ...}
        self.decision: Decision | None = None
        self.words: dict[str, str] = {}
        self.language = "en"
        self.ended = False
        self.paused = False
        self.time_up = False  # the open decision's time ran out: answers locked until the trainer decides
        self.missed: tuple[int, int | None] | None = None  # (team whose turn passed with no answer, the decision opened after it)
        self.version = 0
        self.inbox: queue.Queue[Submission] = queue.Queue()
        self.lock = threading.Lock()
        self.listeners: list[Any] = []  # called (without the lock) after every change: the server pushes the views
        self.reissued: list[Any] = []  # called (without the lock) with a team whose link the trainer replaced: the server closes its phones
        self._clock = clock

    # ----- what the server asks ----------------------------------------------------------
    def team_for(self, token: Any) -> int | None:
        """The team a token belongs to (compared in constant time), or None."""
        if not isinstance(token, str):
            return None
        found = None
        for index, secret in enumerate(self.tokens):
            if hmac.compare_digest(secret.encode(), token.encode("utf-8", "replace")):
                found = index
        return found

    def code_matches(self, code: str) -> bool:
        return hmac.compare_digest(self.code.encode(), code.strip().upper().encode("utf-8", "replace"))

    def join(self, code: str, team: int | None = None) -> tuple[int, str] | list[dict] | str:
        """(team, token) for a phone on the room page; the teams to choose from when the trainer lets phones
        choose and none was named; or why not: ``code`` (wrong room code), ``choose`` (the trainer gives
        teams; no choosing), ``team`` (no such team), ``full`` (every team has a phone)."""
        if not self.code_matches(code):
            return "code"
        with self.lock:
            if team is None and self.choose_team:
                return [{"index": i, "name": t.get("name", ""), "phones": self.phones.get(i, 0)} for i, t in enumerate(self.teams)]
            if team is not None:
                if not self.choose_team:
                    return "choose"
                if not 0 <= team < len(self.teams):
                    return "team"
            else:
                free = [i for i in range(len(self.teams)) if i not in self.claimed]
                if not free:
                    return "full"
                team = free[0]
            self.claimed.add(team)
            self.version += 1
        self._changed()
        return team, self.tokens[team]

    def connected(self, team: int, delta: int) -> None:
        with self.lock:
            self.phones[team] = max(0, self.phones.get(team, 0) + delta)
            if delta > 0:
                self.joins[team] = self.joins.get(team, 0) + delta
            self.claimed.add(team)
            self.version += 1
        self._changed()

    def words_now(self) -> dict:
        """The page's words in the session's language (no secret: the room page shows them before joining)."""
        with self.lock:
            return {"lang": self.language, "words": self.words}

    def view_for(self, team: int) -> dict:
        """What a team's phone shows now (JSON-ready)."""
        with self.lock:
            return self._view(team)

    def _view(self, team: int) -> dict:
        d = self.decision
        look = self.teams[team]
        base = {"type": "view", "version": self.version, "lang": self.language, "words": self.words,
                "team": {"index": team, "name": look.get("name", ""), "colour": look.get("colour", ""), "symbol": look.get("symbol", "")}}
        if self.ended:
            return base | {"state": "ended"}
        if self.paused:
            return base | {"state": "paused"}
        base["time_up"] = self._time_up(team)
        if d is None or team not in d.teams:
            return base | {"state": "wait", "status": self.status.get(team)}
        state = "answered" if team in self.answered else ("locked" if self.time_up else "answer")
        return base | {"state": state, "decision": d.number, "kind": d.kind, "scene": d.views.get(team, {}), "status": self.status.get(team)}

    def _time_up(self, team: int) -> dict | None:
        """What a phone says of a time-up: answers locked (the trainer decides), or whose turn passed with no answer."""
        if self.time_up:
            return {"locked": True}
        number = self.decision.number if self.decision is not None else None
        if self.missed is not None and self.missed[1] == number:
            who = self.missed[0]
            return {"passed": True, "team": self.teams[who].get("name", ""), "you": who == team}
        return None

    def submit(self, token: str, number: int, answer: dict[str, Any], received: float = 0.0) -> tuple[bool, str]:
        """Check an answer from a phone and queue it for the game: (accepted, reason when not).
        Reasons: ``token``, ``closed`` (not the open decision), ``time`` (its time is up), ``team`` (not this team's),
        ``verb`` (not a way to answer it)."""
        team = self.team_for(token)
        if team is None:
            return False, "token"
        with self.lock:
            d = self.decision
            if d is None or self.ended or self.paused or d.number != number:
                return False, "closed"
            if self.time_up:
                return False, "time"
            if team not in d.teams:
                return False, "team"
            verb = next(iter(answer), "")
            if verb not in VERBS_BY_KIND.get(d.kind, ()):
                return False, "verb"
            self.status[team] = {"state": "sent"}
            self.version += 1
        self.inbox.put(Submission(team, number, answer, received))
        self._changed()
        return True, ""

    # ----- what the game's loop does ----------------------------------------------------------
    def publish(self, decision: Decision | None, words: dict[str, str], language: str, paused: bool = False, ended: bool = False,
                time_up: bool = False, missed: int | None = None) -> None:
        """A new open decision (or none); answers to the last one are dropped. ``time_up``: its time ran out and answers
        are locked; ``missed``: the team whose turn just passed with no answer (every phone says so until the next decision)."""
        with self.lock:
            same = self.decision is not None and decision is not None and self.decision.number == decision.number
            if not same:
                self.answered = set()
                self.status = {}
                self._drain()
            if missed is not None and 0 <= missed < len(self.teams):
                self.missed = (missed, decision.number if decision is not None else None)
            self.decision, self.words, self.language, self.paused, self.ended = decision, dict(words), language, paused, ended
            self.time_up = bool(time_up) and decision is not None
            self.version += 1
        self._changed()

    def reissue(self, team: int) -> str:
        """A new secret link for ``team`` (its phone was lost or flat): the old token stops working at once and
        the phones that used it are closed with a message. Only the game's loop calls this: no message reaches it."""
        with self.lock:
            if not 0 <= team < len(self.teams):
                raise ValueError(f"no team {team}")
            self.tokens[team] = secrets.token_urlsafe(TOKEN_BYTES)
            self.status.pop(team, None)
            self.version += 1
            token = self.tokens[team]
        for listener in list(self.reissued):
            listener(team)
        self._changed()
        return token

    def take(self) -> list[Submission]:
        """The answers that arrived since the last call, for the open decision only."""
        found = []
        while True:
            try:
                item = self.inbox.get_nowait()
            except queue.Empty:
                return found
            with self.lock:
                if self.decision is not None and item.decision == self.decision.number:
                    found.append(item)

    def settle(self, team: int, accepted: bool, reason: str = "", answered: bool = True) -> None:
        """The game's word on a team's answer: accepted (the team has answered) or refused (with the reason shown)."""
        with self.lock:
            self.status[team] = {"state": "accepted" if accepted else "refused", "reason": reason}
            if accepted and answered:
                self.answered.add(team)
            self.version += 1
        self._changed()

    def answered_teams(self) -> set[int]:
        with self.lock:
            return set(self.answered)

    def joined(self, team: int) -> int:
        with self.lock:
            return self.joins.get(team, 0)

    def phones_by_team(self) -> dict[int, int]:
        with self.lock:
            return dict(self.phones)

    def _drain(self) -> None:
        while True:
            try:
                self.inbox.get_nowait()
            except queue.Empty:
                return

    def _changed(self) -> None:
        for listener in list(self.listeners):
            listener()


def text_in(value: Any, language: str) -> str:
    """A language map's text in ``language`` (else English, else any); plain strings as they are."""
    if value is None:
        return ""
    if hasattr(value, "model_dump"):
        value = value.model_dump()
    if isinstance(value, dict):
        return str(value.get(language) or value.get("en") or next((v for v in value.values() if v), ""))
    return str(value)


def scene_view(session: Any, language: str, element_names: dict[str, str] | None = None) -> dict:
    """A scene as a phone shows it: title, text and what can be answered (ids and texts, never evidence or feedback).
    ``element_names``: the agreement's parts in ``language`` (goals, period...), for clauses without a label."""
    scene = session.scene
    scenario = session.scenario
    t = lambda v: text_in(v, language)  # noqa: E731
    view: dict[str, Any] = {"title": t(scene.title), "text": t(session.text_of(scene))}
    kind = scene.kind
    if kind == "event":
        view["headline"] = t(scene.headline)
    if kind in ("choice", "event"):
        view["options"] = [{"id": o.id, "text": t(o.text)} for o in session.options()]
    elif kind == "pick":
        view["count"] = scene.count
        view["cards"] = [_card(session, card.cast, language) for card in scene.pool]
        refuse = getattr(scene, "refuse", None)
        if refuse is not None:
            view["refuse"] = t(refuse.text)
    elif kind == "sequence":
        steps = {s.id: t(s.text) for s in scene.steps}
        view["steps"] = [{"id": i, "text": steps[i]} for i in session.shuffled_steps()]
    elif kind == "allocate":
        view["points"] = scene.points
        view["must_spend_all"] = scene.must_spend_all
        view["options"] = [{"id": o.id, "text": t(o.text)} for o in scene.options]
    elif kind == "negotiate":
        record = session.state.negotiations.get(session.scene_id)
        who = scenario.cast_by_id.get(scene.counterpart)
        view["counterpart"] = t(who.name) if who is not None else scene.counterpart
        view["patience"] = record.patience if record else scene.patience
        agreed = dict(record.agreed) if record else {}
        counters = dict(record.counters) if record else {}
        asked = list(record.asked) if record else []
        view["clauses"] = [{
            "element": c.element, "label": t(c.label) if c.label else (element_names or {}).get(c.element, c.element),
            "terms": [{"id": term.id, "text": t(term.text)} for term in c.terms],
            "agreed": agreed.get(c.element), "counter": counters.get(c.element), "asked": c.element in asked,
        } for c in scene.clauses]
        view["can_sign"] = bool(agreed)
    return view


def _card(session: Any, cast_id: str, language: str) -> dict:
    """A cast card: its name, the traits known now (visible, and hidden ones research revealed) and its research actions."""
    member = session.scenario.cast_by_id.get(cast_id)
    if member is None:
        return {"id": cast_id, "name": cast_id, "traits": [], "research": []}
    known = dict(member.visible or {})
    hidden = getattr(member, "hidden", {}) or {}
    for name in session.state.revealed.get(cast_id, []):
        if name in hidden:
            known[name] = hidden[name]
    traits = getattr(session.scenario, "traits", {}) or {}
    shown = []
    for name, value in known.items():
        trait = traits.get(name)
        label = text_in(trait.name, language) if trait is not None else name
        values = getattr(trait, "values", {}) or {}
        shown.append(f"{label}: {text_in(values.get(str(value)), language) or value}")
    done = session.state.researched.get(cast_id, [])
    research = [{"id": a.id, "label": text_in(a.label, language)} for a in getattr(member, "research", []) if a.id not in done]
    return {"id": cast_id, "name": text_in(member.name, language), "traits": shown, "research": research}
