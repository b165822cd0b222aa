"""Workshop mode: 1-8 teams around one projector, a trainer in control.

On top of the pure :mod:`game.workshop` (turns, votes, timer, records) and
:mod:`game.scoring.compare` (the comparison debrief):

``setup``     the set-up screen (reached from the title screen's Workshop button)
``run``       :class:`~game.ui.workshop.run.WorkshopRun`: the way between the screens, trainer commands and keys
``scenes``    the game's own decision screens wrapped for the workshop, the plenary vote, feedback and endings
``band``      the strip under the status bar: whose turn, the timer, notes and the trainer bar
``overlays``  paused, the leaderboard, the workshop menu
``debrief``   the comparison debrief
``looks``     team colours and symbols on screen, and the trainer bar's icons
``shots``     the workshop's screens for the screenshots tool

Trainer keys (any workshop screen; also on the trainer bar): P pause or
resume, R reveal the feedback, T add 30 s, S skip the timer, L leaderboard,
B back one decision, E end the session. While a workshop runs the text is at
least 125 % (nothing important under 28 px at 1920x1080).
"""
