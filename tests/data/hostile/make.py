"""The hostile inputs of tests/test_hostile.py: scenarios, pictures, saves and
results databases that a colleague's download, a damaged disk or a curious
player could hand the game.

``python -m tests.data.hostile.make`` writes the small ones into this folder
(committed; a test checks the folder is what this script makes). The large
ones (a 3 GB sparse file, 10^5 levels of nesting, a 100,000-character option,
10,000 scenes, a complete 30000 x 30000 PNG, a save nested 10^6 deep) are
written at test time by :func:`write` into a temporary folder, never committed.

Everything is deterministic: the same bytes on every run and every machine
(the databases' headers are normalised, see :func:`_normalise_header`).

Layout::

    scenarios/<case>.yaml           one scenario file per case
    pictures/<case>/scenario.yaml   a scenario showing the picture <case>/picture.*
    saves/<case>.json               a save file (the tests put it in every slot)
    databases/<case>.sqlite3        a results database
"""

from __future__ import annotations

import functools
import hashlib
import random
import sqlite3
import struct
import sys
import tempfile
import zlib
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
KINDS = ("scenarios", "pictures", "saves", "databases")

# ----- scenarios ------------------------------------------------------------------

MINIMAL = HERE.parent / "valid" / "minimal.yaml"
PLACES = [  # where the base scenario (tests/data/valid/minimal.yaml) takes each @FIELD@
    ("# A tiny valid scenario. Each file in ../invalid/ is this one broken in one place.",
     "# A hostile scenario for tests/test_hostile.py (written by tests/data/hostile/make.py): @ABOUT@"),
    ("id: minimal", "id: @ID@"),
    ('title: {en: "Minimal"', 'title: {en: "@TITLE@"'),
    ("minutes: 5\n", "minutes: 5\n@TOP@"),
    ("budget: {start: 100,", "budget: {start: @START@,"),
    ('    text: {en: "Where do you start?"', '@IMAGE@    text: {en: "Where do you start?"'),
    ('        text: {en: "Write a plan", bg: "Напишете план"}\n        effects: [{resource: budget, add: -10}]\n'
     '        evidence: {honours: [flow.before.strategy]}\n        next: choose',
     '        text: {en: "@PLAN@", bg: "Напишете план"}\n@PLANWHEN@        effects: [{resource: budget, add: @ADD@}]\n'
     '        evidence: {honours: [flow.before.strategy]}\n        next: @PLANNEXT@'),
    ('        evidence: {breaks: [flow.before.strategy]}\n        next: choose',
     '@RUSHWHEN@        evidence: {breaks: [flow.before.strategy]}\n        next: @RUSHNEXT@'),
    ("  the-end:\n", "@SCENES@  the-end:\n"),
]
DEFAULTS = {"ID": "hostile", "TITLE": "Hostile", "TOP": "", "START": "100", "IMAGE": "", "PLAN": "Write a plan", "PLANWHEN": "",
            "ADD": "-10", "PLANNEXT": "choose", "RUSHWHEN": "", "RUSHNEXT": "choose", "SCENES": ""}


@functools.cache
def base() -> str:
    """tests/data/valid/minimal.yaml with @FIELDS@ where the cases change it."""
    text = MINIMAL.read_text(encoding="utf-8")
    for old, new in PLACES:
        assert text.count(old) == 1, f"{MINIMAL} has changed: '{old[:40]}' is not there once; update PLACES"
        text = text.replace(old, new)
    return text


def scenario(about: str, **fields: str) -> bytes:
    """The base scenario (valid as it is) with some of its @FIELDS@ replaced."""
    text = base().replace("@ABOUT@", about)
    for key, value in {**DEFAULTS, **fields}.items():
        text = text.replace(f"@{key}@", value)
    return text.encode("utf-8")


