"""The pygame front end: the only package that imports pygame.

Nothing here starts pygame on import; :func:`game.ui.app.run` does, and
:class:`game.ui.app.App` is the same loop driven step by step for tests.

Modules: ``app`` (window, scene stack, loop), ``input`` (raw events to
actions), ``scenes/`` (one module per screen), ``view`` and ``layout``
(what a screen shows, in pixels computed from logical units), ``text``,
``theme``, ``icons``, ``i18n``, ``prefs``, ``play`` (one play of one
scenario), ``saving`` (what the save slots hold), ``recorder`` (solo plays
in the results store), ``reload`` (F5), ``images``, ``screenshots``.
"""

import os

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
