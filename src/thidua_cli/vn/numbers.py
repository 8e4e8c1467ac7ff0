"""Numbers the Vietnamese way: a dot groups thousands, a comma marks decimals.

``10.141``, ``6.084 tệp``, ``12,5%``, ``88,72%``, ``95,2 ms``. One module for every place
that writes a number in Vietnamese (documents, target values, results, messages, summaries).

Figures of results are computed from an exact :class:`~fractions.Fraction` and rounded
once, half away from zero, only when printed: a rounded figure is never computed with
again (``result-rounding-misleads`` exists because 7.619/10.159 prints ``75,00%``).
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

_SWAP = str.maketrans(",.", ".,")
#: A stated share as reports write it: ``75,01%``, ``95%``, ``88.72 %``.
_SHARE = re.compile(r"\s*([0-9][0-9.,]*)\s*%\s*")


def round_half_up(value: Fraction, places: int) -> Decimal:
    """``value`` rounded to ``places`` decimals, halves away from zero (as people round)."""
    scale = 10 ** places
    scaled = abs(value) * scale
    whole = int(scaled)  # floor, as scaled >= 0
    if scaled - whole >= Fraction(1, 2):
        whole += 1
    signed = -whole if value < 0 else whole
    return Decimal(signed).scaleb(-places)


def fixed(value: float | Fraction | Decimal | int, places: int = 0) -> str:
    """``6.000``, ``95,2``, ``88,72``, ``10.159,00``: thousands dots and a decimal comma, with
    exactly ``places`` digits after it (a measurement keeps its trailing zero: ``95,0``),
    rounded half away from zero from the exact value."""
    rounded = round_half_up(Fraction(value), places)
    whole, _, fraction = f"{rounded.copy_abs():,.{places}f}".translate(_SWAP).partition(",")
    sign = "-" if rounded < 0 else ""
    return sign + whole + ("," + fraction if places else "")


def exact(value: Decimal) -> str:
    """A number as written: ``12,5``, ``10.141``, ``1.000.000``, ``0,5``, ``75``.

    No trailing zeros (``Decimal('12.50')`` → ``12,5``) and no exponent
    (``Decimal('1E+2')`` → ``100``), so the text reads back to the same number.
    """
    if not value.is_finite():
        raise ValueError(f"cannot write {value!r} as a number")
    sign = "-" if value < 0 else ""  # Decimal("-0") is written "0"
    # copy_abs, not abs(): abs() rounds to the context's 28 digits, losing precision.
    whole, _, fraction = format(value.copy_abs(), "f").partition(".")
    fraction = fraction.rstrip("0")
    return sign + fixed(int(whole)) + ("," + fraction if fraction else "")


def percent(value: Fraction | Decimal | int, places: int = 2) -> str:
    """A share in percent as reports print it: ``88,72%``."""
    return fixed(value, places) + "%"


def count(value: int) -> str:
    """A whole number with thousands dots: ``10.159``."""
    return exact(Decimal(value))


def number(value: Fraction | Decimal | int, places: int = 2) -> str:
    """A figure without trailing zeros: ``1,2``, ``3``, ``45,5`` (margins, plan ratios)."""
    return exact(round_half_up(Fraction(value), places))


def english(text: str) -> str:
    """A figure printed the Vietnamese way, written the English way: ``10.159,5`` → ``10,159.5``."""
    return text.translate(_SWAP)


def decimal_string(value: Fraction, places: int = 2) -> str:
    """The figure for machines (JSON, CSV): a dot and exactly ``places`` decimals (``75.01``)."""
    return f"{round_half_up(value, places):.{places}f}"


class ShareSyntaxError(ValueError):
    def __init__(self, text: str, vi: str, en: str) -> None:
        super().__init__(en)
        self.text, self.vi, self.en = text, vi, en


def parse_share(text: str) -> tuple[Decimal, int]:
    """A stated share (``"75,01%"``) → (75.01, the number of decimals it is printed with)."""
    from thidua_cli.vn.targets import TargetSyntaxError, parse_number  # targets writes with exact()

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
