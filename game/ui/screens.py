"""Every screen of the game by name: the one registry scenes navigate through.

A scene never imports another scene. It asks the app for a screen by name,
with the arguments that screen takes::

    app.show("confirm", title, message, label, on_confirm)   # push it over this one
    app.reset_to("library")                                   # clear the stack and show it
    app.replace_with("debrief", play)                         # instead of this one
    app.showing("pause")                                      # is it on top?

The app looks the name up here and builds the screen (:func:`make`). A
screen's module is imported the first time it is opened: nothing on the
start-up path loads the screens the player has not reached yet, and no
screen module depends on another one, so there are no import circles to
work around. A name maps to ``"module:attribute"``; the attribute is a scene
class or a function that returns a scene (the workshop's decision screen
depends on the scene's kind).
"""

from __future__ import annotations

import importlib
from typing import Any

SCREENS: dict[str, str] = {
    # the solo game
    "title": "game.ui.scenes.title:TitleScene",
    "language": "game.ui.scenes.language:LanguageScene",
    "language-chooser": "game.ui.scenes.language:LanguageOverlay",
    "settings": "game.ui.scenes.settings:SettingsScene",
    "library": "game.ui.scenes.library:LibraryScene",
    "briefing": "game.ui.scenes.briefing:BriefingScene",
    "players": "game.ui.scenes.players:PlayersScene",
    "items": "game.ui.scenes.items:ItemsScene",
    "saves": "game.ui.scenes.saves:SavesScene",
    "story-map": "game.ui.scenes.storymap:StoryMapScene",
    "decision": "game.ui.scenes:scene_for",  # the screen of the current scene's kind, one of these:
    "choice": "game.ui.scenes.choice:ChoiceScene",
    "event": "game.ui.scenes.choice:EventScene",
    "pick": "game.ui.scenes.pick:PickScene",
    "negotiate": "game.ui.scenes.negotiate:NegotiateScene",
    "sequence": "game.ui.scenes.sequence:SequenceScene",
    "allocate": "game.ui.scenes.allocate:AllocateScene",
    "ending": "game.ui.scenes.ending:EndingScene",
    "feedback": "game.ui.scenes.feedback:FeedbackScene",
    "debrief": "game.ui.scenes.debrief:DebriefScene",
    # overlays over any screen
    "pause": "game.ui.scenes.overlays:PauseOverlay",
    "help": "game.ui.scenes.overlays:HelpOverlay",
    "people": "game.ui.scenes.overlays:PeopleOverlay",
    "confirm": "game.ui.scenes.overlays:ConfirmOverlay",
    "glossary": "game.ui.scenes.glossary:GlossaryOverlay",
    "reload-problems": "game.ui.scenes.reload:ReloadProblemsOverlay",
    "reload-misfit": "game.ui.scenes.reload:MisfitOverlay",
    # the workshop
    "workshop-setup": "game.ui.workshop.setup:SetupScene",
    "workshop-decision": "game.ui.workshop.scenes:decision_scene",
    "workshop-feedback": "game.ui.workshop.scenes:WorkshopFeedbackScene",
    "workshop-ending": "game.ui.workshop.scenes:ending_scene",
    "comparison": "game.ui.workshop.debrief:ComparisonScene",
    "workshop-menu": "game.ui.workshop.overlays:WorkshopMenu",
    "paused": "game.ui.workshop.overlays:PausedOverlay",
    "leaderboard": "game.ui.workshop.overlays:LeaderboardOverlay",
    "handover": "game.ui.workshop.overlays:HandoverCard",
    "time-up": "game.ui.workshop.overlays:TimeUpCard",
    "phones-join": "game.ui.workshop.phones:JoinOverlay",
    "phones-new": "game.ui.workshop.phone_links:NewPhoneOverlay",
}
"""Screen name -> ``"module:attribute"`` (a scene class, or a function returning a scene)."""


class UnknownScreen(KeyError):
    """A screen name that is not in :data:`SCREENS` (a programming error, named in the message)."""


def maker(name: str) -> Any:
    """The class (or function) that builds the screen called ``name``."""
    try:
        module, _sep, attribute = SCREENS[name].partition(":")
    except KeyError:
        raise UnknownScreen(f"no screen is registered as {name!r}; the names are: {', '.join(sorted(SCREENS))}") from None
    return getattr(importlib.import_module(module), attribute)


def make(name: str, *args: Any, **kwargs: Any) -> Any:
    """A new screen ``name`` built with these arguments."""
    return maker(name)(*args, **kwargs)
