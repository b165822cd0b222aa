"""The scenario library: title, summary, length, topics and best score of each
scenario, in two groups (those that come with Bridges, and the trainer's own);
files with problems are listed with the checker's messages. A scenario pack
(a folder or a .zip) dropped on the window is added to the trainer's group."""

from __future__ import annotations

import pygame

from game.core.problems import without_excerpt
from game.ui import saving
from game.ui.i18n import _, language_name, languages, ngettext, tr
from game.ui.layout import Builder, ButtonSpec
from game.store.paths import scenarios_dir
from game.ui.library import OWN, SHIPPED, Entry, grouped, pack_of
from game.ui.scenes.base import Scene, default_focus
from game.ui.scenes.chrome import column, top_bar
from game.ui.theme import L, M, S, XL

Rect = pygame.Rect
MAX_PROBLEMS = 6


class LibraryScene(Scene):
    name = "library"

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[Entry] = []
        self.best: dict[str, dict] = {}
        self.autosave: saving.Slot | None = None  # the game in progress, if the autosave holds one that loads
        self.notice = ""  # why a dropped pack could not be added

    def enter(self, app) -> None:
        super().enter(app)
        self.reload()

    def reload(self) -> None:
        """Read the scenario folders, the best scores and the autosave (again, with F5)."""
        app = self.app
        self.entries = app.library()
        self.best = app.results.best_scores()
        auto = next((s for s in saving.survey(self.entries) if s.slot == saving.AUTOSAVE), None)
        self.autosave = auto if auto is not None and auto.loadable and not auto.finished else None
        self.invalidate()

    def build(self, b: Builder) -> None:
        top = top_bar(b, _("Scenarios"), buttons=[ButtonSpec("items", _("Options chosen"), "header", "timeline"),
                                                   ButtonSpec("saves", _("Saved games"), "header", "save")])
        x, width = column(b)
        columns = 2 if width >= b.u(1300) * b.m.text_scale and len(self.entries) > 1 else 1
        gap = b.u(L)
        card_w = (width - gap * (columns - 1)) // columns
        with b.view.scrolling(Rect(0, top, b.m.width, b.m.height - top)):
            y = top + b.u(XL)
            intro = _("Choose a scenario. Each one is a story of one NGO; every decision is graded against the handbook.")
            y += b.text(intro, "body", x, y, width, "muted") + b.u(L)
            if self.autosave is not None:
                y += self._continue(b, self.autosave, x, y, width) + gap
            if self.notice:
                y += b.text(self.notice, "body", x, y, width, "bad") + b.u(L)
            if not self.entries:
                y += b.text(_("No scenarios were found."), "h3", x, y, width) + b.u(L)
            groups = grouped(self.entries)
            playable = 0
            for group, title in ((SHIPPED, _("Scenarios that come with Bridges")), (OWN, _("Your scenarios"))):
                entries = groups[group]
                if not entries and group == SHIPPED:
                    continue
                y += b.text(title, "h1", x, y, width) + b.u(S)
                if group == OWN:
                    hint = _("Scenarios you create with 'bridges new' are kept in {folder}. "
                             "To add a scenario pack, drag its .zip file or folder onto this window.").format(folder=scenarios_dir())
                    y += b.text(hint, "small", x, y, width, "muted") + b.u(L)
                for row_start in range(0, len(entries), columns):
                    row = entries[row_start:row_start + columns]
                    heights = []
                    for i, entry in enumerate(row):
                        cx = x + i * (card_w + gap)
                        if entry.ok:
                            playable += 1
                            heights.append(self._card(b, entry, cx, y, card_w, playable))
                        else:
                            heights.append(self._broken(b, entry, cx, y, card_w))
                    y += max(heights) + gap
                y += b.u(L)
        first = next((e for e in self.entries if e.ok), None)
        if self.autosave is not None:
            default_focus(b, "continue")
        elif first is not None:
            default_focus(b, f"play:{first.id}")

    def _continue(self, b: Builder, auto: saving.Slot, x: int, y: int, w: int) -> int:
        """A card at the top: go on with the game in the autosave."""
        pad = b.u(L)
        inner = w - 2 * pad
        index = b.view.mark()
        card = Rect(x, y, w, 0)
        label = _("Continue")
        button_w = min(inner, b.button_natural_width(label, "right"))
        side = button_w <= inner // 3
        text_w = inner - button_w - b.u(L) if side else inner
        cy = y + pad
        size = b.line_height("h3")
        b.icon("reload", x + pad, cy, size, "primary")
        cy += b.text(_("Your game in progress"), "h3", x + pad + size + b.u(M), cy, text_w - size - b.u(M), container=card) + b.u(S)
        cy += b.text(auto.title, "strong", x + pad, cy, text_w, container=card) + b.u(4)
        cy += b.text(auto.details(), "body", x + pad, cy, text_w, "muted", container=card)
        h = b.button_height(label, button_w, "right")
        if side:
            b.button("continue", label, Rect(x + w - pad - button_w, y + pad + max(0, (cy - y - pad - h) // 2), button_w, h), "primary", "right")
            cy = max(cy, y + pad + h)
        else:
            cy += b.u(M)
            b.button("continue", label, Rect(x + pad, cy, inner, h), "primary", "right")
            cy += h
        card.h = cy + pad - y
        b.card(card, "primary_soft", "primary", index=index)
        return card.h

    def target_of(self, entry: Entry) -> str:
        """"play:<id>"; a second file with the same id (a trainer's copy) gets "play:<id>#2"."""
        same = [e for e in self.entries if e.ok and e.id == entry.id]
        place = next((i for i, e in enumerate(same) if e is entry), 0)
        return f"play:{entry.id}" + (f"#{place + 1}" if place else "")

    def _card(self, b: Builder, entry: Entry, x: int, y: int, w: int, number: int) -> int:
        scenario = entry.scenario
        pad = b.u(L)
        inner = w - 2 * pad
        index = b.view.mark()
        card = Rect(x, y, w, 0)
        cy = y + pad
        cy += b.text(tr(scenario.title), "h2", x + pad, cy, inner, "text", container=card) + b.u(S)
        cy += b.text(tr(scenario.summary), "body", x + pad, cy, inner, "text", container=card) + b.u(M)
        pack = pack_of(entry)
        if sum(1 for e in self.entries if e.ok and e.id == entry.id) > 1:  # which file is which
            cy += b.text(str(entry.path), "small", x + pad, cy, inner, "muted", container=card) + b.u(S)
        elif pack is not None:
            cy += b.text(_("From the pack {name}").format(name=pack), "small", x + pad, cy, inner, "muted", container=card) + b.u(S)
        minutes = ngettext("about {n} minute", "about {n} minutes", scenario.minutes).format(n=scenario.minutes)
        size = b.line_height("small_bold")
        b.icon("weeks", x + pad, cy + b.u(2), size - b.u(4), "muted")
        cy += b.text(minutes, "small_bold", x + pad + size, cy, inner - size, "muted", container=card) + b.u(S)
        b.icon("globe", x + pad, cy + b.u(2), size - b.u(4), "muted")  # the languages it is written in, each named in itself
        order = {lang: i for i, lang in enumerate(languages())}  # the chooser's order, then any the game has no catalog for
        spoken = " · ".join(language_name(lang) for lang in sorted(dict.fromkeys(scenario.languages), key=lambda lang: order.get(lang, len(order))))
        cy += b.text(spoken, "small", x + pad + size, cy, inner - size, "muted", container=card) + b.u(S)
        if scenario.topics:
            cy += self._topics(b, [tr(t) for t in scenario.topics], x + pad, cy, inner, card) + b.u(S)
        best = self.best.get(scenario.id)
        if best:
            text = _("Best score so far: {score} of 100 (grade {grade})").format(score=round(best["overall"]), grade=best.get("grade") or "-")
            icon = "trophy"
        else:
            text, icon = _("Not played yet"), "flag"
        b.icon(icon, x + pad, cy + b.u(2), size - b.u(4), "primary")
        cy += b.text(text, "small_bold", x + pad + size, cy, inner - size, "text", container=card) + b.u(S)
        if self.autosave is not None and self.autosave.info.scenario == scenario.id:
            cy += b.text(_("A game in progress is saved."), "small", x + pad + size, cy, inner - size, "muted", container=card) + b.u(S)
        label = _("Play")
        h = b.button_height(label, inner, "right", number)
        cy += b.u(S)
        b.button(self.target_of(entry), label, Rect(x + pad, cy, inner, h), "primary", "right", hotkey=number if number < 10 else None)
        cy += h + b.u(S)
        label = _("Story map")  # the trainer's view: every scene and way on, a click plays from there
        h = b.button_height(label, inner, "flow")
        b.button("map:" + self.target_of(entry).split(":", 1)[1], label, Rect(x + pad, cy, inner, h), "secondary", "flow")
        cy += h + pad
        card.h = cy - y
        b.card(card, target=None, index=index)
        return card.h

    def _topics(self, b: Builder, topics: list[str], x: int, y: int, width: int, card: Rect) -> int:
        """Topic chips in rows; a topic longer than the card wraps inside a taller chip."""
        cx, cy, row_h = x, y, 0
        for topic in topics:
            w = min(width, b.text_width(topic, "small") + b.u(2 * M))
            h = b.text_height(topic, "small", w - b.u(2 * M)) + b.u(S)
            if cx > x and cx + w > x + width:
                cx, cy, row_h = x, cy + row_h + b.u(S), 0
            chip = Rect(cx, cy, w, h)
            b.box(chip, "primary_soft", "primary", 1, radius=20)
            b.text(topic, "small", cx + b.u(M), cy + b.u(S) // 2, w - b.u(2 * M), "text", container=chip)
            cx += w + b.u(S)
            row_h = max(row_h, h)
        return cy + row_h - y

    def _broken(self, b: Builder, entry: Entry, x: int, y: int, w: int) -> int:
        pad = b.u(L)
        inner = w - 2 * pad
        index = b.view.mark()
        card = Rect(x, y, w, 0)
        cy = y + pad
        size = b.line_height("h3")
        b.icon("warning", x + pad, cy, size, "bad")
        cy += b.text(entry.path.name, "h3", x + pad + size + b.u(M), cy, inner - size - b.u(M), "text", container=card) + b.u(S)
        cy += b.text(_("This scenario has problems and cannot be played yet. The checker says:"), "body", x + pad, cy, inner, "text", container=card) + b.u(S)
        for problem in entry.problems[:MAX_PROBLEMS]:
            cy += b.text(without_excerpt(problem), "small", x + pad, cy, inner, "text", container=card) + b.u(4)
        more = len(entry.problems) - MAX_PROBLEMS
        if more > 0:
            cy += b.text(ngettext("and {n} more problem", "and {n} more problems", more).format(n=more), "small_bold", x + pad, cy, inner, "muted", container=card)
        cy += pad
        card.h = cy - y
        b.card(card, "bad_soft", "bad", index=index)
        return card.h

    def activate(self, target_id: str) -> None:
        if target_id == "continue" and self.autosave is not None:
            self.app.start_play(self.autosave.entry, self.autosave.session)
        elif target_id == "saves":
            self.app.open_saves()
        elif target_id == "items":
            self.app.show("items")
        elif target_id.startswith("map:"):
            entry = next((e for e in self.entries if e.ok and self.target_of(e) == "play:" + target_id[4:]), None)
            if entry is not None:
                self.app.open_story_map(entry)
        elif target_id.startswith("play:"):
            entry = next((e for e in self.entries if e.ok and self.target_of(e) == target_id), None)
            if entry is not None:
                self.app.show("briefing", entry)
        else:
            super().activate(target_id)

    def dropped(self, path) -> None:
        """A pack (a .zip file or a folder) or a scenario file dropped on the window is added; if it cannot be, the notice says why."""
        from game.packs import PackError

        try:
            self.app.add_pack(path)
            self.notice = ""
        except PackError as exc:
            self.notice = str(exc)
        self.reload()

    def back(self) -> None:
        if len(self.app.stack) > 1:
            self.app.pop()
        else:
            self.app.reset_to("title")