def event(scene_id: str, headline: str, text: str, option: str) -> str:
    """An interrupting event after 'choose' with one option (headline, text and option as YAML flow mappings)."""
    return (f"  {scene_id}:\n    kind: event\n    phase: before\n    headline: {headline}\n    text: {text}\n"
            f"    trigger: {{after: choose}}\n    options:\n      - {option}\n")


CHAINED_EVENTS = (event("storm", '{en: "A storm", bg: "Буря"}', '{en: "A storm floods the park.", bg: "Буря наводнява парка."}',
                        '{id: shelter, text: {en: "Take shelter", bg: "Подслонете се"}, next: flood}')
                  + event("flood", '{en: "A flood", bg: "Наводнение"}', '{en: "The river rises.", bg: "Реката приижда."}',
                          '{id: sandbags, text: {en: "Sandbags", bg: "Чували с пясък"}}'))


def waiting(add: str, flag: str, way_out: str) -> str:
    """A scene that loops on itself: 'wait' (which adds ``add``) leaves only with ``flag``; 'ask' goes to ``way_out``."""
    return f"""\
  waiting:
    kind: choice
    phase: before
    text: {{en: "Wait for the permit?", bg: "Да чакаме ли разрешението?"}}
    options:
      - id: wait
        text: {{en: "Wait another week", bg: "Изчакайте още седмица"}}
        effects: [{{resource: budget, add: {add}}}]
        next:
          - {{when: {{flag: {flag}}}, go: choose}}
          - {{go: waiting}}
      - id: ask
        text: {{en: "Ask the office again", bg: "Попитайте отново в службата"}}
        next: {way_out}
"""


ALIAS_BOMB = "".join(f"lol{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9 if n else ['lol'] * 9)}]\n" for n in range(9))


def _junk(size: int, seed: str) -> bytes:
    return random.Random(seed).randbytes(size)


def small_scenarios() -> dict[str, bytes]:
    """Committed scenario files: name -> bytes."""
    huge = "9" * 5000
    return {
        "huge-number-in-effect": scenario("an effect adds a number of 5,000 digits", ADD=huge),
        "huge-number-at-start": scenario("a resource starts at a number of 5,000 digits", START=huge),
        "resource-at-the-bound": scenario(
            "every number at the largest the format allows, added again and again in a loop (resources are clamped)",
            START="1000000000", ADD="1000000000", RUSHNEXT="waiting", SCENES=waiting("1000000000", "permit", "choose")),
        "long-title": scenario("a title of 3,000 characters without a space", TITLE="T" * 3000),
        "long-words": scenario("an option of 3,000 characters in words of 300", PLAN=" ".join(["W" * 300] * 10)),
        "no-option-holds": scenario("the first scene's options all need a flag nothing sets, so none is offered",
                                    PLANWHEN="        when: {flag: never-set}\n", RUSHWHEN="        when: {flag: never-set}\n"),
        "events-chained-with-next": scenario("an interrupting event sends the story to another with 'next': no way back",
                                             RUSHNEXT="storm", SCENES=CHAINED_EVENTS),
        "loop-exit-needs-unset-flag": scenario("the only way out of 'waiting' needs a flag nothing sets", RUSHNEXT="waiting",
                                               SCENES=waiting("-1", "never-set", "waiting")),
        "loop-with-a-way-out": scenario("a loop a player may go round for ever, with a way out (valid; the analyzer must stop)", RUSHNEXT="waiting",
                                        SCENES=waiting("-1", "never-set", "choose")),
        "alias-bomb": scenario("a billion-laughs alias bomb (9 levels of 9 aliases)", TOP=ALIAS_BOMB),
        "deep-block-nesting": scenario("a mapping nested 80 levels deep", TOP="".join(f"{' ' * n}k{n}:\n" for n in range(80)) + " " * 80 + "end: 1\n"),
        "binary-junk": _junk(4096, "binary-junk"),
        "empty": b"",
        "utf-16": scenario("UTF-16 text").decode("utf-8").encode("utf-16"),
        "nul-bytes": scenario("NUL bytes in the middle").replace(b"Where do you start?", b"Where\x00do\x00you\x00start?"),
    }


