"""The readers: surface rules for answering (tone, length, cost, place, modesty), their hit rates and warnings."""

import pytest
import yaml

from game.cli import main
from game.core.checker import check_file
from game.core.engine import Session
from game.core.policies import play
from game.scoring.analyzer import analyze
from game.scoring.hitrates import reader_rates, reader_warnings, single_answer_scenes
from game.scoring.modesty import about_number, card_sizes
from game.scoring.policies import autoplay_policies, named_policies
from game.scoring.tone import COLD, WARM, tone

RULE = "flow.before.strategy"


def text(en, bg=None):
    return {"en": en, "bg": bg or en}


def option(id, en, bg, right, weeks=0):
    return {
        "id": id,
        "text": text(en, bg),
        "effects": [{"resource": "weeks", "add": -weeks}] if weeks else [],
        "evidence": {"honours" if right else "breaks": [RULE]},
        "feedback": text("Why."),
    }


def build(tmp_path, rulebook, scenes, cast=(), traits=None):
    """A checked scenario: the scenes in order, each leading to the next, then an ending."""
    ids = list(scenes)
    for here, there in zip(ids, ids[1:] + ["end"]):
        scenes[here] = dict(scenes[here], next=there)
    doc = {
        "format": 1, "id": "synthetic", "title": text("Synthetic", "Изкуствен"), "summary": text("A test", "Тест"),
        "languages": ["en", "bg"], "minutes": 5,
        "ngo": {"name": text("N", "Н"), "cause": text("C", "К"), "town": text("T", "Т")},
        "resources": {"budget": {"start": 5000}, "weeks": {"start": 40}},
        "traits": traits or {}, "cast": list(cast), "start": ids[0],
        "scenes": {**{k: dict(v) for k, v in scenes.items()}, "end": {"kind": "ending", "outcome": "success", "text": text("End", "Край")}},
    }
    path = tmp_path / "synthetic.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    checked = check_file(path, rulebook.ids)
    assert checked.ok, [str(p) for p in checked.problems]
    return checked.scenario


def choice(*options):
    return {"kind": "choice", "phase": "before", "text": text("What now?", "Сега какво?"), "options": list(options)}


# The right option sounds careful and cooperative, the wrong ones hasty or secretive; the right one moves around.
GIVEAWAY = {
    "budget": [
        ("Sit down together with the partners and listen openly to their worries", "Седнете заедно с партньорите и изслушайте открито тревогите им", True),
        ("Just send the final figures quickly and skip the meeting", "Просто изпратете бързо крайните цифри и пропуснете срещата", False),
        ("Quietly cut the line yourself and hope nobody asks", "Тихо орежете реда сами и се надявайте никой да не пита", False),
    ],
    "deadline": [
        ("Simply skip the report this time: the funder rarely reads it", "Просто пропуснете отчета този път: дарителят рядко го чете", False),
        ("Agree a written plan with all partners and explain it carefully", "Договорете писмен план с всички партньори и го обяснете внимателно", True),
        ("Just ask for an extension at once and hope for the best", "Само поискайте удължаване веднага и се надявайте на най-доброто", False),
    ],
    "complaint": [
        ("Ignore it: it will fade by itself", "Игнорирайте го: само ще отшуми", False),
        ("Answer quickly with the standard letter", "Отговорете бързо със стандартното писмо", False),
        ("Meet the volunteer, listen carefully and agree next steps together", "Срещнете се с доброволеца, изслушайте го внимателно и договорете заедно следващите стъпки", True),
    ],
    "press": [
        ("Consult the partners openly and prepare a joint statement", "Консултирайте се открито с партньорите и подгответе съвместно изявление", True),
        ("Say nothing and wait for it to blow over", "Не казвайте нищо и изчакайте да отшуми", False),
        ("Quickly blame the printer instead", "Бързо обвинете вместо това печатницата", False),
    ],
}

# The same lessons with no tone to go by: every option plain and alike.
BALANCED = {
    "budget": [
        ("Move the printing money to the autumn event", "Преместете парите за печат към есенното събитие", True),
        ("Move the printing money to the spring event", "Преместете парите за печат към пролетното събитие", False),
        ("Move the printing money to the summer event", "Преместете парите за печат към лятното събитие", False),
    ],
    "deadline": [
        ("Send the report in March with the photos", "Изпратете отчета през март със снимките", False),
        ("Send the report in April with the figures", "Изпратете отчета през април с цифрите", True),
        ("Send the report in May with the minutes", "Изпратете отчета през май с протоколите", False),
    ],
    "complaint": [
        ("Offer the volunteer a place in the Tuesday group", "Предложете на доброволеца място в групата във вторник", False),
        ("Offer the volunteer a place in the Friday group", "Предложете на доброволеца място в групата в петък", False),
        ("Offer the volunteer a place in the Sunday group", "Предложете на доброволеца място в групата в неделя", True),
    ],
    "press": [
        ("Give the radio the story of the Petrov family", "Дайте на радиото историята на семейство Петрови", False),
        ("Give the radio the story of the Ivanov family", "Дайте на радиото историята на семейство Иванови", True),
        ("Give the radio the story of the Kolev family", "Дайте на радиото историята на семейство Колеви", False),
    ],
}


