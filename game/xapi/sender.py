"""The background sender: posts the outbox to the LRS in order, in batches, and never makes the game wait.

One daemon thread with its own SQLite connection. Each pass sends the
oldest waiting statements first (the outbox's row order, so a session's
statements arrive in the order they happened), marks each batch sent when
the LRS says so, and stops at the first batch it cannot send; nothing is
skipped. When the LRS cannot be reached or fails (5xx, timeouts) it waits
and tries again, twice as long each time (2 s up to 5 minutes). A wrong key
(401/403) stops it with the LRS's answer in :attr:`Sender.status` until the
settings change. A batch the LRS refuses for what it holds (400, 409) is
sent one statement at a time, so only the refused ones are marked refused
(with the LRS's answer) and the rest go on. Statement ids are deterministic,
so a batch sent again after a crash or a lost answer adds nothing twice.

:func:`send_all` is the same pass, run once in the caller's thread (``report --send``).
"""

from __future__ import annotations

import os
import random
import sqlite3
import threading
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

from game.store.outbox import Outbox
from game.xapi.client import Answer, post
from game.xapi.config import LrsConfig

BATCH = 200
GAME_BATCH = 100
REST_S = 0.05  # the game's sender rests this long between batches: a backlog goes out at up to 2000 a second, and frames keep their time
FIRST_WAIT_S = 2.0
LONGEST_WAIT_S = 300.0
IDLE_LOOK_S = 30.0  # without a wake-up, look at the outbox this often


@dataclass(frozen=True)
class Status:
    """Where sending stands: ``state`` is idle, sent, off (no LRS set), offline, unauthorized, error or refused."""

    state: str = "idle"
    sent: int = 0
    refused: int = 0
    status: int = 0        # the LRS's last HTTP status (0: not reached)
    answer: str = ""       # the LRS's last answer, when it was not a success

    @property
    def trouble(self) -> bool:
        return self.state in ("offline", "unauthorized", "error")


def one_pass(outbox: Outbox, config: LrsConfig, batch: int = BATCH, poster: Callable[[LrsConfig, bytes], Answer] = post,
             between: Callable[[], bool] | None = None) -> Status:
    """Send what waits, oldest first, until none is left or a batch cannot be sent.
    ``between`` runs before each batch after the first (the game's sender rests there); True from it stops the pass."""
    if not config.configured:
        return Status("off")
    sent = refused = 0
    while True:
        if sent and between is not None and between():
            return Status("sent", sent, refused)
        rows = outbox.waiting(batch)
        if not rows:
            return Status("sent" if sent else "idle", sent, refused)
        answer = poster(config, _body(rows))
        if answer.ok:
            outbox.mark_sent([n for n, _text in rows])
            sent += len(rows)
            continue
        if not answer.refused:
            return Status(_trouble(answer), sent, refused, answer.status, answer.text)
        for n, text in rows:  # find the ones the LRS will not take; keep the order
            single = poster(config, _body([(n, text)]))
            if single.ok:
                outbox.mark_sent([n])
                sent += 1
            elif single.refused:
                outbox.mark_refused(n, f"{single.status} {single.text}")
                refused += 1
            else:
                return Status(_trouble(single), sent, refused, single.status, single.text)


def _lower_priority() -> None:
    """Let the frame loop go first where the system schedules threads on their own (Linux: a thread's nice value)."""
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
    except (AttributeError, OSError):
        pass  # not on this system: the rests between batches are enough


def _trouble(answer: Answer) -> str:
    if answer.unauthorized:
        return "unauthorized"
    return "offline" if answer.status == 0 else "error"


def _body(rows: list[tuple[int, str]]) -> bytes:
    return ("[" + ",".join(text for _n, text in rows) + "]").encode("utf-8")


def send_all(path: Path, config: LrsConfig, batch: int = BATCH) -> Status:
    """One pass in this thread (``bridges report --send``)."""
    outbox = Outbox(path)
    try:
        return one_pass(outbox, config, batch)
    except sqlite3.Error as exc:
        return Status("error", answer=f"the results database: {exc}")
    finally:
        outbox.close()


class Sender:
    """Sends the outbox of the results database at ``path`` from a daemon thread; :meth:`wake` after a write."""

    def __init__(self, path: Path, config: LrsConfig, batch: int = GAME_BATCH, first_wait: float = FIRST_WAIT_S, longest_wait: float = LONGEST_WAIT_S,
                 rest: float = REST_S):
        self.path = path
        self.config = config
        self.batch = batch
        self.rest = rest
        self.first_wait, self.longest_wait = first_wait, longest_wait
        self.status = Status("off" if not config.configured else "idle")
        self.total_sent = 0
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> "Sender":
        if self._thread is None and self.config.configured:
            self._thread = threading.Thread(target=self._run, name="bridges-xapi-sender", daemon=True)
            self._thread.start()
        return self

    def wake(self) -> None:
        """Something was written (or the network may be back): look at the outbox now."""
        self._wake.set()

    def set_config(self, config: LrsConfig) -> None:
        self.config = config
        self.start()
        self.wake()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _run(self) -> None:
        _lower_priority()
        wait = self.first_wait
        outbox: Outbox | None = None
        while not self._stop.is_set():
            self._wake.clear()
            try:
                outbox = outbox or Outbox(self.path)
                status = one_pass(outbox, self.config, self.batch, between=lambda: self._stop.wait(self.rest))
            except sqlite3.Error as exc:  # the database is busy or gone for now: try again later
                status = Status("error", answer=f"the results database: {exc}")
                if outbox is not None:
                    outbox.close()
                    outbox = None
            self.total_sent += status.sent
            self.status = replace(status, sent=self.total_sent) if status.state != "idle" or not self.total_sent else replace(status, state="sent", sent=self.total_sent)
            if status.trouble:
                self._wake.wait(wait * (0.75 + random.random() / 2))
                wait = min(self.longest_wait, wait * 2)
            else:
                wait = self.first_wait
                self._wake.wait(IDLE_LOOK_S)
        if outbox is not None:
            outbox.close()

