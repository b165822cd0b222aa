"""The sequence feedback's words: which steps came too early or too late, and beside which step they belong."""

from game.scoring.misplaced import Misplaced, misplaced


def test_one_step_put_last_came_too_late_and_only_it_is_named():
    assert misplaced(["b", "c", "d", "a"], ["a", "b", "c", "d"]) == [Misplaced("a", False, "b")]


def test_one_step_put_first_came_too_early_and_belongs_after_the_step_it_should_follow():
    assert misplaced(["d", "a", "b", "c"], ["a", "b", "c", "d"]) == [Misplaced("d", True, "c")]


def test_the_right_order_names_nothing():
    assert misplaced(["a", "b", "c"], ["a", "b", "c"]) == []


def test_every_step_but_the_kept_run_is_named_once():
    found = misplaced(["c", "a", "e", "b", "d"], ["a", "b", "c", "d", "e"])
    assert sorted(m.step for m in found) == ["c", "e"]
