"""``bridges i18n-status``: per language, what the catalog and each shipped file still lack."""

from __future__ import annotations

import pytest

from game.cli import main
from game.locale import languages, po_file
from game.locale.status import catalog_status, file_status, read_po, render, status

PO = r'''# a catalog as Babel writes it
msgid ""
msgstr ""
"Plural-Forms: nplurals=3; plural=(n==1 ? 0 : 1);\n"

msgid "Continue"
msgstr "Dalej"

#, fuzzy, python-brace-format
msgid "Best score so far: {score}"
msgstr "Najlepszy wynik: {score}"

msgid ""
"A long message that Babel "
"wraps over lines"
msgstr ""

msgid "{n} pick left"
msgid_plural "{n} picks left"
msgstr[0] "Został {n} wybór"
msgstr[1] "Zostały {n} wybory"
msgstr[2] ""

#~ msgid "Gone"
#~ msgstr "Nie ma"
'''


def test_the_po_reader_finds_translated_fuzzy_and_missing_messages():
    entries = read_po(PO)
    assert [e[0] for e in entries] == ["Continue", "Best score so far: {score}", "A long message that Babel wraps over lines", "{n} pick left"]
    assert entries[0] == ("Continue", ["Dalej"], False)
    assert entries[1][2] is True
    assert entries[3][1] == ["Został {n} wybór", "Zostały {n} wybory", ""]


@pytest.mark.parametrize("language", [lang for lang in languages() if lang != "en"])
def test_the_catalog_counts_agree_with_babel(language):
    from babel.messages.pofile import read_po as babel_read_po

    with po_file(language).open("rb") as stream:
        catalog = babel_read_po(stream, locale=language)
    found = catalog_status(language)
    messages = [m for m in catalog if m.id]
    assert found.total == len(messages)
    assert len(found.fuzzy) == sum(1 for m in messages if m.fuzzy)
    untranslated = [m for m in messages if not m.fuzzy and not all(s.strip() for s in (m.string if isinstance(m.string, tuple) else (m.string,)))]
    assert len(found.untranslated) == len(untranslated)


def test_a_file_counts_the_texts_each_language_lacks(tmp_path):
    path = tmp_path / "small.yaml"
    path.write_text(
        "id: small\nlanguages: [en, el]\ntitle: {en: The Bridge, el: Η γέφυρα}\n"
        "summary: {en: Two NGOs meet., el: ''}\nscenes:\n  - id: start\n    text: {en: Hello, ro: Salut}\n",
        encoding="utf-8",
    )
    found = file_status("small", path, ["el", "ro"])
    assert found.total == 3 and found.declared == ["en", "el"]
    assert found.missing == {"el": ["summary", "scenes[start].text"], "ro": ["title", "summary"]}
    table = render([catalog_status("bg")], [found], detail=False)
    assert "small (3 texts)" in table


def test_a_broken_file_is_named_not_a_traceback(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("title: {en: [unclosed\n", encoding="utf-8")
    found = file_status("broken", path, ["el"])
    assert found.problem and "broken.yaml" in found.problem
    assert "unreadable" in render([catalog_status("bg")], [found])


def test_the_command_shows_every_language_and_every_shipped_file(capsys):
    assert main(["i18n-status"]) == 0
    out = capsys.readouterr().out
    header = out.splitlines()[0].split()
    assert header == [lang for lang in languages() if lang != "en"]
    catalogs, files = status()
    assert {"rulebook", "glossary", "demo-river-cleanup", "tutorial-first-steps"} <= {f.name for f in files}
    for found in files:
        assert f"{found.name} ({found.total} texts)" in out


def test_one_language_lists_what_is_missing(capsys):
    language = languages()[-1]
    assert main(["i18n-status", "--lang", language]) == 0
    out = capsys.readouterr().out
    catalogs, files = status(language)
    for found in files:
        for at in found.missing[language][:3]:
            assert f"\n  {at}\n" in out
    for message in catalogs[0].untranslated[:3]:
        assert repr(message) in out


def test_an_unknown_language_is_a_clear_usage_error(capsys):
    assert main(["i18n-status", "--lang", "xx"]) == 2
    err = capsys.readouterr().err
    assert "no catalog for 'xx'" in err and "python -m game.locale.fill xx" in err and "Traceback" not in err
