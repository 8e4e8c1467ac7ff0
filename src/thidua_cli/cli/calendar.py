"""``thidua calendar``: anniversaries, launches and phase deadlines as a table, JSON or ICS."""

from __future__ import annotations

import os
import sys
from datetime import date, datetime, timedelta, timezone
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from thidua_cli.cli.common import CommandError, Settings, checked_registry, examples, write_output

if TYPE_CHECKING:
    from thidua_cli.calendar import Entry

#: Default length of the range after --from (today and the next 60 days).
DEFAULT_DAYS = 60
#: Longest range listed: a planning horizon of centuries is a typo, and a bound keeps
#: every run short (200 years of the sample registry: ~6,000 entries, well under a second).
MAX_YEARS = 200
MAX_DAYS = MAX_YEARS * 366

WEEKDAYS = {"vi": ("T2", "T3", "T4", "T5", "T6", "T7", "CN"),
            "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")}
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")
KIND_NAMES = {
    "anniversary": ("Kỷ niệm", "Anniversary"),
    "launch": ("Phát động", "Launch"),
    "phase-start": ("Bắt đầu đợt", "Phase start"),
    "phase-end": ("Kết thúc đợt", "Phase end"),
}


class Format(str, Enum):
    table = "table"
    json = "json"
    ics = "ics"


def today() -> date:
    """Today's date; a function so that tests can fix it."""
    return date.today()


def register(app: typer.Typer, t: Settings) -> None:
    @app.command(
        "calendar",
        epilog=examples(t,
                        'thidua calendar',
                        'thidua calendar --year 2027 --round',
                        'thidua calendar --year 2026 --unit cd-phuong-ba-dinh',
                        'thidua calendar --year 2026 --format ics -o lich.ics --remind 3'),
        help=t.t("Lịch ngày kỷ niệm (dương lịch và âm lịch, kèm số năm và năm tròn), ngày phát động, "
                 "ngày bắt đầu và kết thúc các đợt thi đua.",
                 "Calendar of anniversaries (solar and lunar, with their number of years and round "
                 "years), campaign launches, and phase starts and ends."),
    )
    def calendar_command(
        ctx: typer.Context,
        start: Optional[str] = typer.Option(  # noqa: UP007 - Typer needs Optional
            None, "--from", metavar=t.t("NGÀY", "DATE"),
            help=t.t("Ngày đầu (2020-01-03 hoặc 03/01/2020); mặc định hôm nay.",
                     "First day (2020-01-03 or 03/01/2020); default today."), show_default=False),
        until: Optional[str] = typer.Option(  # noqa: UP007
            None, "--until", metavar=t.t("NGÀY", "DATE"),
            help=t.t("Ngày cuối (tính cả ngày đó).", "Last day (included)."), show_default=False),
        days: Optional[int] = typer.Option(  # noqa: UP007
            None, "--days", metavar=t.t("SỐ_NGÀY", "N"),
            help=t.t(f"Số ngày sau ngày đầu (mặc định {DEFAULT_DAYS}).",
                     f"Number of days after the first day (default {DEFAULT_DAYS})."),
            show_default=False),
        year: Optional[int] = typer.Option(  # noqa: UP007
            None, "--year", metavar=t.t("NĂM", "YEAR"),
            help=t.t("Cả một năm dương lịch (thay cho --from/--until/--days).",
                     "A whole calendar year (instead of --from/--until/--days)."), show_default=False),
        unit: Optional[str] = typer.Option(  # noqa: UP007
            None, "--unit", metavar=t.t("MÃ", "ID"),
            help=t.t("Chỉ ngày kỷ niệm riêng và phong trào của đơn vị này, cấp trên và cấp dưới của nó "
                     "(và các cụm nó tham gia); ngày kỷ niệm toàn quốc vẫn giữ.",
                     "Only local anniversaries and campaigns of this unit, its ancestors and "
                     "descendants (and the clusters it takes part in); national days stay."),
            show_default=False),
        round_only: bool = typer.Option(
            False, "--round",
            help=t.t("Chỉ ngày kỷ niệm năm tròn (● chẵn 10) và năm lẻ 5 (○): để lập kế hoạch năm sau.",
                     "Only round anniversaries (● ending in 0) and those ending in 5 (○): for "
                     "planning next year.")),
        format: Format = typer.Option(  # noqa: A002 - the option is called --format
            Format.table, "--format", "-f",
            help=t.t("Dạng kết quả: table, json hoặc ics (lịch RFC 5545 cho Google Calendar, Outlook).",
                     "Output format: table, json or ics (RFC 5545, for Google Calendar, Outlook).")),
        output: Optional[str] = typer.Option(  # noqa: UP007
            None, "--out", "-o", "--output", metavar=t.t("TỆP", "FILE"),
            help=t.t("Ghi vào tệp thay vì in ra ('-' là stdout); không ghi đè tệp đã có.",
                     "Write to a file instead of stdout ('-' is stdout); never overwrites."),
            show_default=False),
        force: bool = typer.Option(False, "--force", help=t.t("Ghi đè tệp đã có (với -o).",
                                                             "Overwrite an existing file (with -o).")),
        remind: Optional[int] = typer.Option(  # noqa: UP007
            None, "--remind", metavar=t.t("SỐ_NGÀY", "DAYS"), min=0, max=60,
            help=t.t("Với --format ics: nhắc trước mỗi sự kiện chừng ấy ngày (0: ngay trong ngày).",
                     "With --format ics: a reminder that many days before each event (0: that day)."),
            show_default=False),
    ) -> None:
        settings: Settings = ctx.obj
        raise typer.Exit(run(settings, start, until, days, year, unit, round_only, format.value,
                             output, force, remind))


