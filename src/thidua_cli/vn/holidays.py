"""Days off in Vietnam: weekends and public holidays (Bộ luật Lao động 2019, Điều 112).

A campaign moved to a new year keeps its day and month, and its launch may land on a
Sunday or in Tết: :func:`day_off` names the reason so that ``thidua new campaign`` can
say so. Public holidays: Tết Dương lịch (1/1), Tết Nguyên đán (the last day of the lunar
year to mùng 5 — the days off are set each year within that span), Giỗ Tổ Hùng Vương
(10/3 âm lịch), 30/4, 1/5 and Quốc khánh (2/9; the adjacent day off, 1/9 or 3/9, is
chosen each year and not named here).
"""

from __future__ import annotations

from datetime import date, timedelta

from thidua_cli.problems import Text
from thidua_cli.vn import lunar

_SOLAR = {(1, 1): ("Tết Dương lịch", "New Year's Day"),
          (30, 4): ("ngày Giải phóng miền Nam 30/4", "Reunification Day (30/4)"),
          (1, 5): ("ngày Quốc tế Lao động 1/5", "International Workers' Day (1/5)"),
          (2, 9): ("Quốc khánh 2/9", "National Day (2/9)")}


def _lunar_holiday(day: date) -> tuple[str, str] | None:
    try:
        moon = lunar.to_lunar(day)
        tomorrow = lunar.to_lunar(day + timedelta(days=1))
    except ValueError:  # outside the lunar calendar's years: nothing to say
        return None
    if moon.leap:
        return None
    if (moon.month == 1 and moon.day <= 5) or (tomorrow.month == 1 and tomorrow.day == 1
                                               and not tomorrow.leap):
        return "dịp nghỉ Tết Nguyên đán", "the Tết (Lunar New Year) holiday"
    if (moon.day, moon.month) == (10, 3):
        return "Giỗ Tổ Hùng Vương (10/3 âm lịch)", "the Hùng Kings' Commemoration (10/3 lunar)"
    return None


def day_off(day: date) -> Text | None:
    """Why ``day`` is not a working day (a public holiday first, then the weekend), or None."""
    holiday = _SOLAR.get((day.day, day.month)) or _lunar_holiday(day)
    if holiday is not None:
        return Text(*holiday)
    if day.weekday() == 5:
        return Text("thứ Bảy", "a Saturday")
    if day.weekday() == 6:
        return Text("Chủ nhật", "a Sunday")
    return None
