"""The rulebook and the glossary against the handbook: sections, sources, the outline, the words."""

import re
from pathlib import Path

import pytest

from game.core.problems import ContentError
from game.core.shape import check_shape
from game.core.yamlsafe import load_text
from game.scoring.glossary import default_glossary, glossary_markdown, load_glossary, unknown_sections
from game.scoring.rulebook import DEFAULT_RULEBOOK, Rulebook, span

ROOT = Path(__file__).resolve().parents[2]
OUTLINE = ROOT / "docs" / "handbook" / "outline.md"  # the project's copy of ../shared/handbook/outline.md
SHARED = ROOT.parent / "shared" / "handbook"
SHARED_OUTLINE = SHARED / "outline.md"
HANDBOOK = SHARED / "handbook.bg.txt"
GLOSSARY_DOC = ROOT / "docs" / "glossary.md"
ADDED = "(added by Bridges)"
NEW_RULES = {"forms.choose-form": "forms", "facilitator.own-staff": "liaison-facilitator", "licensing.licensee": "licensing"}

needs_shared = pytest.mark.skipif(not SHARED_OUTLINE.is_file(), reason="no shared/ folder beside this checkout")
needs_handbook = pytest.mark.skipif(not HANDBOOK.is_file(), reason="no shared/handbook/handbook.bg.txt beside this checkout")


def _ids(text: str) -> list[str]:
    return re.findall(r"^- `([a-z0-9.\-]+)`", text, flags=re.M)


def _handbook_lines() -> list[str]:
    return HANDBOOK.read_text(encoding="utf-8").splitlines()


# --- the outline ---------------------------------------------------------------------------------


def test_rulebook_ids_match_the_projects_outline_in_order(rulebook):
    outline_ids = _ids(OUTLINE.read_text(encoding="utf-8"))
    assert len(outline_ids) == len(set(outline_ids)) == 107
    assert [r.id for r in rulebook.rules] == outline_ids


def test_the_projects_additions_to_the_outline_are_marked_and_are_the_new_rules():
    added = [line for line in OUTLINE.read_text(encoding="utf-8").splitlines() if line.endswith(ADDED)]
    assert _ids("\n".join(added)) == list(NEW_RULES)


@needs_shared
def test_the_outline_copy_is_the_shared_one_plus_the_marked_additions(rulebook):
    copy = OUTLINE.read_text(encoding="utf-8").splitlines(keepends=True)
    shared = SHARED_OUTLINE.read_text(encoding="utf-8")
    assert "".join(line for line in copy if not line.rstrip("\n").endswith(ADDED)) == shared
    copy_ids = set(_ids("".join(copy)))
    for rule_id in _ids(shared):
        assert rule_id in copy_ids and rule_id in rulebook.ids, rule_id


def test_the_new_rules_are_complete(rulebook):
    for rule_id, area in NEW_RULES.items():
        rule = rulebook.by_id[rule_id]
        assert rule.area == area and rule.section and rule.source
        assert rule.title.en and rule.title.bg and rule.advice.en and rule.advice.bg


# --- sections and sources ------------------------------------------------------------------------


def test_every_rule_names_a_listed_section_and_its_source_lies_inside_it(rulebook):
    for rule in rulebook.rules:
        section = rulebook.section_of(rule.id)
        assert section.id == rule.section
        (a, b), (c, d) = span(rule.source), span(section.lines)
        assert c <= a <= b <= d, (rule.id, rule.source, section.lines)


def test_every_section_has_both_titles_and_lies_inside_its_parent(rulebook):
    for section in rulebook.sections:
        assert section.title.en and section.title.bg, section.id
        trail = rulebook.trail(section.id)
        assert trail[-1] is section and [s.id for s in trail] == sorted((s.id for s in trail), key=len)
        for outer, inner in zip(trail, trail[1:]):
            assert span(outer.lines)[0] <= span(inner.lines)[0] <= span(inner.lines)[1] <= span(outer.lines)[1]
    starts = [span(s.lines)[0] for s in rulebook.sections]
    assert starts == sorted(starts), "sections are listed in the handbook's order"


@needs_handbook
def test_sources_and_sections_lie_inside_the_handbook():
    lines = _handbook_lines()
    book = _rulebook()
    for item, where in [(s.id, s.lines) for s in book.sections] + [(r.id, r.source) for r in book.rules]:
        first, last = span(where)
        assert 1 <= first <= last <= len(lines), (item, where, len(lines))
        assert lines[first - 1].strip() and lines[last - 1].strip(), f"{item}: {where} starts or ends on a blank line"


@needs_handbook
def test_each_section_starts_at_its_heading_in_the_handbook(rulebook):
    lines = _handbook_lines()
    for section in rulebook.sections:
        first_line = lines[span(section.lines)[0] - 1].lower()
        first_words = [re.findall(r"\w+", title.lower())[0] for title in (section.title.bg, section.title.en)]
        assert any(word in first_line for word in first_words), (section.id, first_line)


def test_the_ui_can_ask_for_a_rules_section_title(rulebook):
    assert rulebook.section_of("liaison.right-person").title.get("bg") == "Лиезон (свръзка)"
    assert rulebook.section_of("sponsor.contact-person").title.get("bg") == "Развиване на връзки със спонсори (2)"
    assert [s.id for s in rulebook.trail(rulebook.section_of("sponsor.contact-person").id)] == ["3", "3.2", "3.2.2"]
    with pytest.raises(KeyError):
        rulebook.section_of("no.such-rule")


def _rulebook():
    from game.scoring.rulebook import default_rulebook

    return default_rulebook()


def _checked(text: str) -> str:
    book, problems = check_shape(Rulebook, load_text(text, "rulebook.yaml"))
    assert book is None
    return "\n".join(str(p) for p in problems)


