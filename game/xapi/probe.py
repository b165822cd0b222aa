"""Testing the connection to an LRS off the frame loop: ``/about``, then the key and secret, in a thread of its own.

``probe = Probe(config).start()``; the screen looks at ``probe.result`` (None
until both answers are in) on its frames and never waits.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from game.xapi.client import Answer, about, check_key, versions
from game.xapi.config import LrsConfig


@dataclass(frozen=True)
class ProbeResult:
    """What the LRS answered: ``about`` (its ``/about``), ``key`` (one statement read with the key) and the versions it listed."""

    about: Answer
    key: Answer
    versions: tuple[str, ...]

    @property
    def reached(self) -> bool:
        return self.about.status != 0 or self.key.status != 0


class Probe:
    def __init__(self, config: LrsConfig, timeout: float = 10.0):
        self.config = config
        self.timeout = timeout
        self.result: ProbeResult | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> "Probe":
        self._thread = threading.Thread(target=self._run, name="bridges-lrs-probe", daemon=True)
        self._thread.start()
        return self

    def _run(self) -> None:
        found = about(self.config, self.timeout)
        key = check_key(self.config, self.timeout) if found.status != 0 else found
        self.result = ProbeResult(found, key, tuple(versions(found)))

    def wait(self, timeout: float) -> ProbeResult | None:
        """For tests and commands: wait for the answer (the game never calls this)."""
        if self._thread is not None:
            self._thread.join(timeout)
        return self.result
