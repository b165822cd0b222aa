"""Exports that open right in spreadsheets (issue 11, part 6).

The CSV files are written by ``report`` and read back as a spreadsheet
would: UTF-8 with a byte order mark, the delimiter of the locale (or of
``--delimiter``), numbers with that locale's decimal mark, Cyrillic intact,
formula cells neutralised. The summary has one row a player or team with
the right numbers. With LibreOffice installed (``soffice``; never needed in
CI) the files are also opened by LibreOffice Calc's CSV import. The chart is
drawn in the session's language with the scenario's title.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from game.cli import main
from game.core.engine import Session
from game.core.policies import POLICIES, play
from game.scoring.grader import grade
from game.store import export
from game.store.export import CSV_FIELDS, SUMMARY_FIELDS, CsvStyle, csv_style, number_cell, safe_cell, summary_rows, to_summary_csv
from game.store.results import ResultsStore

ROOT = Path(__file__).resolve().parents[2]
BOM = b"\xef\xbb\xbf"
TEAMS = ["Орли", "=HYPERLINK(\"http://x\",\"click\")", "-2+3", "Соколи"]
DELIMITER_OF = {";": ";", ",": ",", "tab": "\t"}


def _workshop(store: ResultsStore, demo, rulebook, names=TEAMS, language="bg") -> str:
    session_id = store.start_session(demo.id, "hash", language, "turns", [{"name": n} for n in names])
    for team in range(len(names)):
        session = play(Session(demo, seed=team), POLICIES["random"], team)
        for seq, entry in enumerate(session.state.log):
            store.record_decision(session_id, team, seq, entry["scene"], {k: v for k, v in entry.items() if k != "scene"}, 37.25 + 11 * seq + team)
        store.finish_team(session_id, team, grade(demo, session, rulebook))
    store.end_session(session_id)
    return session_id


def _solo(store: ResultsStore, demo, rulebook) -> str:
    session_id = store.start_session(demo.id, "hash", "en", "solo")
    session = play(Session(demo, seed=7), POLICIES["first"], 0)
    for seq, entry in enumerate(session.state.log):
        store.record_decision(session_id, 0, seq, entry["scene"], {k: v for k, v in entry.items() if k != "scene"}, 20.5)
    store.finish_team(session_id, 0, grade(demo, session, rulebook))
    store.end_session(session_id)
    return session_id


@pytest.fixture
def db(tmp_path, demo, rulebook) -> Path:
    path = tmp_path / "results.sqlite3"
    store = ResultsStore(path)
    _workshop(store, demo, rulebook)
    _solo(store, demo, rulebook)
    store.close()
    return path


def _export(db: Path, out: Path, *extra: str) -> dict[str, Path]:
    assert main(["report", "--db", str(db), "--out", str(out), "--format", "csv,summary", *extra]) == 0
    return {"csv": out / "bridges-sessions.csv", "summary": out / "bridges-summary-sessions.csv"}


def _read(path: Path, delimiter: str) -> list[list[str]]:
    """What a spreadsheet does: the bytes as UTF-8 once the byte order mark is taken off, split on the delimiter."""
    raw = path.read_bytes()
    assert raw.startswith(BOM) and not raw.startswith(BOM * 2)
    return list(csv.reader(io.StringIO(raw[len(BOM):].decode("utf-8"), newline=""), delimiter=delimiter))


def _as_number(cell: str, decimal: str) -> float:
    other = "." if decimal == "," else ","
    assert other not in cell, f"{cell!r} has a {other!r}: a spreadsheet with decimal {decimal!r} would not read it as a number"
    return float(cell.replace(decimal, "."))


# ----- delimiter, BOM, Cyrillic, numbers ------------------------------------------------


@pytest.mark.parametrize("given", [";", ",", "tab"])
def test_csv_files_have_a_bom_and_read_back_with_their_delimiter(tmp_path, db, given, monkeypatch):
    monkeypatch.setattr(export, "locale_decimal_point", lambda: ",")  # a tab follows the locale's decimal mark
    files = _export(db, tmp_path / "out", "--delimiter", given)
    delimiter = DELIMITER_OF[given]
    decimal = "." if given == "," else ","
    for kind, fields in (("csv", CSV_FIELDS), ("summary", SUMMARY_FIELDS)):
        rows = _read(files[kind], delimiter)
        assert rows[0] == fields, kind
        assert all(len(row) == len(fields) for row in rows), f"{kind}: a row split in the wrong places"
        team_column = fields.index("team_name" if kind == "csv" else "team")
        assert {"Орли", "Соколи"} <= {row[team_column] for row in rows[1:]}
    summary = [dict(zip(SUMMARY_FIELDS, row)) for row in _read(files["summary"], delimiter)[1:]]
    scores = [_as_number(row["score"], decimal) for row in summary]
    assert all(0 <= score <= 100 for score in scores) and any(score != int(score) for score in scores + [_as_number(r["minutes"], decimal) for r in summary])
    decisions = [dict(zip(CSV_FIELDS, row)) for row in _read(files["csv"], delimiter)[1:]]
    assert {_as_number(row["seconds"], decimal) for row in decisions} >= {37.25, 48.25}


def test_the_default_delimiter_follows_the_locale_decimal_mark(tmp_path, db, monkeypatch):
    for point, delimiter in ((",", ";"), (".", ","), (None, ",")):
        monkeypatch.setattr(export, "locale_decimal_point", lambda point=point: point)
        out = tmp_path / f"out-{point}"
        files = _export(db, out)
        header = files["summary"].read_bytes()[len(BOM):].split(b"\r\n")[0].decode("utf-8")
        assert header == delimiter.join(SUMMARY_FIELDS), point


def test_csv_style_agrees_with_babel_on_which_locales_write_decimals_with_a_comma():
    numbers = pytest.importorskip("babel.numbers")
    for name, delimiter in (("bg_BG", ";"), ("de_DE", ";"), ("fr_FR", ";"), ("ru_RU", ";"), ("en_US", ","), ("en_GB", ","), ("ja_JP", ",")):
        style = csv_style(None, numbers.get_decimal_symbol(name))
        assert style.delimiter == delimiter, name
        assert style.decimal == numbers.get_decimal_symbol(name)


def _installed(name: str) -> bool:
    import locale

    saved = locale.setlocale(locale.LC_NUMERIC)
    try:
        locale.setlocale(locale.LC_NUMERIC, name)
        return True
    except locale.Error:
        return False
    finally:
        locale.setlocale(locale.LC_NUMERIC, saved)


@pytest.mark.parametrize("name, delimiter", [("bg_BG.UTF-8", ";"), ("en_US.UTF-8", ",")])
def test_the_default_delimiter_under_a_real_locale(tmp_path, db, name, delimiter):
    if not _installed(name):
        pytest.skip(f"locale {name} is not installed here")
    env = {**os.environ, "LC_ALL": name, "SDL_VIDEODRIVER": "dummy"}
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "report", "--db", str(db), "--out", str(tmp_path / "out"), "--format", "summary"],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    rows = _read(tmp_path / "out" / "bridges-summary-sessions.csv", delimiter)
    assert rows[0] == SUMMARY_FIELDS


def test_an_unknown_locale_falls_back_to_a_comma(monkeypatch):
    monkeypatch.setenv("LC_ALL", "xx_NOWHERE.UTF-8")
    assert export.locale_decimal_point() is None
    assert csv_style() == CsvStyle(",", ".")


@pytest.mark.parametrize("given", ["|", "semicolon", ";;", "", "\\n"])
def test_an_unknown_delimiter_is_refused_with_a_clear_message(tmp_path, db, given, capsys):
    assert main(["report", "--db", str(db), "--out", str(tmp_path / "out"), "--delimiter", given]) == 2
    err = capsys.readouterr().err
    assert "--delimiter" in err and "';' (semicolon), ',' (comma) or tab" in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_numbers_are_written_without_exponents_or_thousands_separators():
    assert number_cell(72.5, ",") == "72,5" and number_cell(72.5) == "72.5"
    assert number_cell(1e-7) == "0" and number_cell(123456789.0, ",") == "123456789" and number_cell(-2.5, ",") == "-2,5"
    assert number_cell(3) == "3" and number_cell(float("nan")) == ""
    assert export._cell(-2.5, CsvStyle(";", ",")) == "-2,5"  # a negative number stays a number
    assert export._cell("-2+3", CsvStyle(";", ",")) == "'-2+3"  # text that looks like a formula does not


# ----- formulas ---------------------------------------------------------------------------


@pytest.mark.parametrize("given", [";", ","])
def test_formula_cells_are_still_neutralised(tmp_path, db, given):
    files = _export(db, tmp_path / "out", "--delimiter", given)
    for kind in ("csv", "summary"):
        cells = [cell for row in _read(files[kind], DELIMITER_OF[given]) for cell in row]
        assert "'" + TEAMS[1] in cells and "'-2+3" in cells, kind
        assert TEAMS[1] not in cells and "-2+3" not in cells, kind
        assert not [cell for cell in cells if cell.startswith(export.FORMULA_STARTS)], kind
    assert safe_cell("@SUM(A1)") == "'@SUM(A1)"


# ----- the summary --------------------------------------------------------------------------


def test_the_summary_has_one_row_a_team_with_the_right_numbers(tmp_path, db):
    store = ResultsStore(db, read_only=True)
    sessions = [store.session(row["id"]) for row in store.sessions()]
    workshop = next(s for s in sessions if s["mode"] == "turns")
    solo = next(s for s in sessions if s["mode"] == "solo")
    files = _export(db, tmp_path / "out", "--delimiter", ";")
    rows = [dict(zip(SUMMARY_FIELDS, row)) for row in _read(files["summary"], ";")[1:]]
    assert len(rows) == len(TEAMS) + 1
    by_team = {row["team"]: row for row in rows if row["session"] == workshop["id"]}
    assert list(by_team) == ["Орли", "'" + TEAMS[1], "'-2+3", "Соколи"]  # one row a team, in their order
    for team, row in zip(workshop["teams"], by_team.values()):
        card = team["scorecard"]
        broken = sorted(r["rule"] for r in card["rules"] if r["broken"] > 0)
        assert row["scenario"] == "demo-river-cleanup" and row["mode"] == "turns"
        assert row["date_utc"] == workshop["started_at"][:16].replace("T", " ")
        assert _as_number(row["score"], ",") == team["overall"] == card["overall"]
        assert row["grade"] == team["grade"] and row["ending"] == card["ending"] and row["outcome"] == card["outcome"]
        assert int(row["goals_met"]) == card["goals_met"] and int(row["goals"]) == len(card["goals"])
        assert _as_number(row["minutes"], ",") == round(sum(d["seconds"] for d in team["decisions"]) / 60, 1)
        assert int(row["rules_broken"]) == len(broken) and row["broken_rule_ids"].split() == broken
    [solo_row] = [row for row in rows if row["session"] == solo["id"]]
    assert solo_row["team"] == "solo" and solo_row["mode"] == "solo"
    assert _as_number(solo_row["minutes"], ",") == round(20.5 * len(solo["teams"][0]["decisions"]) / 60, 1)


def test_the_summary_of_unfinished_and_damaged_scorecards_has_empty_cells_not_a_crash(tmp_path):
    store = ResultsStore(tmp_path / "r.sqlite3")
    session_id = store.start_session("demo-river-cleanup", "h", "en", "turns", [{"name": "A"}, {"name": "B"}, {"name": "C"}])
    store.record_decision(session_id, 0, 0, "strategy", {"choose": "x"}, 90.0)
    store.finish_team(session_id, 1, {"overall": 50.0, "grade": "D", "rules": [{"rule": 3, "broken": "x"}, "junk"], "goals": "x", "goals_met": "2"})
    store.finish_team(session_id, 2, {"overall": 80.0, "timeline": [{"decision": 0, "evidence": [{"rule": "flow.before.strategy", "verdict": "breaks"}, 5]}, "junk"]})
    rows = summary_rows([store.session(session_id)])
    assert [r["team"] for r in rows] == ["A", "B", "C"]
    assert rows[0]["minutes"] == 1.5 and rows[0]["score"] == "" and rows[0]["rules_broken"] == ""
    assert rows[1]["rules_broken"] == 0 and rows[1]["goals"] == "" and rows[1]["goals_met"] == ""
    assert rows[2]["rules_broken"] == 1 and rows[2]["broken_rule_ids"] == "flow.before.strategy"
    assert to_summary_csv([store.session(session_id)], CsvStyle(";", ",")).count("\r\n") == 4


# ----- LibreOffice --------------------------------------------------------------------------

OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


def _calc_cells(fods: Path) -> list[list[tuple[str, str]]]:
    """Rows of (value type, value) of the first sheet of a flat ODS file."""
    sheet = ET.parse(fods).getroot().find(f".//{{{TABLE}}}table")
    rows = []
    for row in sheet.iter(f"{{{TABLE}}}table-row"):
        cells = []
        for cell in row.iter(f"{{{TABLE}}}table-cell"):
            kind = cell.get(f"{{{OFFICE}}}value-type", "")
            value = cell.get(f"{{{OFFICE}}}value") or cell.get(f"{{{OFFICE}}}date-value") or "\n".join("".join(p.itertext()) for p in cell.iter(f"{{{TEXT}}}p"))
            cells += [(kind, value)] * int(cell.get(f"{{{TABLE}}}number-columns-repeated", "1"))
        rows.append(cells)
    return rows


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed; apt-get install libreoffice-calc-nogui to run this check")
@pytest.mark.parametrize("given, options", [(";", "59,34,76,1,,1026"), (",", "44,34,76,1,,1033")], ids=["bulgarian", "english"])
def test_libreoffice_calc_reads_names_numbers_and_dates(tmp_path, db, given, options):
    """Calc's CSV import, in a Bulgarian (decimal comma) and an English locale, as its dialogue preselects them for our files:
    the delimiter, UTF-8 (the dialogue sniffs the byte order mark; headless import takes it from the options) and the locale."""
    files = _export(db, tmp_path / "out", "--delimiter", given)
    profile = (tmp_path / "lo-profile").as_uri()
    result = subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", f"--infilter=CSV:{options}", "--convert-to", "fods",
                             "--outdir", str(tmp_path / "calc"), str(files["summary"])], capture_output=True, text=True, timeout=300)
    fods = tmp_path / "calc" / "bridges-summary-sessions.fods"
    assert fods.is_file(), result.stdout + result.stderr
    rows = _calc_cells(fods)
    header = [value for _kind, value in rows[0][:len(SUMMARY_FIELDS)]]
    assert header == SUMMARY_FIELDS  # the byte order mark is not part of the first cell
    lines = [dict(zip(SUMMARY_FIELDS, row)) for row in rows[1:] if row and row[0][1]]
    assert len(lines) == len(TEAMS) + 1
    assert {line["team"] for line in lines} >= {("string", "Орли"), ("string", "Соколи"), ("string", "'" + TEAMS[1]), ("string", "'-2+3")}
    expected = {row["team"]: row for row in summary_rows([s for s in (ResultsStore(db, read_only=True).session(r["id"]) for r in ResultsStore(db, read_only=True).sessions())])}
    for line in lines:
        team = line["team"][1].removeprefix("'")
        want = expected[team]
        assert line["score"][0] == "float" and float(line["score"][1]) == want["score"], line
        assert line["minutes"][0] == "float" and float(line["minutes"][1]) == want["minutes"], line
        assert line["goals_met"] == ("float", str(want["goals_met"]))
        assert line["date_utc"][0] == "date" and line["date_utc"][1].startswith(want["date_utc"].replace(" ", "T")), line


# ----- the chart ----------------------------------------------------------------------------


def test_the_scenario_title_comes_from_the_scenario_of_that_id(tmp_path):
    from game.ui.report_chart import scenario_title

    assert scenario_title("demo-river-cleanup", "bg") == "Почистване на реката"
    assert scenario_title("demo-river-cleanup", "en") == "The River Clean-up"
    assert scenario_title("no-such-scenario", "bg") == "no-such-scenario"
    own = tmp_path / "own"
    own.mkdir()
    (own / "renamed.yaml").write_text("id: my-test\ntitle: {en: Mine, bg: Моят}\n", encoding="utf-8")
    (own / "broken.yaml").write_text("id: [\n", encoding="utf-8")
    assert scenario_title("my-test", "bg", [own]) == "Моят" and scenario_title("my-test", "fr", [own]) == "Mine"
    (tmp_path / "outside.yaml").write_text("id: ../outside\ntitle: Outside\n", encoding="utf-8")
    assert scenario_title("../outside", "en", [own]) == "../outside"  # an id from a database is never a path


def _drawn_text(monkeypatch) -> list[str]:
    import pygame

    drawn: list[str] = []

    class Recording(pygame.font.Font):
        def render(self, text, *args, **kwargs):
            drawn.append(text)
            return super().render(text, *args, **kwargs)

    monkeypatch.setattr(pygame.font, "Font", Recording)
    return drawn


@pytest.mark.parametrize("language, title, heading, score", [("bg", "Разбор: Почистване на реката", "Областите от наръчника, отбор по отбор", " от 100"),
                                                              ("en", "Debrief: The River Clean-up", "The handbook's areas, team by team", " of 100")])
def test_the_chart_is_in_the_sessions_language_with_the_scenarios_title(tmp_path, demo, rulebook, monkeypatch, language, title, heading, score):
    from game.ui.report_chart import save_session_chart

    store = ResultsStore(tmp_path / "r.sqlite3")
    session = store.session(_workshop(store, demo, rulebook, names=["Орли", "Соколи"], language=language))
    drawn = _drawn_text(monkeypatch)
    path = save_session_chart(session, tmp_path / "chart.png")
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert title in drawn and heading in drawn
    assert any(text.startswith("Орли: ") and score in text for text in drawn)
    area = session["teams"][0]["scorecard"]["areas"][0]["name"][language]
    assert area in drawn
    if language == "bg":
        assert not [text for text in drawn if any(c.isdigit() for c in text) and "." in text and "UTC" not in text]  # 31,1 not 31.1


def test_the_chart_of_damaged_scorecards_draws_what_it_can(tmp_path, monkeypatch):
    from game.ui.report_chart import save_session_chart

    store = ResultsStore(tmp_path / "r.sqlite3")
    session_id = store.start_session("../../etc/passwd", "h", "xx", "turns", [{"name": "A"}, {"name": "B"}, {"name": "C"}])
    store.finish_team(session_id, 0, {"overall": 80.0})
    store.finish_team(session_id, 1, {"overall": 80.0, "areas": [{"area": 1, "name": "x", "score": "high"}, {"area": "flow", "name": 5, "score": 1e300}, "junk"]})
    drawn = _drawn_text(monkeypatch)
    path = save_session_chart(store.session(session_id), tmp_path / "chart.png")
    assert path.is_file()
    assert "Debrief: ../../etc/passwd" in drawn and "flow" in drawn  # English for an unknown language; the id names an area without a name


def test_a_plenary_vote_gives_every_team_the_rooms_result_and_the_chart_names_the_room(tmp_path, demo, rulebook, monkeypatch):
    from game.ui.report_chart import save_session_chart

    store = ResultsStore(tmp_path / "r.sqlite3")
    session_id = store.start_session(demo.id, "h", "bg", "vote", [{"name": n} for n in ("Орли", "Соколи", "Щъркели")])
    played = play(Session(demo, seed=3), POLICIES["random"], 3)
    for seq, entry in enumerate(played.state.log):
        store.record_decision(session_id, 0, seq, entry["scene"], {k: v for k, v in entry.items() if k != "scene"}, 60.0, votes={"a": 2, "b": 1})
    card = grade(demo, played, rulebook)
    store.finish_team(session_id, 0, card)
    session = store.session(session_id)
    rows = summary_rows([session])
    assert [r["team"] for r in rows] == ["Орли", "Соколи", "Щъркели"]
    assert {(r["score"], r["goals_met"], r["minutes"], r["ending"]) for r in rows} == {(card["overall"], card["goals_met"], float(len(played.state.log)), card["ending"])}
    drawn = _drawn_text(monkeypatch)
    save_session_chart(session, tmp_path / "chart.png")
    assert any(text.startswith("Залата (общо гласуване): ") and " от 100" in text for text in drawn)
    assert not any(text.startswith("Соколи") for text in drawn)
