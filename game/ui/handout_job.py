"""Write handouts off the frame loop and tell the screen when they are ready.

The debrief and the workshop comparison start a job with a function that
writes the PDFs and returns their paths; the scene polls ``job.notice()`` in
its ``update`` and shows it (``"Handout saved: ..."`` or the reason it could
not be written). Drawing a page takes about half a second per player, so it
never runs on the frame loop.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable

from game.ui.i18n import _, ngettext


class HandoutJob:
    """One background run of ``write()``; its outcome as a notice ``(text, tone)``."""

    def __init__(self, write: Callable[[], list[Path]]):
        self._write = write
        self._notice: tuple[str, str] | None = None
        self._seen = False
        self._thread = threading.Thread(target=self._run, name="bridges-handouts", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        # Imported here, in this thread: the handouts' PDF library takes about 0.3 s to import, which the screens that
        # write handouts (read by the preload while the title shows) then do not carry.
        from game.handouts import HandoutError

        try:
            paths = self._write()
        except HandoutError as error:
            self._notice = (_("The handout could not be written: {reason}").format(reason=str(error)), "bad")
        except Exception as error:  # a drawing problem must not end the game; the results are already saved
            self._notice = (_("The handout could not be written: {reason}").format(reason=f"{type(error).__name__}: {error}"), "bad")
        else:
            folder = paths[0].parent if paths else ""
            self._notice = (ngettext("{n} handout saved in {folder}", "{n} handouts saved in {folder}", len(paths)).format(n=len(paths), folder=folder), "good")

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def wait(self, timeout: float | None = None) -> None:
        self._thread.join(timeout)

    def notice(self) -> tuple[str, str] | None:
        """The outcome once the job has finished, else None."""
        return None if self.running else self._notice

    def fresh(self) -> bool:
        """True once, the first time the outcome is known (the scene rebuilds then)."""
        if self._seen or self.running:
            return False
        self._seen = True
        return True
