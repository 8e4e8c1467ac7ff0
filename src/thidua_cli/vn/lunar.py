"""The Vietnamese lunar calendar (âm lịch), through the ``lunar-vn`` library.

Vietnam reckons lunar months at UTC+7, China at UTC+8, so the two calendars
differ in some years (Tết 1985: 21/1 in Vietnam, 20/2 in China). ``lunar-vn``
implements Hồ Ngọc Đức's published algorithm with time zone 7; libraries that
follow the Chinese calendar are wrong for Vietnam in several years.

Two rules of practice, stated here because the algorithm does not decide them:
- an anniversary is kept in the regular month, never in a leap month (tháng nhuận);
- where the lunar month has only 29 days, the 30th is kept on its last day, the 29th
  (as families do for a giỗ).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import lunar_vn

from thidua_cli.vn import dates as vn_dates

#: The solar years the library supports.
FIRST_YEAR, LAST_YEAR = lunar_vn.SUPPORTED_YEAR_RANGE
_TIME_ZONE = 7.0


@dataclass(frozen=True)
class LunarDate:
    day: int
    month: int
    year: int
    leap: bool


def _check_year(year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f"âm lịch chỉ tính được cho các năm {FIRST_YEAR}–{LAST_YEAR}, không phải {year}")


def to_lunar(d: date) -> LunarDate:
    _check_year(d.year)
    found = lunar_vn.convert_solar_to_lunar(d.day, d.month, d.year, time_zone=_TIME_ZONE)
    return LunarDate(found.day, found.month, found.year, found.leap)


def lunar_to_solar(day: int, month: int, lunar_year: int) -> date:
    """The solar date of lunar ``day/month`` of ``lunar_year`` (regular month; a missing
    30th falls on the 29th)."""
    if not 1 <= month <= 12 or not 1 <= day <= 30:
        raise ValueError(f"ngày âm lịch {day}/{month} không hợp lệ (ngày 1–30, tháng 1–12)")
    _check_year(lunar_year)
    first = lunar_vn.convert_lunar_to_solar(1, month, lunar_year, 0, time_zone=_TIME_ZONE)
    candidate = first + timedelta(days=day - 1)
    if day == 30 and to_lunar(candidate).day != 30:
        candidate -= timedelta(days=1)  # a 29-day month: keep it on its last day
    return candidate


def parse_lunar(text: str) -> tuple[int, int]:
    """``"10/3"`` → ``(10, 3)`` (:func:`thidua_cli.vn.dates.lunar_day_month`), else ValueError."""
    parsed = vn_dates.lunar_day_month(text)
    if parsed is not None:
        return parsed
    raise ValueError(f'"{text}" không phải ngày/tháng âm lịch như "10/3"')


def occurrences(day: int, month: int, start: date, end: date) -> list[tuple[date, int]]:
    """Each solar date in [start, end] on which lunar day/month falls, with its lunar year.

    Years outside the library's range are skipped, so a wide range answers for the
    years that can be computed instead of failing.
    """
    found: list[tuple[date, int]] = []
    # A lunar year starts in late January or February: lunar year Y-1 can reach into
    # January/February of solar year Y.
    for lunar_year in range(max(start.year - 1, FIRST_YEAR), min(end.year, LAST_YEAR) + 1):
        try:
            solar = lunar_to_solar(day, month, lunar_year)
        except ValueError:
            continue
        if start <= solar <= end:
            found.append((solar, lunar_year))
    return found