# --------------------------------------------------------------------------- the range

def _date(settings: Settings, option: str, text: str) -> date:
    from thidua_cli.vn.dates import DateSyntaxError, parse_date
    try:
        return parse_date(text)
    except DateSyntaxError as exc:
        vi, en = exc.vi, exc.en
        if "03/01/2020" not in vi:  # a real-looking date that does not exist: say how to write one
            vi += "; hãy viết một ngày có thật, như 03/01/2020 hoặc 2020-01-03"
            en += "; write a real date, such as 03/01/2020 or 2020-01-03"
        raise CommandError(f"{option}: {vi}", f"{option}: {en}") from None


def date_range(settings: Settings, start_text: str | None, until_text: str | None,
               days: int | None, year: int | None) -> tuple[date, date]:
    """The first and last day asked for, or a :class:`CommandError` saying what is wrong."""
    if year is not None:
        if start_text is not None or until_text is not None or days is not None:
            raise CommandError("--year đã chọn cả năm: không dùng cùng --from, --until hay --days",
                               "--year selects a whole year: do not combine it with --from, "
                               "--until or --days")
        if not 1000 <= year <= 9999:
            raise CommandError(f"--year {year}: năm phải có bốn chữ số (1000–9999)",
                               f"--year {year}: the year must have four digits (1000–9999)")
        return date(year, 1, 1), date(year, 12, 31)
    if until_text is not None and days is not None:
        raise CommandError("chỉ dùng một trong hai: --until hoặc --days",
                           "use either --until or --days, not both")
    if days is not None and days < 0:
        raise CommandError(f"--days {days}: số ngày không được âm; muốn xem trước đó thì dùng --from",
                           f"--days {days}: the number of days cannot be negative; to look back, "
                           "use --from")
    if days is not None and days > MAX_DAYS:
        raise _too_long()
    start = _date(settings, "--from", start_text) if start_text is not None else today()
    if until_text is not None:
        end = _date(settings, "--until", until_text)
        if end < start:
            raise CommandError(
                f"--until {until_text} trước --from {_short(start)}: ngày cuối phải từ ngày đầu trở đi",
                f"--until {until_text} is before --from {start.isoformat()}: the last day must not "
                "come before the first")
    else:
        count = DEFAULT_DAYS if days is None else days
        try:
            end = start + timedelta(days=count)
        except OverflowError:
            raise CommandError(f"--days {count} vượt quá ngày cuối cùng tính được (31/12/9999)",
                               f"--days {count} goes past the last day that can be computed "
                               "(9999-12-31)") from None
    if end.year - start.year > MAX_YEARS:
        raise _too_long()
    return start, end


def _too_long() -> CommandError:
    return CommandError(
        f"khoảng thời gian dài quá {MAX_YEARS} năm; hãy thu hẹp bằng --from/--until hoặc --year",
        f"the range is longer than {MAX_YEARS} years; narrow it with --from/--until or --year")


def _short(d: date) -> str:
    from thidua_cli.vn.dates import short_date
    return short_date(d)


# --------------------------------------------------------------------------- the command

