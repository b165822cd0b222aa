"""The tone reader's word lists: what a test-wise reader takes for "right" and "wrong" wording.

A player who has not read the handbook still guesses well when the right
option sounds collaborative, careful and open and the wrong ones sound
hasty, secretive or selfish. ``tone(text, language)`` counts such words:
each warm stem found adds one, each cold stem subtracts one.

A stem matches the start of a word (``listen`` finds "listening"); a stem
ending in ``$`` must be the whole word; a stem with spaces is a phrase whose
words follow each other. Stems are lower case; Bulgarian stems are in
Cyrillic.
"""

from __future__ import annotations

import re
from functools import lru_cache

WARM = {
    "en": (
        "together", "joint", "share", "shared", "listen", "hear them", "hear out", "openly", "open about", "transparen", "honest",
        "careful", "thorough", "in detail", "ask them", "ask what", "ask how", "ask each", "asks", "consult", "discuss", "talk to",
        "agree", "agreement", "plan$", "plans$", "planned", "planning", "plan it", "plan with", "written", "in writing", "write down",
        "writes down", "respect", "trust", "partner", "all partners", "all members", "all the partners", "everyone",
        "each partner", "each side", "both sides", "involve", "include", "invite", "meet$", "meet them", "meet with", "meeting",
        "explain", "clarif", "clear", "check", "research", "verif", "review", "evaluat", "feedback", "mutual", "fair", "common",
        "cooperat", "collaborat", "coordinat", "dialog", "relationship", "long-term", "long term", "sustain", "strateg", "criteria",
        "build", "support", "thank", "apologi", "admit", "learn", "understand", "inform", "report", "document", "prepare",
        "step by step", "patien", "commit", "accountab", "responsib", "balance", "inclusive", "communit", "neutral", "impartial",
        "stakeholder", "in person", "personally", "regular", "hear",
    ),
    "bg": (
        "заедно", "съвместн", "сподел", "изслуша", "чуйте", "чуете", "открито", "откровен", "прозрачн", "честн", "внимателн", "задълбочен",
        "подробн", "попитайте", "попитате", "питайте", "консулт", "обсъд", "разговар", "договор", "уговор", "съглас", "споразум",
        "план", "писмен", "запишете", "записан", "уваж", "довер", "партньор", "всички партньори", "всички членове", "всеки партньор",
        "всяка страна", "двете страни", "включ", "покан", "срещнете", "среща", "обясн", "изясн", "ясн", "провер", "проуч", "преглед",
        "оцен", "обратна връзка", "взаимн", "справедлив", "обща$", "общи$", "общо$", "общия$", "общата$", "сътрудни", "координ",
        "диалог", "отношени", "дългосроч", "устойчив", "стратеги", "критери", "изград", "подкреп", "благодар", "извин", "признайте",
        "научете", "разберете", "информир", "уведом", "отчет", "документ", "подготв", "стъпка по стъпка", "търпели", "ангажир",
        "отговорност", "баланс", "приобщ", "общност", "неутрал", "безпристраст", "заинтересовани", "лично", "редовн",
    ),
}

COLD = {
    "en": (
        "just", "quick", "fast", "rush", "hurr", "immediate", "right away", "at once", "today", "this week", "simply", "skip",
        "ignore", "hope", "quiet", "secret", "hide", "without", "no$", "don't", "do not", "nobody", "say nothing", "nothing", "no comment",
        "only", "alone", "yourself$", "yourselves", "cheap", "impress", "big$", "bigger", "biggest", "instead", "avoid", "postpone", "wait",
        "later", "drop", "save", "shortcut", "bypass", "blame", "deny", "defend", "pretend", "as if", "pressure", "demand", "insist",
        "force", "threat", "ultimatum", "push", "grab", "whatever", "anyway", "never", "always", "obviously", "of course", "glossy",
        "flashy", "famous", "celebrit", "star$", "viral", "headline", "look big", "look good", "profit", "sell", "win$", "beat",
        "ready-made", "template", "standard", "generic", "mass", "automatic", "let it go", "let him", "let her", "let them",
        "blow over", "fade", "ourselves", "our own", "cut",
    ),
    "bg": (
        "просто", "само$", "бързо", "бърз", "веднага", "незабавно", "набързо", "още днес", "още същия", "днес", "тази седмица",
        "тихо", "тайно", "скрий", "скрийте", "без$", "не казвайте", "не отговаряйте", "никой", "никого", "никакв", "нищо", "без коментар", "сами$",
        "сам$", "евтин", "впечатл", "голям", "голяма", "големи", "вместо", "избягв", "отложете", "отлагайте", "изчакайте", "чакайте",
        "по-късно", "после$", "пропуснете", "пропускайте", "игнорир", "пренебрегн", "надява", "дано", "спестете", "спестява", "заобиколете",
        "обвинете", "отречете", "отричайте", "защитете", "преструв", "сякаш", "натиск", "настоявайте", "изисквайте",
        "заплаш", "принуд", "каквото и да", "каквато и да", "така или иначе", "никога", "винаги", "очевидно", "разбира се",
        "лъскав", "известен", "известна$", "известни$", "известния", "известната", "звезд", "знаменит", "вирусн", "заглави", "печалб", "продайте", "спечел", "победа", "наготово", "шаблон",
        "стандартн", "масов", "автоматичн", "наведнъж", "оставете го", "оставете ги", "оставете я", "го оставете", "ги оставете", "отшуми", "затихне",
        "вътрешно", "изрежете", "съкратете", "махнете",
    ),
}


def _pattern(stem: str) -> str:
    whole = stem.endswith("$")
    words = stem.rstrip("$").split()
    body = r"\s+".join(re.escape(w) for w in words)
    return rf"(?<!\w){body}" + (r"(?!\w)" if whole else r"")


@lru_cache(maxsize=None)
def _compiled(language: str, side: str) -> re.Pattern[str] | None:
    stems = (WARM if side == "warm" else COLD).get(language)
    if not stems:
        return None
    return re.compile("|".join(f"(?:{_pattern(s)})" for s in sorted(set(stems), key=len, reverse=True)))


def tone(text: str, language: str) -> int:
    """Warm stems found minus cold stems found (0 for a language with no lists)."""
    text = text.lower().replace("’", "'")
    warm, cold = _compiled(language, "warm"), _compiled(language, "cold")
    if warm is None or cold is None:
        return 0
    return len(warm.findall(text)) - len(cold.findall(text))


def tone_of(texts: list, languages: list[str]) -> float:
    """The tone of some Text objects, read in each language and averaged over the languages."""
    scores = []
    for language in languages:
        found = [t.get(language) for t in texts if t is not None and (getattr(t, language, None) or language == "en")]
        if found:
            scores.append(sum(tone(s, language) for s in found))
    return sum(scores) / len(scores) if scores else 0.0
