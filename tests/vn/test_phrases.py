"""Phrases of union documents: anniversaries, capitals, document numbers."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from thidua_cli.vn.phrases import (
    anniversary_phrase,
    document_number,
    document_symbol,
    unit_abbreviation,
    upper_vi,
    years,
)


def test_anniversary_phrase_with_computed_dates_in_brackets() -> None:
    assert anniversary_phrase("Ngày thành lập Công đoàn Việt Nam", 91, date(1929, 7, 28),
                              date(2020, 7, 28)) == (
        "kỷ niệm 91 năm Ngày thành lập Công đoàn Việt Nam (28/7/1929 - 28/7/2020)")


@pytest.mark.parametrize(("base", "on", "bracket"), [
    (date(2019, 1, 1), date(2020, 1, 1), "(01/01/2019 - 01/01/2020)"),       # 1 Jan
    (date(2015, 2, 9), date(2020, 2, 9), "(09/02/2015 - 09/02/2020)"),       # 9 Feb
    (date(2010, 3, 10), date(2020, 3, 10), "(10/3/2010 - 10/3/2020)"),       # 10 Mar
    (date(1010, 12, 31), date(2020, 12, 31), "(31/12/1010 - 31/12/2020)"),   # 31 Dec
])
def test_anniversary_brackets_pad_days_below_10_and_january_february(
        base: date, on: date, bracket: str) -> None:
    phrase = anniversary_phrase("Ngày X", on.year - base.year, base, on)
    assert phrase == f"kỷ niệm {on.year - base.year} năm Ngày X {bracket}"


@pytest.mark.parametrize(("ordinal", "text"), [(1, "1 năm"), (5, "5 năm"), (10, "10 năm"),
                                                (1010, "1010 năm")])
def test_years_edge_ordinals_without_thousands_dot(ordinal: int, text: str) -> None:
    assert years(ordinal) == text


def test_years_below_one_is_a_bug() -> None:
    with pytest.raises(ValueError):
        years(0)


def test_anniversary_phrase_short_bracket_and_unknown_base() -> None:
    assert anniversary_phrase("Ngày sinh Chủ tịch Hồ Chí Minh", 130, date(1890, 5, 19),
                              date(2020, 5, 19), brackets=False) == (
        "kỷ niệm 130 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5)")
    assert anniversary_phrase("Ngày X", None, None, date(2020, 2, 3)) == "Ngày X (03/02)"
    assert anniversary_phrase("Ngày X", None, None, None) == "Ngày X"


def test_lunar_anniversary_has_no_bracket_of_years() -> None:
    assert anniversary_phrase("Giỗ Tổ Hùng Vương", None, None, date(2020, 4, 2),
                              lunar=(10, 3)) == "Giỗ Tổ Hùng Vương (10/3 âm lịch)"
    assert anniversary_phrase("Ngày Y", 5, None, date(2020, 4, 2),
                              lunar=(1, 1)) == "kỷ niệm 5 năm Ngày Y (1/1 âm lịch)"


def test_upper_vi_with_diacritics_and_abbreviations() -> None:
    assert upper_vi("Liên đoàn Lao động quận Bắc Từ Liêm") == "LIÊN ĐOÀN LAO ĐỘNG QUẬN BẮC TỪ LIÊM"
    assert upper_vi("LĐLĐ thành phố Hà Nội") == "LĐLĐ THÀNH PHỐ HÀ NỘI"
    decomposed = unicodedata.normalize("NFD", "Công đoàn ngành Y tế")
    result = upper_vi(decomposed)
    assert result == "CÔNG ĐOÀN NGÀNH Y TẾ"
    assert unicodedata.is_normalized("NFC", result)


@pytest.mark.parametrize(("name", "short", "level", "abbr"), [
    ("Liên đoàn Lao động quận Bắc Từ Liêm", "LĐLĐ quận Bắc Từ Liêm", "tren-co-so", "LĐLĐ"),
    ("Công đoàn Viên chức thành phố Hà Nội", "CĐVC thành phố Hà Nội", "tren-co-so", "CĐVC"),
    ("Công đoàn Viên chức tỉnh Hà Giang", "Công đoàn Viên chức tỉnh", "tren-co-so", "CĐVC"),
    ("Công đoàn ngành Y tế tỉnh Hà Giang", "Công đoàn ngành Y tế", "tren-co-so", "CĐN"),
    ("Tổng Liên đoàn Lao động Việt Nam", "Tổng LĐLĐ Việt Nam", "tong-lien-doan", "TLĐ"),
    ("Công đoàn trường mầm non Xuân Đỉnh B", None, "co-so", "CĐCS"),
    ("liên đoàn lao động tỉnh Hà Giang", None, "tinh", "LĐLĐ"),
])
def test_unit_abbreviation(name: str, short: str | None, level: str, abbr: str) -> None:
    assert unit_abbreviation(name, short, level) == abbr


def test_document_number_pads_below_ten_and_leaves_blanks() -> None:
    symbol = document_symbol("KH", "LĐLĐ")
    assert symbol == "KH-LĐLĐ"
    assert document_number(5, symbol) == "Số: 05/KH-LĐLĐ"
    assert document_number(10, symbol) == "Số: 10/KH-LĐLĐ"
    assert document_number(1010, symbol) == "Số: 1010/KH-LĐLĐ"
    assert document_number(None, symbol) == "Số: …/KH-LĐLĐ"
    with pytest.raises(ValueError):
        document_number(0, symbol)
