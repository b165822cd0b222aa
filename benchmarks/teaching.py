"""Benchmark: does each shipped scenario need the handbook, or can surface tricks pass it?

Run: ``python -m benchmarks.teaching [--ref GITREF] [--plays N]``. Prints a
Markdown table, one row per shipped scenario: the expert, random mean and
worst scores, every surface policy's score (bold when above random mean +
15), and each reader's hit rate on single-answer scenes beside chance (bold
when above chance + 10 over at least four scenes). With ``--ref`` the
scenarios are read from that git commit (``git show REF:scenarios/NAME.yaml``
into a temporary folder), so a change can be reported before and after; they
are checked and analysed with today's engine and rulebook.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from game.core.checker import check_file
from game.scoring.analyzer import SURFACE_MARGIN, analyze
from game.scoring.hitrates import too_high
from game.scoring.policies import SURFACE_POLICIES
from game.scoring.readers import READERS
from game.scoring.rulebook import default_rulebook

ROOT = Path(__file__).resolve().parents[1]
RULEBOOK_NAME = "rulebook.yaml"


def scenario_files(ref: str | None, folder: Path) -> list[Path]:
    """The shipped scenarios: today's files, or those of commit ``ref`` copied into ``folder``."""
    if ref is None:
        return sorted(p for p in (ROOT / "scenarios").glob("*.yaml") if p.name != RULEBOOK_NAME)
    names = subprocess.run(["git", "ls-tree", "--name-only", f"{ref}:scenarios"], cwd=ROOT, check=True, capture_output=True, text=True).stdout.split()
    paths = []
    for name in sorted(n for n in names if n.endswith(".yaml") and n != RULEBOOK_NAME):
        text = subprocess.run(["git", "show", f"{ref}:scenarios/{name}"], cwd=ROOT, check=True, capture_output=True).stdout
        (folder / name).write_bytes(text)
        paths.append(folder / name)
    return paths


def header() -> list[str]:
    columns = ["scenario", "expert", "random", "worst", *SURFACE_POLICIES, *(f"reader: {n}" for n in READERS)]
    return ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]


def row(name: str, report: dict) -> str:
    policies, mean = report["policies"], report["random"]["mean"]
    cells = [name, f"{policies['expert']['score']:.1f}", f"{mean:.1f}", f"{policies['worst']['score']:.1f}"]
    for policy in SURFACE_POLICIES:
        score = policies[policy]["score"]
        cells.append(f"**{score:.1f}**" if score > mean + SURFACE_MARGIN else f"{score:.1f}")
    for reader in READERS:
        rate = report["readers"][reader]
        if not rate["scenes"]:
            cells.append("–")
            continue
        cell = f"{rate['hits']:g}/{rate['scenes']} = {rate['rate']:.0f} % (chance {rate['chance']:.0f} %)"
        cells.append(f"**{cell}**" if too_high(rate) else cell)
    return "| " + " | ".join(cells) + " |"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.teaching", description=__doc__.splitlines()[0])
    parser.add_argument("--ref", help="read the scenarios from this git commit")
    parser.add_argument("--plays", type=int, default=500, help="random plays per scenario (default 500)")
    args = parser.parse_args(argv)
    rulebook = default_rulebook()
    with tempfile.TemporaryDirectory(prefix="bridges-teaching-") as temp:
        paths = scenario_files(args.ref, Path(temp))
        print(f"Scenarios at {args.ref or 'the working tree'}; {args.plays} random plays each. Bold: above random mean + {SURFACE_MARGIN:.0f} (policies) or chance + 10 (readers, 4 or more single-answer scenes).")
        print()
        print("\n".join(header()))
        for path in paths:
            checked = check_file(path, rulebook.ids)
            if not checked.ok:
                columns = len(header()[0].split("|")) - 3
                print("| " + " | ".join([path.stem, f"does not check: {checked.errors[0] if checked.errors else '?'}"] + [""] * (columns - 2)) + " |")
                continue
            print(row(path.stem, analyze(checked.scenario, rulebook, plays=args.plays)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
