"""Pending results: rows that could not reach the results database, kept in a
file at once so that no acknowledged result is lost.

Where: the data folder; if that cannot be written, a folder of this data
folder's own in the system's temporary folder; then the saves folder. The
file is rewritten as rows wait and removed once they reach the database;
files left by earlier runs are found in the same places and merged at the
next start. A file holds named operations (checked against the store's own
list), never SQL::

    {"kind": "bridges-pending-results", "format": 1, "rows": [{"op": "end", "values": ["2026-...", "3f2a..."]}]}

Files of the first format (a list of ``{"sql": ..., "values": ...}``) are read too.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from game.store.atomic import write_atomic

KIND = "bridges-pending-results"
PATTERN = "results-pending-*.json"
MAX_BYTES = 64 * 1024 * 1024
LEGACY_SQL = {  # the first format named its rows by the start of their SQL
    "INSERT INTO sessions": "session", "INSERT INTO teams": "team", "INSERT OR REPLACE INTO decisions": "decision",
    "DELETE FROM decisions WHERE session_id = ? AND team = ? AND seq >= ?": "remove",
    "UPDATE teams SET overall = ?, grade = ?, scorecard = ? WHERE session_id = ? AND team = ?": "finish",
    "UPDATE sessions SET ended_at = ? WHERE id = ?": "end",
}
ARITY = {"session": 6, "team": 5, "decision": 8, "remove": 3, "finish": 5, "end": 2, "player": 2, "members": 3, "outbox": 6, "unqueue": 3}


class PendingFiles:
    """The pending file of one results store, and the ones earlier runs left."""

    def __init__(self, data_folder: Path):
        self.data_folder = data_folder
        self.path: Path | None = None   # the file holding this run's pending rows, if any
        self.failed: str | None = None  # why no folder could take them

    def folders(self) -> list[Path]:
        key = hashlib.sha256(str(self.data_folder.resolve()).encode("utf-8")).hexdigest()[:12]
        return [self.data_folder, Path(tempfile.gettempdir()) / f"bridges-pending-{key}", self.data_folder / "saves"]

    def write(self, rows: list[tuple[str, list]]) -> Path | None:
        """Keep ``rows`` in this run's pending file (the first folder that takes it)."""
        data = _encode(rows)
        candidates = ([self.path] if self.path else []) + [folder / _name() for folder in self.folders()]
        errors = []
        for path in candidates:
            try:
                write_atomic(path, data)
            except OSError as exc:
                errors.append(f"{path.parent}: {exc.strerror or exc}")
                continue
            if self.path is not None and path != self.path:
                self.remove(self.path)
            self.path, self.failed = path, None
            return path
        self.failed = "; ".join(errors)
        return None

    def export(self, path: Path, rows: list[tuple[str, list]]) -> Path:
        write_atomic(path, _encode(rows))
        return path

    def clear(self) -> None:
        if self.path is not None:
            self.remove(self.path)
            self.path = None

    @staticmethod
    def remove(path: Path) -> None:
        try:
            path.unlink()
        except OSError:
            pass

    def found(self, ops: dict) -> Iterator[tuple[Path, list[tuple[str, list]]]]:
        """Pending files in the known folders, oldest first, with their valid rows (damaged files are left alone)."""
        files = []
        for folder in self.folders():
            try:
                files += [p for p in folder.glob(PATTERN) if p.is_file()]
            except OSError:
                continue
        for path in sorted(set(files), key=lambda p: p.name):
            rows = read_rows(path, ops)
            if rows is not None:
                yield path, rows


def read_rows(path: Path, ops: dict) -> list[tuple[str, list]] | None:
    """The rows of a pending file, or None if it is not one we can trust (too large, damaged, unknown rows)."""
    try:
        if path.stat().st_size > MAX_BYTES:
            return None
        data = json.loads(path.read_bytes().decode("utf-8"))
    except (OSError, ValueError, RecursionError, MemoryError):
        return None
    if isinstance(data, dict) and data.get("kind") == KIND and data.get("format") == 1:
        raw = data.get("rows")
        named = [(r.get("op"), r.get("values")) for r in raw] if isinstance(raw, list) and all(isinstance(r, dict) for r in raw) else None
    elif isinstance(data, list) and all(isinstance(r, dict) for r in data):
        named = [(LEGACY_SQL.get(str(r.get("sql", "")).strip()), r.get("values")) for r in data]
    else:
        return None
    if named is None:
        return None
    for op, values in named:
        if op not in ops or not isinstance(values, list) or len(values) != ARITY.get(op, -1):
            return None
        if not all(v is None or isinstance(v, (str, int, float)) for v in values):
            return None
    return [(op, values) for op, values in named]


def _encode(rows: list[tuple[str, list]]) -> bytes:
    return json.dumps({"kind": KIND, "format": 1, "rows": [{"op": op, "values": values} for op, values in rows]}, ensure_ascii=False, indent=1).encode("utf-8")


def _name() -> str:
    return f"results-pending-{datetime.now(timezone.utc).strftime('%Y%m%dT%H%M%S')}-{os.getpid()}.json"
