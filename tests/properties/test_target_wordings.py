"""Target values written every way the format's table allows read as the intended value,
and read back from their canonical wording.

tests/vn/test_targets.py already round-trips generated *values* through canonical();
here the *wordings* are generated — each phrase of the grammar, Vietnamese number
writing (thousands dots, decimal comma), the % sign on either end of a range,
spacing, upper case and decomposed (NFD) text — with the value they must mean.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from tests.properties.strategies import deterministic
from thidua_cli.vn.targets import TargetValue, parse_target

PHRASES = {
    "more": ["trên {}", "hơn {}", "> {}"],
    "at_least": ["từ {} trở lên", "{} trở lên", "ít nhất {}", "tối thiểu {}", ">= {}", "≥ {}"],
    "less": ["dưới {}", "< {}"],
    "at_most": ["không quá {}", "tối đa {}", "<= {}", "≤ {}"],
    "exact": ["{}"],
}
RANGES = ["{}-{}", "{} - {}", "{}–{}", "từ {}-{}", "từ {} đến {}"]


@st.composite
def numbers(draw: st.DrawFn) -> tuple[Decimal, str]:
    """A number and one way a Vietnamese plan writes it."""
    whole = draw(st.integers(0, 10**9))
    fraction = draw(st.sampled_from(["", "5", "25", "75", "125"]))
    if draw(st.booleans()) and whole >= 1000:
        written = f"{whole:,}".replace(",", ".")  # 1.000.000
    else:
        written = str(whole)
    value = Decimal(f"{whole}.{fraction}" if fraction else whole)
    if fraction:
        written += "," + fraction  # the decimal comma
    return value, written


def spaced(text: str, space: str) -> str:
    return text.replace(" ", space)


@st.composite
def wordings(draw: st.DrawFn) -> tuple[str, TargetValue]:
    percent = draw(st.booleans())
    pct = draw(st.sampled_from(["%", " %"])) if percent else ""
    if draw(st.integers(0, 4)) == 0:
        (low, a), (high, b) = draw(numbers()), draw(numbers())
        # A range is a percentage when either end carries the sign.
        where = draw(st.sampled_from(["high", "both", "low"])) if percent else None
        a += pct if where in ("low", "both") else ""
        b += pct if where in ("high", "both") else ""
        text = draw(st.sampled_from(RANGES)).format(a, b)
        expected = TargetValue("between", low, high, percent)
    else:
        kind = draw(st.sampled_from(sorted(PHRASES)))
        value, written = draw(numbers())
        text = draw(st.sampled_from(PHRASES[kind])).format(written + pct)
        low = value if kind in ("exact", "more", "at_least") else None
        high = value if kind in ("exact", "less", "at_most") else None
        expected = TargetValue(kind, low, high, percent)
    text = spaced(text, draw(st.sampled_from([" ", "  ", "\u00a0"])))
    if draw(st.booleans()):
        text = text.upper()
    if draw(st.booleans()):
        text = unicodedata.normalize("NFD", text)
    return text, expected


@given(wordings())
@deterministic(max_examples=400)
def test_wording_reads_as_its_value_and_back_from_canonical(case: tuple[str, TargetValue]) -> None:
    text, expected = case
    value = parse_target(text)
    assert value == expected, text
    assert parse_target(value.canonical()) == value
    assert value.canonical() == expected.canonical()
