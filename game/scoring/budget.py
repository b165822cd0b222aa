"""A time limit for one analysis: the parts of the work ask whether it is spent,
cut their work short, and say what they cut, so ``analyze`` always ends and says
plainly what it could not do (instead of running for minutes on a huge file)."""

from __future__ import annotations

import time


class Budget:
    """Seconds an analysis may take (None: no limit), and notes on what was cut short."""

    def __init__(self, seconds: float | None = None):
        self.seconds = seconds
        self.deadline = None if seconds is None else time.monotonic() + seconds
        self.cuts: list[str] = []

    def spent(self) -> bool:
        return self.deadline is not None and time.monotonic() > self.deadline

    def cut(self, note: str) -> None:
        """Record what was cut short (once per note)."""
        if note not in self.cuts:
            self.cuts.append(note)
