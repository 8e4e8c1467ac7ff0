"""Every day from 1900-01-01 to 2100-12-31: administrative dates and the lunar round trip.

Exhaustive rather than sampled (73,414 days take about a second), each checked against
a formulation that does not share code with the one under test.
"""

from __future__ import annotations

from datetime import date, timedelta

from thidua_cli.vn.dates import admin_date, day_month, parse_date, short_date
from thidua_cli.vn.lunar import FIRST_YEAR, LAST_YEAR, lunar_to_solar, to_lunar

FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(2100, 12, 31)


def every_day() -> list[date]:
    return [FIRST_DAY + timedelta(days=n) for n in range((LAST_DAY - FIRST_DAY).days + 1)]


def calendar_walk() -> list[tuple[int, int, int]]:
    """(day, month, year) of every day, counted by hand: the Gregorian month lengths and
    leap rule, no datetime."""
    walked = []
    day, month, year = 1, 1, 1900
    while (year, month, day) <= (2100, 12, 31):
        walked.append((day, month, year))
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        length = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        day += 1
        if day > length:
            day, month = 1, month + 1
            if month > 12:
                month, year = 1, year + 1
    return walked


# Nghị định 30/2020, Phụ lục I: days below 10 and the months 1 and 2 take a leading zero.
PADDED_DAY = {n: ("0" + str(n) if n < 10 else str(n)) for n in range(1, 32)}
PADDED_MONTH = {1: "01", 2: "02", **{n: str(n) for n in range(3, 13)}}


def test_admin_and_short_dates_for_every_day_1900_2100() -> None:
    days = every_day()
    walked = calendar_walk()
    assert len(days) == len(walked) == 73_414
    for d, (day, month, year) in zip(days, walked, strict=True):
        dd, mm = PADDED_DAY[day], PADDED_MONTH[month]
        assert admin_date(d) == f"ngày {dd} tháng {mm} năm {year}", d
        assert short_date(d) == f"{dd}/{mm}/{year}", d
        assert day_month(d) == f"{dd}/{mm}", d
        # Both written forms read back to the same day.
        assert parse_date(short_date(d)) == d
        assert parse_date(f"{year:04d}-{month:02d}-{day:02d}") == d


def test_lunar_round_trip_for_every_day_1900_2100() -> None:
    leap_days = 0
    for d in every_day():
        lunar = to_lunar(d)
        if not FIRST_YEAR <= lunar.year <= LAST_YEAR:
            # Early January 1900 still belongs to lunar year 1899, outside the library.
            assert d < date(1900, 2, 1), d
            continue
        back = lunar_to_solar(lunar.day, lunar.month, lunar.year)
        if not lunar.leap:
            assert back == d, (d, lunar)
            continue
        # A leap month (tháng nhuận) follows the regular month of the same number, and
        # anniversaries are kept in the regular one: the same day, one month earlier.
        leap_days += 1
        assert 28 <= (d - back).days <= 31, (d, lunar, back)
        regular = to_lunar(back)
        assert (regular.month, regular.year, regular.leap) == (lunar.month, lunar.year, False)
        assert regular.day == lunar.day or (lunar.day == 30 and regular.day == 29)
    # About seven leap months in every nineteen years.
    assert 2_000 < leap_days < 2_300
