"""``python main.py report``: list recorded sessions and export them to files."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from game.store.atomic import write_atomic
from game.store.export import CSV_ENCODING, CsvStyle, to_csv, to_json, to_summary_csv, to_xapi

FORMATS = ("csv", "summary", "json", "xapi", "png")
"""What ``report --format`` takes: the decisions CSV, the summary CSV (one row a player or team), JSON, xAPI, a PNG chart a session."""


def read_trouble(store: Any) -> str:
    """What could not be read from the database, in one message (empty when all was read)."""
    parts = []
    if store.read_failed:
        parts.append(f"cannot read the results database: {store.problem or 'unknown error'}; the list below is not complete")
    if store.unreadable:
        parts.append(f"{store.unreadable} damaged row(s) could not be read and are left out")
    return ("warning: " + "; ".join(parts) + f" ({store.path})") if parts else ""


def render_list(sessions: list[dict], complete: bool = True) -> str:
    if not sessions:
        if not complete:
            return "No session could be read from the results database."
        return "No recorded sessions yet. Play a scenario, or run a workshop, and they appear here."
    lines = [f"{'session':<10} {'started (UTC)':<26} {'mode':<6} {'scenario':<26} teams and scores"]
    for s in sessions:
        teams = ", ".join(f"{t['name']} {t['overall'] if t['overall'] is not None else '-'}" for t in s["teams"])
        lines.append(f"{s['id'][:8]:<10} {s['started_at']:<26} {s['mode']:<6} {s['scenario']:<26} {teams}")
    lines.append(f"{len(sessions)} session(s). Export one: report SESSION --out DIR")
    return "\n".join(lines)


def export_sessions(sessions: list[dict], folder: Path, formats: set[str], draw_png: Callable[[dict, Path], Path] | None = None,
                    style: CsvStyle = CsvStyle(), recorded: Callable[[list[str]], list[dict]] | None = None) -> list[Path]:
    """Write the chosen formats; one CSV/summary/JSON/xAPI file for all, and with ``draw_png``
    (the UI's chart renderer, passed in so the store stays free of pygame) one PNG a session.
    CSV files are UTF-8 with a byte order mark, in ``style`` (delimiter and decimal mark); xAPI holds the statements
    ``recorded`` gives for a session's id (the store's outbox) where there are."""
    folder.mkdir(parents=True, exist_ok=True)
    tail = sessions[0]["id"][:8] if len(sessions) == 1 else "sessions"
    written = []
    for fmt, render, name, encoding in (
        ("csv", lambda s: to_csv(s, style), f"bridges-{tail}.csv", CSV_ENCODING),
        ("summary", lambda s: to_summary_csv(s, style), f"bridges-summary-{tail}.csv", CSV_ENCODING),
        ("json", to_json, f"bridges-{tail}.json", "utf-8"),
        ("xapi", lambda s: to_xapi(s, recorded), f"bridges-{tail}.xapi.json", "utf-8"),
    ):
        if fmt in formats:
            path = folder / name
            write_atomic(path, render(sessions).encode(encoding))
            written.append(path)
    if "png" in formats and draw_png is not None:
        for session in sessions:
            written.append(draw_png(session, folder / f"bridges-{session['id'][:8]}.png"))
    return written
