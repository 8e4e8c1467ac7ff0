"""The verdict table, on hand-computed figures (Bắc Kạn 2016, the rounding trap, seed 003)."""

from __future__ import annotations

from fractions import Fraction

import pytest

from thidua_cli.results.judge import reads_as, share, verdict
from thidua_cli.vn import numbers
from thidua_cli.vn.targets import parse_target


def judged(target: str, value: Fraction) -> str:
    return verdict(parse_target(target), value).text()


def test_bac_kan_2016_the_verdict_depends_on_the_named_base() -> None:
    # 700 of 789 CĐCS "vững mạnh"; 19 new CĐCS were not rated: 770 rated.
    assert numbers.percent(share(700, 789)) == "88,72%"
    assert numbers.percent(share(700, 770)) == "90,91%"
    assert judged("trên 90%", share(700, 789)) == "không đạt (thiếu 1,28 điểm %)"
    assert judged("trên 90%", share(700, 770)) == "đạt (vượt 0,91 điểm %)"


def test_the_rounding_trap_is_judged_on_the_exact_value() -> None:
    value = share(7619, 10159)
    assert numbers.percent(value) == "75,00%"
    assert judged("từ 75% trở lên", value) == "không đạt (thiếu dưới 0,01 điểm %)"
    assert reads_as(Fraction(75), parse_target("từ 75% trở lên")) is True
    assert verdict(parse_target("từ 75% trở lên"), value).text("en") == \
        "not met (short by less than 0.01 percentage points)"


@pytest.mark.parametrize(("target", "value", "expected"), [
    ("trên 75%", share(7620, 10159), "đạt (vượt 0,01 điểm %)"),
    ("trên 75%", Fraction(75), "không đạt"),
    ("từ 75% trở lên", Fraction(75), "đạt"),
    ("từ 75% trở lên", Fraction(76), "vượt (vượt 1 điểm %)"),
    ("95%", Fraction(952, 10), "vượt (vượt 0,2 điểm %)"),   # a bare share reads as "at least"
    ("95%", Fraction(95), "đạt"),
    ("95%", Fraction(94), "không đạt (thiếu 1 điểm %)"),
    ("85-90%", share(5300, 6020), "đạt"),
    ("85-90%", Fraction(91), "vượt (vượt 1 điểm %)"),
    ("85-90%", Fraction(80), "không đạt (thiếu 5 điểm %)"),
    ("100%", share(65, 65), "đạt"),
    ("100%", share(64, 65), "không đạt (thiếu 1,54 điểm %)"),
    ("không có", Fraction(0), "đạt"),
    ("không có", Fraction(2), "không đạt (quá 2)"),
    ("0%", Fraction(0), "đạt"),
    ("dưới 5%", Fraction(4), "đạt (dưới mức tối đa 1 điểm %)"),
    ("dưới 5%", Fraction(5), "không đạt"),
    ("không quá 15%", Fraction(15), "đạt"),
    ("không quá 15%", Fraction(16), "không đạt (quá 1 điểm %)"),
    ("trên 200", Fraction(291), "đạt (vượt 91; đạt 145,5% kế hoạch)"),
    ("trên 200", Fraction(200), "không đạt (đạt 100% kế hoạch)"),
    ("200", Fraction(200), "đạt (đạt 100% kế hoạch)"),
    ("200", Fraction(291), "vượt (vượt 91; đạt 145,5% kế hoạch)"),
    ("200", Fraction(150), "không đạt (thiếu 50; đạt 75% kế hoạch)"),
])
def test_verdict_table(target: str, value: Fraction, expected: str) -> None:
    assert judged(target, value) == expected
    # reads_as (validate's fast question) says "met" exactly when the verdict is đạt or vượt.
    assert reads_as(value, parse_target(target)) is expected.startswith(("đạt", "vượt"))


def test_a_phase_report_is_progress_not_a_verdict() -> None:
    result = verdict(parse_target("trên 200"), Fraction(120), progress=True)
    assert result.kind == "tien-do"
    assert result.text() == "tiến độ (thiếu 80; đạt 60% kế hoạch)"


def test_zero_of_zero_is_zero() -> None:
    assert share(0, 0) == 0
