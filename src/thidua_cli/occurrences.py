"""When an anniversary falls, and which ordinal it has then.

Pure date logic shared by the validator (ordinals), the calendar, the documents and
``new campaign``. The ordinal of an occurrence in year Y is ``Y - base year``; a lunar
anniversary counts in lunar years from its ``since`` year, if it has one.

Which occurrence a phase (or a campaign) celebrates is :func:`celebrated`, the one
answer that ``validate``, ``render`` and ``new campaign`` all ask.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from thidua_cli.models import Anniversary
from thidua_cli.vn.dates import same_day_in_year


@dataclass(frozen=True)
class Occurrence:
    date: date
    ordinal: int | None  # None when the anniversary has no base year (Tết, Giỗ Tổ)
    #: the year the occurrence counts in: the solar year, or for a lunar date its lunar
    #: year (the 23rd of the 12th month of 2100 falls in January 2101, a year the lunar
    #: library cannot convert back, so it is kept from the computation, not recomputed)
    counted_year: int = field(default=0, compare=False)

    @property
    def round(self) -> str | None:
        """``major`` for a năm tròn (ordinal ending in 0), ``minor`` for a năm lẻ 5."""
        if self.ordinal is None or self.ordinal <= 0:
            return None
        if self.ordinal % 10 == 0:
            return "major"
        if self.ordinal % 5 == 0:
            return "minor"
        return None


def occurrences(anniversary: Anniversary, start: date, end: date) -> list[Occurrence]:
    """Every occurrence of ``anniversary`` from ``start`` to ``end``, both included."""
    found: list[Occurrence] = []
    if anniversary.date is not None:
        base = anniversary.date
        for year in range(start.year, end.year + 1):
            day = same_day_in_year(base, year)
            if start <= day <= end and year >= base.year:
                found.append(Occurrence(day, year - base.year, year))
        return found
    from thidua_cli.vn import lunar  # imported here: only lunar anniversaries need it

    day_month = anniversary.lunar_day_month
    assert day_month is not None
    for day, lunar_year in lunar.occurrences(day_month[0], day_month[1], start, end):
        since = anniversary.since
        if since is not None and lunar_year < since:
            continue
        found.append(Occurrence(day, lunar_year - since if since is not None else None,
                                lunar_year))
    return found


def in_year(anniversary: Anniversary, year: int) -> Occurrence | None:
    """The occurrence in solar year ``year`` (the first, for a lunar date that falls twice)."""
    found = occurrences(anniversary, date(year, 1, 1), date(year, 12, 31))
    return found[0] if found else None


def celebrated(anniversary: Anniversary, start: date, end: date,
               campaign: tuple[date, date] | None = None) -> Occurrence | None:
    """The occurrence that a period from ``start`` to ``end`` celebrates.

    1. the first occurrence inside the period;
    2. else, for a phase (``campaign`` is the campaign's own period), the occurrence
       inside the campaign nearest to the phase: a school-year campaign 2020 whose
       phase runs 04/02–31/5/2021 and salutes 28/7 celebrates 28/7/2021, which its
       school year holds — not 28/7/2020, before the campaign began;
    3. else the occurrence nearest to the period (a day just before it or just after).

    Nearest means fewest days from the period; on a tie, the later one (a phase leads up
    to the day it salutes). ``None`` when the anniversary never falls near the period
    (a lunar date beyond the lunar calendar's range, or a base year after it).
    """
    inside = occurrences(anniversary, start, end)
    if inside:
        return inside[0]
    if campaign is not None and campaign[0] <= campaign[1]:
        found = _nearest(occurrences(anniversary, *campaign), start, end)
        if found is not None:
            return found
    # A year and a lunar leap month either side holds one occurrence on each side.
    around = occurrences(anniversary, _minus_days(start, 400), _plus_days(end, 400))
    return _nearest(around, start, end)


def _nearest(found: list[Occurrence], start: date, end: date) -> Occurrence | None:
    def distance(occurrence: Occurrence) -> tuple[int, int]:
        if occurrence.date < start:
            return (start - occurrence.date).days, 1
        return max((occurrence.date - end).days, 0), 0

    return min(found, key=distance, default=None)


def _minus_days(day: date, days: int) -> date:
    return day - timedelta(days=days) if day > date.min + timedelta(days=days) else date.min


def _plus_days(day: date, days: int) -> date:
    return day + timedelta(days=days) if day < date.max - timedelta(days=days) else date.max
