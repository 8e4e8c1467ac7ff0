"""Numbers the Vietnamese way: a dot groups thousands, a comma marks decimals.

``10.141``, ``6.084 tệp``, ``12,5%``, ``95,2 ms``. One module for every place that writes a
number in Vietnamese (documents, target values, messages, summaries).
"""

from __future__ import annotations

from decimal import Decimal

_SWAP = str.maketrans(",.", ".,")


def fixed(number: float, decimals: int = 0) -> str:
    """``6.000``, ``95,2``, ``1,5``: thousands dots and a decimal comma, with exactly
    ``decimals`` digits after it (a measurement keeps its trailing zero: ``95,0``)."""
    return f"{number:,.{decimals}f}".translate(_SWAP)


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
