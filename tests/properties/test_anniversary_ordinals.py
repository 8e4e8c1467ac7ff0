"""Anniversary occurrences and ordinals agree with a direct count, day by day.

The oracle walks every day of the range and asks "is this the anniversary?" (for a
lunar one, through the solar → lunar conversion, the opposite direction from the
code under test), then counts the years since the base year one by one.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from tests.properties.strategies import deterministic
from thidua_cli.models import Anniversary
from thidua_cli.occurrences import Occurrence, in_year, occurrences
from thidua_cli.vn.lunar import to_lunar


def ranges(first_year: int, last_year: int) -> st.SearchStrategy[tuple[date, date]]:
    first, last = date(first_year, 1, 1), date(last_year, 12, 31)
    span = (last - first).days

    @st.composite
    def draw_range(draw: st.DrawFn) -> tuple[date, date]:
        start = first + timedelta(days=draw(st.integers(0, span)))
        length = draw(st.integers(0, 3 * 366))
        return start, min(start + timedelta(days=length), last)

    return draw_range()


def years_counted(since: int, year: int) -> int:
    """The ordinal by counting: one for each year that has passed since the base year."""
    count = 0
    for _ in range(since + 1, year + 1):
        count += 1
    return count


def solar_oracle(base: date, start: date, end: date) -> list[Occurrence]:
    found = []
    day = start
    while day <= end:
        same_day = (day.month, day.day) == (base.month, base.day)
        # 29/2 is kept on 28/2 in a common year.
        kept = ((base.month, base.day) == (2, 29) and (day.month, day.day) == (2, 28)
                and not calendar.isleap(day.year))
        if (same_day or kept) and day.year >= base.year:
            found.append(Occurrence(day, years_counted(base.year, day.year)))
        day += timedelta(days=1)
    return found


def lunar_oracle(lunar_day: int, lunar_month: int, since: int | None, start: date,
                 end: date) -> list[Occurrence]:
    found = []
    day = start
    while day <= end:
        here = to_lunar(day)
        # The regular month only; a 30th missing from a 29-day month is kept on the 29th.
        last_of_short_month = (lunar_day == 30 and here.day == 29
                               and to_lunar(day + timedelta(days=1)).day == 1)
        if (not here.leap and here.month == lunar_month
                and (here.day == lunar_day or last_of_short_month)
                and (since is None or here.year >= since)):
            ordinal = None if since is None else years_counted(since, here.year)
            found.append(Occurrence(day, ordinal))
        day += timedelta(days=1)
    return found


def solar_dates() -> st.SearchStrategy[date]:
    # Base years from well before the range, so that ordinals reach the hundreds.
    return st.dates(min_value=date(1800, 1, 1), max_value=date(2100, 12, 31)) | st.sampled_from(
        [date(1904, 2, 29), date(1930, 2, 3), date(1929, 7, 28), date(2000, 2, 29)])


@given(solar_dates(), ranges(1900, 2100))
@deterministic(max_examples=300)
def test_solar_ordinals(base: date, period: tuple[date, date]) -> None:
    anniversary = Anniversary(id="a", name="Ngày kỷ niệm", date=base)
    start, end = period
    expected = solar_oracle(base, start, end)
    assert occurrences(anniversary, start, end) == expected
    for occurrence in expected:
        assert in_year(anniversary, occurrence.date.year) == occurrence
        assert occurrence.round == (None if occurrence.ordinal == 0 else
                                    "major" if str(occurrence.ordinal).endswith("0") else
                                    "minor" if str(occurrence.ordinal).endswith("5") else None)


@given(st.integers(1, 30), st.integers(1, 12),
       st.none() | st.integers(1850, 2099), ranges(1901, 2099))
@deterministic(max_examples=120)
def test_lunar_ordinals(lunar_day: int, lunar_month: int, since: int | None,
                        period: tuple[date, date]) -> None:
    anniversary = Anniversary(id="a", name="Ngày kỷ niệm", lunar=f"{lunar_day}/{lunar_month}",
                              since=since)
    start, end = period
    assert occurrences(anniversary, start, end) == lunar_oracle(lunar_day, lunar_month, since,
                                                                start, end)
