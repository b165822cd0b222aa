"""The trainer's keys in a workshop: one letter each, on every workshop screen.

The help overlay lists them, the trainer strip shows them beside its buttons,
and :meth:`game.ui.workshop.run.WorkshopRun.command` carries them out.
"""

from __future__ import annotations

from game.ui.i18n import N_

# (letter, command, what it does): the keys work on every workshop screen; the help overlay lists them
TRAINER_KEYS = (
    ("P", "pause", N_("pause or resume")),
    ("R", "reveal", N_("reveal the feedback")),
    ("T", "add_time", N_("add 30 seconds to the timer")),
    ("S", "skip", N_("skip the timer")),
    ("L", "leaderboard", N_("show the leaderboard")),
    ("B", "back", N_("go back one decision (a mistaken click)")),
    ("E", "end", N_("end the session and compare the teams")),
    ("J", "phones", N_("show the room's code for the phones (when teams answer from phones)")),
)
COMMAND_FOR_LETTER = {letter.lower(): command for letter, command, _what in TRAINER_KEYS}
