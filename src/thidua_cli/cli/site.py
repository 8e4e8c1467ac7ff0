"""``thidua site``: the registry as a static website (no server, no network)."""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from time import perf_counter

import typer

from thidua_cli.cli.common import CommandError, Settings

DEFAULT_OUT = "site"


class DocumentFormat(StrEnum):
    docx = "docx"


def register(app: typer.Typer, t: Settings) -> None:
    @app.command(
        "site",
        help=t.t("Lập trang web tĩnh từ sổ đăng ký (mở thẳng từ thư mục, không cần máy chủ hay "
                 "mạng): toàn cảnh năm, đơn vị, phong trào, cụm thi đua, lịch, văn bản.",
                 "Build a static website from the registry (opens from the folder, no server, no "
                 "network): the year at a glance, units, campaigns, clusters, calendar, documents."),
    )
    def site_command(
        ctx: typer.Context,
        out: Path = typer.Option(
            Path(DEFAULT_OUT), "--out", "-o", metavar=t.t("THƯ_MỤC", "DIR"),
            help=t.t("Thư mục của trang web (mặc định ./site).", "Folder of the site (default ./site)."),
            show_default=False),
        year: int | None = typer.Option(
            None, "--year", metavar=t.t("NĂM", "YEAR"),
            help=t.t("Năm của trang đầu (mặc định năm gần nhất có phong trào).",
                     "The front page's year (default the latest year with campaigns)."),
            show_default=False),
        documents: DocumentFormat | None = typer.Option(
            None, "--documents", metavar="docx",
            help=t.t("Kèm văn bản DOCX bên cạnh bản HTML.", "Add DOCX documents beside the HTML ones."),
            show_default=False),
        force: bool = typer.Option(False, "--force", help=t.t(
            "Thay thế trang web đã lập trước đó trong thư mục này.",
            "Replace a site built earlier in this folder.")),
    ) -> None:
        settings: Settings = ctx.obj
        raise typer.Exit(run(settings, out, year, documents is DocumentFormat.docx, force))


def run(settings: Settings, out: Path, year: int | None, docx: bool, force: bool) -> int:
    t = settings.t
    from thidua_cli import report
    from thidua_cli.cli.progress import ProgressBar
    from thidua_cli.site import build
    from thidua_cli.validation import validate

    if year is not None and not 1000 <= year <= 9999:
        raise CommandError(f"--year {year}: năm phải có bốn chữ số (1000–9999)",
                           f"--year {year}: the year must have four digits (1000–9999)")
    _check_out(settings, out, force)
    started = perf_counter()
    with ProgressBar(settings) as progress:
        result = validate(settings.registry, cache=True, progress=progress)
        years = sorted({e.model.year for e in result.registry.campaigns})
        if year is not None and years and year not in years:
            listed = ", ".join(str(y) for y in years)
            raise CommandError(f"không có phong trào nào năm {year} trong sổ đăng ký (các năm có: {listed})",
                               f"no campaign of {year} in the registry (years with campaigns: {listed})")
        files = build.pages_of(result.registry, result.problems, build.Options(year=year, docx=docx),
                               progress, result.index)
        try:
            count = build.write_site(out, files, force)
        except build.SiteExists as exc:
            raise _exists(exc) from None
        except build.WorkerDied:
            raise CommandError(
                "một tiến trình phụ lập trang web đã dừng đột ngột (có thể do thiếu bộ nhớ); không "
                f"có gì được ghi vào {out}; hãy chạy lại",
                f"a worker process making pages stopped abruptly (out of memory?); nothing was "
                f"written to {out}; run again") from None
        except OSError as exc:
            raise CommandError(f"không ghi được trang web vào {out}: {exc.strerror or exc}",
                               f"cannot write the site to {out}: {exc.strerror or exc}") from None
    seconds = perf_counter() - started
    pages = count - 1  # the marker file is not a page
    if result.errors:
        settings.err.print(report.summary_line(len(result.registry.files), result.errors,
                                               result.warnings, settings.lang),
                           markup=False, highlight=False)
        settings.err.print(t(
            f"Sổ đăng ký có lỗi: trang web được lập từ phần hợp lệ; các vấn đề ở "
            f"{out / 'problems.html'} (chạy thidua validate để xem vị trí).",
            f"The registry has errors: the site is built from what is valid; the problems are in "
            f"{out / 'problems.html'} (run thidua validate to see where)."),
            markup=False, highlight=False)
    where = os.path.join(str(out), "")
    rate = pages / seconds if seconds > 0 else float(pages)
    settings.err.print(t(
        f"Đã lập trang web trong {where}: {_vi(pages)} tệp trong {_vi(seconds, 1)} giây "
        f"({_vi(rate)} tệp mỗi giây); mở {out / 'index.html'}",
        f"Built the site in {where}: {pages:,} files in {seconds:,.1f} s ({rate:,.0f} files per "
        f"second); open {out / 'index.html'}"),
        markup=False, highlight=False)
    return 0


def _check_out(settings: Settings, out: Path, force: bool) -> None:
    """Refuse a destination that will not be replaced before reading the registry."""
    from thidua_cli.site import build

    try:
        build.check_destination(out, force)
    except build.SiteExists as exc:
        raise _exists(exc) from None


def _exists(exc: object) -> CommandError:
    from thidua_cli.site.build import MARKER, SiteExists

    assert isinstance(exc, SiteExists)
    path = exc.path
    if not exc.ours:
        return CommandError(
            f"{path} đã có và không phải trang web do thidua lập (không có tệp {MARKER}): không thay "
            "thế, kể cả với --force; hãy chọn một thư mục khác hoặc một thư mục trống",
            f"{path} exists and is not a site built by thidua (no {MARKER} file): not replaced, "
            "even with --force; choose another folder or an empty one")
    return CommandError(f"trang web đã có, không ghi đè: {path} (dùng --force để thay thế)",
                        f"the site exists, not replaced: {path} (use --force to replace it)")


def _vi(number: float, decimals: int = 0) -> str:
    """``6.041``, ``12,5``: Vietnamese grouping and decimal comma."""
    return f"{number:,.{decimals}f}".translate(str.maketrans(",.", ".,"))
