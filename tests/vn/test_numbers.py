"""Vietnamese numbers: a dot groups thousands, a comma marks decimals — one module."""

from __future__ import annotations

from decimal import Decimal

import pytest

from thidua_cli.vn.numbers import exact, fixed


@pytest.mark.parametrize(("number", "decimals", "text"), [
    (6084, 0, "6.084"), (0, 0, "0"), (1_000_000, 0, "1.000.000"),
    (95.0, 1, "95,0"), (1.54, 1, "1,5"), (12_345.678, 2, "12.345,68"),
])
def test_fixed(number: float, decimals: int, text: str) -> None:
    assert fixed(number, decimals) == text


@pytest.mark.parametrize(("number", "text"), [
    ("12.50", "12,5"), ("10141", "10.141"), ("1E+2", "100"), ("-0", "0"), ("0.5", "0,5"),
])
def test_exact(number: str, text: str) -> None:
    assert exact(Decimal(number)) == text
