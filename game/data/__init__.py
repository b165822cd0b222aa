"""Data files that ship with the game (read with importlib.resources): the handbook glossary."""
