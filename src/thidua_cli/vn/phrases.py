"""Vietnamese phrases of union documents, as pure functions.

- :func:`anniversary_phrase`: "kỷ niệm 91 năm Ngày thành lập Công đoàn Việt Nam
  (28/7/1929 - 28/7/2020)" — the ordinal is computed by :mod:`thidua_cli.occurrences`,
  never typed; the bracket gives the base date and this year's date in short form.
- :func:`upper_vi`: capitals of a name with diacritics (header lines, signatures).
- :func:`unit_abbreviation` and :func:`document_symbol`: "LĐLĐ", "KH-LĐLĐ" for "Số: 05/KH-LĐLĐ".
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from thidua_cli.vn.dates import day_month, short_date

#: Names with a known abbreviation (Nghị định 30 lets the issuer's symbol be its abbreviation).
#: Checked in order against the start of the unit's full name, after NFC and case folding.
_NAME_ABBREVIATIONS: tuple[tuple[str, str], ...] = (
    ("tổng liên đoàn lao động", "TLĐ"),
    ("liên đoàn lao động", "LĐLĐ"),
    ("công đoàn viên chức", "CĐVC"),
    ("công đoàn ngành", "CĐN"),
    ("công đoàn khu công nghiệp", "CĐKCN"),
    ("công đoàn các khu công nghiệp", "CĐKCN"),
)

#: When the name says nothing, the level does.
_LEVEL_ABBREVIATIONS = {
    "tong-lien-doan": "TLĐ",
    "tinh": "LĐLĐ",
    "nganh-trung-uong": "CĐN",
    "tren-co-so": "CĐ",
    "co-so": "CĐCS",
    "bo-phan": "CĐBP",
}

#: An abbreviation as it starts a short name: "LĐLĐ quận Ba Đình", "CĐVC thành phố Hà Nội".
_LEADING_ABBREVIATION = re.compile(r"^([A-ZĐ]{2,}[A-ZĐ0-9]*)(?:\s|$)")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def upper_vi(text: str) -> str:
    """``Liên đoàn Lao động quận Bắc Từ Liêm`` → ``LIÊN ĐOÀN LAO ĐỘNG QUẬN BẮC TỪ LIÊM``.

    NFC before and after: a decomposed "ệ" (e + two combining marks) must come out as the
    one precomposed capital "Ệ" that fonts and searches expect. Python's ``str.upper`` maps
    every Vietnamese letter, "đ" → "Đ" included; abbreviations such as "LĐLĐ" are already
    capitals and stay as they are.
    """
    return nfc(nfc(text).upper())


def years(ordinal: int) -> str:
    """``91 năm``. Years are written without thousands dots ("1010 năm Thăng Long - Hà Nội")."""
    if ordinal < 1:
        raise ValueError(f"an anniversary ordinal is at least 1, not {ordinal}")
    return f"{ordinal} năm"


def anniversary_phrase(name: str, ordinal: int | None, base: date | None, on: date | None,
                       *, lunar: tuple[int, int] | None = None, brackets: bool = True) -> str:
    """The phrase a plan writes for an anniversary it salutes.

    - solar, with its base date: ``kỷ niệm 91 năm Ngày thành lập Công đoàn Việt Nam
      (28/7/1929 - 28/7/2020)``; with ``brackets=False`` just ``… (28/7)``;
    - lunar (``lunar=(day, month)``; no base date in the solar calendar, so no bracket of
      years): ``kỷ niệm N năm Giỗ Tổ Hùng Vương (10/3 âm lịch)`` when it counts years, else
      ``Giỗ Tổ Hùng Vương (10/3 âm lịch)``;
    - ``ordinal`` None on a solar date (no base year known): the name and the day.
    """
    name = nfc(name.strip())
    head = f"kỷ niệm {years(ordinal)} {name}" if ordinal is not None else name
    if lunar is not None:
        return f"{head} ({lunar[0]}/{lunar[1]} âm lịch)"
    if on is None:
        return head
    if brackets and base is not None and ordinal is not None:
        return f"{head} ({short_date(base)} - {short_date(on)})"
    return f"{head} ({day_month(on)})"


def unit_abbreviation(name: str, short: str | None, level: str) -> str:
    """The issuer's abbreviation in document symbols and in "Lưu: VT, …".

    A short name that starts with capitals gives it ("CĐVC thành phố Hà Nội" → CĐVC); else a
    known kind of name ("Liên đoàn Lao động …" → LĐLĐ); else the level.
    """
    if short:
        match = _LEADING_ABBREVIATION.match(nfc(short.strip()))
        if match:
            return match.group(1)
    folded = nfc(name.strip()).casefold()
    for start, abbreviation in _NAME_ABBREVIATIONS:
        if folded.startswith(start):
            return abbreviation
    return _LEVEL_ABBREVIATIONS.get(level, "CĐ")


def document_symbol(type_code: str, abbreviation: str) -> str:
    """``KH-LĐLĐ``: the type code, a hyphen, the issuer's abbreviation (no spaces)."""
    return f"{type_code}-{abbreviation}"


def document_number(number: int | None, symbol: str) -> str:
    """``Số: 05/KH-LĐLĐ``; with no number, the blank a clerk fills by hand: ``Số: …/KH-LĐLĐ``.

    Numbers below 10 take a leading zero (Nghị định 30, Phụ lục I).
    """
    if number is None:
        return f"Số: …/{symbol}"
    if number < 1:
        raise ValueError(f"document numbers start at 1, not {number}")
    return f"Số: {number:02d}/{symbol}"
