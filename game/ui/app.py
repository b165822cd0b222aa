"""The app: the window, the scene stack and the loop.

:func:`run` is what ``python main.py play`` calls. :class:`App` is the same
loop driven one step at a time, for tests and screenshots::

    app = App(size=(1280, 720), language="en")
    app.click("play")                 # posts a mouse press and release on a target
    app.key(pygame.K_2); app.key(pygame.K_RETURN)
    app.current_scene_name            # "choice", "feedback", ...

The loop is frugal: it sleeps until something happens, repaints only when
something changed (only the pressed or hovered button when that is all that
changed), and ticks the clock only while an animation (a fade under 200 ms,
a card's turn, a moving gauge; see :mod:`game.ui.motion`) runs.
"""

from __future__ import annotations

import os
import sys
import threading
import time
import warnings
from pathlib import Path
from typing import Any

import pygame

from game.ui.art import cache as art
from game.ui.driver import Driver
from game.ui.frames import Frames
from game.ui.i18n import _, languages, next_language, set_language
from game.ui.icons import icon
from game.ui import preload, screens
from game.ui.input import GLOBAL_ACTIONS, Action, InputMapper
from game.ui.library import Shelf, default_folders, load_entry
from game.ui.metrics import TEXT_SCALES, Metrics
from game.ui.prefs import Prefs
from game.ui.recorder import Results
from game.ui.text import Typesetter
from game.ui.theme import palette
from game.ui.view import Painter

DEFAULT_SIZE = (1280, 720)
SMALLEST = (640, 360)
POLL_ACTIVE_S = 0.004   # between looks for input in the half second after the last input
POLL_IDLE_S = 0.025     # and after that
ACTIVE_WINDOW_S = 0.5
FRAME_MS = 16


