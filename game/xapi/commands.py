"""What ``bridges report --send``, ``report --items``, ``bridges forget`` and ``bridges lrs`` do, as text to print.

Each function returns (exit code, text); a wrong argument raises ValueError with the message to show.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any, Callable

from game.store import outbox, players
from game.store.results import ResultsStore
from game.xapi import config as lrs_config
from game.xapi.client import fetch
from game.xapi.items import analyse, plays_from_sessions, plays_from_statements, render
from game.xapi.sender import send_all
from game.xapi.statements import voiding
from game.xapi.vocab import scenario_iri

STATES = {
    "off": "no LRS is set: run 'bridges lrs --endpoint URL --key KEY --secret SECRET' or set BRIDGES_LRS_ENDPOINT, _KEY and _SECRET",
    "offline": "the LRS could not be reached",
    "unauthorized": "the LRS refused the key and secret",
    "error": "the LRS failed",
}


def send(db: Path, cfg: lrs_config.LrsConfig | None = None) -> tuple[int, str]:
    """Push every statement not yet sent; says how many went, wait and were refused, and the LRS's answer on trouble."""
    cfg = cfg or lrs_config.load()
    problems = lrs_config.problems()
    if not db.is_file():
        return 0, "nothing to send: no results database yet (" + str(db) + ")"
    status = send_all(db, cfg)
    left = _counts(db)
    lines = problems[:]
    if status.state in STATES:
        answer = f" (HTTP {status.status}: {status.answer.strip()})" if status.status else (f" ({status.answer})" if status.answer else "")
        lines.append(f"{STATES[status.state]}{answer}")
    lines.append(f"{status.sent} record(s) sent to {cfg.shown() or 'no LRS'}; {left['waiting']} waiting; {left['refused']} refused by the LRS in all")
    conn = sqlite3.connect(db)
    try:
        for statement_id, why in outbox.refused(conn, 5):
            lines.append(f"  refused {statement_id}: {why[:300]}")
    finally:
        conn.close()
    return (0 if status.state in ("idle", "sent") and not left["refused"] else 1), "\n".join(lines)


def _counts(db: Path) -> dict[str, int]:
    store = ResultsStore(db, read_only=True)
    try:
        return store.outbox_counts()
    finally:
        store.close()


def items(scenario_ids: list[str], load: Callable[[str], Any], sessions: list[dict], from_lrs: bool) -> tuple[int, str]:
    """The item analysis of each scenario (``load`` turns an id into a checked scenario; raises ValueError for an unknown one)."""
    cfg = lrs_config.load()
    if from_lrs and not cfg.configured:
        raise ValueError(STATES["off"])
    texts = []
    code = 0
    for scenario_id in scenario_ids:
        scenario = load(scenario_id)
        if from_lrs:
            statements, answer = fetch(cfg, {"activity": scenario_iri(scenario.id), "related_activities": "true"})
            if not answer.ok:
                texts.append(f"{scenario.id}: cannot read the LRS (HTTP {answer.status}: {answer.text.strip()[:300]})")
                code = 1
                continue
            plays, source = plays_from_statements(statements, scenario.id), cfg.shown()
        else:
            plays, source = plays_from_sessions(sessions, scenario.id), "this computer's results"
        texts.append(render(scenario.id, analyse(scenario, plays), len(plays), source))
    return code, "\n\n".join(texts) if texts else "No recorded plays yet: nothing to analyse."


def forget(name: str, db: Path) -> tuple[int, str]:
    """Forget a player on this computer: their remembered name and their records in the results database."""
    name = " ".join(name.split())
    if not name:
        raise ValueError("give the player's name, as they typed it at the start of a game")
    listed = players.forget_remembered(name)
    try:
        changed = players.forget_records(db, name, voider(lrs_config.load()))
    except sqlite3.Error as exc:
        return 1, f"cannot change the results database {db}: {exc}; close Bridges and try again"
    lines = [f"'{name}': {'taken off' if listed else 'was not on'} this computer's list of players; "
             f"{changed['sessions']} session(s) deleted with their records; removed from {changed['teams']} workshop team(s)."]
    if changed["voided"]:
        lines.append(f"{changed['voided']} record(s) already sent to a learning record store will be voided there: the voiding statements "
                     "wait in the outbox and go with the next sending (now: 'bridges report --send'). The LRS keeps them, marked void; "
                     "to erase them, ask its administrator.")
    return 0, "\n".join(lines)


def voider(cfg: lrs_config.LrsConfig) -> Callable[[str, str], dict]:
    """What forgetting a player queues for each statement already sent: its voiding, by the programme's home page."""
    return lambda statement_id, at: voiding(statement_id, cfg.homepage, at)


def settings(endpoint: str | None, key: str | None, secret: str | None, homepage: str | None) -> tuple[int, str]:
    """Change ``lrs.json`` (what is given) and show the settings in force; an empty endpoint ('') turns sending off."""
    current = lrs_config.LrsConfig(**{k: v for k, v in lrs_config.from_file(lrs_config.config_path()).items() if v})
    changes = {name: value.strip() for name, value in (("endpoint", endpoint), ("key", key), ("secret", secret), ("homepage", homepage)) if value is not None}
    for name in ("endpoint", "homepage"):
        if changes.get(name):
            lrs_config.check_url(changes[name], f"--{name}")
    path = None
    if changes:
        merged = {**current.__dict__, **changes}
        merged["homepage"] = merged.get("homepage") or lrs_config.DEFAULT_HOMEPAGE
        path = lrs_config.save(lrs_config.LrsConfig(**merged))
    cfg = lrs_config.load()
    overridden = [var for var in lrs_config.ENV.values() if os.environ.get(var, "").strip()]
    lines = [f"endpoint: {cfg.shown() or '(none: records wait on this computer)'}", f"key: {cfg.key or '(none)'}",
             f"secret: {'(set)' if cfg.secret else '(none)'}", f"players' home page: {cfg.homepage}"]
    if path:
        lines.insert(0, f"saved in {path}")
    if overridden:
        lines.append("set by the environment (wins over the file): " + ", ".join(overridden))
    lines += lrs_config.problems()
    return 0, "\n".join(lines)
