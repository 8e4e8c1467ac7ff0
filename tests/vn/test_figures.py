from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from thidua_cli.vn import numbers


@pytest.mark.parametrize(("value", "expected"), [
    (Fraction(700 * 100, 789), "88,72%"), (Fraction(761900, 10159), "75,00%"),
    (Fraction(100), "100,00%"), (Fraction(1, 200), "0,01%"), (Fraction(0), "0,00%"),
    (Fraction(123456789, 100), "1.234.567,89%"),
])
def test_percent_rounds_half_up_once(value: Fraction, expected: str) -> None:
    assert numbers.percent(value) == expected


def test_round_half_up_is_exact() -> None:
    assert numbers.round_half_up(Fraction(5, 1000), 2) == Decimal("0.01")
    assert numbers.round_half_up(Fraction(-5, 1000), 2) == Decimal("-0.01")
    assert numbers.decimal_string(Fraction(762000, 10159)) == "75.01"


def test_counts_and_english() -> None:
    assert numbers.count(10159) == "10.159"
    assert numbers.english("10.159,5") == "10,159.5"


@pytest.mark.parametrize(("text", "value", "places"), [
    ("75,01%", Decimal("75.01"), 2), ("95%", Decimal(95), 0), (" 88.7 % ", Decimal("88.7"), 1),
    ("75,00%", Decimal("75.00"), 2),
])
def test_parse_share(text: str, value: Decimal, places: int) -> None:
    assert numbers.parse_share(text) == (value, places)


@pytest.mark.parametrize(("text", "message"), [
    ("bảy mươi %", 'tỉ lệ "bảy mươi %" không đọc được; hãy viết như "75,01%" (dấu phẩy thập phân, có dấu %)'),
    ("75", 'tỉ lệ "75" không đọc được; hãy viết như "75,01%" (dấu phẩy thập phân, có dấu %)'),
    ("120%", 'tỉ lệ "120%" lớn hơn 100%, không thể có'),
])
def test_parse_share_refuses(text: str, message: str) -> None:
    with pytest.raises(numbers.ShareSyntaxError) as caught:
        numbers.parse_share(text)
    assert caught.value.vi == message
