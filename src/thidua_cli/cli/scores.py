"""``thidua scores YEAR [--by ID]``: the ranking of a year's scorings, as a table, JSON,
CSV or XLSX; and the one place that reads and checks a scoring for the commands that use
one (``scores``, ``render scores|minutes|proposal``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import typer

from thidua_cli.cli.common import (
    CommandError,
    Settings,
    TableFormat,
    deliver,
    force_option,
    output_option,
    refuse_binary_on_terminal,
    to_stdout,
)

if TYPE_CHECKING:
    from thidua_cli.registry.data import Registry
    from thidua_cli.scoring.sheet import Sheet
    from thidua_cli.validation import Result


def register(app: typer.Typer, t: Settings) -> None:
    @app.command(
        "scores",
        help=t.t("Kết quả chấm điểm thi đua của năm: điểm từng nhóm, thưởng, trừ, tổng, xếp loại, "
                 "xếp hạng và phiếu bình xét.",
                 "The year's emulation scores: group points, bonus, deductions, total, class, "
                 "rank and votes."),
    )
    def scores_command(
        ctx: typer.Context,
        year: int = typer.Argument(..., metavar=t.t("NĂM", "YEAR"),
                                   help=t.t("Năm chấm điểm.", "The year scored.")),
        by: str | None = typer.Option(
            None, "--by", metavar=t.t("MÃ", "ID"), help=t.t("Chỉ bảng chấm điểm của cụm (hoặc đơn vị) này.",
                                                 "Only the scoring made by this cluster (or unit).")),
        format: TableFormat = typer.Option(
            TableFormat.table, "--format", "-f", help=t.t("Định dạng: table, json, csv hoặc xlsx.",
                                                     "Output format: table, json, csv or xlsx.")),
        output: str | None = output_option(t),
        force: bool = force_option(t),
    ) -> None:
        settings: Settings = ctx.obj
        raise typer.Exit(run(settings, year, by, format.value, output, force))


def run(settings: Settings, year: int, by: str | None, fmt: str, output: str | None,
        force: bool) -> int:
    refuse_binary_on_terminal(fmt, output)
    from thidua_cli.cli.progress import ProgressBar

    with ProgressBar(settings) as progress:
        chosen = checked_sheets(settings, year, by, "không lập bảng điểm.", "no scores shown.",
                                progress)
    if chosen is None:
        return 1
    from thidua_cli.scoring import views

    if fmt == "xlsx":
        from thidua_cli.scoring.xlsx import to_xlsx
        data: str | bytes = to_xlsx(chosen)
    elif fmt == "json":
        data = views.to_json(chosen)
    elif fmt == "csv":
        data = views.to_csv(chosen)
    elif to_stdout(output) and settings.out.is_terminal:
        print_rich(settings, chosen)
        return 0
    else:
        data = views.to_plain(chosen, settings.lang)
    count = sum(len(sheet.ranking.units) for sheet in chosen)
    deliver(settings, data, output, force, f"{count} đơn vị", f"{count} units")
    return 0


def print_rich(settings: Settings, chosen: list[Sheet]) -> None:
    from rich import box
    from rich.table import Table

    from thidua_cli.scoring import views

    for number, sheet in enumerate(chosen):
        if number:
            settings.out.print()
        # Light rules, not boxes: at 80 columns the names of five units still fit on one line.
        table = Table(title=views.title(sheet, settings.lang), title_justify="left", pad_edge=False,
                      box=box.SIMPLE_HEAD, title_style="bold", collapse_padding=True)
        head = views.headers(sheet, settings.lang)
        for index, name in enumerate(head):
            left = index in (1, len(head) - 2)
            table.add_column(name, justify="left" if left else "right", no_wrap=not left,
                             style="bold" if index == len(head) - 3 else None)
        for row in views.cells(sheet, settings.lang):
            table.add_row(*row)
        settings.out.print(table)
        note = views.tie_note(sheet, settings.lang)
        if note:
            settings.out.print(note, style="yellow", markup=False, highlight=False)


# --------------------------------------------------------------------------- reading and checking

def checked_sheets(settings: Settings, year: int, by: str | None, refusal_vi: str, refusal_en: str,
                   progress: Callable[[str, int, int], None] | None = None) -> list[Sheet] | None:
    """The scorings of ``year`` (``by`` only, when given), computed — or ``None`` after printing
    the errors of their own data (the scoring file, the scorer and the units it scores, the
    covenant and its results), which block them. Errors elsewhere in the registry do not: they
    are counted in one line. The warnings of their own data are printed."""
    from thidua_cli import report
    from thidua_cli.problems import Severity
    from thidua_cli.scoring.sheet import sheets
    from thidua_cli.validation import validate

    result = validate(settings.registry, cache=True, progress=progress)
    registry = result.registry
    own = own_files(registry, year, by)
    mine = [p for p in result.problems if p.file in own]
    errors = [p for p in mine if p.severity is Severity.ERROR]
    elsewhere = sum(1 for p in result.problems if p.severity is Severity.ERROR and p.file not in own)
    if mine:
        for line in report.text_lines(mine, len(own), settings.lang):
            settings.print_wrapped(line, err=True)
    if elsewhere:
        settings.err.print(_elsewhere(settings, elsewhere, result), markup=False, highlight=False)
    if errors:
        settings.err.print(settings.t(f"Bảng chấm điểm có lỗi: {refusal_vi}",
                                      f"The scoring has errors: {refusal_en}"),
                           markup=False, highlight=False)
        return None
    _known(registry, year, by)
    return sheets(registry, year, by)


def _elsewhere(settings: Settings, errors: int, result: Result) -> str:
    from thidua_cli.problems import Severity

    files = len({p.file for p in result.problems if p.severity is Severity.ERROR})
    return settings.t(
        f"Lưu ý: sổ đăng ký còn {errors} lỗi ở {files} tệp khác, không liên quan đến bảng chấm điểm "
        "này (xem bằng thidua validate).",
        f"Note: the registry has {errors} more errors in {files} other files, unrelated to this "
        "scoring (see thidua validate).")


def _known(registry: Registry, year: int, by: str | None) -> None:
    """Refuse (exit 2, one line) a year without scorings, or a scorer that has none."""
    from thidua_cli.hints import did_you_mean

    scorers = [e.model.by for e in registry.scorings]
    if by is not None and by not in scorers:
        known = {e.model.id for e in registry.clusters} | {e.model.id for e in registry.units}
        hint_vi, hint_en = did_you_mean(by, [*scorers, *known]) if by not in known else ("", "")
        raise CommandError(f'"{by}" không có bảng chấm điểm nào trong sổ đăng ký{hint_vi}',
                           f'"{by}" has no scoring in the registry{hint_en}')
    if not any(e.model.year == year and (by is None or e.model.by == by) for e in registry.scorings):
        years = sorted({e.model.year for e in registry.scorings if by is None or e.model.by == by})
        have_vi = f" (có các năm: {', '.join(map(str, years))})" if years else ""
        have_en = f" (there are: {', '.join(map(str, years))})" if years else ""
        whose_vi, whose_en = (f" của {by}", f" by {by}") if by else ("", "")
        raise CommandError(f"không có bảng chấm điểm nào{whose_vi} năm {year}{have_vi}",
                           f"no scoring{whose_en} in {year}{have_en}")


def own_files(registry: Registry, year: int, by: str | None) -> set[str]:
    """The files a year's scorings stand on: the scoring files, the files that hold their
    scorers and the units they may score, their campaigns and the results on those; and any
    scoring file that could not be read (which year it holds is unknown)."""
    loaded = {e.loc.file for e in registry.scorings}
    unread = {name for name, path in registry.paths.items()
              if path.parent.name == "scoring" and name not in loaded}
    chosen = [e for e in registry.scorings if e.model.year == year and (by is None or e.model.by == by)]
    scorers = {e.model.by for e in chosen}
    campaigns = {e.model.campaign for e in chosen if e.model.campaign}
    own = {e.loc.file for e in chosen} | unread
    members = {m for c in registry.clusters if c.model.id in scorers for m in c.model.members}
    own |= {c.loc.file for c in registry.clusters if c.model.id in scorers}
    own |= {u.loc.file for u in registry.units
            if u.model.id in scorers or u.model.id in members or u.model.parent in scorers}
    own |= {c.loc.file for c in registry.campaigns if c.model.id in campaigns}
    own |= {r.loc.file for r in registry.results if r.model.campaign in campaigns}
    return own
