"""``thidua results``: each campaign's targets judged, own or rolled up, as a table, JSON,
CSV or XLSX."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from thidua_cli.cli.common import (
    CommandError,
    Settings,
    TableFormat,
    checked_registry,
    deliver,
    force_option,
    output_option,
    refuse_binary_on_terminal,
    to_stdout,
)

if TYPE_CHECKING:
    from rich.table import Table

    from thidua_cli.results.table import CampaignRows

#: Width of the plain table (a pipe or a file): wide enough for a target's text beside its numbers.
PLAIN_WIDTH = 120
_STYLES = {"vuot": "bold green", "dat": "green", "khong-dat": "bold red", "tien-do": "yellow"}


def register(app: typer.Typer, t: Settings) -> None:
    @app.command(
        "results",
        help=t.t("Kết quả thực hiện chỉ tiêu: kế hoạch, thực hiện, tỷ lệ, đánh giá (đạt, vượt, không đạt), "
                 "tổng hợp từ các đơn vị cấp dưới và đơn vị chưa báo cáo.",
                 "Target results: plan, achieved, share, verdict (met, exceeded, not met), pooled from "
                 "the units below, and who has not reported."),
    )
    def results_command(
        ctx: typer.Context,
        year: int | None = typer.Argument(
            None, metavar=t.t("NĂM", "YEAR"), show_default=False,
            help=t.t("Năm của phong trào (mặc định: mọi năm).", "Year of the campaigns (default: all).")),
        campaign: str | None = typer.Option(
            None, "--campaign", metavar=t.t("MÃ", "ID"), show_default=False,
            help=t.t("Chỉ phong trào này.", "Only this campaign.")),
        unit: str | None = typer.Option(
            None, "--unit", metavar=t.t("MÃ", "ID"), show_default=False,
            help=t.t("Chỉ phong trào đơn vị này phát động hoặc báo cáo.",
                     "Only the campaigns this unit issued or reported on.")),
        phase: int | None = typer.Option(
            None, "--phase", metavar="N", show_default=False,
            help=t.t("Sơ kết đợt N (tiến độ) thay vì tổng kết.",
                     "Phase N's review (progress) instead of the whole.")),
        fmt: TableFormat = typer.Option(
            TableFormat.table, "--format", "-f",
            help=t.t("Dạng kết quả: table, json, csv hoặc xlsx.",
                     "Output format: table, json, csv or xlsx.")),
        output: str | None = output_option(t),
        force: bool = force_option(t),
    ) -> None:
        raise typer.Exit(run(ctx.obj, year, campaign, unit, phase, fmt.value, output, force))


def run(settings: Settings, year: int | None, campaign_id: str | None, unit: str | None,
        phase: int | None, fmt: str, output: str | None, force: bool) -> int:
    if campaign_id is not None and unit is not None:
        raise CommandError("chỉ dùng một trong hai: --campaign hoặc --unit",
                           "use either --campaign or --unit, not both")
    if phase is not None and phase < 1:
        raise CommandError(f"--phase {phase}: số đợt bắt đầu từ 1",
                           f"--phase {phase}: phases are numbered from 1")
    refuse_binary_on_terminal(fmt, output)

    from thidua_cli.cli.progress import ProgressBar
    from thidua_cli.hints import did_you_mean as suggest
    from thidua_cli.results import export, table

    with ProgressBar(settings) as progress:
        checked = checked_registry(settings, "Sổ đăng ký có lỗi: không tính kết quả.",
                                   "The registry has errors: no results computed.", progress)
    if checked is None:
        return 1
    registry = checked.registry
    known_campaigns = [entry.model.id for entry in registry.campaigns]
    if campaign_id is not None and campaign_id not in known_campaigns:
        hint_vi, hint_en = suggest(campaign_id, known_campaigns)
        raise CommandError(f'không có phong trào "{campaign_id}" trong sổ đăng ký{hint_vi}',
                           f'no campaign "{campaign_id}" in the registry{hint_en}')
    label = table.names(registry)
    if unit is not None and unit not in label:
        hint_vi, hint_en = suggest(unit, label)
        raise CommandError(f'không có đơn vị hay cụm "{unit}" trong sổ đăng ký{hint_vi}',
                           f'no unit or cluster "{unit}" in the registry{hint_en}')
    chosen = table.campaigns(registry, year, campaign_id, unit)
    tables = table.rows(registry, chosen, phase, unit)

    data: str | bytes
    if fmt == "json":
        data = export.to_json(tables)
    elif fmt == "csv":
        data = export.to_csv(tables)
    elif fmt == "xlsx":
        data = export.to_xlsx(tables, label)
    elif to_stdout(output) and settings.out.is_terminal:
        print_tables(settings, tables, year)
        return 0
    else:
        data = to_plain(tables, year, settings.lang)
    rows = sum(len(item.rows) for item in tables)
    deliver(settings, data, output, force, f"{len(tables)} phong trào, {rows} dòng",
            f"{len(tables)} campaigns, {rows} rows")
    return 0


# --------------------------------------------------------------------------- the table

def _heading(item: CampaignRows, lang: str) -> str:
    period_vi = f"sơ kết đợt {item.phase}" if item.phase is not None else "tổng kết"
    period_en = f"phase {item.phase} review" if item.phase is not None else "year-end review"
    if lang == "en":
        return f"{item.campaign.title} ({item.campaign.id}) — {item.issuer_name}, {period_en}"
    return f"{item.campaign.title} ({item.campaign.id}) — {item.issuer_name}, {period_vi}"


def _coverage(item: CampaignRows, lang: str) -> str:
    if not item.expected:
        return ""
    from thidua_cli.vn import numbers

    reported, expected = numbers.count(len(item.reported)), numbers.count(len(item.expected))
    missing = item.missing_names
    shown = ", ".join(missing[:10]) + (f" … (+{len(missing) - 10})" if len(missing) > 10 else "")
    if lang == "en":
        text = f"Reported: {numbers.english(reported)}/{numbers.english(expected)} units"
        return text + (f"; not reported: {shown}" if missing else "")
    text = f"Đã báo cáo: {reported}/{expected} đơn vị"
    return text + (f"; chưa báo cáo: {shown}" if missing else "")


def build_table(item: CampaignRows, lang: str, color: bool) -> Table:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    def t(vi: str, en: str) -> str:
        return en if lang == "en" else vi

    grid = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, expand=False)
    grid.add_column(t("STT", "No."), justify="right", no_wrap=True)
    # Ratios, used when the table is wider than the terminal: at 80 columns the plan gets the
    # 7 characters of "Kế hoạch" and "trở lên", the target's text the most.
    grid.add_column(t("Chỉ tiêu / đơn vị", "Target / unit"), ratio=5, min_width=14)
    grid.add_column(t("Kế hoạch", "Plan"), ratio=2, min_width=6)
    grid.add_column(t("Thực hiện", "Achieved"), justify="right", no_wrap=True)
    grid.add_column(t("Tỷ lệ", "Share"), justify="right", no_wrap=True)
    grid.add_column(t("Đánh giá", "Verdict"), ratio=3, min_width=10)
    number = 0
    previous = None
    for row in item.rows:
        figure = row.figure
        style = _STYLES.get(row.verdict.kind, "") if color and row.verdict is not None else ""
        if color and figure is None:
            style = "dim"
        verdict = Text(row.verdict_text(lang), style=style)
        figures = (row.achieved_text(lang), row.share_text(lang), verdict)
        first_of_target = previous is None or previous.target.id != row.target.id
        previous = row
        if row.issuer_row or first_of_target:
            number += 1
            coverage = figure.coverage_text(lang) if figure is not None and row.issuer_row else ""
            what = row.target.text + (f" ({coverage})" if coverage else "")
            if not row.issuer_row:  # --unit: the unit's own rows, without the issuer's
                what += f" — {row.unit_name}"
            grid.add_row(str(number), what, str(row.target.value), *figures)
        else:
            grid.add_row("", f"└ {row.unit_name}", "", *figures)
    return grid


def print_tables(settings: Settings, tables: list[CampaignRows], year: int | None) -> None:
    lang = settings.lang
    if not tables:
        settings.out.print(_nothing(year, lang), markup=False)
        return
    for index, item in enumerate(tables):
        if index:
            settings.out.print()
        settings.out.print(_heading(item, lang), style="bold", markup=False, highlight=False)
        coverage = _coverage(item, lang)
        if coverage:
            settings.out.print(coverage, markup=False, highlight=False)
        if item.campaign.targets:
            grid = build_table(item, lang, settings.color)
            # Too wide for the terminal: the columns' ratios share its width (the target's
            # text the most), rather than Rich squeezing each column from its widest cell.
            console = settings.out
            natural = console.measure(grid, options=console.options.update_width(10_000)).maximum
            grid.expand = natural > console.width
            settings.out.print(grid)
        else:
            settings.out.print(_no_targets(lang), markup=False)


def _no_targets(lang: str) -> str:
    return "The campaign sets no target." if lang == "en" else "Phong trào không đặt chỉ tiêu nào."


def _nothing(year: int | None, lang: str) -> str:
    if lang == "en":
        return f"No campaign in {year}." if year is not None else "No campaign."
    return f"Không có phong trào nào năm {year}." if year is not None else "Không có phong trào nào."


def to_plain(tables: list[CampaignRows], year: int | None, lang: str) -> str:
    """The same tables without colour, at a fixed width (a pipe, a file)."""
    import io

    from rich.console import Console

    out = io.StringIO()
    console = Console(file=out, width=PLAIN_WIDTH, color_system=None, force_terminal=False,
                      highlight=False, emoji=False)
    if not tables:
        console.print(_nothing(year, lang), markup=False)
    for index, item in enumerate(tables):
        if index:
            console.print()
        console.print(_heading(item, lang), markup=False)
        coverage = _coverage(item, lang)
        if coverage:
            console.print(coverage, markup=False)
        if item.campaign.targets:
            console.print(build_table(item, lang, color=False))
        else:
            console.print(_no_targets(lang), markup=False)
    return "\n".join(line.rstrip() for line in out.getvalue().splitlines()) + "\n"
