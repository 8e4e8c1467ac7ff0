"""Vietnamese administrative dates (Nghị định 30/2020/NĐ-CP, Phụ lục I).

In documents, days below 10 and the months 1 and 2 take a leading zero; the
months 3 to 12 do not: ``ngày 05 tháng 02 năm 2020``, ``ngày 28 tháng 7 năm 2020``.
(January and February are padded so that "tháng 1" cannot be read as the start
of "tháng 10"/"11"/"12" when a date is altered by hand.)
"""

from __future__ import annotations

import calendar
import re
from datetime import date

# re.ASCII: \d would also take full-width and other scripts' digits ("２０２０-０１-０１").
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$", re.ASCII)
_VN = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$", re.ASCII)


class DateSyntaxError(ValueError):
    """A text that is not a real date; ``vi``/``en`` say what is wrong and how to write it."""

    def __init__(self, text: str, vi: str, en: str) -> None:
        super().__init__(vi)
        self.text, self.vi, self.en = text, vi, en


def _day(d: date) -> str:
    return f"{d.day:02d}"


def _month(d: date) -> str:
    return f"{d.month:02d}" if d.month <= 2 else str(d.month)


def admin_date(d: date) -> str:
    """``ngày 03 tháng 01 năm 2020``; ``ngày 28 tháng 7 năm 2020``."""
    return f"ngày {_day(d)} tháng {_month(d)} năm {d.year}"


def place_date(place: str | None, d: date | None) -> str:
    """The date line of a document: ``Bắc Từ Liêm, ngày 03 tháng 01 năm 2020``.

    Without a date, the blanks a clerk fills by hand: ``…, ngày … tháng … năm …``.
    """
    where = place or "…"
    if d is None:
        return f"{where}, ngày … tháng … năm …"
    return f"{where}, {admin_date(d)}"


def short_date(d: date) -> str:
    """``01/5/2020``, ``03/01/2020``, ``31/12/2020`` (the same padding rule)."""
    return f"{_day(d)}/{_month(d)}/{d.year}"


def day_month(d: date) -> str:
    """``03/02``, ``01/5``, ``28/7``: for mentions such as "(28/7)"."""
    return f"{_day(d)}/{_month(d)}"


def parse_date(text: str) -> date:
    """``2020-01-03`` (ISO) or ``03/01/2020`` / ``3/1/2020`` (day/month/year)."""
    cleaned = text.strip()
    iso = _ISO.match(cleaned)
    vn = _VN.match(cleaned)
    if iso:
        year, month, day = (int(part) for part in iso.groups())
    elif vn:
        day, month, year = (int(part) for part in vn.groups())
    else:
        raise DateSyntaxError(
            text,
            f'"{text}" không phải là ngày; hãy viết 2020-01-03 hoặc 03/01/2020 (ngày/tháng/năm)',
            f'"{text}" is not a date; write 2020-01-03 or 03/01/2020 (day/month/year)')
    if not 1000 <= year <= 9999:
        raise DateSyntaxError(text, f"năm {year} không hợp lệ trong ngày \"{text}\"",
                              f'year {year} is not valid in "{text}"')
    if not 1 <= month <= 12:
        raise DateSyntaxError(text, f'tháng {month} không có thật trong ngày "{text}" (tháng 1–12)',
                              f'month {month} does not exist in "{text}" (months 1–12)')
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise DateSyntaxError(
            text,
            f"ngày {text} không có thật: tháng {month} năm {year} chỉ có {last} ngày",
            f"{text} is not a real date: {calendar.month_name[month]} {year} has {last} days")
    return date(year, month, day)


def same_day_in_year(day: date, year: int) -> date:
    """``day``'s day and month in ``year``; 29/02 is kept on 28/02 in a common year.

    The one rule for an anniversary's day in another year and for a date that
    ``new campaign`` moves by whole years.
    """
    try:
        return day.replace(year=year)
    except ValueError:
        return date(year, 2, 28)


def lunar_day_month(text: str) -> tuple[int, int] | None:
    """``"10/3"`` → ``(10, 3)``: a lunar day 1–30 and month 1–12 in ASCII digits (spaces
    around them allowed); ``None`` for anything else (``"１/１"``, ``"31/3"``, ``"10-3"``)."""
    parts = text.split("/")
    if len(parts) == 2 and all(p.strip().isascii() and p.strip().isdigit() for p in parts):
        day, month = (int(p) for p in parts)
        if 1 <= day <= 30 and 1 <= month <= 12:
            return day, month
    return None
