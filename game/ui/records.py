"""The line the debrief and the workshop comparison show while records wait to be sent to the learning record store
(only where one is set: without it the records simply stay in the local results database)."""

from __future__ import annotations

import time
from typing import Any

from game.ui.i18n import _, ngettext

LOOK_EVERY_S = 2.0

def waiting_notice(results: Any, when_off: bool = True) -> tuple[str, str, str] | None:
    """(how many wait, why or what the LRS answered, tone) while records wait to be sent; None when none wait,
    or (``when_off`` False) when no learning record store is set: a trainee playing alone is not told about one."""
    count = results.waiting() if results is not None else 0
    if not count:
        return None
    text = ngettext("{n} record waiting to be sent.", "{n} records waiting to be sent.", count).format(n=count)
    sender = getattr(results, "sender", None)
    status = getattr(sender, "status", None)
    if status is None or status.state == "off":
        return (text, _("No learning record store is set; they stay on this computer until one is."), "good") if when_off else None
    if status.state == "unauthorized":
        return text, _("The learning record store refused the key and secret: {answer}").format(answer=f"{status.status} {status.answer.strip()[:200]}"), "bad"
    if status.state == "offline":
        return text, _("The learning record store cannot be reached; they are sent when it can."), "good"
    if status.state == "error":
        return text, _("The learning record store failed: {answer}. They are sent again later.").format(answer=f"{status.status} {status.answer.strip()[:200]}"), "bad"
    return text, "", "good"


class WaitingLine:
    """Keeps the notice fresh without a database read every frame: it looks again every two seconds while records wait."""

    def __init__(self, results: Any):
        self.results = results
        self.found = waiting_notice(results, when_off=False)
        self._looked = time.monotonic()

    @property
    def notice(self) -> tuple[str, str] | None:
        """(text, tone) for a notice strip, or None."""
        return None if self.found is None else (" ".join(t for t in self.found[:2] if t), self.found[2])

    @property
    def short(self) -> str:
        """Just how many wait (where room is scarce, as in the workshop comparison's footer); with the LRS's answer when sending failed."""
        if self.found is None:
            return ""
        return self.notice[0] if self.found[2] == "bad" else self.found[0]

    def changed(self) -> bool:
        if self.found is None or time.monotonic() - self._looked < LOOK_EVERY_S:
            return False
        self._looked = time.monotonic()
        fresh = waiting_notice(self.results, when_off=False)
        if fresh != self.found:
            self.found = fresh
            return True
        return False
