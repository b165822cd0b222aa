"""Benchmark: load and check generated scenarios of ~100 KB and ~1 MB.

Run: ``python -m benchmarks.load``. For each file it prints the time of a
bare ``yaml.load(..., CSafeLoader)``, of the hardened loader alone, and of
loading plus both checker passes, best of several runs, all in this process.
Targets: 100 KB in under 100 ms, 1 MB in under 1 s, at most 2x the bare loader.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import yaml

from game.core.checker import check_file
from game.core.yamlsafe import load_bytes
from game.scoring.rulebook import default_rulebook

HEADER = """format: 1
id: bench
title: {en: Benchmark, bg: Тест}
summary: {en: A generated scenario, bg: Генериран сценарий}
languages: [en, bg]
minutes: 30
ngo: {name: {en: NGO, bg: НПО}, cause: {en: Cause, bg: Кауза}, town: {en: Town, bg: Град}}
resources:
  budget: {start: 1000, min: 0}
  weeks: {start: 20, min: 0}
start: s0
scenes:
"""

SCENE = """  s{i}:
    kind: choice
    phase: before
    title: {{en: "Decision {i}", bg: "Решение {i}"}}
    text:
      en: "Scene {i}: the partners meet again and you must decide how to keep the coalition working together."
      bg: "Сцена {i}: партньорите се срещат отново и трябва да решите как коалицията да продължи да работи заедно."
    options:
      - id: a
        text: {{en: "Talk openly about the problem with every partner", bg: "Обсъдете открито проблема с всеки партньор"}}
        effects: [{{resource: weeks, add: -1}}]
        evidence: {{honours: [dynamics.transparency]}}
        feedback: {{en: "Everyone knows where things stand.", bg: "Всички знаят докъде са нещата."}}
        next: {next}
      - id: b
        text: {{en: "Decide alone and inform the partners later", bg: "Решете сами и уведомете партньорите по-късно"}}
        effects: [{{resource: budget, add: -10}}]
        evidence: {{breaks: [dynamics.transparency]}}
        next: {next}
"""

ENDING = """  end:
    kind: ending
    outcome: success
    text: {en: The end, bg: Край}
"""


def generate(target_bytes: int) -> bytes:
    parts, i, size = [HEADER], 0, len(HEADER)
    while size < target_bytes:
        chunk = SCENE.format(i=i, next=f"s{i + 1}")
        parts.append(chunk)
        size += len(chunk.encode())
        i += 1
    parts[-1] = parts[-1].replace(f"next: s{i}", "next: end")
    parts.append(ENDING)
    return "".join(parts).encode()


def best_of(runs: int, fn) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    ids = default_rulebook().ids
    print(f"{'file':>8} {'bytes':>9} {'bare CSafeLoader':>17} {'hardened load':>14} {'load+check':>11} {'load/bare':>10} {'check/bare':>11} {'target':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for label, size, target, runs in (("100 KB", 100_000, 0.1, 7), ("1 MB", 1_000_000, 1.0, 3)):
            raw = generate(size)
            path = Path(tmp) / f"bench-{label.replace(' ', '')}.yaml"
            path.write_bytes(raw)
            checked = check_file(path, ids)
            assert checked.ok, checked.problems[:3]
            bare = best_of(runs, lambda: yaml.load(raw, Loader=yaml.CSafeLoader))
            hardened = best_of(runs, lambda: load_bytes(raw, str(path)))
            full = best_of(runs, lambda: check_file(path, ids))
            verdict = "ok" if full < target and full <= 2 * bare else "MISSED"
            print(f"{label:>8} {len(raw):>9} {bare * 1000:>14.1f} ms {hardened * 1000:>11.1f} ms {full * 1000:>8.1f} ms {hardened / bare:>9.2f}x {full / bare:>10.2f}x {verdict:>8}")


if __name__ == "__main__":
    main()
