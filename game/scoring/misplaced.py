"""Which steps of a sequence the player put in the wrong place, for the feedback to name in plain words.

The steps kept are the longest run that is already in the right order; each
other step was moved, and it either came too early (it stands before a kept
step that belongs ahead of it) or too late::

    misplaced(["b", "c", "d", "a"], ["a", "b", "c", "d"])  ->  [Misplaced("a", early=False, other="b")]
"""

from __future__ import annotations

from typing import NamedTuple


class Misplaced(NamedTuple):
    """A step out of place: too early (it belongs after ``other``) or too late (it belongs before ``other``)."""

    step: str
    early: bool
    other: str


def _kept(ranks: list[int]) -> set[int]:
    """Positions of the longest increasing run of ranks (the first such run found)."""
    best = [1] * len(ranks)
    before = [-1] * len(ranks)
    for i in range(len(ranks)):
        for j in range(i):
            if ranks[j] < ranks[i] and best[j] + 1 > best[i]:
                best[i], before[i] = best[j] + 1, j
    kept, at = set(), (max(range(len(ranks)), key=best.__getitem__) if ranks else -1)
    while at >= 0:
        kept.add(at)
        at = before[at]
    return kept


def misplaced(order: list[str], correct: list[str]) -> list[Misplaced]:
    """The moved steps, in the player's order, each with the kept step it belongs after (or before)."""
    rank = {step: i for i, step in enumerate(correct)}
    ranks = [rank[step] for step in order]
    kept = _kept(ranks)
    found = []
    for i, step in enumerate(order):
        if i in kept:
            continue
        ahead = [order[j] for j in sorted(kept) if j > i and ranks[j] < ranks[i]]
        if ahead:
            found.append(Misplaced(step, True, max(ahead, key=rank.__getitem__)))
        else:
            behind = [order[j] for j in sorted(kept) if j < i and ranks[j] > ranks[i]]
            found.append(Misplaced(step, False, min(behind, key=rank.__getitem__)))
    return found
