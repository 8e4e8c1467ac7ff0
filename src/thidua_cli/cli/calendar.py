"""``thidua calendar``: anniversaries, launches and phase deadlines as a table, JSON or ICS.

Wiring only: the range is :mod:`thidua_cli.calendar.period`'s, the entries
:mod:`thidua_cli.calendar.events`', the formats :mod:`thidua_cli.calendar.export`'s.
"""

from __future__ import annotations

from datetime import date
from enum import Enum

import typer

from thidua_cli.calendar.period import DEFAULT_DAYS
from thidua_cli.cli.common import (
    CommandError,
    Settings,
    deliver,
    examples,
    force_option,
    output_option,
    refuse_empty,
    to_stdout,
)

#: Narrower than this, the table squeezes the event column to "…": plain lines instead.
TABLE_WIDTH = 60


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
        start: str | None = typer.Option(
            None, "--from", metavar=t.t("NGÀY", "DATE"),
            help=t.t("Ngày đầu (2020-01-03 hoặc 03/01/2020); mặc định hôm nay.",
                     "First day (2020-01-03 or 03/01/2020); default today."), show_default=False),
        until: str | None = typer.Option(
            None, "--until", metavar=t.t("NGÀY", "DATE"),
            help=t.t("Ngày cuối (tính cả ngày đó).", "Last day (included)."), show_default=False),
        days: int | None = typer.Option(
            None, "--days", metavar=t.t("SỐ_NGÀY", "N"),
            help=t.t(f"Số ngày sau ngày đầu (mặc định {DEFAULT_DAYS}).",
                     f"Number of days after the first day (default {DEFAULT_DAYS})."),
            show_default=False),
        year: int | None = typer.Option(
            None, "--year", metavar=t.t("NĂM", "YEAR"),
            help=t.t("Cả một năm dương lịch (thay cho --from/--until/--days).",
                     "A whole calendar year (instead of --from/--until/--days)."), show_default=False),
        unit: str | None = typer.Option(
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
        format: Format = typer.Option(
            Format.table, "--format", "-f",
            help=t.t("Dạng kết quả: table, json hoặc ics (lịch RFC 5545 cho Google Calendar, Outlook).",
                     "Output format: table, json or ics (RFC 5545, for Google Calendar, Outlook).")),
        output: str | None = output_option(t),
        force: bool = force_option(t),
        remind: int | None = typer.Option(
            None, "--remind", metavar=t.t("SỐ_NGÀY", "DAYS"), min=0, max=60,
            help=t.t("Với --format ics: nhắc trước mỗi sự kiện chừng ấy ngày (0: ngay trong ngày).",
                     "With --format ics: a reminder that many days before each event (0: that day)."),
            show_default=False),
    ) -> None:
        settings: Settings = ctx.obj
        raise typer.Exit(run(settings, start, until, days, year, unit, round_only, format.value,
                             output, force, remind))


# --------------------------------------------------------------------------- the command

def run(settings: Settings, start_text: str | None, until_text: str | None, days: int | None,
        year: int | None, unit: str | None, round_only: bool, fmt: str, output: str | None,
        force: bool, remind: int | None = None) -> int:
    refuse_empty(unit=unit, output=output)
    if remind is not None and fmt != "ics":
        raise CommandError("--remind chỉ dùng với --format ics", "--remind only goes with --format ics")
    from thidua_cli.calendar import events, export, period
    from thidua_cli.cli.progress import ProgressBar

    start, end = period.date_range(start_text, until_text, days, year, today())
    from thidua_cli.registry.index import RegistryIndex
    from thidua_cli.scope import without_errors
    from thidua_cli.validation import validate

    with ProgressBar(settings) as progress:
        result = validate(settings.registry, cache=True, progress=progress)
    # What the files without errors hold is listed; the rest is summarised in one line.
    # The errors that thidua.yaml turned off or down still keep what they break out.
    registry, left_aside = without_errors(result.registry, result.problems + result.held_back)
    if left_aside:
        settings.err.print(settings.t(
            f"Bỏ qua {left_aside} lỗi trong sổ đăng ký: các mục có lỗi không có trong lịch "
            "(xem: thidua validate).",
            f"Left aside {left_aside} error{'s' if left_aside > 1 else ''} in the registry: the "
            "entries with errors are not in the calendar (see: thidua validate)."),
            markup=False, highlight=False)
    index = result.index if not left_aside else RegistryIndex.of(registry)
    found = events.entries(registry, start, end, unit=unit, round_only=round_only, index=index)
    note = events.lunar_gap(registry, start, end, round_only)
    if note is not None:
        settings.err.print(note.get(settings.lang), markup=False)

    names = events.issuer_names(registry)
    view = export.View(start, end, year, names.get(unit) if unit else None, round_only,
                       settings.lang, today(), remind)
    wide_terminal = settings.out.is_terminal and settings.out.width >= TABLE_WIDTH
    if fmt == "table" and to_stdout(output) and wide_terminal:
        for shown in export.rich_table(found, view):
            settings.out.print(shown)
        return 0
    text = export.EXPORTERS[fmt](found, view)
    deliver(settings, text, output, force, f"{len(found)} mục", f"{len(found)} entries")
    return 0
