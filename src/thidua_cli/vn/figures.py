"""Figures as Vietnamese reports print them, computed from exact fractions.

Reports print shares with two decimals and a decimal comma (``88,72%``) and counts with
dots between thousands (``10.159``). Every figure here is computed from an exact
:class:`~fractions.Fraction` and rounded once, half away from zero, only when printed:
a rounded figure is never computed with again (``result-rounding-misleads`` exists
because 7.619/10.159 prints ``75,00%``).
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

from thidua_cli.vn.targets import TargetSyntaxError, format_number, parse_number

#: A stated share as reports write it: ``75,01%``, ``95%``, ``88.72 %``.
_SHARE = re.compile(r"\s*([0-9][0-9.,]*)\s*%\s*")


def round_half_up(value: Fraction, places: int) -> Decimal:
    """``value`` rounded to ``places`` decimals, halves away from zero (as people round)."""
    # Integer arithmetic: Fraction operations cost microseconds each, and validate rounds
    # every share of every result file.
    whole, rest = divmod(abs(value.numerator) * 10 ** places, value.denominator)
    if 2 * rest >= value.denominator:
        whole += 1
    signed = -whole if value < 0 else whole
    return Decimal(signed).scaleb(-places)


def fixed(value: Fraction | Decimal | int, places: int = 2) -> str:
    """``value`` with exactly ``places`` decimals, Vietnamese style: ``88,72``, ``10.159,00``."""
    rounded = round_half_up(Fraction(value), places)
    text = format_number(rounded.copy_abs()) if rounded else "0"
    whole, _, fraction = text.partition(",")
    fraction = (fraction + "0" * places)[:places]
    sign = "-" if rounded < 0 else ""
    return sign + whole + ("," + fraction if places else "")


def percent(value: Fraction | Decimal | int, places: int = 2) -> str:
    """A share in percent as reports print it: ``88,72%``."""
    return fixed(value, places) + "%"


def count(value: int) -> str:
    """A whole number with thousands dots: ``10.159``."""
    return format_number(Decimal(value))


def number(value: Fraction | Decimal | int, places: int = 2) -> str:
    """A figure without trailing zeros: ``1,2``, ``3``, ``45,5`` (margins, plan ratios)."""
    return format_number(round_half_up(Fraction(value), places))


def english(text: str) -> str:
    """A figure printed the Vietnamese way, written the English way: ``10.159,5`` → ``10,159.5``."""
    return text.translate(str.maketrans(".,", ",."))


def decimal_string(value: Fraction, places: int = 2) -> str:
    """The figure for machines (JSON, CSV): a dot and exactly ``places`` decimals (``75.01``)."""
    return f"{round_half_up(value, places):.{places}f}"


class ShareSyntaxError(ValueError):
    def __init__(self, text: str, vi: str, en: str) -> None:
        super().__init__(en)
        self.text, self.vi, self.en = text, vi, en


def parse_share(text: str) -> tuple[Decimal, int]:
    """A stated share (``"75,01%"``) → (75.01, the number of decimals it is printed with)."""
    match = _SHARE.fullmatch(text)
    if match is None:
        raise ShareSyntaxError(
            text,
            f'tỉ lệ "{text}" không đọc được; hãy viết như "75,01%" (dấu phẩy thập phân, có dấu %)',
            f'share "{text}" cannot be read; write it like "75,01%" (decimal comma, with %)')
    token = match.group(1)
    try:
        value = parse_number(token, text)
    except TargetSyntaxError as exc:
        raise ShareSyntaxError(text, exc.vi, exc.en) from None
    if value > 100:
        raise ShareSyntaxError(
            text, f'tỉ lệ "{text}" lớn hơn 100%, không thể có', f'share "{text}" is over 100%, impossible')
    exponent = value.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return value, places
