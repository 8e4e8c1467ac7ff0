"""The computation against the hand-worked answers of tests/scoring/fixtures.py, and exact
arithmetic."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.scoring.fixtures import files
from thidua_cli.models.scoring import Scoring
from thidua_cli.scoring import compute, scored
from thidua_cli.validation import validate

D = Decimal


def ranking(make_registry, **replace: str) -> compute.Ranking:
    result = validate(make_registry(files(**replace)))
    registry = result.registry
    model = registry.scorings[0].model
    clusters = {e.model.id: e.model for e in registry.clusters}
    from thidua_cli.results.rollup import RollUp
    rollup = RollUp((e.model for e in registry.units), clusters.values(),
                    (e.model for e in registry.campaigns), (e.model for e in registry.results))
    campaign = next(e.model for e in registry.campaigns)
    units = scored.scored(model, clusters, {})
    return compute.compute(model, units, scored.verdicts(model, campaign, units, rollup))


def test_the_fixture_by_hand(make_registry):
    rows = [(t.unit, t.groups["1"], t.groups["2"], t.self_base, t.base, t.bonus, t.deductions, t.total,
             t.klass, t.rank, t.votes) for t in ranking(make_registry).units]
    assert rows == [
        ("ldld-tp-ha-giang", D(47), D("49.5"), D("97.5"), D("96.5"), D(5), D("1.5"), D(100), "Xuất sắc", 1, 4),
        ("cd-vien-chuc-ha-giang", D(50), D("49.5"), D("99.5"), D("99.5"), D(1), D("0.5"), D(100), "Xuất sắc", 2, 1),
        ("ldld-bac-me", D(50), D("36.5"), D("86.5"), D("86.5"), D("2.5"), D(0), D(89), "Tốt", 3, 0),
        ("cd-nganh-giao-duc", D(25), D(43), D(68), D(68), D(0), D(0), D(68), "Khá", 4, 0),
        ("cd-nganh-y-te", D(40), D("28.5"), D("68.5"), D("68.5"), D(0), D("0.5"), D(68), "Khá", 4, 0),
    ]


def test_items_from_results(make_registry):
    units = {t.unit: t for t in ranking(make_registry).units}
    assert units["cd-vien-chuc-ha-giang"].items["1.1"] == compute.ItemScore(None, None, D(10), "result")
    assert units["cd-nganh-giao-duc"].items["1.2"] == compute.ItemScore(None, None, D(0), "result")
    assert units["ldld-tp-ha-giang"].items["1.3"] == compute.ItemScore(D(18), D(17), D(17), "final")


def test_without_a_vote_the_tie_stays(make_registry):
    result = ranking(make_registry, **{"  votes: {ldld-tp-ha-giang: 4, cd-vien-chuc-ha-giang: 1}\n": ""})
    assert [(t.unit, t.rank) for t in result.units][:2] == [("ldld-tp-ha-giang", 1), ("cd-vien-chuc-ha-giang", 1)]
    assert result.tied == ("ldld-tp-ha-giang", "cd-vien-chuc-ha-giang")


def table(**scores: dict[str, object]) -> Scoring:
    return Scoring.model_validate({
        "by": "cum", "year": 2020,
        "criteria": [{"id": "1", "name": "Nhóm", "max": 3,
                      "items": [{"id": "1.1", "name": "a", "max": 1}, {"id": "1.2", "name": "b", "max": 1},
                                {"id": "1.3", "name": "c", "max": 1}]}],
        "bonus": {"max": 1, "items": [{"id": "T1", "name": "t", "points": 0.5}]},
        "deductions": {"max": 2, "items": [{"id": "D1", "name": "d", "points": 0.1}]},
        "scores": scores})


def test_exact_arithmetic():
    scoring = table(a={"self": {"1.1": 0.1, "1.2": 0.2, "1.3": 0.5}, "deductions": {"D1": 3}},
                    b={"self": {"1.1": 0.3, "1.2": 0.5, "1.3": 0}})
    b, a = compute.compute(scoring, ["a", "b"]).units  # by rank: b (0,8) before a (0,5)
    assert (a.unit, a.base, a.deductions, a.total, a.rank) == ("a", D("0.8"), D("0.3"), D("0.5"), 2)
    assert (b.unit, b.total, b.rank) == ("b", D("0.8"), 1)
    # With floats 0.1 + 0.2 + 0.5 - 3 × 0.1 is 0.49999999999999994, and the tie below is lost.
    tied = table(a={"self": {"1.1": 0.1, "1.2": 0.2, "1.3": 0}}, b={"self": {"1.1": 0.3, "1.2": 0, "1.3": 0}})
    assert [t.rank for t in compute.compute(tied, ["a", "b"]).units] == [1, 1]


def test_bonus_is_capped_and_half_points_multiply_exactly():
    scoring = table(a={"self": {"1.1": 1, "1.2": 1, "1.3": 1}, "bonus": {"T1": 3}},
                    b={"self": {"1.1": 1, "1.2": 1, "1.3": 1}, "bonus": {"T1": 1}})
    a, b = compute.compute(scoring, ["a", "b"]).units
    assert (a.bonus, a.total) == (D(1), D(4))   # 0,5 × 3 = 1,5, capped at 1
    assert (b.bonus, b.total) == (D("0.5"), D("3.5"))


@pytest.mark.parametrize("totals, votes, ranks, tied", [
    ([98, 98, 95, 95, 90], None, [1, 1, 3, 3, 5], ["a", "b"]),
    ([98, 98, 98, 95], {"a": 1, "b": 3, "c": 1}, [2, 1, 2, 4], []),
    ([98, 98, 98, 95], {"a": 3, "b": 3, "c": 1}, [1, 1, 3, 4], ["a", "b"]),
    ([98, 97, 97], {"b": 5}, [1, 2, 2], []),
])
def test_competition_ranking(totals, votes, ranks, tied):
    names = "abcde"[:len(totals)]
    got, still = compute.rank([(n, D(t)) for n, t in zip(names, totals, strict=True)], votes)
    assert [got[n] for n in names] == ranks
    assert still == tied


def test_classes_take_the_first_reached():
    scoring = Scoring.model_validate({
        "by": "cum", "year": 2020,
        "criteria": [{"id": "1", "name": "n", "max": 100, "items": [{"id": "1.1", "name": "a", "max": 100}]}],
        "classes": [{"name": "Hoàn thành xuất sắc nhiệm vụ", "min": 90}, {"name": "Hoàn thành tốt nhiệm vụ", "min": 70},
                    {"name": "Hoàn thành nhiệm vụ", "min": 50}]})
    assert [compute.class_of(scoring, D(t)) for t in ("90", "89.9", "70", "50", "49.5")] == [
        "Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ", "Hoàn thành tốt nhiệm vụ",
        "Hoàn thành nhiệm vụ", None]


def test_a_scoring_reads_back_from_its_json_dump(make_registry):
    # The results cache keeps models as model_dump(mode="json"): the dump must validate again.
    model = validate(make_registry(files())).registry.scorings[0].model
    dumped = model.model_dump(mode="json", exclude_unset=True)
    assert dumped["scores"]["ldld-tp-ha-giang"]["self"]["2.3"] == "14.5"
    assert Scoring.model_validate(dumped) == model