class App(Frames, Driver):
    """The game window with its scene stack; also a step-by-step driver for tests."""

    def __init__(
        self,
        size: tuple[int, int] | None = None,
        language: str | None = None,
        fullscreen: bool | None = None,
        scenario: Path | None = None,
        folders: list[Path] | None = None,
        seed: int | None = None,
        prefs: Prefs | None = None,
    ):
        os.environ.setdefault("SDL_WINDOWS_DPI_AWARENESS", "permonitorv2")  # native pixels on Windows
        if sys.platform.startswith("linux"):
            # Blit the window straight to X11 (MIT-SHM) rather than through an OpenGL texture: as fast with a GPU,
            # far cheaper without one (software GL costs ~15 ms a frame), and it keeps partial updates partial.
            os.environ.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")
        pygame.display.init()
        pygame.font.init()
        self.prefs = prefs or Prefs.load()
        if language:
            self.prefs.language = language
        set_language(self.prefs.language or "en")
        self.windowed_size = tuple(size or DEFAULT_SIZE)
        self.fullscreen = bool(self.prefs.fullscreen if fullscreen is None else fullscreen)
        pygame.display.set_icon(icon("bridge", 64, palette(False).primary))
        self.surface = self._open_window()
        pygame.key.stop_text_input()
        pygame.key.set_repeat(400, 40)
        self.typesetter = Typesetter()
        self.mapper = InputMapper(lambda v: self.metrics.u(v))
        self.folders = folders
        self.extra_scenarios: list[Path] = []  # files opened by path (python main.py play PATH), listed in the library too
        self.seed = seed
        self.stack: list[Any] = []
        self.play: Any = None
        self.results = Results()    # the results store, opened when first needed
        self.workshop: Any = None  # a running workshop (game.ui.workshop)
        self.text_floor = 1.0     # the smallest text scale shown (a workshop raises it for the room)
        self.running = True
        self.dirty = True          # repaint everything
        self.touched: list[pygame.Rect] = []  # or only these regions (hover and press changes)
        self.frames = 0
        self._rulebook: Any = None
        self._rulebook_lock = threading.Lock()
        self._warming: Any = None  # the fonts' warming under way (App.run starts it)
        self._preloaded = False
        self.shelf = Shelf(lambda: self.rulebook.ids)  # the library, kept between the screens that list it
        self._fade: pygame.Surface | None = None
        self._fade_ms = 0.0
        self._fade_way = 1
        self._animating = False
        self._dim: pygame.Surface | None = None
        self._backdrop: pygame.Surface | None = None
        self._backdrop_key: tuple = ()
        self._configure()
        if scenario is not None:
            self.open_scenario(Path(scenario))
        else:
            self.reset_to("title", fade=False)

    # ----- window -------------------------------------------------------------------
    def _open_window(self) -> pygame.Surface:
        """The window at its windowed size; made fullscreen after, so F11 later returns to that size."""
        surface = pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)
        if self.fullscreen:
            self._set_fullscreen(True)
            surface = pygame.display.get_surface() or surface
        return surface

    @staticmethod
    def _window() -> Any:
        """The display module's window as a :class:`pygame.Window` (pygame-ce's fullscreen calls live there)."""
        with warnings.catch_warnings():  # it advises Window.get_surface for new windows; this one is the display module's
            warnings.simplefilter("ignore", DeprecationWarning)
            return pygame.Window.from_display_module()

    def _set_fullscreen(self, on: bool) -> None:
        """Fullscreen at the desktop's size (no video mode change), or back to the window it was, where it was.

        ``pygame.display.set_mode(..., FULLSCREEN)`` and ``toggle_fullscreen`` re-create the window: under
        a bare X server that left it offset and forcibly resized, and the way back kept the screen's size.
        """
        window = self._window()
        if on:
            window.set_fullscreen(desktop=True)
        else:
            window.set_windowed()
            if tuple(window.size) != self.windowed_size:
                window.size = self.windowed_size
        pygame.event.pump()  # let pygame-ce resize the display surface to the window now

    def _configure(self) -> None:
        """Recompute sizes and palette; every scene rebuilds."""
        self.size = self.surface.get_size()
        self.metrics = Metrics(self.size, max(self.prefs.text_scale, self.text_floor))
        self.palette = palette(self.prefs.high_contrast)
        self.painter = Painter(self.typesetter, self.palette, self.metrics.u)
        self._dim = self._backdrop = None
        if self._preloaded:
            self._warming = preload.warm_fonts(self)  # new sizes: warm them too
        pygame.display.set_caption(_("Bridges"))
        for scene in self.stack:
            scene.invalidate()
        self.dirty = True

    def resize(self, size: tuple[int, int]) -> None:
        size = (max(SMALLEST[0], int(size[0])), max(SMALLEST[1], int(size[1])))
        if not self.fullscreen:
            self.windowed_size = size
            if self.surface.get_size() != size:
                self.surface = pygame.display.set_mode(size, pygame.RESIZABLE)
        self.surface = pygame.display.get_surface() or self.surface
        self._configure()

    def toggle_fullscreen(self) -> None:
        self.fullscreen = not self.fullscreen
        self.prefs.fullscreen = self.fullscreen
        self.prefs.save()
        self._set_fullscreen(self.fullscreen)
        self.surface = pygame.display.get_surface() or self.surface
        self._configure()

    # ----- settings that re-render everything --------------------------------------------
    def set_language(self, lang: str) -> None:
        self.prefs.language = set_language(lang)
        self.prefs.save()
        self._configure()

    def switch_language(self) -> None:
        """F2 and the top bar's language button: the other language when there are two, else the chooser (F2 again closes it)."""
        if len(languages()) <= 2:
            self.set_language(next_language())
        elif self.showing("language-chooser"):
            self.pop()
        else:
            self.show("language-chooser")

    def set_text_scale(self, scale: float) -> None:
        if scale in TEXT_SCALES:
            self.prefs.text_scale = scale
            self.prefs.save()
            self._configure()

    def step_text_scale(self, step: int) -> None:
        index = TEXT_SCALES.index(self.prefs.text_scale) if self.prefs.text_scale in TEXT_SCALES else 0
        self.set_text_scale(TEXT_SCALES[max(0, min(len(TEXT_SCALES) - 1, index + step))])

    def set_high_contrast(self, on: bool) -> None:
        self.prefs.high_contrast = bool(on)
        self.prefs.save()
        self._configure()

    def set_motion(self, on: bool) -> None:
        self.prefs.motion = bool(on)
        self.prefs.save()
        self.dirty = True

    # ----- the scene stack ---------------------------------------------------------------
    @property
    def top(self) -> Any:
        return self.stack[-1] if self.stack else None

    @property
    def current_scene_name(self) -> str:
        return self.top.name if self.top else ""

    def push(self, scene: Any, fade: bool = True) -> None:
        self._before_change(fade, 1 if scene.opaque else 0)
        self.stack.append(scene)
        scene.enter(self)

    def pop(self, fade: bool = True) -> None:
        if len(self.stack) > 1:
            self._before_change(fade, -1 if self.top.opaque else 0)
            self.stack.pop().exit()
            self.top.invalidate()

    def replace(self, scene: Any, fade: bool = True) -> None:
        self._before_change(fade)
        if self.stack:
            self.stack.pop().exit()
        self.stack.append(scene)
        scene.enter(self)

    def reset(self, scene: Any, fade: bool = True) -> None:
        """Clear the stack and show ``scene``."""
        self._before_change(fade)
        while self.stack:
            self.stack.pop().exit()
        self.stack.append(scene)
        scene.enter(self)

    def _before_change(self, fade: bool, way: int = 1) -> None:
        """Before the screen changes: keep a picture of the old one to fade out, sliding ``way`` (1 forward:
        to the left; -1 back: to the right; 0 an overlay: no slide). Nothing with motion off."""
        self.mapper.reset_pointer()
        if fade and self.prefs.motion and self.frames:
            self._fade = self.surface.copy()
            self._fade_ms = 0.0
            self._fade_way = way
        self.dirty = True

    # ----- shared destinations -------------------------------------------------------------
    @property
    def rulebook(self) -> Any:
        with self._rulebook_lock:  # the preload may be reading it
            if self._rulebook is None:
                from game.scoring.rulebook import default_rulebook  # lazy: the models load off the start-up path

                self._rulebook = default_rulebook()
        return self._rulebook

    def library_folders(self) -> list[Path]:
        folders = self.folders if self.folders is not None else default_folders()
        return folders + [p for p in self.extra_scenarios if p.parent.resolve() not in {f.resolve() for f in folders}]

    def library(self) -> list[Any]:
        """Every scenario the library lists, checked, in its order (see :class:`game.ui.library.Shelf`)."""
        return self.shelf.entries(self.library_folders())

    def open_scenario(self, path: Path) -> None:
        """Straight to a scenario's briefing (the library lists it if it has problems)."""
        if path.is_dir():
            self.add_pack(path)
            self.reset_to("library", fade=False)
            return
        self.extra_scenarios.append(Path(path))
        entry = load_entry(path, self.rulebook.ids)
        if entry.ok:
            self.reset_to("briefing", entry, fade=False)
        else:
            self.reset_to("library", fade=False)

    def add_pack(self, path: Path) -> None:
        """List a scenario pack in the library: a folder as it is, a .zip unpacked into the data folder, a .yaml file alone.
        Raises game.packs.PackError saying why it cannot."""
        from game.packs import PackError, open_pack, scenario_folders  # lazy: zip handling only when a pack is added

        path = Path(path)
        if path.is_file() and path.suffix.lower() == ".yaml":
            self.extra_scenarios.append(path)
            return
        found = scenario_folders(open_pack(path))
        if not found:
            raise PackError(f"'{path.name}' holds no scenario (.yaml) file")
        listed = {f.resolve() for f in self.library_folders()}
        self.folders = [*self.library_folders(), *(f for f in found if f.resolve() not in listed)]

    def start_play(self, entry: Any, session: Any = None) -> None:
        """Play a scenario: from the start, or a saved game's session; it is recorded in the results store."""
        from game.ui.play import Play  # lazy: the engine and grader load with the first game, not for the title's first frame

        self.play = Play(entry, self.rulebook, session=session, seed=self.seed, results=self.results)
        self.show_current_decision()

    def show_current_decision(self) -> None:
        self.reset_to("decision", self.play)
        self.play.decision_shown()

    def open_saves(self) -> None:
        """The Save / Load screen (saving only while a game is being played)."""
        self.show("saves", once=True)

    def leave_play(self) -> None:
        self.play = None
        self.reset_to("library")

    # ----- screens by name (game.ui.screens: no scene imports another) ---------------------
    def show(self, name: str, *args: Any, fade: bool = True, once: bool = False, **kwargs: Any) -> Any:
        """Push the screen registered as ``name`` (built with these arguments) and return it; with ``once``, nothing
        when that screen is already on top (a key pressed twice opens it once)."""
        if once and self.showing(name):
            return self.top
        scene = screens.make(name, *args, **kwargs)
        self.push(scene, fade=fade)
        return scene

    def reset_to(self, name: str, *args: Any, fade: bool = True, **kwargs: Any) -> Any:
        """Clear the stack and show the screen ``name``."""
        scene = screens.make(name, *args, **kwargs)
        self.reset(scene, fade=fade)
        return scene

    def replace_with(self, name: str, *args: Any, fade: bool = True, **kwargs: Any) -> Any:
        """Show the screen ``name`` instead of the one on top."""
        scene = screens.make(name, *args, **kwargs)
        self.replace(scene, fade=fade)
        return scene

    def showing(self, *names: str) -> bool:
        """Whether the screen on top is one of these (by name)."""
        return self.top is not None and self.top.name in names

    def close_screens(self, *names: str) -> None:
        """Take every screen called one of these off the stack (the one on top with a fade)."""
        for scene in [s for s in self.stack if s.name in names]:
            if scene is self.top:
                self.pop()
            else:
                self.stack.remove(scene)
                scene.exit()

    def asks_player(self) -> bool:
        """Whether a new solo game first asks who is playing (once a run; the settings can turn it off)."""
        return self.prefs.ask_player and not self.results.asked

    def open_help(self, topic: str) -> None:
        self.show("help", topic, once=True)

    def open_glossary(self) -> None:
        """The handbook's terms, over whatever is on screen (from the help or the debrief)."""
        self.show("glossary", self.rulebook, once=True)

    def open_story_map(self, entry: Any) -> None:
        """The trainer's story map of a scenario (from a library card, or from F5's problems overlay)."""
        self.show("story-map", entry, once=True)

    def play_from_scene(self, entry: Any, scene_id: str) -> bool:
        """Search for a play that reaches a scene and play from it, waiting for the search (for scripts and
        tests; the story map searches in the background). False when no play found reaches the scene."""
        from game.scoring.reach import session_at  # lazy: the search is only for the story map and scripts

        session = session_at(entry.scenario, scene_id, self.rulebook, seed=self.seed or 0)
        if session is not None:
            self.play_from_session(entry, session)
        return session is not None

    def play_from_session(self, entry: Any, session: Any) -> None:
        """Play a scenario from a session a search reached (the story map's "play from this scene"); a
        trainer's preview, not recorded in the results."""
        from game.ui.play import Play  # lazy, as in start_play

        self.play = Play(entry, self.rulebook, session=session, seed=self.seed, results=None)
        self.play.preview = True
        self.show_current_decision()

    def open_people(self) -> None:
        if self.play is not None:
            self.show("people", once=True)

    def open_menu(self) -> None:
        if self.play is not None:
            self.show("pause", once=True)

    def activate_common(self, target_id: str) -> None:
        """Targets every screen shares (top bar and status bar buttons)."""
        if target_id == "global:language":
            self.switch_language()
        elif target_id == "global:back":
            self.top.back()
        elif target_id == "global:people":
            self.open_people()
        elif target_id == "global:menu":
            self.open_menu()
        elif target_id == "global:help":
            self.open_help(self.top.help_topic)
        elif target_id == "global:settings":
            self.show("settings")

    # ----- events and actions ---------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> None:
        kind = event.type
        if kind == pygame.QUIT:
            self.running = False
        elif kind == pygame.VIDEORESIZE:
            self.resize(event.size)
        elif kind == pygame.WINDOWSIZECHANGED:
            if self.surface.get_size() != self.size or (pygame.display.get_surface() and pygame.display.get_surface().get_size() != self.size):
                self.resize(pygame.display.get_surface().get_size())
        elif kind == art.ARRIVED:
            self.art_arrived()
        elif kind in (pygame.WINDOWEXPOSED, pygame.WINDOWRESTORED, pygame.WINDOWSHOWN, pygame.VIDEOEXPOSE):
            self.dirty = True
        elif kind == pygame.WINDOWLEAVE:
            self.mapper.hovered = None
            self.dirty = True
        elif kind == pygame.DROPFILE:
            dropped = getattr(self.top, "dropped", None)
            if dropped is not None:  # only the library takes files dropped on the window
                dropped(Path(event.file))
        elif self.top is not None:
            if kind in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN):
                self.finish_motion()  # a press never waits for an animation: it ends it and acts
            mapper = self.mapper
            before = (mapper.hovered, mapper.pressed, mapper.keyboard_used)
            for action in mapper.convert(event, self.top):
                self.dispatch(action)
            if mapper.changed:
                mapper.changed = False
                if before[2] != mapper.keyboard_used:
                    self.dirty = True  # the focus ring appears or goes
                elif not self.dirty:
                    self._touch({before[0], before[1], mapper.hovered, mapper.pressed} - {None})
        if self.mapper.changed:
            self.mapper.changed = False
            self.dirty = True

    def _touch(self, target_ids: set[str]) -> None:
        """Mark the screen regions of some targets of the top scene for a partial repaint."""
        scene = self.top
        view = scene.view if scene is not None else None
        for target_id in target_ids:
            target = view.find(target_id) if view is not None else None  # where it is now (a rebuild's changes are found by diffing)
            if target is None:
                self.dirty = True
                return
            self.touched.append(view.on_screen(target, scene.scroll).inflate(self.metrics.u(16), self.metrics.u(16)))

    def dispatch(self, action: Action) -> None:
        """Settings every screen shares are handled here; the rest go to the top scene."""
        kind = action.kind
        if kind == "reload":
            from game.ui.reload import reload_scenario  # lazy: F5 is a trainer's key; it loads the checker when pressed

            reload_scenario(self)
            return
        if kind in GLOBAL_ACTIONS:
            if kind == "language":
                self.switch_language()
            elif kind == "fullscreen":
                self.toggle_fullscreen()
            elif kind == "contrast":
                self.set_high_contrast(not self.prefs.high_contrast)
            elif kind in ("text_bigger", "text_smaller"):
                self.step_text_scale(1 if kind == "text_bigger" else -1)
            elif kind == "quit":
                self.running = False
            return
        self.top.handle(action)

    def step(self, dt: float = FRAME_MS) -> None:
        """Handle every pending event, advance animations by ``dt`` ms, repaint if needed."""
        for event in pygame.event.get():
            self.handle_event(event)
            if not self.running:
                return
        self.update(dt)
        self._repaint_if_needed()

    def run(self) -> int:
        """The real loop: repaint only on change, tick the clock only while animating.

        When nothing moves it sleeps between short looks at the event queue:
        pygame-ce's ``event.wait`` itself polls every millisecond (about 3 %
        of a core on a static screen), while a 25 ms sleep costs a few tenths
        of a percent and is still quicker than anyone notices.
        """
        clock = pygame.time.Clock()
        self.draw()
        self.start_preload()
        last_input = time.perf_counter()
        while self.running:
            if self.animating:
                dt = clock.tick(60)
                events = pygame.event.get()
            else:
                events = pygame.event.get()
                if not events:
                    if self.idle_work():
                        continue
                    quiet = time.perf_counter() - last_input
                    time.sleep(POLL_ACTIVE_S if quiet < ACTIVE_WINDOW_S else POLL_IDLE_S)
                    continue
                clock.tick()
                dt = FRAME_MS
            if events:
                last_input = time.perf_counter()
            for event in events:
                self.handle_event(event)
                if not self.running:
                    break
            if not self.running:
                break
            self.update(dt)
            self._repaint_if_needed()
        return 0

    def start_preload(self) -> None:
        """Read what the screens list in the background and warm the fonts on idle frames (see :mod:`game.ui.preload`)."""
        preload.start(self)
        self._preloaded = True
        self._warming = preload.warm_fonts(self)

    def idle_work(self) -> bool:
        """Do one small piece of work ahead while nothing else is to be done (the fonts' warming, then a face
        shown lately in a mood not drawn yet); False when none is left."""
        if self._warming is not None and next(self._warming, False) is not False:
            return True
        self._warming = None
        return art.draw_ahead()

    def close(self) -> None:
        while self.stack:
            self.stack.pop().exit()
        self.results.close()
        pygame.display.quit()


def run(scenario: Path | None = None, language: str | None = None, size: tuple[int, int] | None = None, fullscreen: bool = False) -> int:
    """Start pygame, play until the window closes; returns the exit code (0)."""
    app = App(size=size, language=language, fullscreen=fullscreen or None, scenario=scenario)
    try:
        return app.run()
    finally:
        app.close()
