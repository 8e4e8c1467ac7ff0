"""The calendar's formats: JSON and ICS for programs, plain lines and a Rich table for people.

Each exporter takes the entries and a :class:`View` (the range, the year, whose calendar,
the language, today) and returns the text or bytes to write; :data:`EXPORTERS` names them
as ``--format`` does. The Rich table is for a terminal only (:func:`rich_table`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, cast

from thidua_cli.calendar.events import Entry, round_label

if TYPE_CHECKING:
    from rich.table import Table

WEEKDAYS = {"vi": ("T2", "T3", "T4", "T5", "T6", "T7", "CN"),
            "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")}
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")
KIND_NAMES = {
    "anniversary": ("Kỷ niệm", "Anniversary"),
    "launch": ("Phát động", "Launch"),
    "phase-start": ("Bắt đầu đợt", "Phase start"),
    "phase-end": ("Kết thúc đợt", "Phase end"),
    "report-due": ("Hạn báo cáo", "Report due"),
}


@dataclass(frozen=True)
class View:
    """What a calendar is of: its days, its year (``--year``), whose it is, and for whom."""

    start: date
    end: date
    year: int | None
    who: str | None        # the --unit's name
    round_only: bool
    lang: str
    now: date              # today, for the marker in the table
    remind: int | None = None  # ICS: an alarm that many days before each event


def _short(d: date) -> str:
    from thidua_cli.vn.dates import short_date
    return short_date(d)


def to_json(found: list[Entry]) -> str:
    """``{"version": 1, "entries": [...]}`` (cli.md); titles in Vietnamese whatever --lang, so
    that a script's output does not change with the user's language."""
    import json

    return json.dumps({"version": 1, "entries": [
        {"date": e.date.isoformat(), "kind": e.kind, "title": e.title, "ordinal": e.ordinal,
         "round": e.round, "source": e.source} for e in found]},
        ensure_ascii=False, indent=2) + "\n"


def calendar_name(start: date, end: date, year: int | None, who: str | None,
                  round_only: bool) -> str:
    name = f"Lịch thi đua năm {year}" if year is not None else \
        f"Lịch thi đua {_short(start)} – {_short(end)}"
    if round_only:
        name += " (năm tròn)"
    return f"{name} — {who}" if who else name


def _stamp() -> datetime:
    """DTSTAMP: now, or SOURCE_DATE_EPOCH for a reproducible file."""
    from thidua_cli import clock

    return clock.made_at()


def to_ics(found: list[Entry], name: str, remind: int | None = None) -> bytes:
    """RFC 5545: all-day events (DTSTART;VALUE=DATE, DTEND the day after the last, as Google
    Calendar and Outlook write them), UIDs that identify the event so a re-import updates it.

    A phase whose start is listed is one event spanning its days (its end is not repeated);
    a phase end whose start falls before the range stays a one-day deadline. Descriptions
    give the period, the campaign and the file it comes from; ``remind`` adds an alarm that
    many days before each event."""
    from icalendar import Alarm, Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//thidua//thidua calendar//VI")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    stamp = _stamp()
    spans = {e.span_uid for e in found if e.kind == "phase-start" and e.until is not None}
    for e in found:
        if e.kind == "phase-end" and e.span_uid in spans:
            continue  # the phase's own event already ends that day
        event = Event()
        span = e.kind == "phase-start" and e.until is not None
        event.add("uid", e.span_uid if span else e.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", e.date)
        last = e.until if span and e.until is not None else e.date
        if last < date.max:
            event.add("dtend", last + timedelta(days=1))
        # else 9999-12-31 has no next day: without DTEND an all-day event lasts its one day
        # (RFC 5545, 3.6.1).
        summary = e.span_title if span else e.title
        event.add("summary", summary)
        categories = [KIND_NAMES[e.kind][0] if not span else "Đợt thi đua"]
        if e.round:
            categories.append(round_label(e.round)[2:])
        event.add("categories", categories)
        description = e.detail or f"Nguồn: {e.source}"
        if e.round:
            description = f"{round_label(e.round)[2:].capitalize()} ({e.ordinal} năm). {description}"
        event.add("description", description)
        event.add("transp", "TRANSPARENT")  # an anniversary does not make anyone busy
        if remind is not None:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", summary)
            alarm.add("trigger", timedelta(days=-remind))
            event.add_component(alarm)
        cal.add_component(event)
    data: bytes = cal.to_ical()
    return data


def _day(d: date, lang: str) -> str:
    if lang == "en":
        return f"{d.day:02d} {MONTHS_EN[d.month - 1][:3]}"
    from thidua_cli.vn.dates import day_month
    return day_month(d)


def _month_heading(year: int, month: int, lang: str) -> str:
    return f"{MONTHS_EN[month - 1]} {year}" if lang == "en" else f"Tháng {month}/{year}"


def _heading(found: list[Entry], start: date, end: date, year: int | None, who: str | None,
             round_only: bool, lang: str) -> str:
    if lang == "en":
        text = f"Calendar of {year}" if year is not None else \
            f"Calendar from {start.isoformat()} to {end.isoformat()}"
        if round_only:
            text += ", round anniversaries only"
        if who:
            text += f" — {who}"
        return text + f" ({len(found)} {'entry' if len(found) == 1 else 'entries'})"
    text = f"Lịch thi đua năm {year}" if year is not None else \
        f"Lịch thi đua từ {_short(start)} đến {_short(end)}"
    if round_only:
        text += ", chỉ năm tròn"
    if who:
        text += f" — {who}"
    return text + f" ({len(found)} mục)"


def rows(found: list[Entry], start: date, end: date, now: date) -> list[tuple[str, object]]:
    """("month", (year, month)) / ("today", date) / ("entry", Entry) in display order: a month
    heading before each month's first row, the today marker before today's first entry."""
    out: list[tuple[str, object]] = []
    month: tuple[int, int] | None = None
    pending_today = start <= now <= end

    def heading(d: date) -> None:
        nonlocal month
        if (d.year, d.month) != month:
            month = (d.year, d.month)
            out.append(("month", month))

    for e in found:
        if pending_today and e.date >= now:
            heading(now)
            out.append(("today", now))
            pending_today = False
        heading(e.date)
        out.append(("entry", e))
    if pending_today:
        heading(now)
        out.append(("today", now))
    return out


def to_plain(found: list[Entry], start: date, end: date, year: int | None, who: str | None,
             round_only: bool, lang: str, now: date) -> str:
    """The table as plain lines (a pipe, a file): month headings, one line an entry."""
    lines = [_heading(found, start, end, year, who, round_only, lang)]
    if not found:
        lines.append("Không có mục nào trong khoảng này." if lang == "vi" else
                     "Nothing in this range.")
    for kind, value in rows(found, start, end, now):
        if kind == "month":
            y, m = cast("tuple[int, int]", value)
            lines += ["", _month_heading(y, m, lang)]
        elif kind == "today":
            d: date = value  # type: ignore[assignment]
            label = "Hôm nay" if lang == "vi" else "Today"
            lines.append(f"  {_day(d, lang):<6} {WEEKDAYS[lang][d.weekday()]:<3} ── {label} ──")
        else:
            e: Entry = value  # type: ignore[assignment]
            title = e.title if lang == "vi" else e.title_en
            mark = round_label(e.round, lang)
            line = f"  {_day(e.date, lang):<6} {WEEKDAYS[lang][e.date.weekday()]:<3} {title}"
            lines.append(f"{line}  {mark}" if mark else line)
    return "\n".join(lines) + "\n"


def _json(found: list[Entry], view: View) -> str:
    return to_json(found)


def _ics(found: list[Entry], view: View) -> bytes:
    return to_ics(found, calendar_name(view.start, view.end, view.year, view.who, view.round_only),
                  view.remind)


def _plain(found: list[Entry], view: View) -> str:
    return to_plain(found, view.start, view.end, view.year, view.who, view.round_only, view.lang,
                    view.now)


#: ``--format`` → the exporter; ``table`` is the plain lines (a terminal gets :func:`rich_table`).
EXPORTERS: dict[str, Callable[[list[Entry], View], str | bytes]] = {
    "table": _plain,
    "json": _json,
    "ics": _ics,
}


# A phase's end is a deadline, not an error: not red.
_STYLES = {"launch": "bold", "phase-start": "green", "phase-end": "magenta", "anniversary": "",
           "report-due": "bold yellow"}


def rich_table(found: list[Entry], view: View) -> list[Table | str]:
    """What a terminal shows: the table, then a line when it is empty."""
    from rich.table import Table
    from rich.text import Text

    lang = view.lang

    def t(vi: str, en: str) -> str:
        return en if lang == "en" else vi

    table = Table(title=_heading(found, view.start, view.end, view.year, view.who,
                                 view.round_only, lang),
                  title_justify="left", show_lines=False, pad_edge=False)
    table.add_column(t("Ngày", "Date"), no_wrap=True)
    table.add_column(t("Thứ", "Day"), no_wrap=True)
    table.add_column(t("Sự kiện", "Event"))
    table.add_column(t("Năm tròn", "Round"), no_wrap=True)
    listed = rows(found, view.start, view.end, view.now)
    for index, (kind, value) in enumerate(listed):
        last_of_month = index + 1 == len(listed) or listed[index + 1][0] == "month"
        if kind == "month":
            y, m = cast("tuple[int, int]", value)
            table.add_row(Text(_month_heading(y, m, lang), style="bold cyan"), "", "", "",
                          end_section=last_of_month)
        elif kind == "today":
            d: date = value  # type: ignore[assignment]
            table.add_row(_day(d, lang), WEEKDAYS[lang][d.weekday()],
                          Text(f"── {t('Hôm nay', 'Today')} ──"), "",
                          style="reverse", end_section=last_of_month)
        else:
            e: Entry = value  # type: ignore[assignment]
            title = e.title if lang == "vi" else e.title_en
            mark_style = "bold magenta" if e.round == "major" else "magenta"
            table.add_row(_day(e.date, lang), WEEKDAYS[lang][e.date.weekday()],
                          Text(title, style=_STYLES[e.kind]),
                          Text(round_label(e.round, lang), style=mark_style),
                          end_section=last_of_month)
    shown: list[Table | str] = [table]
    if not found:
        shown.append(t("Không có mục nào trong khoảng này.", "Nothing in this range."))
    return shown


__all__ = ["EXPORTERS", "KIND_NAMES", "MONTHS_EN", "WEEKDAYS", "View", "calendar_name",
           "rich_table", "rows", "to_ics", "to_json", "to_plain"]
