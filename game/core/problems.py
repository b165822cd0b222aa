"""Problems found in an author's file, and the one error type the loader raises.

Every message a trainer sees has the same shape::

    scenarios/river.yaml:12:7: scenes.first-contact.next: unknown scene 'choose-partner': did you mean 'choose-partners'?
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Iterable

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One finding of the checker, pointing at a file, line and column (1-based)."""

    file: str
    line: int
    col: int
    path: str
    message: str
    severity: str = ERROR

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.col}"
        label = "" if self.severity == ERROR else "warning: "
        path = f" {self.path}:" if self.path else ""
        return f"{where}:{path} {label}{self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


class ContentError(Exception):
    """Raised when a file cannot be read as content; carries its problems."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @property
    def first(self) -> Problem:
        return self.problems[0]


class YamlError(ContentError):
    """The hardened loader's only error: one problem with file, line and column."""

    def __init__(self, file: str, line: int, col: int, message: str):
        self.file, self.line, self.col, self.message = file, line, col, message
        super().__init__([Problem(file, line, col, "", message)])


EXCERPT = "\n    | "  # a YAML syntax message ends with the line as written and a caret under the place


def without_excerpt(text: str) -> str:
    """A problem's words without the quoted line and caret (for screens in a proportional font)."""
    return text.split(EXCERPT, 1)[0]


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice closest to ``word`` in spelling, or None when nothing is close."""
    close = difflib.get_close_matches(str(word), sorted(set(choices)), n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """Return " did you mean 'x'?" for the closest choice, or an empty string."""
    close = closest(word, choices)
    return f" did you mean '{close}'?" if close else ""


def listed(names: list[str], most: int = 5) -> str:
    """'a', 'b', 'c' and 4 more: a short list of ids for a message."""
    shown = ", ".join(f"'{n}'" for n in names[:most])
    return shown + (f" and {len(names) - most} more" if len(names) > most else "")
