"""Bridges: ``python main.py [command]`` hands over to game.cli (no command: play)."""

import sys

from game.cli import main

if __name__ == "__main__":
    sys.exit(main())