def run(settings: Settings, start_text: str | None, until_text: str | None, days: int | None,
        year: int | None, unit: str | None, round_only: bool, fmt: str, output: str | None,
        force: bool, remind: int | None = None) -> int:
    t = settings.t
    if remind is not None and fmt != "ics":
        raise CommandError("--remind chỉ dùng với --format ics", "--remind only goes with --format ics")
    start, end = date_range(settings, start_text, until_text, days, year)

    from thidua_cli import calendar
    from thidua_cli.cli.progress import ProgressBar
    from thidua_cli.rules.base import suggest
    from thidua_cli.vn import lunar

    with ProgressBar(settings) as progress:
        result = checked_registry(settings, "Sổ đăng ký có lỗi: không lập lịch.",
                                  "The registry has errors: no calendar made.", progress)
    if result is None:
        return 1
    registry = result.registry
    try:
        found = calendar.entries(registry, start, end, unit=unit, round_only=round_only)
    except calendar.UnknownUnit as exc:
        hint_vi, hint_en = suggest(exc.unit, exc.known)
        raise CommandError(f'không có đơn vị hay cụm "{exc.unit}" trong sổ đăng ký{hint_vi}',
                           f'no unit or cluster "{exc.unit}" in the registry{hint_en}') from None

    # Only lunar anniversaries that could be listed matter (with --round, those with a base year).
    has_lunar = any(item.model.lunar is not None and (not round_only or item.model.since is not None)
                    for item in registry.anniversaries)
    if has_lunar and (start.year < lunar.FIRST_YEAR or end.year > lunar.LAST_YEAR):
        settings.err.print(t(
            f"Lưu ý: âm lịch chỉ tính được cho các năm {lunar.FIRST_YEAR}–{lunar.LAST_YEAR}; ngày kỷ "
            "niệm âm lịch ngoài khoảng đó không có trong lịch.",
            f"Note: the lunar calendar covers {lunar.FIRST_YEAR}–{lunar.LAST_YEAR} only; lunar "
            "anniversaries outside those years are not listed."), markup=False, soft_wrap=True)

    names = calendar.issuer_names(registry)
    who = names.get(unit) if unit else None
    if fmt == "json":
        text: str | bytes = to_json(found)
    elif fmt == "ics":
        text = to_ics(found, calendar_name(start, end, year, who, round_only), remind)
    elif output is None or output == "-":
        if settings.out.is_terminal:
            print_rich(settings, found, start, end, year, who, round_only)
            return 0
        text = to_plain(found, start, end, year, who, round_only, settings.lang, today())
    else:
        text = to_plain(found, start, end, year, who, round_only, settings.lang, today())

    if output is None or output == "-":
        if isinstance(text, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(text)
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write(text)
            sys.stdout.flush()
        return 0
    _write(settings, Path(output), text, force, len(found))
    return 0


def _write(settings: Settings, path: Path, data: str | bytes, force: bool, count: int) -> None:
    if path.is_dir():
        raise CommandError(f"{path} là một thư mục; hãy cho -o một tên tệp",
                           f"{path} is a folder; give -o a file name")
    write_output(path, data, force)
    settings.err.print(settings.t(f"Đã ghi {path} ({count} mục)", f"Wrote {path} ({count} entries)"),
                       markup=False, highlight=False, soft_wrap=True)


# --------------------------------------------------------------------------- formats

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
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    return datetime.now(timezone.utc).replace(microsecond=0)


def to_ics(found: list[Entry], name: str, remind: int | None = None) -> bytes:
    """RFC 5545: all-day events (DTSTART;VALUE=DATE, DTEND the day after the last, as Google
    Calendar and Outlook write them), UIDs that identify the event so a re-import updates it.

    A phase whose start is listed is one event spanning its days (its end is not repeated);
    a phase end whose start falls before the range stays a one-day deadline. Descriptions
    give the period, the campaign and the file it comes from; ``remind`` adds an alarm that
    many days before each event."""
    from icalendar import Alarm, Calendar, Event

    from thidua_cli.calendar import round_label

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
        event.add("dtend", last + timedelta(days=1))
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
    return cal.to_ical()


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
    from thidua_cli.calendar import round_label

    lines = [_heading(found, start, end, year, who, round_only, lang)]
    if not found:
        lines.append("Không có mục nào trong khoảng này." if lang == "vi" else
                     "Nothing in this range.")
    for kind, value in rows(found, start, end, now):
        if kind == "month":
            y, m = value  # type: ignore[misc]
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


# A phase's end is a deadline, not an error: not red.
_STYLES = {"launch": "bold", "phase-start": "green", "phase-end": "magenta", "anniversary": ""}


def print_rich(settings: Settings, found: list[Entry], start: date, end: date, year: int | None,
               who: str | None, round_only: bool) -> None:
    from rich.table import Table
    from rich.text import Text

    from thidua_cli.calendar import round_label

    lang = settings.lang
    table = Table(title=_heading(found, start, end, year, who, round_only, lang),
                  title_justify="left", show_lines=False, pad_edge=False)
    table.add_column(settings.t("Ngày", "Date"), no_wrap=True)
    table.add_column(settings.t("Thứ", "Day"), no_wrap=True)
    table.add_column(settings.t("Sự kiện", "Event"))
    table.add_column(settings.t("Năm tròn", "Round"), no_wrap=True)
    now = today()
    listed = rows(found, start, end, now)
    for index, (kind, value) in enumerate(listed):
        last_of_month = index + 1 == len(listed) or listed[index + 1][0] == "month"
        if kind == "month":
            y, m = value  # type: ignore[misc]
            table.add_row(Text(_month_heading(y, m, lang), style="bold cyan"), "", "", "",
                          end_section=last_of_month)
        elif kind == "today":
            d: date = value  # type: ignore[assignment]
            table.add_row(_day(d, lang), WEEKDAYS[lang][d.weekday()],
                          Text(f"── {settings.t('Hôm nay', 'Today')} ──"), "",
                          style="reverse", end_section=last_of_month)
        else:
            e: Entry = value  # type: ignore[assignment]
            title = e.title if lang == "vi" else e.title_en
            mark_style = "bold magenta" if e.round == "major" else "magenta"
            table.add_row(_day(e.date, lang), WEEKDAYS[lang][e.date.weekday()],
                          Text(title, style=_STYLES[e.kind]),
                          Text(round_label(e.round, lang), style=mark_style),
                          end_section=last_of_month)
    settings.out.print(table)
    if not found:
        settings.out.print(settings.t("Không có mục nào trong khoảng này.", "Nothing in this range."))
