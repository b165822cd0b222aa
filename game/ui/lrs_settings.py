"""The learning record store's part of the settings: its address, key, secret and players' home page, typed in
the game and saved where ``bridges lrs`` saves them (``lrs.json``); a connection test off the frame loop; how
sending stands. The environment variables still win, and the screen says so when they are set.
"""

from __future__ import annotations

import os
import time
from typing import Any

import pygame

from game.ui.i18n import _
from game.ui.layout import Builder, ButtonSpec
from game.ui.records import LOOK_EVERY_S, waiting_notice
from game.ui.text_entry import TextFields
from game.ui.theme import M, S
from game.xapi import config as lrs_config
from game.xapi.probe import Probe, ProbeResult

Rect = pygame.Rect
LIMITS = {"endpoint": 300, "key": 200, "secret": 200, "homepage": 300}
ADDRESSES = ("endpoint", "homepage")


class LrsSettings:
    """Owned by the settings screen: it passes its actions, activations (``lrs:...``, ``field:...``) and frames here."""

    def __init__(self, app: Any, invalidate: Any):
        self.app = app
        self.invalidate = invalidate
        self.entry = TextFields(LIMITS, invalidate, self.save)
        self.entry.values.update(lrs_config.from_file(lrs_config.config_path()))
        self.show_secret = False
        self.wrong: dict[str, str] = {}
        self.saved = False
        self.probe: Probe | None = None
        self.tested: ProbeResult | None = None
        self._status = self.status()
        self._looked = time.monotonic()

    # ----- saving ----------------------------------------------------------------------------
    def save(self, _key: str = "") -> None:
        """Write ``lrs.json`` when the addresses are addresses (an empty endpoint turns sending off); else say what is wrong."""
        values = self.entry.values
        self.wrong = {}
        for name in ADDRESSES:
            if values[name].strip():
                try:
                    lrs_config.check_url(values[name], name)
                except lrs_config.ConfigError:
                    self.wrong[name] = value_problem(values[name])
        if self.wrong:
            self.saved = False
            return
        config = lrs_config.LrsConfig(values["endpoint"].strip(), values["key"].strip(), values["secret"].strip(),
                                      values["homepage"].strip() or lrs_config.DEFAULT_HOMEPAGE)
        try:
            lrs_config.save(config)
        except OSError as exc:
            self.wrong["endpoint"] = _("The settings could not be saved: {problem}").format(problem=exc)
            return
        self.saved = True
        self.tested = None
        self._looked = 0.0  # look at the sending again at once
        sender = getattr(self.app.results, "sender", None)
        if sender is not None:
            sender.set_config(lrs_config.load())

    # ----- the test and the status, looked at on frames ------------------------------------------
    def test(self) -> None:
        self.entry.stop()
        if self.wrong:
            return
        self.probe = Probe(lrs_config.load()).start()
        self.tested = None
        self.invalidate()

    def update(self) -> bool:
        """True when something shown changed (the test's answer came, or the sending moved on)."""
        changed = False
        if self.probe is not None and self.probe.result is not None:
            self.tested, self.probe = self.probe.result, None
            changed = True
        if time.monotonic() - self._looked < LOOK_EVERY_S:
            return changed
        self._looked = time.monotonic()
        status = self.status()  # a database read: every two seconds, not every frame
        if status != self._status:
            self._status, changed = status, True
        return changed

    def status(self) -> tuple[str, str]:
        """(how sending stands, tone)."""
        sender = getattr(self.app.results, "sender", None)
        found = waiting_notice(self.app.results)
        if found is not None:
            return " ".join(t for t in found[:2] if t), found[2]
        if sender is not None and sender.config.configured:
            return _("All records are sent."), "good"
        return _("No learning record store is set; records stay on this computer until one is."), "muted"

    # ----- drawing ---------------------------------------------------------------------------
    def build(self, b: Builder, x: int, y: int, w: int) -> int:
        y += b.u(M)
        y += b.text(_("Learning record store"), "strong", x, y, w) + b.u(S)
        overridden = [var for var in lrs_config.ENV.values() if os.environ.get(var, "").strip()]
        if overridden:
            y += b.text(_("Set on this computer by {names}: these win over what is typed here.").format(names=", ".join(overridden)),
                        "small", x, y, w, "bad") + b.u(S)
        fields = (("endpoint", _("Address (endpoint)"), "https://lrs.example.org/xAPI/"),
                  ("key", _("Key (user name)"), _("Press here and type")),
                  ("secret", _("Secret"), _("Press here and type")),
                  ("homepage", _("Players' home page"), lrs_config.DEFAULT_HOMEPAGE))
        for key, label, placeholder in fields:
            y = self.entry.draw(b, key, label, placeholder, x, y, w, hidden=key == "secret" and not self.show_secret)
            if key in self.wrong:
                y += b.text(self.wrong[key], "small", x, y - b.u(S), w, "bad") + b.u(S)
        specs = [ButtonSpec("lrs:show", _("Hide the secret") if self.show_secret else _("Show the secret"), "secondary"),
                 ButtonSpec("lrs:test", _("Test the connection"), "primary", enabled=self.probe is None)]
        y += b.button_row(specs, x, y, w, "stretch") + b.u(S)
        for text, tone in self._lines():
            y += b.text(text, "body", x, y, w, tone) + b.u(S)
        return y

    def _lines(self) -> list[tuple[str, str]]:
        lines = []
        if self.saved:
            lines.append((_("Saved in {path}.").format(path=lrs_config.config_path()), "muted"))
        if self.probe is not None:
            lines.append((_("Asking the learning record store..."), "muted"))
        elif self.tested is not None:
            lines.append(tested_text(self.tested))
        lines.append(self._status)
        return lines

    def activate(self, target_id: str) -> bool:
        kind, _sep, value = target_id.partition(":")
        if kind == "field" and value in LIMITS:
            self.entry.start(value)
        elif target_id == "lrs:show":
            self.show_secret = not self.show_secret
            self.invalidate()
        elif target_id == "lrs:test":
            self.test()
        else:
            return False
        return True


def value_problem(value: str) -> str:
    return _("\u201c{value}\u201d is not a web address: write it whole, starting with http:// or https://, "
             "such as https://lrs.example.org/xAPI/. Not saved.").format(value=value.strip()[:80])


def tested_text(result: ProbeResult) -> tuple[str, str]:
    """What the LRS answered to the test, in the player's words, and its tone."""
    about, key = result.about, result.key
    if not result.reached:
        return _("The learning record store cannot be reached: {answer}").format(answer=about.text.strip()[:200]), "bad"
    if about.ok:
        first = _("It answered: xAPI {versions}.").format(versions=", ".join(result.versions) or "?")
    else:
        first = _("It has no /about page (HTTP {status}), so it does not say its xAPI version.").format(status=about.status)
    if key.ok:
        return first + " " + _("The key and secret were accepted."), "good"
    if key.unauthorized:
        return first + " " + _("The learning record store refused the key and secret: {answer}").format(answer=f"{key.status} {key.text.strip()[:200]}"), "bad"
    return first + " " + _("Reading a record failed: {answer}").format(answer=f"{key.status} {key.text.strip()[:200]}"), "bad"