def test_an_unlisted_section_or_a_source_outside_it_is_refused_with_a_clear_message():
    text = DEFAULT_RULEBOOK.read_text(encoding="utf-8")
    unlisted = text.replace('section: "3.3"\n    source: "665-671"', 'section: "3.9"\n    source: "665-671"', 1)
    assert unlisted != text
    assert 'crowd.crowdfunding): section "3.9" is not listed under sections:' in _checked(unlisted)
    outside = text.replace('source: "665-671"', 'source: "600-610"', 1)
    assert "source 600-610 is not inside section 3.3's lines 663-675" in _checked(outside)
    backwards = text.replace('source: "665-671"', 'source: "671-665"', 1)
    assert "'671-665' ends before it starts" in _checked(backwards)
    orphan = text.replace('{id: "3.2.1", lines:', '{id: "3.7.1", lines:', 1)
    assert "section 3.7.1 needs its parent section 3.7 listed before it" in _checked(orphan)


# --- the words ---------------------------------------------------------------------------------------

# The handbook's own terms may be used whole even where they run to six words.
HANDBOOK_TERMS = ("маркетинг, изграден върху връзката с потребителите", "управление на връзката с потребителите", "лице за контакт със спонсора")


def _runs(text: str, n: int, allowed: tuple[str, ...] = ()) -> set[tuple[str, ...]]:
    text = text.lower()
    for phrase in allowed:
        text = text.replace(phrase, " | ")
    runs = set()
    for segment in text.split("|"):
        words = re.findall(r"\w+", segment)
        runs |= {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}
    return runs


def _our_texts(language: str) -> list[tuple[str, str]]:
    book, glossary = _rulebook(), default_glossary()
    texts = [(r.id, getattr(r.title, language)) for r in book.rules] + [(r.id, getattr(r.advice, language)) for r in book.rules]
    return texts + [(t.id, getattr(t.meaning, language)) for t in glossary.terms]


def test_no_english_advice_pastes_eight_words_of_the_outline():
    shared = SHARED_OUTLINE if SHARED_OUTLINE.is_file() else OUTLINE
    outline = _runs(shared.read_text(encoding="utf-8"), 8)
    pasted = [(item, " ".join(run)) for item, text in _our_texts("en") for run in _runs(text, 8) & outline]
    assert pasted == []


@needs_handbook
def test_no_bulgarian_advice_pastes_six_words_of_the_handbook():
    handbook = _runs(HANDBOOK.read_text(encoding="utf-8"), 6)
    pasted = [(item, " ".join(run)) for item, text in _our_texts("bg") for run in _runs(text, 6, HANDBOOK_TERMS) & handbook]
    assert pasted == []


NOT_THE_HANDBOOKS = {
    "en": ["most important", "most common", "costs less", "authority to speak", "outside guide", "picks up the phone"],
    "bg": ["поддръжни", "лице за връзка", "лицето за връзка", "дарителска кампания", "маркетинг на взаимоотношенията", "коалици", "вдигне телефона", "най-важн", "най-честата"],
}


@pytest.mark.parametrize("language", ["en", "bg"])
def test_the_rulebook_uses_the_handbooks_terms_and_no_invented_absolutes(language):
    book = _rulebook()
    texts = [(a.id, getattr(a.name, language)) for a in book.areas] + [(s.id, getattr(s.title, language)) for s in book.sections]
    texts += _our_texts(language)
    found = [(item, phrase) for item, text in texts for phrase in NOT_THE_HANDBOOKS[language] if phrase in text.lower()]
    assert found == []


def test_the_areas_use_the_handbooks_bulgarian_names(rulebook):
    names = {a.id: a.name.bg for a in rulebook.areas}
    assert names["liaison-facilitator"] == "Лиезон (свръзка) и фасилитатор"
    assert names["supporters"] == "Подкрепящи и застъпници"
    assert names["relationship-marketing"] == "Маркетинг, изграден върху връзката с потребителите"


# --- the glossary ------------------------------------------------------------------------------------


def test_the_glossary_loads_with_both_languages_and_names_known_sections(rulebook):
    glossary = default_glossary()
    assert 30 <= len(glossary.terms) <= 45
    assert unknown_sections(glossary, rulebook) == []
    for term in glossary.terms:
        assert term.term.en and term.term.bg and term.meaning.en and term.meaning.bg
    for needed in ("liaison", "facilitator", "coalition", "informal-coalition", "crowdfunding", "licensee", "sponsor-contact-person", "relationship-marketing", "crm"):
        assert needed in glossary.by_id
    assert glossary.by_id["liaison"].term.bg == "Лиезон (свръзка)"
    grouped = glossary.grouped(rulebook)
    assert sum(len(terms) for _, terms in grouped) == len(glossary.terms)


def test_a_glossary_term_without_bulgarian_is_refused(tmp_path):
    path = tmp_path / "glossary.yaml"
    path.write_text('terms:\n  - id: x\n    term: {en: "X"}\n    meaning: {en: "Y", bg: "Й"}\n    section: "1.1"\n', encoding="utf-8")
    with pytest.raises(ContentError, match="add the bg text"):
        load_glossary(path)


def test_the_committed_glossary_page_is_up_to_date(rulebook):
    expected = glossary_markdown(default_glossary(), rulebook)
    assert GLOSSARY_DOC.read_text(encoding="utf-8") == expected, "docs/glossary.md is stale: run '.venv/bin/python -m game.scoring.glossary docs/glossary.md'"


def test_the_glossary_ships_inside_the_game_package():
    from importlib import resources

    assert (resources.files("game.data") / "glossary.yaml").is_file()
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"game.data" = ["*.yaml"]' in pyproject
