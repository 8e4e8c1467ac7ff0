"""Roll-up by pooling counts, on hand-computed numbers."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from thidua_cli.models import Campaign, Cluster, Result, Unit
from thidua_cli.results.rollup import Figure, RollUp, judge
from thidua_cli.vn import numbers


def unit(uid: str, parent: str | None, level: str = "co-so", **extra: Any) -> Unit:
    return Unit.model_validate({"id": uid, "name": f"Công đoàn {uid}", "level": level,
                                "parent": parent, **extra})


def campaign(cid: str, issuer: str, targets: list[tuple[str, str]], kind: str = "nam") -> Campaign:
    return Campaign.model_validate({
        "id": cid, "issuer": issuer, "year": 2016, "kind": kind, "title": "Phong trào",
        "start": "2016-01-01", "end": "2016-12-31",
        "targets": [{"id": tid, "text": tid, "value": value} for tid, value in targets]})


def result(cid: str, uid: str | None, results: dict[str, Any], population: dict[str, int] | None = None
           ) -> Result:
    return Result.model_validate({"campaign": cid, "unit": uid, "as_of": "2016-12-15",
                                  "population": population or {}, "results": results})


PROVINCE = [unit("ldld", None, "tinh"), unit("h1", "ldld", "tren-co-so"), unit("h2", "ldld", "tren-co-so"),
            unit("h3", "ldld", "tren-co-so")]
VUNG_MANH = campaign("ldld-2016", "ldld", [("cdcs-vung-manh", "trên 90%"), ("ket-nap-dang", "trên 200")])


def test_bac_kan_the_named_base_decides():
    # 700 CĐCS "vững mạnh" of 789 (19 new ones not rated): pooled over all, then over the rated.
    over_all = [result("ldld-2016", "h1", {"cdcs-vung-manh": {"count": 300, "of": "cdcs"}}, {"cdcs": 339}),
                result("ldld-2016", "h2", {"cdcs-vung-manh": {"count": 250, "of": "cdcs"}}, {"cdcs": 270}),
                result("ldld-2016", "h3", {"cdcs-vung-manh": {"count": 150, "of": "cdcs"}}, {"cdcs": 180})]
    book = RollUp(PROVINCE, [], [VUNG_MANH], over_all)
    target = VUNG_MANH.targets[0]
    figure = book.figure(VUNG_MANH, "ldld", target)
    assert figure == Figure(count=700, total=789, of="cdcs", own=False, covered=("h1", "h2", "h3"),
                            expected=("h1", "h2", "h3"))
    assert numbers.percent(figure.share) == "88,72%"
    verdict = judge(target, figure)
    assert verdict is not None and verdict.text() == "không đạt (thiếu 1,28 điểm %)"
    assert figure.coverage_text() == "tổng hợp từ 3/3 đơn vị"
    rated = [r.model_copy(update={"population": {"cdcs": total}})
             for r, total in zip(over_all, (330, 265, 175), strict=True)]
    figure = RollUp(PROVINCE, [], [VUNG_MANH], rated).figure(VUNG_MANH, "ldld", target)
    assert (figure.count, figure.total, numbers.percent(figure.share)) == (700, 770, "90,91%")
    assert judge(target, figure).text() == "đạt (vượt 0,91 điểm %)"


def test_pooled_share_is_not_the_average_of_shares_and_says_who_is_missing():
    members = [unit("a", None, "tren-co-so"), unit("b", None, "tren-co-so"), unit("c", None, "tren-co-so")]
    cluster = Cluster(id="cum", name="Cụm thi đua số 1", organizer="a", leader="a", members=["a", "b", "c"])
    covenant = campaign("cum-2016", "cum", [("lao-dong-tien-tien", "trên 75%")], kind="giao-uoc")
    reports = [result("cum-2016", "a", {"lao-dong-tien-tien": {"count": 9, "of": "cb"}}, {"cb": 10}),
               result("cum-2016", "b", {"lao-dong-tien-tien": {"count": 60, "of": "cb"}}, {"cb": 100})]
    figure = RollUp(members, [cluster], [covenant], reports).figure(covenant, "cum", covenant.targets[0])
    # Pooled: 69/110 = 62,73% (không đạt); the average of 90% and 60% would be 75% — never used.
    assert numbers.percent(figure.share) == "62,73%"
    assert figure.share != (Fraction(90) + Fraction(60)) / 2
    assert figure.missing == ("c",)
    assert figure.coverage_text() == "tổng hợp từ 2/3 đơn vị"
    assert figure.coverage_text("en") == "pooled from 2/3 units"
    assert judge(covenant.targets[0], figure).text() == "không đạt (thiếu 12,27 điểm %)"


def test_a_subordinate_reports_on_its_own_campaign_of_the_same_year_and_kind():
    own = campaign("h1-2016", "h1", [("ket-nap-dang", "trên 80")])
    reports = [result("h1-2016", None, {"ket-nap-dang": 91}),
               result("ldld-2016", "h2", {"ket-nap-dang": 120})]
    book = RollUp(PROVINCE, [], [VUNG_MANH, own], reports)
    figure = book.figure(VUNG_MANH, "ldld", VUNG_MANH.targets[1])
    assert (figure.count, figure.covered, figure.missing) == (211, ("h1", "h2"), ("h3",))
    assert judge(VUNG_MANH.targets[1], figure).text() == "đạt (vượt 11; đạt 105,5% kế hoạch)"


def test_an_own_report_wins_and_still_says_who_reported_below():
    reports = [result("ldld-2016", None, {"ket-nap-dang": 291}),
               result("ldld-2016", "h2", {"ket-nap-dang": 120})]
    figure = RollUp(PROVINCE, [], [VUNG_MANH], reports).figure(VUNG_MANH, "ldld", VUNG_MANH.targets[1])
    assert (figure.count, figure.own, figure.covered, figure.missing) == (291, True, ("h2",), ("h1", "h3"))
    assert figure.coverage_text() == ""


def test_a_dissolved_unit_is_not_expected_and_nothing_reported_is_none():
    units = [*PROVINCE, unit("h4", "ldld", "tren-co-so", dissolved="2015-07-01")]
    book = RollUp(units, [], [VUNG_MANH], [])
    assert book.expected("ldld", VUNG_MANH) == ("h1", "h2", "h3")
    assert book.figure(VUNG_MANH, "ldld", VUNG_MANH.targets[0]) is None
    assert judge(VUNG_MANH.targets[0], None) is None