def scenes_of(table, weeks_for_right=0):
    return {
        scene: choice(*(option(f"o{i}", en, bg, right, weeks_for_right if right else 0) for i, (en, bg, right) in enumerate(rows)))
        for scene, rows in table.items()
    }


def test_the_word_lists_are_decent_in_both_languages():
    for lists in (WARM, COLD):
        assert set(lists) == {"en", "bg"}
        assert all(40 <= len(set(stems)) <= 100 for stems in lists.values())
    assert tone("Sit down together and listen openly", "en") == 3
    assert tone("Just skip it quickly and hope", "en") == -4
    assert tone("Седнете заедно и изслушайте открито", "bg") == 3
    assert tone("Просто го пропуснете бързо", "bg") == -3
    assert tone("a plant by the river", "en") == 0  # 'plan' is a whole word, not a prefix of 'plant'


def test_the_tone_reader_catches_a_giveaway_scenario_and_names_its_scenes(tmp_path, rulebook):
    scenario = build(tmp_path, rulebook, scenes_of(GIVEAWAY))
    rates = reader_rates(scenario, rulebook)
    assert rates["tone"]["scenes"] == 4 and rates["tone"]["hits"] == 4 and rates["tone"]["chance"] == pytest.approx(33.3)
    warnings = reader_warnings(rates)
    tone_warning = next(w for w in warnings if w.startswith("the tone reader"))
    assert "4 of 4 single-answer scenes" in tone_warning
    assert all(scene in tone_warning for scene in GIVEAWAY)
    assert "sounds more careful or cooperative" in tone_warning


def test_the_tone_reader_is_at_chance_on_a_balanced_scenario(tmp_path, rulebook):
    scenario = build(tmp_path, rulebook, scenes_of(BALANCED))
    rates = reader_rates(scenario, rulebook)
    assert rates["tone"]["rate"] == pytest.approx(rates["tone"]["chance"], abs=0.1)
    assert reader_warnings(rates) == []


def test_the_analyzer_warns_and_fails_a_threshold_when_the_tone_reader_plays_well(tmp_path, rulebook):
    report = analyze(build(tmp_path, rulebook, scenes_of(GIVEAWAY)), rulebook, plays=50)
    assert report["policies"]["tone reader"]["score"] == 100.0
    assert report["thresholds"]["readers <= chance + 10"] is False
    assert report["thresholds"]["surface tricks <= random mean + 15"] is False
    assert any("surface trick 'tone reader'" in w for w in report["warnings"])
    assert set(report["readers"]["tone"]) >= {"hits", "scenes", "rate", "chance"}
    balanced = analyze(build(tmp_path, rulebook, scenes_of(BALANCED)), rulebook, plays=50)
    assert balanced["thresholds"]["readers <= chance + 10"] is True


def test_cost_readers_find_the_option_that_costs_most_or_least(tmp_path, rulebook):
    dear = build(tmp_path, rulebook, scenes_of(BALANCED, weeks_for_right=2))
    rates = reader_rates(dear, rulebook)
    assert rates["costliest"]["hits"] == 4 and rates["cheapest"]["hits"] == 0
    assert any("costs the most" in w for w in reader_warnings(rates))
    report = analyze(dear, rulebook, plays=50)
    assert report["policies"]["costliest option"]["score"] == 100.0
    assert report["policies"]["cheapest option"]["score"] == 0.0
    # every wrong option costs instead: now the cheapest is right
    cheap = {s: {**sc, "options": [dict(o, effects=[] if "honours" in o["evidence"] else [{"resource": "budget", "add": -300}]) for o in sc["options"]]} for s, sc in scenes_of(BALANCED).items()}
    rates = reader_rates(build(tmp_path, rulebook, cheap), rulebook)
    assert rates["cheapest"]["hits"] == 4 and rates["costliest"]["hits"] == 0


