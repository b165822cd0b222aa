"""Saved games: three slots and an autosave, as versioned JSON written atomically.

A save file::

    {"kind": "bridges-save", "format": 1, "saved_at": "2026-11-27T10:00:00+00:00",
     "slot": "slot1", "scenario": "demo-river-cleanup", "scenario_hash": "9f2c...",
     "title": {"en": "...", "bg": "..."}, "decisions": 5, "state": {...GameState...}}

Loading refuses, with a message that says what to do, a damaged file, a
foreign file, a save from another format version or another version of the
scenario, and a state that does not replay from its own log. Nothing in a
save is executed (JSON only, validated by strict models). A refused save is
left as it is and no other save is touched.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from game.core.engine import SaveMismatch, Session
from game.core.scenario import Scenario
from game.core.state import GameState
from game.store.atomic import clean_stray, write_atomic
from game.store.paths import data_dir

SLOTS = ("slot1", "slot2", "slot3")
AUTOSAVE = "autosave"
SAVE_FORMAT = 1
MAX_SAVE_BYTES = 5 * 1024 * 1024
MAX_INT_DIGITS = 18      # no number the game writes comes near this; a longer one is a damaged or doctored save
MAX_DEPTH = 64           # a save nests a few levels deep


# Why a save cannot be used, for a UI that shows the reason in the player's language.
SAVE_ERROR_CODES = (
    "empty",           # the slot holds no save
    "unreadable",      # the file system refused to read it
    "damaged",         # an empty, cut-off or hand-edited file
    "foreign",         # not a Bridges save at all (or far too large to be one)
    "format",          # written by another version of Bridges (another save format)
    "other-scenario",  # a save of another scenario
    "changed",         # the scenario file has changed since the save was made
    "replay",          # the decision log no longer replays to the saved state
    "slot",            # no such slot
)


class SaveError(Exception):
    """A save that cannot be used; the message says why and what to do.

    ``code`` names the reason (one of :data:`SAVE_ERROR_CODES`) so a UI can
    say it in the player's language; ``str()`` stays the English message.
    """

    def __init__(self, message: str, code: str = "damaged"):
        super().__init__(message)
        self.code = code


class SaveFile(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid")

    kind: Literal["bridges-save"]
    format: int
    saved_at: str
    slot: str
    scenario: str
    scenario_hash: str
    title: dict[str, str]
    decisions: int
    state: GameState


class SaveInfo(BaseModel):
    """What the load screen shows for a slot (or why it cannot be loaded)."""

    slot: str
    path: str
    scenario: str | None = None
    title: dict[str, str] = {}
    decisions: int = 0
    saved_at: str | None = None
    problem: str | None = None
    code: str | None = None   # the SaveError code of the problem


class SaveStore:
    """The saves folder: ``<data>/saves/<slot>.json``."""

    def __init__(self, folder: Path | None = None):
        self.folder = folder or data_dir() / "saves"
        self.removed_strays = clean_stray(self.folder)

    def path(self, slot: str) -> Path:
        if slot not in SLOTS and slot != AUTOSAVE:
            raise SaveError(f"unknown save slot '{slot}'; use one of {', '.join(SLOTS)} or {AUTOSAVE}", "slot")
        return self.folder / f"{slot}.json"

    def save(self, slot: str, session: Session) -> Path:
        """Write a session to a slot atomically."""
        state = session.state
        record = SaveFile(
            kind="bridges-save",
            format=SAVE_FORMAT,
            saved_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
            slot=slot,
            scenario=state.scenario,
            scenario_hash=state.scenario_hash,
            title=session.scenario.title.model_dump(exclude_none=True),
            decisions=len(state.log),
            state=state,
        )
        path = self.path(slot)
        write_atomic(path, record.model_dump_json(indent=1).encode("utf-8"))
        return path

    def autosave(self, session: Session) -> Path:
        return self.save(AUTOSAVE, session)

    def read(self, slot: str) -> SaveFile:
        """Read and validate a save file (without a scenario); raises SaveError."""
        path = self.path(slot)
        name = path.name
        try:
            size = path.stat().st_size
            if size > MAX_SAVE_BYTES:  # checked before reading: a huge or sparse file is never loaded
                raise SaveError(f"{name}: the file is too large to be a Bridges save", "foreign")
            with path.open("rb") as stream:
                raw = stream.read(MAX_SAVE_BYTES + 1)
        except FileNotFoundError:
            raise SaveError(f"{name}: this slot is empty", "empty") from None
        except OSError as exc:
            raise SaveError(f"{name}: cannot be read ({exc.strerror or exc})", "unreadable") from None
        return parse_save(raw, name)

    def load(self, slot: str, scenario: Scenario, scenario_hash: str) -> Session:
        """Load a slot into a session for this scenario; raises SaveError."""
        record = self.read(slot)
        name = self.path(slot).name
        if record.scenario != scenario.id:
            raise SaveError(f"{name}: this save is for scenario '{record.scenario}', not '{scenario.id}'", "other-scenario")
        if record.scenario_hash != scenario_hash:
            raise SaveError(f"{name}: the scenario file has changed since this save was made, so it cannot be resumed; start the scenario again", "changed")
        try:
            return Session.from_json(scenario, record.state.model_dump_json(), scenario_hash)
        except (SaveMismatch, ValueError) as exc:
            raise SaveError(f"{name}: the save does not replay on this scenario ({exc}); start the scenario again", "replay") from None

    def slots(self) -> list[SaveInfo]:
        """Every slot with what it holds, or the problem that keeps it from loading (never raises for a file)."""
        infos = []
        for slot in (*SLOTS, AUTOSAVE):
            path = self.path(slot)
            try:
                present = path.exists()
            except OSError:
                present = True  # read() says why it cannot be read
            if not present:
                infos.append(SaveInfo(slot=slot, path=str(path)))
                continue
            try:
                record = self.read(slot)
                infos.append(SaveInfo(slot=slot, path=str(path), scenario=record.scenario, title=record.title, decisions=record.decisions, saved_at=record.saved_at))
            except SaveError as exc:
                infos.append(SaveInfo(slot=slot, path=str(path), problem=str(exc), code=exc.code))
        return infos


def parse_save(raw: bytes, name: str) -> SaveFile:
    """Check a save's bytes: size, JSON, kind, format, shape."""
    if not raw.strip():
        raise SaveError(f"{name}: the file is empty (perhaps the disk was full); it cannot be loaded", "damaged")
    if len(raw) > MAX_SAVE_BYTES:
        raise SaveError(f"{name}: the file is too large to be a Bridges save", "foreign")
    try:
        data: Any = json.loads(raw.decode("utf-8"), parse_int=_bounded_int, parse_constant=_no_constant)
    except UnicodeDecodeError:
        raise SaveError(f"{name}: this is not a Bridges save (binary data)", "foreign") from None
    except json.JSONDecodeError as exc:
        raise SaveError(f"{name}:{exc.lineno}:{exc.colno}: the save is damaged ({exc.msg}); it cannot be loaded", "damaged") from None
    except (ValueError, RecursionError, MemoryError, TypeError) as exc:
        raise SaveError(f"{name}: the save is damaged ({_reason(exc)}); it cannot be loaded", "damaged") from None
    if _depth(data) > MAX_DEPTH:
        raise SaveError(f"{name}: the save is damaged (nested deeper than {MAX_DEPTH} levels); it cannot be loaded", "damaged")
    if not isinstance(data, dict) or data.get("kind") != "bridges-save":
        raise SaveError(f"{name}: this is not a Bridges save", "foreign")
    if data.get("format") != SAVE_FORMAT:
        raise SaveError(f"{name}: saved by another version of Bridges (save format {data.get('format')!r}, this version reads {SAVE_FORMAT})", "format")
    try:
        return SaveFile.model_validate_json(raw)
    except (ValueError, RecursionError, MemoryError, TypeError) as exc:
        if not isinstance(exc, ValidationError):
            raise SaveError(f"{name}: the save is damaged ({_reason(exc)}); it cannot be loaded", "damaged") from None
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(part) for part in first.get("loc", ()))
        raise SaveError(f"{name}: the save has been changed or damaged ({where}: {first.get('msg')}); it cannot be loaded", "damaged") from None


def _bounded_int(text: str) -> int:
    """JSON integers with at most MAX_INT_DIGITS digits (Python refuses 4,300 or more, with a ValueError)."""
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise ValueError(f"a number of {len(text)} digits")
    return int(text)


def _no_constant(text: str) -> Any:
    raise ValueError(f"'{text}' is not a number a save holds")


def _depth(value: Any, level: int = 0) -> int:
    """How deeply a parsed JSON value nests (stops counting past MAX_DEPTH)."""
    if level > MAX_DEPTH or not isinstance(value, (dict, list)):
        return level
    children = value.values() if isinstance(value, dict) else value
    return max((_depth(child, level + 1) for child in children), default=level + 1)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    if isinstance(exc, MemoryError):
        return "too large"
    return str(exc).split("\n")[0][:120] or type(exc).__name__