def deep_flow_nesting() -> bytes:
    depth = 100_000
    return scenario("a list nested 100,000 levels deep", TOP="deep: " + "[" * depth + "]" * depth + "\n")


def long_option() -> bytes:
    return scenario("an option of 100,000 characters without a space", PLAN="O" * 100_000)


def many_scenes() -> bytes:
    """10,000 choice scenes in a row, written compactly (under the 2 MB limit)."""
    count = 10_000
    lines = []
    for n in range(count):
        go = f"s{n + 1}" if n + 1 < count else "choose"
        lines.append(f"  s{n}: {{kind: choice, phase: before, text: {{en: S, bg: S}}, options: "
                     f"[{{id: a, text: {{en: A, bg: A}}, next: {go}}}, {{id: b, text: {{en: B, bg: B}}, next: {go}}}]}}\n")
    return scenario("10,000 scenes in a row", RUSHNEXT="s0", SCENES="".join(lines))


# ----- pictures -------------------------------------------------------------------------


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(width: int, height: int, rows: Callable[[], bytes] | None = None, depth: int = 8, colour: int = 6) -> bytes:
    """A PNG whose IHDR says width x height; ``rows`` gives the raw scanlines to compress (default: a few bytes only)."""
    ihdr = struct.pack(">IIBBBBB", width, height, depth, colour, 0, 0, 0)
    raw = rows() if rows else b"\x00" * 64
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", zlib.compress(raw, 9)) + _chunk(b"IEND", b"")


def small_png(width: int = 32, height: int = 32) -> bytes:
    """A real, complete RGB picture (a gradient)."""
    return png(width, height, lambda: b"".join(b"\x00" + b"".join(bytes((x * 4 % 256, y * 4 % 256, 128)) for x in range(width)) for y in range(height)), colour=2)


