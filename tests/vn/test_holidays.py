"""Days off: weekends and Vietnam's public holidays, Tết from the Vietnamese lunar calendar."""

from __future__ import annotations

from datetime import date

import pytest

from thidua_cli.vn.holidays import day_off


@pytest.mark.parametrize("day, reason", [
    (date(2025, 1, 28), "dịp nghỉ Tết Nguyên đán"),    # 29 tháng Chạp, the last day of the year
    (date(2025, 1, 29), "dịp nghỉ Tết Nguyên đán"),    # mùng 1 Tết Ất Tỵ
    (date(2025, 2, 2), "dịp nghỉ Tết Nguyên đán"),     # mùng 5
    (date(2026, 2, 16), "dịp nghỉ Tết Nguyên đán"),    # 29 Chạp of a 29-day month
    (date(2025, 4, 7), "Giỗ Tổ Hùng Vương (10/3 âm lịch)"),
    (date(2026, 1, 1), "Tết Dương lịch"),
    (date(2026, 4, 30), "ngày Giải phóng miền Nam 30/4"),
    (date(2026, 5, 1), "ngày Quốc tế Lao động 1/5"),
    (date(2026, 9, 2), "Quốc khánh 2/9"),
    (date(2026, 2, 14), "thứ Bảy"),
    (date(2026, 2, 15), "Chủ nhật"),
])
def test_days_off_name_their_reason(day, reason):
    found = day_off(day)
    assert found is not None and found.vi == reason


@pytest.mark.parametrize("day", [date(2025, 2, 3), date(2026, 1, 2), date(2026, 2, 12)])
def test_working_days(day):
    assert day_off(day) is None


def test_outside_the_lunar_calendar_only_weekends_count():
    found = day_off(date(2200, 1, 5))
    assert found is not None and found.en == "a Sunday"
