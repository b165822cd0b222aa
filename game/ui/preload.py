"""Work done off the main path while the title is shown, so every screen opens at once, the first time too.

:func:`start` runs a background thread that imports the screens' modules and
reads what they list: the rulebook, the scenario library (checked, or read
back from the cache of earlier checks, see :mod:`game.store.checked`) and
the glossary. It draws nothing (surfaces and fonts stay on the main thread);
a screen opened before it ends waits for the part it needs rather than doing
it twice (:class:`game.ui.library.Shelf` holds a lock).

:func:`warm_fonts` is the main thread's share, done a little at a time on
idle frames of the real loop: it opens every text role's font at the
window's sizes and loads the glyphs of the shipped languages' alphabets.
"""

from __future__ import annotations

import threading
from typing import Any, Iterator

from game.ui import screens
from game.ui.theme import ROLES

SCREENS = (
    "library", "saves", "settings", "help", "glossary", "briefing", "language", "players", "decision",
    "choice", "pick", "negotiate", "allocate", "sequence", "feedback", "ending",
)
"""The screens (by their names in :data:`game.ui.screens.SCREENS`) a player opens from the title and the library,
then those of a play, in that order: their modules are imported here."""

HEAVY = ("workshop-setup", "debrief", "story-map", "items")
"""Screens whose modules take long to import (the phones' web server, the handouts' PDF library): read last, so a
screen opened from the title in the first second does not share the processor with them."""


def _work(app: Any) -> None:
    from game.scoring.glossary import default_glossary  # in the thread: the models stay off the start-up path

    app.library()  # first: the library is the screen most often opened first, and the slowest to read
    for name in SCREENS:
        screens.maker(name)  # imports the screen's module
    default_glossary()  # the help's glossary
    for name in HEAVY:
        screens.maker(name)


def start(app: Any) -> threading.Thread:
    """Begin the preload (a daemon thread: closing the window never waits for it)."""
    thread = threading.Thread(target=_work, args=(app,), name="bridges-preload", daemon=True)
    thread.start()
    return thread


GLYPHS = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:!?'\"()[]/%+-–—…“”„«»’"
    "абвгдежзийклмнопрстуфхцчшщъьюяАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЬЮЯ"
    "αβγδεζηθικλμνξοπρσςτυφχψωάέήίόύώΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ"
    "ăâîșțĂÂÎȘȚąćęłńóśźżĄĆĘŁŃÓŚŹŻ"
)
"""The letters of the languages the game ships, and the punctuation its text uses."""


def warm_fonts(app: Any) -> Iterator[None]:
    """One text role's font at a time (a few milliseconds each), at the window's current size and text scale."""
    for role in ROLES:
        app.typesetter.warm(app.metrics.font(role), GLYPHS)
        yield
