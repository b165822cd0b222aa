"""Start-up to the first frame, as a whole process to time from outside (``/usr/bin/time``, hyperfine...).

``python -m benchmarks.first_frame`` starts Bridges as ``python main.py play``
does, paints its first frame (the real title screen) and exits;
``python -m benchmarks.first_frame --bare`` is the baseline: a bare pygame-ce
program that opens a window of the same size, fills it, flips one frame and
exits. Both read ``--size WxH`` (default 1920x1080). Headless:
``SDL_VIDEODRIVER=dummy``. :mod:`benchmarks.ui` times both from process start
to the first frame.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
if sys.platform.startswith("linux"):
    os.environ.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")  # what the game sets; the bare program gets it too

SIZE = (1920, 1080)


def size_of(argv: list[str]) -> tuple[int, int]:
    if "--size" not in argv:
        return SIZE
    width, _x, height = argv[argv.index("--size") + 1].partition("x")
    return int(width), int(height)


def bare(size: tuple[int, int]) -> None:
    import pygame

    pygame.display.init()
    screen = pygame.display.set_mode(size, pygame.RESIZABLE)
    screen.fill((16, 28, 48))
    pygame.display.flip()
    pygame.event.pump()


def bridges(size: tuple[int, int]) -> None:
    import pygame

    from game.ui.app import App

    app = App(size=size)
    app.draw()  # the title screen, as App.run paints it before anything else
    pygame.event.pump()
    app.close()


def main(argv: list[str]) -> int:
    (bare if "--bare" in argv else bridges)(size_of(argv))
    print("ready", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
