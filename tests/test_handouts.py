"""Handouts: one A4 page per player or team, in the session's language, with
the score, the decisions and the handbook's advice and checklists; and a
summary page for the trainer. The PDFs are read back with pypdf."""

from __future__ import annotations

import io
from datetime import datetime

import pytest

pypdf = pytest.importorskip("pypdf")

from game.core.checker import check_file  # noqa: E402
from game.core.engine import Session  # noqa: E402
from game.handouts import HandoutError, write_player, write_workshop  # noqa: E402
from game.handouts.checklists import default_checklists, marked, unknown_references  # noqa: E402
from game.handouts.player import player_handout  # noqa: E402
from game.scoring.compare import compare_teams  # noqa: E402
from game.scoring.grader import grade  # noqa: E402
from game.scoring.grader import tested_rules as rules_tested  # noqa: E402
from game.scoring.rulebook import default_rulebook  # noqa: E402
from tests.golden import ROOT, load_plan  # noqa: E402

WHEN = datetime(2026, 11, 28, 14, 5)


def played(plan: str, answers: int | None = None):
    spec = load_plan(plan)
    book = default_rulebook()
    checked = check_file(ROOT / spec["scenario"], book.ids)
    session = Session(checked.scenario, seed=spec["seed"], scenario_hash=checked.hash)
    for answer in spec["plan"][:answers]:
        session.answer(answer)
    return checked.scenario, session, book


def pdf_text(data: bytes) -> tuple[int, str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


def squash(text: str) -> str:
    return " ".join(text.split())


def test_every_checklist_names_rules_and_sections_the_rulebook_has():
    assert unknown_references(default_checklists(), default_rulebook()) == []


def test_a_bulgarian_handout_has_the_score_the_advice_and_the_checklists_in_cyrillic():
    scenario, session, book = played("demo-mistakes")
    card = grade(scenario, session, book)
    pages, text = pdf_text(player_handout(card, scenario, book, "bg", name="Сови", created=WHEN))
    text = squash(text)
    assert pages == 1
    assert scenario.title.get("bg") in text and "Сови" in text
    assert f"{round(card['overall'])}%" in text and f"Оценка {card['grade']}" in text
    broken = card["next_time"][0]
    first_words = " ".join(broken["advice"]["bg"].split()[:4])
    assert first_words in text, "the first broken rule's advice, in Bulgarian"
    touched = marked(default_checklists(), rules_tested(scenario), card)
    assert touched and any(checklist.title.get("bg") in text for checklist, _ in touched)
    assert "Шестте части на споразумението за партньорство" in text  # the demo negotiates an agreement


def test_the_longest_game_still_fits_one_page_and_counts_what_it_left_out():
    scenario, session, book = played("coalition-clean-air-mistakes")
    card = grade(scenario, session, book)
    assert card["decisions"] > 25
    pages, text = pdf_text(player_handout(card, scenario, book, "en", name="Foxes", created=WHEN))
    assert pages == 1
    assert "more decisions are in the game's debrief" in squash(text)


def test_an_english_handout_says_each_decision_and_the_handbook_section():
    scenario, session, book = played("demo-expert", 3)  # short: nothing trimmed
    card = grade(scenario, session, book)
    pages, text = pdf_text(player_handout(card, scenario, book, "en", created=WHEN))
    text = squash(text)
    assert pages == 1
    assert "You chose:" in text and "Handbook: 1.8 The partnership flow" in text
    assert "You honoured every rule this play tested" in text


def test_a_workshop_writes_one_handout_per_team_and_a_summary(tmp_path):
    teams = []
    for name, plan, answers in (("Owls", "demo-expert", None), ("Foxes", "demo-mistakes", None), ("Bears", "demo-expert", 0)):
        scenario, session, book = played(plan, answers)
        teams.append({"name": name, "session": session})
    comparison = compare_teams(scenario, teams, book)
    paths = write_workshop(comparison, scenario, book, "bg", folder=tmp_path, when=WHEN)
    assert [p.name for p in paths] == ["01-owls.pdf", "02-foxes.pdf", "03-bears.pdf", "00-trainer-summary.pdf"]
    for path in paths:
        assert pdf_text(path.read_bytes())[0] == 1
    summary = squash(pdf_text(paths[-1].read_bytes())[1])
    assert "Owls" in summary and "Foxes" in summary
    assert "Bears" in summary and "no answers" not in summary.split("Bears")[0][-5:]


def test_a_folder_that_cannot_be_written_gives_a_message_not_a_traceback(tmp_path):
    scenario, session, book = played("demo-expert", 2)
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(HandoutError, match="could not write"):
        write_player(grade(scenario, session, book), scenario, book, "en", name="x", folder=blocker / "inside", when=WHEN)


@pytest.mark.parametrize("language, words", [("en", "No answer in time"), ("bg", "Няма отговор навреме")])
def test_a_teams_handout_lists_the_turn_it_missed_where_it_happened(tmp_path, language, words):
    from game.workshop import Workshop

    scenario, _session, book = played("demo-expert", 0)
    clock = [0.0]
    w = Workshop(scenario, book, ["Owls", "Foxes"], timer=30, seed=1, clock=lambda: clock[0], on_time_up="pass")
    first = w.session.scene
    clock[0] += 31
    assert w.time_up()["team"] == 0  # Owls run out of time on the first decision
    w.answer({"choose": w.session.scene.options[0].id})  # Foxes answer
    w.answer({"choose": first.options[0].id})  # Owls answer it at their next turn
    paths = write_workshop(w.end(), scenario, book, language, folder=tmp_path, when=WHEN)
    pages, owls = pdf_text(paths[0].read_bytes())
    owls = squash(owls)
    title = first.title.get(language)
    assert pages == 1 and f"{words}: {title}" in owls
    assert owls.index(words) < owls.index(f"1. {title}")  # listed before the answer given at the next turn
    assert words not in squash(pdf_text(paths[1].read_bytes())[1])  # Foxes answered in time
    count = {"en": "Owls · 1 turn with no answer", "bg": "Owls · 1 ход без отговор"}[language]
    assert count in squash(pdf_text(paths[-1].read_bytes())[1])  # the trainer's summary counts it
