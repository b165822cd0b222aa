"""Saved games in the UI: what each slot and the autosave hold, and why a
save cannot be loaded, in the player's language.

The files themselves are :class:`game.store.saves.SaveStore`'s (three slots
and an autosave, atomic JSON). :func:`survey` reads every slot, finds the
save's scenario in the library and replays its decisions there, so the Save /
Load screen can show what loads and, for what does not, the reason
(:class:`~game.store.saves.SaveError` ``code``, translated here). A refused
file is never changed or removed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from game.store.saves import AUTOSAVE, SaveError, SaveInfo, SaveStore
from game.ui.i18n import N_, _, ngettext, tr

SLOT_NAMES = {"slot1": N_("Slot 1"), "slot2": N_("Slot 2"), "slot3": N_("Slot 3"), AUTOSAVE: N_("Autosave")}

# SaveError codes (and "missing": the scenario is not in the library), in words a player understands
PROBLEMS = {
    "unreadable": N_("The file cannot be read (the disk or its permissions refuse)."),
    "damaged": N_("This save is damaged, so it cannot be loaded."),
    "foreign": N_("This file is not a Bridges save."),
    "format": N_("This save was made by another version of Bridges."),
    "other-scenario": N_("This save belongs to another scenario."),
    "changed": N_("The scenario has changed since this save was made, so the game cannot go on from it."),
    "replay": N_("The decisions in this save no longer fit the scenario."),
    "missing": N_("The scenario of this save is not in your library."),
    "slot": N_("This is not a save slot."),
}


def problem_text(code: str | None) -> str:
    """Why a save cannot be loaded, in the current language."""
    return _(PROBLEMS.get(code or "damaged", PROBLEMS["damaged"]))


def slot_name(slot: str) -> str:
    return _(SLOT_NAMES.get(slot, slot))


def store() -> SaveStore:
    """The saves folder in the user's data folder (looked up each time: tests change it)."""
    return SaveStore()


@dataclass
class Slot:
    """One slot as the Save / Load screen shows it."""

    slot: str
    info: SaveInfo
    entry: Any = None        # the library entry of the save's scenario
    session: Any = None      # the saved game, replayed and ready to play
    code: str | None = None  # why it cannot be loaded
    finished: bool = False   # the saved story has reached its ending

    @property
    def empty(self) -> bool:
        return self.info.scenario is None and self.info.code is None

    @property
    def loadable(self) -> bool:
        return self.session is not None

    @property
    def refused(self) -> bool:
        """The file cannot be loaded here (a scenario merely missing from the library is not the file's fault)."""
        return self.code not in (None, "empty", "missing")

    @property
    def title(self) -> str:
        return tr(self.info.title) if self.info.title else (self.info.scenario or "")

    def details(self) -> str:
        """"5 decisions · 2026-11-27 10:00" (the date in local time)."""
        parts = [ngettext("{n} decision", "{n} decisions", self.info.decisions).format(n=self.info.decisions)]
        when = local_time(self.info.saved_at)
        if when:
            parts.append(when)
        return " · ".join(parts)


def local_time(stamp: str | None) -> str:
    if not stamp:
        return ""
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")
    except (ValueError, OverflowError, OSError):
        return ""


def survey(entries: list[Any], saves: SaveStore | None = None) -> list[Slot]:
    """Every slot and the autosave: what it holds and whether it loads (never raises for a bad file)."""
    saves = saves or store()
    candidates: dict[str, list[Any]] = {}
    for entry in entries:
        if entry.ok:
            candidates.setdefault(entry.id, []).append(entry)
    found = []
    for info in saves.slots():
        slot = Slot(info.slot, info, code=info.code)
        if info.code is None and info.scenario is not None:
            _check(saves, slot, candidates.get(info.scenario, []))
        found.append(slot)
    return found


def _check(saves: SaveStore, slot: Slot, entries: list[Any]) -> None:
    """Find the save's scenario and replay the save on it; else note why it does not load."""
    try:
        slot.finished = saves.read(slot.slot).state.ending is not None
    except SaveError as exc:  # changed on disk since slots() read it
        slot.code = exc.code
        return
    if not entries:
        slot.code = "missing"
        return
    first_problem = None
    for entry in entries:  # the same scenario may be in the library twice (shipped and a trainer's copy)
        try:
            slot.session = saves.load(slot.slot, entry.scenario, entry.hash)
            slot.entry = entry
            slot.code = None
            return
        except SaveError as exc:
            first_problem = first_problem or exc.code
        except Exception:  # a save is untrusted input: nothing in it may crash the game
            first_problem = first_problem or "damaged"
    slot.code = first_problem


def autosave_at_risk(slots: list[Slot]) -> Slot | None:
    """The autosave, if a new game would replace something worth asking about:
    a game still in progress, or a file that cannot be loaded (never replaced without asking)."""
    auto = next((s for s in slots if s.slot == AUTOSAVE), None)
    if auto is None or auto.empty or auto.code == "empty":
        return None
    if auto.refused or not auto.finished:
        return auto
    return None


def at_risk_message(auto: Slot) -> str:
    """What the confirmation says about the autosave a new game would replace."""
    if auto.refused:
        return _("The autosave cannot be loaded: {problem} A new game replaces it after your first decision.").format(problem=problem_text(auto.code))
    return _("The autosave holds your game of “{title}” ({details}). A new game replaces it after your first decision. "
             "To keep it, load it and save it in a slot first.").format(title=auto.title, details=auto.details())
