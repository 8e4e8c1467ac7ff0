"""The Vietnamese lunar calendar: the years it differs from China's, and 1901–2099."""

from __future__ import annotations

from datetime import date

import pytest

from tests.vn import lunar_oracle
from thidua_cli.vn.lunar import LunarDate, lunar_to_solar, occurrences, parse_lunar, to_lunar


@pytest.mark.parametrize("day, month, year, vietnam, china", [
    (1, 1, 1985, date(1985, 1, 21), date(1985, 2, 20)),
    (1, 1, 2007, date(2007, 2, 17), date(2007, 2, 18)),
    (1, 1, 2030, date(2030, 2, 2), date(2030, 2, 3)),
    (10, 3, 2009, date(2009, 4, 4), date(2009, 4, 5)),
])
def test_years_where_vietnam_differs_from_china(day, month, year, vietnam, china):
    assert lunar_to_solar(day, month, year) == vietnam
    # The same algorithm at UTC+8 gives the Chinese date: the difference is the time zone.
    assert lunar_oracle.lunar_to_solar(day, month, year, tz=8.0) == china


def test_tet_and_gio_to_agree_with_the_published_algorithm_1901_2099():
    for year in range(1901, 2100):
        assert lunar_to_solar(1, 1, year) == lunar_oracle.lunar_to_solar(1, 1, year), year
        assert lunar_to_solar(10, 3, year) == lunar_oracle.lunar_to_solar(10, 3, year), year


def test_missing_30th_falls_on_the_29th():
    # Lunar month 1 of 2020 (Canh Tý) had 29 days: 29/1 âm lịch was 22/02/2020, 1/2 was 23/02.
    assert to_lunar(date(2020, 2, 22)) == LunarDate(29, 1, 2020, False)
    assert to_lunar(date(2020, 2, 23)).day == 1
    last = lunar_to_solar(29, 1, 2020)
    assert lunar_to_solar(30, 1, 2020) == last == date(2020, 2, 22)


def test_leap_year_keeps_the_regular_month():
    # 2020 had a leap 4th month; Phật đản 15/4 falls in the regular month: 07/5/2020.
    assert lunar_to_solar(15, 4, 2020) == date(2020, 5, 7)
    assert to_lunar(date(2020, 5, 7)).leap is False


def test_occurrences_cross_the_year_boundary():
    # 23/12 âm lịch of lunar 2019 falls on 17/01/2020 (ông Công ông Táo).
    assert occurrences(23, 12, date(2020, 1, 1), date(2020, 12, 31)) == [(date(2020, 1, 17), 2019)]
    assert occurrences(1, 1, date(2019, 6, 1), date(2021, 6, 1)) == [
        (date(2020, 1, 25), 2020), (date(2021, 2, 12), 2021)]


def test_out_of_range_is_skipped_or_refused():
    assert occurrences(1, 1, date(1500, 1, 1), date(1502, 1, 1)) == []
    with pytest.raises(ValueError):
        lunar_to_solar(1, 1, 2500)


@pytest.mark.parametrize("text, expected", [("10/3", (10, 3)), (" 1 / 1 ", (1, 1))])
def test_parse_lunar(text, expected):
    assert parse_lunar(text) == expected


@pytest.mark.parametrize("text", ["31/3", "10/13", "mười/ba", "10-3", ""])
def test_parse_lunar_rejects(text):
    with pytest.raises(ValueError):
        parse_lunar(text)
