"""The frozen app's entry point (tools/bridges.spec): the same as ``bridges`` (game.cli; no command: play).

Kept outside the ``game`` package and the checkout's root so that PyInstaller finds ``game`` where the
building Python has it (a wheel in site-packages or the checkout), never by accident beside this file.
"""

import sys

from game.cli import main

if __name__ == "__main__":
    sys.exit(main())