def complete_huge_png() -> bytes:
    """A complete, valid 30000 x 30000 one-bit PNG (about 110 KB): 3.6 GB once decoded to RGBA."""
    side = 30_000
    return png(side, side, lambda: (b"\x00" + b"\x00" * ((side + 7) // 8)) * side, depth=1, colour=0)


def bmp_header(width: int, height: int) -> bytes:
    """A BMP file header and info header, and no pixels."""
    info = struct.pack("<IiiHHIIiiII", 40, width, height, 1, 32, 0, 0, 2835, 2835, 0, 0)
    return b"BM" + struct.pack("<IHHI", 14 + len(info), 0, 0, 14 + len(info)) + info


def gif(screen: tuple[int, int], frame: tuple[int, int]) -> bytes:
    """A GIF: the logical screen's size in the header, then one frame of another size with no pixels (clear, end)."""
    head = b"GIF89a" + struct.pack("<HHBBB", *screen, 0x80, 0, 0) + b"\x00\x00\x00\xff\xff\xff"
    frame_head = b"\x2c" + struct.pack("<HHHHB", 0, 0, *frame, 0)
    return head + frame_head + b"\x02\x01\x2c\x00" + b"\x3b"


PICTURED = "    image: @PICTURE@\n"


def pictured(about: str, picture: str) -> bytes:
    return scenario(about, ID="pictured", TOP=f"image: {picture}\n", IMAGE=PICTURED.replace("@PICTURE@", picture))


def small_pictures() -> dict[str, dict[str, bytes]]:
    """Committed picture cases: name -> {file name: bytes} (a scenario and its picture)."""
    good = small_png()
    cases = {
        "picture-good": ("a small, complete picture (the control case)", "picture.png", good),
        "picture-30000-square": ("a PNG whose header says 30000 x 30000 pixels (3.6 GB decoded), with a tiny IDAT", "picture.png", png(30_000, 30_000)),
        "picture-truncated": ("a PNG cut off in the middle of its pixels", "picture.png", good[: len(good) // 2]),
        "picture-more-pixels-than-header": ("a PNG whose header says 16 x 16 but whose IDAT holds the pixels of 2000 x 2000", "picture.png",
                                            png(16, 16, lambda: (b"\x00" + b"\x00" * 250) * 2000, depth=1, colour=0)),
        "picture-gif-frame-larger-than-screen": ("a GIF whose screen is 16 x 16 but whose frame is 30000 x 30000 (0.9 GB decoded)", "picture.gif",
                                                 gif((16, 16), (30_000, 30_000))),
        "picture-zero-size": ("a PNG whose header says 0 x 0 pixels", "picture.png", png(0, 0)),
        "picture-bmp-30000-square": ("a BMP header of 30000 x 30000 pixels and no pixels", "picture.bmp", bmp_header(30_000, -30_000)),
        "picture-not-a-picture": ("a text file named .png", "picture.png", b"This is not a picture.\n" * 4),
        "picture-junk": ("random bytes named .png", "picture.png", _junk(2048, "picture-junk")),
    }
    return {name: {"scenario.yaml": pictured(about, file), file: data} for name, (about, file, data) in cases.items()}


# ----- saves ------------------------------------------------------------------------------


def _save_of_base(log: list[dict] | None = None, **changes) -> bytes:
    """A save of the base scenario (scenarios/valid.yaml) made by the engine, then changed."""
    import json

    from game.core.engine import Session
    from game.core.scenario import Scenario
    from game.core.state import content_hash
    from game.core.yamlsafe import load_bytes

    raw = scenario("a valid scenario (the control case, and the scenario of the saves)", ID="hostile-base")
    model = Scenario.model_validate(load_bytes(raw).data)
    session = Session(model, seed=0, scenario_hash=content_hash(raw))
    for answer in log if log is not None else [{"choose": "plan"}]:
        session.answer(answer)
    state = session.state.model_dump(mode="json")
    record = {"kind": "bridges-save", "format": 1, "saved_at": "2026-11-27T10:00:00+00:00", "slot": "slot1", "scenario": model.id,
              "scenario_hash": content_hash(raw), "title": {"en": "Hostile base", "bg": "Враждебна основа"}, "decisions": len(state["log"]),
              "state": state}
    for key, value in changes.items():
        target = record
        *parents, last = key.split(".")
        for part in parents:
            target = target[part]
        target[last] = value
    return json.dumps(record, ensure_ascii=False, indent=1).encode("utf-8")


def small_saves() -> dict[str, bytes]:
    """Committed save files: name -> bytes."""
    good = _save_of_base()
    head = b'{"kind": "bridges-save", "format": 1, '
    return {
        "good": good,
        "huge-number": head + b'"decisions": ' + b"9" * 5000 + b"}",
        "huge-number-in-state": head + b'"state": {"resources": {"budget": ' + b"7" * 4400 + b"}}}",
        "number-just-too-long": _save_of_base(decisions=None).replace(b'"decisions": null', b'"decisions": ' + b"1" * 19),
        "deep-1000": head + b'"state": ' + b"[" * 1000 + b"]" * 1000 + b"}",
        "nan": head + b'"decisions": NaN}',
        "infinity-in-state": good.replace(b'"budget": 90', b'"budget": Infinity'),
        "empty": b"",
        "spaces": b" \n\t\n",
        "truncated": good[: len(good) // 2],
        "binary-junk": _junk(4096, "save-junk"),
        "utf-16": good.decode("utf-8").encode("utf-16"),
        "not-an-object": b'["bridges-save", 1]',
        "future-format": _save_of_base(format=99),
        "wrong-types": _save_of_base(decisions="five", title=3, state={"log": "none"}),
        "state-a-list": _save_of_base(state=[1, 2, 3]),
        "another-scenario": _save_of_base(scenario="no-such-scenario", **{"state.scenario": "no-such-scenario"}),
        "scenario-changed": _save_of_base(scenario_hash="0" * 16, **{"state.scenario_hash": "0" * 16}),
        "does-not-replay": _save_of_base(**{"state.log": [{"scene": "intro", "choose": "no-such-option"}]}),
        "state-disagrees-with-log": _save_of_base(**{"state.resources": {"budget": 12345}}),
        "unknown-slot-name": _save_of_base(slot="../../etc/passwd"),
        "long-title": _save_of_base(title={"en": "T" * 3000}),
    }


def deep_save() -> bytes:
    """A save nested 10^6 levels deep (2 MB)."""
    return b'{"kind": "bridges-save", "format": 1, "state": ' + b"[" * 1_000_000 + b"]" * 1_000_000 + b"}"


def long_title_save() -> bytes:
    return _save_of_base(title={"en": "T" * 100_000})


# ----- databases ----------------------------------------------------------------------------

PAGE_SIZE = 512
START = "2026-11-27T10:00:00+00:00"
SCORECARD = ('{"overall": 80.0, "grade": "B", "areas": [{"area": "flow", "name": {"en": "Partnership flow", "bg": "Партньорски поток"}, '
             '"score": 80.0}], "timeline": []}')


def _database(damage: Callable[[sqlite3.Connection, list[str]], None] | None = None) -> bytes:
    """A results database of four sessions written with the store's own schema and operations, then damaged."""
    from game.store.results import OPS, SCHEMA

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "results.sqlite3"
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.executescript(SCHEMA)
        ids = [hashlib.sha256(f"session-{n}".encode()).hexdigest()[:32] for n in range(4)]
        conn.execute("BEGIN")
        for n, sid in enumerate(ids):
            conn.execute(OPS["session"], (sid, START, "solo", "hostile-base", "hash", "en"))
            conn.execute(OPS["team"], (sid, 0, "=cmd|' /C calc'!A0" if n == 3 else f"Team {n}", "", ""))
            for seq in range(2):
                conn.execute(OPS["decision"], (sid, 0, seq, f"scene-{seq}", f'{{"choose": "option-{seq}"}}', 1.5, START, None))
            conn.execute(OPS["finish"], (80.0 - n, "B", SCORECARD, sid, 0))
            conn.execute(OPS["end"], (START, sid))
        conn.execute("COMMIT")
        if damage is not None:
            damage(conn, ids)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
        return _normalise_header(path.read_bytes())


def _normalise_header(raw: bytes) -> bytes:
    """The same bytes whichever SQLite wrote them: a fixed change counter and 'SQLite version' in the header."""
    head = bytearray(raw[:100])
    head[24:28] = head[92:96] = struct.pack(">I", 1)
    head[96:100] = struct.pack(">I", 3_037_002)
    return bytes(head) + raw[100:]


def _random_middle(raw: bytes) -> bytes:
    middle = len(raw) // 2
    return raw[:middle] + _junk(1024, "database-middle") + raw[middle + 1024:]


def small_databases() -> dict[str, bytes]:
    """Committed results databases: name -> bytes."""
    good = _database()
    return {
        "good": good,
        "bad-json-cell": _database(lambda c, ids: c.execute("UPDATE decisions SET answer = '{not json' WHERE session_id = ? AND seq = 1", (ids[0],))),
        "binary-date": _database(lambda c, ids: c.execute("UPDATE sessions SET started_at = ? WHERE id = ?", (b"\x00\xff", ids[1]))),
        "text-in-a-score": _database(lambda c, ids: c.execute("UPDATE teams SET overall = 'abc' WHERE session_id = ?", (ids[2],))),
        "huge-score": _database(lambda c, ids: c.execute("UPDATE teams SET overall = 1e308 WHERE session_id = ?", (ids[3],))),
        "deep-json-cell": _database(lambda c, ids: c.execute("UPDATE teams SET scorecard = ? WHERE session_id = ?", ("[" * 2000 + "]" * 2000, ids[0]))),
        "scorecard-without-areas": _database(lambda c, ids: c.execute("UPDATE teams SET scorecard = ? WHERE session_id = ?", ('{"overall": 80.0}', ids[1]))),
        "scorecard-areas-wrong-types": _database(lambda c, ids: c.execute("UPDATE teams SET scorecard = ? WHERE session_id = ?",
                                                                          ('{"overall": 80.0, "areas": [{"area": 1, "name": "x", "score": "high"}]}', ids[1]))),
        "random-bytes-in-the-middle": _random_middle(good),
        "truncated": good[: len(good) // 2],
        "zero-length": b"",
        "not-sqlite": b"These are not the results you are looking for.\n" * 40,
    }


# ----- the folder --------------------------------------------------------------------------


@functools.cache
def small_files() -> dict[str, bytes]:
    """Every committed file: its path under this folder -> bytes."""
    files = {f"scenarios/{name}.yaml": data for name, data in small_scenarios().items()}
    files["scenarios/valid.yaml"] = scenario("a valid scenario (the control case, and the scenario of the saves)", ID="hostile-base")
    for name, parts in small_pictures().items():
        files.update({f"pictures/{name}/{file}": data for file, data in parts.items()})
    files.update({f"saves/{name}.json": data for name, data in small_saves().items()})
    files.update({f"databases/{name}.sqlite3": data for name, data in small_databases().items()})
    return files


SPARSE_BYTES = 3 * 1024 ** 3

LARGE: dict[str, Callable[[], bytes] | None] = {
    "scenarios/sparse-3gb.yaml": None,   # 3 GB of nothing, written sparse
    "scenarios/deep-flow-nesting.yaml": deep_flow_nesting,
    "scenarios/long-option.yaml": long_option,
    "scenarios/10000-scenes.yaml": many_scenes,
    "pictures/picture-complete-30000-square/picture.png": complete_huge_png,
    "pictures/picture-complete-30000-square/scenario.yaml": lambda: pictured("a complete 30000 x 30000 one-bit PNG of 110 KB (3.6 GB decoded)", "picture.png"),
    "saves/deep-1000000.json": deep_save,
    "saves/sparse-3gb.json": None,
    "saves/long-title-100000.json": long_title_save,
}
"""Files written at test time (too large to commit): path -> their bytes (None: a sparse file of SPARSE_BYTES)."""


def cases() -> dict[str, dict[str, list[str]]]:
    """kind -> case -> its files (paths under this folder), the one to give a command first."""
    found: dict[str, dict[str, list[str]]] = {kind: {} for kind in KINDS}
    for relative in [*small_files(), *LARGE]:
        kind, rest = relative.split("/", 1)
        name = rest.split("/")[0].rsplit(".", 1)[0] if kind != "pictures" else rest.split("/")[0]
        files = found[kind].setdefault(name, [])
        files.insert(0, relative) if relative.endswith("scenario.yaml") else files.append(relative)
    return found


def write(relative: str, folder: Path) -> Path:
    """Write one file, small or large, under ``folder`` (same relative path); returns its path."""
    target = folder / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    if relative in LARGE:
        make = LARGE[relative]
        if make is None:
            with target.open("wb") as handle:
                handle.truncate(SPARSE_BYTES)
        else:
            target.write_bytes(make())
    else:
        target.write_bytes(small_files()[relative])
    return target


def main() -> int:
    files = small_files()
    for kind in KINDS:
        for old in sorted((HERE / kind).rglob("*"), reverse=True) if (HERE / kind).is_dir() else []:
            if old.is_file() and old.relative_to(HERE).as_posix() not in files:
                old.unlink()
            elif old.is_dir() and not any(old.iterdir()):
                old.rmdir()
    for relative, data in files.items():
        path = HERE / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.is_file() or path.read_bytes() != data:
            path.write_bytes(data)
    total = sum(len(d) for d in files.values())
    print(f"{len(files)} files, {total // 1024} KB, in {HERE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
