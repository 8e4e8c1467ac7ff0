"""When an anniversary falls, and which ordinal it has then.

Pure date logic shared by the validator (ordinals), the calendar and the
documents. The ordinal of an occurrence in year Y is ``Y - base year``; a lunar
anniversary counts in lunar years from its ``since`` year, if it has one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from thidua_cli.models import Anniversary


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


def solar_in_year(base: date, year: int) -> date:
    """The day of a solar anniversary in ``year``; 29/2 is kept on 28/2 in common years."""
    try:
        return base.replace(year=year)
    except ValueError:
        return date(year, 2, 28)


def occurrences(anniversary: Anniversary, start: date, end: date) -> list[Occurrence]:
    """Every occurrence of ``anniversary`` from ``start`` to ``end``, both included."""
    found: list[Occurrence] = []
    if anniversary.date is not None:
        base = anniversary.date
        for year in range(start.year, end.year + 1):
            day = solar_in_year(base, year)
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
