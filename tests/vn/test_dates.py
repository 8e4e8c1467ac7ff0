"""One rule each: a day in another year (29/02 → 28/02), a lunar day/month."""

from __future__ import annotations

from datetime import date

import pytest

from thidua_cli.vn.dates import lunar_day_month, same_day_in_year


@pytest.mark.parametrize(("day", "year", "expected"), [
    (date(2020, 2, 29), 2021, date(2021, 2, 28)),
    (date(2020, 2, 29), 2024, date(2024, 2, 29)),
    (date(1929, 7, 28), 2021, date(2021, 7, 28)),
])
def test_same_day_in_year(day: date, year: int, expected: date) -> None:
    assert same_day_in_year(day, year) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("10/3", (10, 3)), (" 1 / 1 ", (1, 1)), ("30/12", (30, 12)),
    ("31/3", None), ("10/13", None), ("0/1", None), ("１/１", None), ("10-3", None), ("", None),
])
def test_lunar_day_month(text: str, expected: tuple[int, int] | None) -> None:
    assert lunar_day_month(text) == expected