def test_ties_count_as_guesses(tmp_path, rulebook):
    scenario = build(tmp_path, rulebook, scenes_of(BALANCED))
    rates = reader_rates(scenario, rulebook)
    # nothing costs anything, so the cost readers guess among three in each scene
    assert rates["costliest"]["hits"] == pytest.approx(4 / 3, abs=0.01)
    assert rates["costliest"]["found"] == []
    # place never ties: the right option is first in one scene and last in one
    assert rates["first"]["hits"] == 1 and rates["last"]["hits"] == 1


SIZE = {"name": text("Size", "Големина"), "values": {"large": text("large", "голяма"), "small": text("small", "малка"), "medium": text("medium", "средна")}}


def card(id, name, about, **visible):
    return {"id": id, "kind": "partner", "name": text(name), "about": text(about), "visible": visible}


def pick(right, *cards):
    return {
        "kind": "pick", "phase": "before", "text": text("Choose one", "Изберете един"), "count": 1,
        "pool": [{"cast": c["id"], "evidence": {"honours" if c["id"] == right else "breaks": ["dynamics.compatible-values"]}} for c in cards],
    }


def test_humblest_picks_the_smallest_card_by_its_traits_or_its_numbers(tmp_path, rulebook):
    big, small, mid = card("big", "Big Foundation", "A foundation.", size="large"), card("small", "Street Club", "A club.", size="small"), card("mid", "Town Group", "A group.", size="medium")
    stars = [
        card("star", "Star", "A singer with 1.2 million followers."),
        card("nurse", "Nurse", "A nurse with 800 followers."),
        card("coach", "Coach", "A coach with 9 000 followers."),
    ]
    scenario = build(tmp_path, rulebook, {"partners": pick("small", big, small, mid), "face": pick("nurse", *stars)}, cast=[big, small, mid, *stars], traits={"size": SIZE})
    assert card_sizes(scenario, [scenario.cast_by_id[i] for i in ("big", "small", "mid")]) == [1.0, 0.0, 0.5]
    rates = reader_rates(scenario, rulebook)
    assert rates["humblest"]["hits"] == 2 and rates["humblest"]["scenes"] == 2 and rates["tone"]["scenes"] == 2
    report = analyze(scenario, rulebook, plays=30)
    assert report["policies"]["humblest card"]["score"] == 100.0
    # the other way round: the right cards are the big ones
    scenario = build(tmp_path, rulebook, {"partners": pick("big", big, small, mid), "face": pick("star", *stars)}, cast=[big, small, mid, *stars], traits={"size": SIZE})
    assert reader_rates(scenario, rulebook)["humblest"]["hits"] == 0


def test_numbers_on_a_card_are_read_with_their_unit():
    assert about_number("Pop singer with 1.2 million followers and an album") == 1_200_000
    assert about_number("Offers 6,000 leva for the equipment") == 6000
    assert about_number("Предлага 2 500 лв. за оборудване") == 2500
    assert about_number("Founded in 1998 in Ruse") is None


def test_single_answer_scenes_need_one_strictly_best_option(tmp_path, rulebook):
    tied = {"tie": choice(option("a", "A", "А", True), option("b", "B", "Б", True), option("c", "C", "В", False))}
    clear = {"one": choice(option("a", "A", "А", False), option("b", "B", "Б", True))}
    scenario = build(tmp_path, rulebook, {**tied, **clear})
    assert [s["scene"] for s in single_answer_scenes(scenario, rulebook)] == ["one"]


def test_reader_policies_are_deterministic_and_play_through_autoplay(demo, rulebook):
    from game.scoring.grader import Recorder
    from game.scoring.policies import rollout

    policies = named_policies(rulebook)
    for name in ("tone reader", "costliest option", "cheapest option", "humblest card"):
        paths = [rollout(Recorder(Session(demo, seed=0)), policies[name]).session.state.log for _ in range(2)]
        assert paths[0] == paths[1], name
    for name, policy in autoplay_policies().items():
        session = play(Session(demo, seed=3), policy, seed=3)
        assert session.ended, name
    assert play(Session(demo, seed=1), autoplay_policies()["tone"]).state.log == play(Session(demo, seed=1), autoplay_policies()["tone"], seed=9).state.log


def test_the_template_passes_every_reader(tmp_path, rulebook):
    assert main(["new", "from-template", "--dir", str(tmp_path)]) == 0
    checked = check_file(tmp_path / "from-template.yaml", rulebook.ids)
    report = analyze(checked.scenario, rulebook, plays=200)
    assert report["warnings"] == [] and all(report["thresholds"].values())
    assert report["readers"]["humblest"]["scenes"] == 1 and report["readers"]["humblest"]["hits"] == 0
    mean = report["random"]["mean"]
    assert all(report["policies"][name]["score"] <= mean + 15 for name in ("tone reader", "costliest option", "cheapest option", "humblest card"))
